"""newscrawl: turn news sites into clean article datasets with Scrapy."""

from __future__ import annotations

from newscrawl.api import clean_text, extract_article
from newscrawl.items import Article

__all__ = ["Article", "clean_text", "extract_article"]
__version__ = "0.1.0"
