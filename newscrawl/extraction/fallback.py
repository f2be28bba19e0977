"""trafilatura's own metadata heuristics, run only for the fields a page leaves unsaid.

Structured data (JSON-LD, OpenGraph, meta tags) answers title, authors, dates and the rest
on most news pages. trafilatura's page heuristics (`<h1>` and `<title>` analysis, byline
XPaths, htmldate's date search) are the fallback, and they are costly: running all of
them on every page took more CPU than extracting the body. `PageHeuristics` runs each one
on first use only, so a page with complete structured data pays for none of them.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from htmldate import find_date
from trafilatura.metadata import examine_meta, extract_author, extract_catstags, extract_title
from trafilatura.settings import set_date_params

if TYPE_CHECKING:
    from lxml.html import HtmlElement
    from trafilatura.settings import Document

_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
# Paths of author pages, in the languages of the dev sets' sites. Not "/people/" or
# "/profile/": news sites use those for the people a story is about.
_AUTHOR_PAGE = re.compile(
    r"/(?:authors?|autor(?:en|in)?|auteurs?|autore|journalists?|redakteur(?:in)?|reporters?|"
    r"staff|byline)(?:/|-|$)",
    re.IGNORECASE,
)
_NO_TIME = "T00:00:00"  # as htmldate writes a day it found without a time (no offset)


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
        """The byline as trafilatura's XPaths find it in the page, else the author its
        meta-tag reading found (which `fields` has read already, less mangled: "mdr.de"
        comes back as "Mdr De")."""
        byline = extract_author(self._tree)
        if byline:
            return str(byline)
        meta_author = self._meta.author
        if meta_author and " " in meta_author:  # one word is a handle or a site name
            return str(meta_author)
        return None

    @cached_property
    def author_links(self) -> list[str]:
        """The texts of the first group of links to author pages (`/author/`, `/autoren/`,
        `/staff/`...): the links beside the first one, under the same parent, as a byline
        of several names is written."""
        first_parent = None
        found: list[str] = []
        for link in self._tree.iter("a"):
            href = (link.get("href") or "").split("?", 1)[0]
            if not _AUTHOR_PAGE.search(href):
                continue
            parent = link.getparent()
            if first_parent is None:
                first_parent = parent
            elif parent is not first_parent:
                continue
            text = " ".join(link.text_content().split())
            if text:
                found.append(text)
        return found

    @cached_property
    def date(self) -> str | None:
        """The publication date htmldate finds, with its time of day where the page gives
        one. (htmldate's default output format is the day alone: the time it had found was
        lost.) It writes midnight, without an offset, for a day without a time."""
        params = set_date_params(extensive=True)
        found = find_date(self._tree, url=self._url, outputformat=_DATE_FORMAT, **params)
        if not found:
            return None
        return str(found).removesuffix(_NO_TIME)

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
