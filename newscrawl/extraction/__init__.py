"""HTML -> article fields: trafilatura for the body, structured data for the rest.

`extract_page` parses the page once, removes site chrome at the HTML level
(`newscrawl.cleaning.html`), lets trafilatura find the body and its metadata, then fills
and corrects fields from the page's own JSON-LD / OpenGraph / meta tags, which are more
reliable where present. It runs in a worker process during a crawl, so its result is a
small picklable value, not a tree.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import trafilatura
from trafilatura.core import load_html

from newscrawl.cleaning.html import SiteRules, prune_chrome
from newscrawl.extraction.dates import normalize_date
from newscrawl.extraction.language import detect_language, language_from_markup
from newscrawl.extraction.structured import (
    StructuredData,
    accessible_for_free,
    first_text,
    keywords,
    names,
    read_structured_data,
)

logger = logging.getLogger(__name__)

# Meta tags that carry dates, most specific first.
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.created",
    "date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
)
_MAX_TAGS = 50


@dataclass
class Extraction:
    """What one page yields: Article fields, and whether it is an article at all."""

    fields: dict[str, Any]
    is_article: bool
    #: Why the page is not an article ("" for articles); a drop reason, for stats and logs.
    reason: str = ""
    #: Text removed at the HTML level, by what removed it.
    removed: dict[str, list[str]] = field(default_factory=dict)


def extract_page(
    html: str | bytes,
    url: str | None = None,
    hints: dict[str, Any] | None = None,
    rules: SiteRules | None = None,
) -> Extraction:
    """Extract article fields from one page. `hints` are the source's own claims (sitemap
    or feed dates and title), used only where the page is silent."""
    hints = hints or {}
    tree = load_html(html)
    if tree is None:
        return Extraction(fields={}, is_article=False, reason="unparsable_html")
    data = read_structured_data(tree)
    removed = prune_chrome(tree, url, rules)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
    )
    text = (document.text if document is not None else None) or ""
    fields = _fields(data, document, url, hints, text)
    fields["text"] = text
    is_article, reason = _classify(data, text)
    return Extraction(fields=fields, is_article=is_article, reason=reason, removed=removed)


def _fields(
    data: StructuredData,
    document: Any,
    url: str | None,
    hints: dict[str, Any],
    text: str,
) -> dict[str, Any]:
    ld, meta = data.article, data.meta
    doc = document if document is not None else _NO_DOCUMENT
    canonical = _canonical_url(data, url)
    language = language_from_markup(
        first_text(ld.get("inLanguage")), data.html_lang, meta.get("og:locale"), doc.language
    ) or detect_language(text)
    return {
        "canonical_url": canonical,
        "site": _site(canonical or url),
        "title": _clean(first_text(ld.get("headline")) or meta.get("og:title") or doc.title)
        or _clean(hints.get("title")),
        "authors": _authors(ld, meta, doc),
        "published": _first_date(
            ld.get("datePublished"),
            *(meta.get(k) for k in _PUBLISHED_META),
            doc.date,
            hints.get("published"),
        ),
        "modified": _first_date(
            ld.get("dateModified"), *(meta.get(k) for k in _MODIFIED_META), hints.get("modified")
        ),
        "language": language,
        "description": _clean(
            first_text(ld.get("description"))
            or meta.get("og:description")
            or meta.get("description")
            or doc.description
        ),
        "tags": _tags(ld, data, doc),
        "image": _absolute(
            first_text(ld.get("image")) or meta.get("og:image") or doc.image, canonical or url
        ),
        "paywalled": _paywalled(ld),
    }


class _NoDocument:
    """Stands in for trafilatura's Document when it found no body."""

    title = author = date = description = image = language = None
    tags: list[str] = []  # noqa: RUF012 - read-only stand-in
    categories: list[str] = []  # noqa: RUF012


_NO_DOCUMENT = _NoDocument()


def _classify(data: StructuredData, text: str) -> tuple[bool, str]:
    """Decide whether the page is an article. Structured data decides when it speaks; a page
    that declares itself a listing or profile is an article only if its body reads like one."""
    if data.declares_article:
        return True, ""
    if not text.strip():
        return False, "no_text"
    if data.declares_non_article and _prose_paragraphs(text) < 3:
        kind = data.meta.get("og:type") or ",".join(sorted(data.types))
        return False, f"not_article ({kind})"
    return True, ""


def _prose_paragraphs(text: str) -> int:
    """Paragraphs that read like running prose: long enough, ending like a sentence."""
    return sum(
        1
        for line in text.splitlines()
        if len(line.split()) >= 20 and line.rstrip().endswith((".", "!", "?", '"', "”", "»"))
    )


def _canonical_url(data: StructuredData, url: str | None) -> str | None:
    for candidate in (data.canonical, data.meta.get("og:url"), first_text(data.article.get("url"))):
        if not candidate:
            continue
        absolute = _absolute(candidate, url)
        # A canonical pointing at the home page is a CMS default, not this article's URL.
        if absolute and urlsplit(absolute).path.strip("/"):
            return absolute
    return url


def _site(url: str | None) -> str | None:
    host = urlsplit(url or "").hostname
    return host.removeprefix("www.") if host else None


def _authors(ld: dict[str, Any], meta: dict[str, str], doc: Any) -> list[str]:
    candidates = names(ld.get("author"))
    if not candidates:
        for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator"):
            value = meta.get(key)
            if value and not value.startswith(("http://", "https://", "/")):
                candidates = [value]
                break
    if not candidates and doc.author:
        candidates = doc.author.split(";")
    return _unique(_split_byline(c) for c in candidates)


def _split_byline(value: str) -> list[str]:
    value = _clean(value) or ""
    for prefix in ("By ", "by ", "Von ", "Par ", "Por ", "Di ", "Door "):
        value = value.removeprefix(prefix)
    parts = [p for chunk in value.split(",") for p in chunk.split(" and ")]
    return [p.strip() for p in parts if p.strip()]


def _tags(ld: dict[str, Any], data: StructuredData, doc: Any) -> list[str]:
    groups = [
        keywords(ld.get("keywords")),
        data.meta_all.get("article:tag", []),
        keywords(data.meta.get("news_keywords")),
        keywords(data.meta.get("keywords")),
        list(doc.tags or []),
        list(doc.categories or []),
    ]
    for group in groups:
        if group:
            return _unique([[t] for t in group])[:_MAX_TAGS]
    return []


def _paywalled(ld: dict[str, Any]) -> bool | None:
    free = accessible_for_free(ld.get("isAccessibleForFree"))
    if free is None:
        for part in ld.get("hasPart") or []:
            if isinstance(part, dict):
                free = accessible_for_free(part.get("isAccessibleForFree"))
                if free is not None:
                    break
    return None if free is None else not free


def _first_date(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, list):
            value = value[0] if value else None
        if (iso := normalize_date(value)) is not None:
            return iso
    return None


def _absolute(value: str | None, base: str | None) -> str | None:
    if not value:
        return None
    return urljoin(base, value) if base else value


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _unique(groups: Any) -> list[str]:
    seen: dict[str, str] = {}
    for group in groups:
        for item in group:
            cleaned = _clean(item)
            if cleaned and cleaned.casefold() not in seen:
                seen[cleaned.casefold()] = cleaned
    return list(seen.values())
