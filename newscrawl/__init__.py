"""newscrawl: turn news sites into clean article datasets with Scrapy."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newscrawl.api import clean_text, extract_article
    from newscrawl.items import Article

__all__ = ["Article", "clean_text", "extract_article"]
__version__ = "0.1.0"

# Imported on first use (PEP 562): `newscrawl.api` pulls in trafilatura, lxml and Scrapy's
# item tools, ~50 MB and half a second that `newscrawl export` and its worker processes,
# which import `newscrawl.*` modules, do not need.
_LAZY = {
    "Article": "newscrawl.items",
    "clean_text": "newscrawl.api",
    "extract_article": "newscrawl.api",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newscrawl' has no attribute {name!r}")
