"""Cleaners: plain functions that take text (or an HTML tree) and return it cleaner.

Usable without Scrapy: in a notebook, or over a dataset another tool made
(`newscrawl clean`). The crawl's item pipelines only adapt them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscrawl.cleaning.boilerplate import remove_boilerplate
from newscrawl.cleaning.html import SiteRules, prune_chrome
from newscrawl.cleaning.tail import strip_tail

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["SiteRules", "clean_text", "prune_chrome", "remove_boilerplate", "strip_tail"]


def clean_text(text: str, title: str | None = None, tail_headers: Sequence[str] = ()) -> str:
    """Apply the text-level cleaners, in crawl order: chrome lines, then the headline tail.

    `title`, when given, also removes a first line that repeats the headline.
    """
    text, _ = remove_boilerplate(text, title)
    text, _ = strip_tail(text, tail_headers)
    return text
