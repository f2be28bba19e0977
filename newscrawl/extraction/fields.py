"""Article fields besides the body: title, authors, dates, language, section, tags, image.

Structured data (JSON-LD, OpenGraph, meta tags) decides where it speaks; trafilatura's
metadata heuristics (`fallback.PageHeuristics`, evaluated lazily) and the source's own
claims (sitemap or feed `hints`) fill in only where the page is silent.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

from newscrawl.cleaning.dom import host_of
from newscrawl.extraction.dates import normalize_date
from newscrawl.extraction.fallback import PageHeuristics
from newscrawl.extraction.language import detect_language, language_from_markup
from newscrawl.extraction.structured import (
    StructuredData,
    accessible_for_free,
    first_text,
    keywords,
    names,
)

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


def read_fields(
    data: StructuredData,
    doc: PageHeuristics,
    url: str | None,
    hints: dict[str, Any],
    text: str,
) -> dict[str, Any]:
    ld, meta = data.article, data.meta
    canonical = _canonical_url(data, url)
    language = language_from_markup(
        first_text(ld.get("inLanguage")), data.html_lang, meta.get("og:locale")
    ) or detect_language(text)
    return {
        "canonical_url": canonical,
        "site": host_of(canonical or url),
        "title": _clean(first_text(ld.get("headline")) or meta.get("og:title") or doc.title)
        or _clean(hints.get("title")),
        "authors": _authors(ld, meta, doc) or _unique([hints.get("authors") or []]),
        "published": _first_date(ld.get("datePublished"), *(meta.get(k) for k in _PUBLISHED_META))
        # `or` keeps the costly date search for pages that declare no date.
        or _first_date(doc.date, hints.get("published")),
        "modified": _first_date(
            ld.get("dateModified"), *(meta.get(k) for k in _MODIFIED_META), hints.get("modified")
        ),
        "language": language,
        "section": _clean(first_text(ld.get("articleSection")) or meta.get("article:section")),
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


def _canonical_url(data: StructuredData, url: str | None) -> str | None:
    for candidate in (data.canonical, data.meta.get("og:url"), first_text(data.article.get("url"))):
        if not candidate:
            continue
        absolute = _absolute(candidate, url)
        # A canonical pointing at the home page is a CMS default, not this article's URL;
        # one that is not an http(s) URL is a mistake.
        if (
            absolute
            and absolute.startswith(("http://", "https://"))
            and urlsplit(absolute).path.strip("/")
        ):
            return absolute
    return url


def _authors(ld: dict[str, Any], meta: dict[str, str], doc: PageHeuristics) -> list[str]:
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


def _tags(ld: dict[str, Any], data: StructuredData, doc: PageHeuristics) -> list[str]:
    declared = (
        keywords(ld.get("keywords")),
        # One tag per `article:tag` as OpenGraph says, or all in one, comma-separated.
        keywords(data.meta_all.get("article:tag")),
        keywords(data.meta.get("news_keywords")),
        keywords(data.meta.get("keywords")),
    )
    for group in declared:
        if group:
            return _unique([[t] for t in group])[:_MAX_TAGS]
    guessed = doc.tags or doc.categories  # evaluated only when the page declares none
    return _unique([[t] for t in guessed])[:_MAX_TAGS]


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
    """`value` made absolute; None when either is a malformed URL (`http://[::1`): a bad
    canonical, og:url or image costs that field, not the article."""
    if not value:
        return None
    try:
        absolute = urljoin(base, value) if base else value
        urlsplit(absolute).port  # noqa: B018 (raises on a bad port or host)
    except ValueError:
        return None
    return absolute


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
