"""The items that flow through a crawl: a fetched `Page`, and the exported `Article`.

Spiders only fetch: they yield a `Page` (the decoded HTML plus what the source — a
sitemap entry, a feed item — said about it). Item pipelines turn it into an `Article`,
clean it, and validate it. `Article` is the exported schema: its fields are documented
here and in the README, and a test keeps the two in sync.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Page:
    """A fetched HTML page, before extraction. Not exported."""

    url: str
    html: str
    spider: str
    fetched_at: str
    #: What the page's source said about it (sitemap `lastmod`, `news:publication_date`,
    #: `news:title`, feed entry title/date/authors): fallbacks when the page itself is silent.
    hints: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        # Scrapy logs dropped items with repr(): never dump 170 kB of HTML into the log.
        return f"<Page {self.url} ({len(self.html)} chars)>"


@dataclass
class Article:
    """One cleaned news article: one line of the exported JSON Lines file."""

    #: URL the page was fetched from (after redirects).
    url: str
    #: The page's own canonical URL (`<link rel=canonical>`, `og:url`, JSON-LD), else `url`.
    canonical_url: str
    #: Host of the publishing site, without `www.` (from `canonical_url`).
    site: str
    #: Headline.
    title: str | None = None
    #: Author names, in byline order; empty when the page names none.
    authors: list[str] = field(default_factory=list)
    #: Publication time, ISO 8601 (with UTC offset where the page gives one; a bare date
    #: where only the day is known).
    published: str | None = None
    #: Last modification time as the page or its sitemap states it; never the crawl time.
    modified: str | None = None
    #: ISO 639-1 code of the text's language ("en", "de", ...); a three-letter code only
    #: for a language that has no two-letter one.
    language: str | None = None
    #: The site's section ("Business", "Sport"): JSON-LD `articleSection`, `article:section`.
    section: str | None = None
    #: The cleaned article body: paragraphs separated by newlines, no chrome, no tail.
    text: str = ""
    #: The page's summary (`description` / `og:description` / JSON-LD).
    description: str | None = None
    #: Keywords and tags the page declares.
    tags: list[str] = field(default_factory=list)
    #: Lead image URL (absolute).
    image: str | None = None
    #: Number of words in `text`.
    word_count: int = 0
    #: When newscrawl fetched the page, ISO 8601 UTC.
    fetched_at: str | None = None
    #: Name of the spider that fetched it.
    spider: str | None = None
    #: SHA-1 of the whitespace- and case-normalized text, for exact deduplication.
    content_hash: str | None = None
    #: True when the page marks itself as not free to read (JSON-LD `isAccessibleForFree`);
    #: None when it does not say.
    paywalled: bool | None = None
    #: Debug only (`NEWSCRAWL_DEBUG_CLEANING`): text each cleaning stage removed, by stage.
    #: Unset otherwise, and then absent from the export.
    removed: dict[str, list[str]] = field(init=False, repr=False, compare=False)
    #: Only with `NEWSCRAWL_DUPLICATES = "keep"`, on a copy of an article kept earlier (in
    #: this run, an earlier one, or on another site): the first copy's canonical URL.
    #: Unset otherwise, and then absent from the export.
    duplicate_of: str = field(init=False, repr=False, compare=False)


#: Fields present only when set (`removed`, `duplicate_of`).
OPTIONAL_FIELDS = frozenset({"removed", "duplicate_of"})
#: The fields every exported article has, in order.
ARTICLE_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Article) if f.name not in OPTIONAL_FIELDS
)
