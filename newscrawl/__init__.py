"""newscrawl: turn news sites into clean article datasets with Scrapy."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newscrawl.api import extract_article
    from newscrawl.cleaning import clean_text
    from newscrawl.items import Article

__all__ = ["Article", "clean_text", "extract_article"]
__version__ = "0.1.0"

# Imported on first use (PEP 562): `newscrawl.api` pulls in trafilatura, lxml and Scrapy's
# item tools, ~50 MB and a second that `newscrawl export`, its worker processes and a
# notebook cleaning text (`clean_text` needs only the text cleaners) do not need.
_LAZY = {
    "Article": "newscrawl.items",
    "clean_text": "newscrawl.cleaning",
    "extract_article": "newscrawl.api",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newscrawl' has no attribute {name!r}")
