"""Cleaners: plain functions that take text (or an HTML tree) and return it cleaner.

Usable without Scrapy: in a notebook, or over a dataset another tool made
(`newscrawl clean`). The crawl's item pipelines only adapt them.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from newscrawl.cleaning.boilerplate import remove_boilerplate, strip_opening_lines
from newscrawl.cleaning.byline import strip_author_bio, strip_byline
from newscrawl.cleaning.tail import KnownHeadlines, split_paywall_tail, strip_tail
from newscrawl.core.text import squeeze_blank_lines

if TYPE_CHECKING:
    from collections.abc import Sequence

    from newscrawl.cleaning.html import SiteRules, prune_chrome

__all__ = [
    "MAX_TEXT_CHARS",
    "KnownHeadlines",
    "SiteRules",
    "clean_text",
    "prune_chrome",
    "remove_boilerplate",
    "remove_chrome_lines",
    "strip_tail",
]

logger = logging.getLogger(__name__)

#: Longest text `clean_text` cleans, in characters (an article is 2-50k).
MAX_TEXT_CHARS = 1_000_000
#: Cleaning passes until the text no longer changes (idempotence), at most.
_MAX_PASSES = 4

# The HTML cleaners load lxml; the text cleaners need nothing but `re`, so they are
# imported first and the HTML ones on first use (PEP 562).
_LAZY = {"SiteRules": "newscrawl.cleaning.html", "prune_chrome": "newscrawl.cleaning.html"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newscrawl.cleaning' has no attribute {name!r}")


def clean_text(
    text: str,
    title: str | None = None,
    tail_headers: Sequence[str] = (),
    known: KnownHeadlines | None = None,
    authors: Sequence[str] = (),
) -> str:
    """Apply the text-level cleaners, in crawl order: chrome lines, an author box under its
    heading ("About the author") and a byline by its shape ("By Jane Doe, Max Roe"), then
    the headline tail; `title`, when given, also removes the headline block at the top
    (every copy of it among the leading short lines, a kicker between them); `authors`,
    the byline at the top and the authors' bio at the end ("Jane Doe is a senior reporter
    ..."), as the crawl does with the authors it found; `known`, the headlines of a
    dataset's articles, makes a tail of them go whatever its format.

    Only removes: every line of the result is a line of `text` (spacing aside). Run again
    on its result it changes nothing. A text over `MAX_TEXT_CHARS`, or one the cleaners
    fail on, is returned unchanged. Never raises."""
    if not isinstance(text, str) or len(text) > MAX_TEXT_CHARS:
        return text
    authors = _names(authors)
    try:
        result = text
        for _ in range(_MAX_PASSES):
            cleaned = _clean_once(result, title, tail_headers, known, authors)
            if cleaned == result:
                break
            result = cleaned
        else:
            return text  # not settled: leave the text as it was
    except Exception:
        logger.warning("clean_text: the cleaners failed on a text", exc_info=True)
        return text
    return result if _only_removes(text, result) else text


def _names(authors: object) -> list[str]:
    """The author names in `authors`: one name given as a string is one author (not a
    sequence of letters); what is not a string names nobody."""
    if isinstance(authors, str):
        authors = [authors]
    try:
        names = list(authors)  # type: ignore[call-overload]
    except TypeError:
        return []
    return [name.strip() for name in names if isinstance(name, str) and name.strip()]


def _only_removes(before: str, after: str) -> bool:
    """Whether every line of `after` is a line of `before`, in order (spacing aside)."""
    lines = iter(" ".join(line.split()) for line in before.splitlines())
    return all(
        any(kept == line for line in lines)
        for kept in (" ".join(line.split()) for line in after.splitlines())
        if kept
    )


def remove_chrome_lines(
    text: str, title: str | None, authors: Sequence[str]
) -> tuple[str, list[str]]:
    """Chrome lines, the headline block of `title` at the top, and the byline and bio of
    `authors`: the crawl's chrome stage (`stages.remove_chrome`) and `clean_text`'s first
    step; and the lines removed. Where lines went, one empty line stays of the run they
    parted."""
    text, paywall = split_paywall_tail(text)  # the tail's cut point stays for `strip_tail`
    text, removed = remove_boilerplate(text, title)
    text, byline = strip_byline(text, authors)
    if byline:
        # The lines the byline sat above open the text now: a date line under it goes.
        text, under = strip_opening_lines(text)
        removed += under
    text, bio = strip_author_bio(text, authors)
    text = squeeze_blank_lines(text)
    return (f"{text}\n{paywall}" if paywall else text), removed + byline + bio


def _clean_once(
    text: str,
    title: str | None,
    tail_headers: Sequence[str],
    known: KnownHeadlines | None,
    authors: Sequence[str],
) -> str:
    text, _ = remove_chrome_lines(text, title, authors)
    text, _ = strip_tail(text, tail_headers, known)
    return text
