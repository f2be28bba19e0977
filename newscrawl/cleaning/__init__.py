"""Cleaners: plain functions that take text (or an HTML tree) and return it cleaner.

Usable without Scrapy: in a notebook, or over a dataset another tool made
(`newscrawl clean`). The crawl's item pipelines only adapt them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from newscrawl.cleaning.boilerplate import remove_boilerplate
from newscrawl.cleaning.tail import strip_tail

if TYPE_CHECKING:
    from collections.abc import Sequence

    from newscrawl.cleaning.html import SiteRules, prune_chrome

__all__ = ["SiteRules", "clean_text", "prune_chrome", "remove_boilerplate", "strip_tail"]

# The HTML cleaners load lxml; the text cleaners need nothing but `re`, so they are
# imported first and the HTML ones on first use (PEP 562).
_LAZY = {"SiteRules": "newscrawl.cleaning.html", "prune_chrome": "newscrawl.cleaning.html"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newscrawl.cleaning' has no attribute {name!r}")


def clean_text(text: str, title: str | None = None, tail_headers: Sequence[str] = ()) -> str:
    """Apply the text-level cleaners, in crawl order: chrome lines, then the headline tail.

    `title`, when given, also removes a first line that repeats the headline.
    """
    text, _ = remove_boilerplate(text, title)
    text, _ = strip_tail(text, tail_headers)
    return text
