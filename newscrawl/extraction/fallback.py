"""trafilatura's own metadata heuristics, run only for the fields a page leaves unsaid.

Structured data (JSON-LD, OpenGraph, meta tags) answers title, authors, dates and the rest
on most news pages. trafilatura's page heuristics (`<h1>` and `<title>` analysis, byline
XPaths, htmldate's date search) are the fallback, and they are costly: running all of
them on every page took more CPU than extracting the body. `PageHeuristics` runs each one
on first use only, so a page with complete structured data pays for none of them.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from htmldate import find_date
from trafilatura.metadata import examine_meta, extract_author, extract_catstags, extract_title
from trafilatura.settings import set_date_params

if TYPE_CHECKING:
    from lxml.html import HtmlElement
    from trafilatura.settings import Document


class PageHeuristics:
    """Metadata guessed from the page itself, each field computed when first read."""

    def __init__(self, tree: HtmlElement, url: str | None) -> None:
        self._tree = tree
        self._url = url

    @cached_property
    def _meta(self) -> Document:
        return examine_meta(self._tree)

    @cached_property
    def title(self) -> str | None:
        return self._meta.title or extract_title(self._tree)

    @cached_property
    def author(self) -> str | None:
        meta_author = self._meta.author
        if meta_author and " " in meta_author:  # one word is a handle or a site name
            return str(meta_author)
        return extract_author(self._tree)

    @cached_property
    def date(self) -> str | None:
        params = set_date_params(extensive=True)
        try:
            found = find_date(self._tree, url=self._url, **params)
        except (AssertionError, ValueError, OverflowError):  # htmldate on odd dates and URLs
            return None
        return str(found) if found else None

    @cached_property
    def description(self) -> str | None:
        return self._meta.description

    @cached_property
    def image(self) -> str | None:
        return self._meta.image

    @cached_property
    def tags(self) -> list[str]:
        return list(self._meta.tags or []) or extract_catstags("tag", self._tree)

    @cached_property
    def categories(self) -> list[str]:
        return list(self._meta.categories or []) or extract_catstags("category", self._tree)
