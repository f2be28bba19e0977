"""Article fields besides the body: title, authors, dates, language, section, tags, image.

Structured data (JSON-LD, OpenGraph, meta tags) decides where it speaks; trafilatura's
metadata heuristics (`fallback.PageHeuristics`, evaluated lazily) and the source's own
claims (sitemap or feed `hints`) fill in only where the page is silent.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from newscrawl.core.dates import normalize_date
from newscrawl.core.urls import host_of
from newscrawl.extraction.authors import (
    Credit,
    byline_names,
    choose_authors,
    clean_text,
    credits,
    name_key,
    site_keys,
)
from newscrawl.extraction.fallback import PageHeuristics
from newscrawl.extraction.language import choose_language, language_from_markup
from newscrawl.extraction.structured import (
    StructuredData,
    accessible_for_free,
    first_text,
    keywords,
    names,
    typed_names,
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
_DAY_LENGTH = len("2026-01-31")
# Between a headline and the site name or date in `<title>` and `og:title`; the
# separator is kept (a capture group) so that what is not stripped stays as written.
_TITLE_SEPARATOR = re.compile(r"(\s+[|–—·•:/-]{1,2}\s+|\s*[：|]\s*)")
_MAX_SITE_WORDS = 5
_MIN_SITE_KEY = 5
_DATE_SEGMENT = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")


def read_fields(
    data: StructuredData,
    doc: PageHeuristics,
    url: str | None,
    hints: dict[str, Any],
    text: str,
) -> dict[str, Any]:
    ld, meta = data.article, data.meta
    canonical = _canonical_url(data, url)
    sites = _site_names(data, canonical or url)
    language = choose_language(
        language_from_markup(
            first_text(ld.get("inLanguage")), data.html_lang, meta.get("og:locale")
        ),
        text,
    )
    return {
        "canonical_url": canonical,
        "site": host_of(canonical or url),
        "title": _title(data, sites)
        or _headline(doc.title, sites)
        or _headline(hints.get("title"), sites),
        "authors": _authors(ld, data, doc, sites)
        or _unique([byline_names(a) for a in hints.get("authors") or []]),
        "published": _published(ld, meta, doc, hints),
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


def _site_names(data: StructuredData, url: str | None) -> list[str]:
    """What the page calls its publisher: site name, JSON-LD publisher, host."""
    found = [
        data.meta.get("og:site_name"),
        data.meta.get("application-name"),
        (data.meta.get("twitter:site") or "").lstrip("@"),
        *names(data.article.get("publisher")),
        host_of(url) if url else None,
    ]
    return [name for name in found if name]


def _title(data: StructuredData, sites: list[str]) -> str | None:
    """The JSON-LD `headline`, else `og:title`; but not a JSON-LD headline that the page
    shows as the heading of its breadcrumb trail, when it shows `og:title` as a heading
    outside navigation.

    Such pages name two headlines: the search engines' (JSON-LD, `<title>`, and the
    breadcrumb trail's `<h1>`, for them) and the readers' (the article's heading, and
    the title for sharing)."""
    ld_title = _headline(first_text(data.article.get("headline")), sites)
    og_title = _headline(data.meta.get("og:title"), sites)
    if ld_title and og_title and _shown_instead(ld_title, og_title, data, sites):
        return og_title
    return ld_title or og_title


def _shown_instead(ld_title: str, og_title: str, data: StructuredData, sites: list[str]) -> bool:
    """The page shows `ld_title` as its breadcrumb's heading and `og:title`, which is
    neither that nor the site's name (a logo's heading), as a heading of its own."""
    ld_key, og_key = name_key(ld_title), name_key(og_title)
    return (
        og_key not in (ld_key, "")
        and og_key not in site_keys(sites)
        and ld_key in {name_key(text) for text in data.navigation_headings}
        and og_key in {name_key(text) for text in data.headings}
    )


def _headline(value: Any, sites: list[str]) -> str | None:
    """A title as text (entities decoded, NFC), without the site name or date that
    `<title>` and `og:title` often add ("Headline | Site", "Headline – DW – 28.04.2023")."""
    if not isinstance(value, str) or not (text := clean_text(value)):
        return None
    keys = site_keys(sites)
    parts = _TITLE_SEPARATOR.split(text)
    # parts: segment, separator, segment, ...; drop site names and dates at either end.
    while len(parts) > 2 and _site_or_date(parts[-1], keys):
        parts = parts[:-2]
    while len(parts) > 2 and _site_or_date(parts[0], keys):
        parts = parts[2:]
    return "".join(parts).strip() or None


def _site_or_date(segment: str, keys: set[str]) -> bool:
    """The site's name (also a longer form of it: "Die Neue Südtiroler Tageszeitung" on
    tageszeitung.it), or a date."""
    key = name_key(segment)
    if not key:
        return False
    if key in keys or _DATE_SEGMENT.match(segment.strip()):
        return True
    return len(segment.split()) <= _MAX_SITE_WORDS and any(
        len(k) >= _MIN_SITE_KEY and key.endswith(k) for k in keys
    )


def _authors(
    ld: dict[str, Any], data: StructuredData, doc: PageHeuristics, sites: list[str]
) -> list[str]:
    """People first: JSON-LD, then meta tags, then (only when neither names a person) the
    authors the article's microdata marks, the page's byline as trafilatura's heuristics
    find it, links to author pages, the names after a byline label ("Von:"), and the
    author a Twitter card's extra field names ("Written by")."""
    from_ld: list[Credit] = []
    for name, declared in typed_names(ld.get("author")):
        from_ld.extend(credits(name, sites, declared))
    from_meta: list[Credit] = []
    for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator"):
        value = data.meta.get(key)
        if value and not value.startswith(("http://", "https://", "/")):
            from_meta = credits(value, sites)
            if from_meta:
                break

    def from_byline() -> list[Credit]:
        return [c for part in (doc.author or "").split(";") for c in credits(part, sites)]

    def from_microdata() -> list[Credit]:
        return [c for text in doc.microdata_authors for c in credits(text, sites)]

    def from_author_links() -> list[Credit]:
        return [c for text in doc.author_links for c in credits(text, sites)]

    def from_labelled_byline() -> list[Credit]:
        return [c for text in doc.labelled_bylines for c in credits(text, sites)]

    def from_card_label() -> list[Credit]:
        name = _card_author(data.meta)
        return credits(name, sites) if name else []

    return choose_authors(
        (from_ld, from_meta),
        (from_microdata, from_byline, from_author_links, from_labelled_byline, from_card_label),
    )


#: How Yoast SEO (WordPress) labels the author among its Twitter card's extra fields
#: (`twitter:label1` "Written by" and `twitter:data1` the name, or `twitter:misc:Written
#: by`), in the languages it ships. It names the first author only: a last resort, after
#: the page's bylines.
_WRITTEN_BY = frozenset(
    {
        *("written by", "verfasst von", "geschrieben von", "escrito por", "écrit par"),
        *("scritto da", "geschreven door", "skrivet av", "skrevet af", "skrevet av"),
        *("napisane przez", "ditulis oleh", "yazan", "kirjoittanut"),
    }
)
_CARD_LABEL = "twitter:label"
_CARD_DATA = "twitter:data"
_CARD_MISC = "twitter:misc:"


def _card_author(meta: dict[str, str]) -> str | None:
    """The author's name in the Twitter card's extra fields, when one is labelled so."""
    for key, value in meta.items():
        if key.startswith(_CARD_MISC) and key.removeprefix(_CARD_MISC) in _WRITTEN_BY:
            return value
        if key.startswith(_CARD_LABEL) and value.casefold() in _WRITTEN_BY:
            return meta.get(_CARD_DATA + key.removeprefix(_CARD_LABEL))
    return None


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


def _published(
    ld: dict[str, Any], meta: dict[str, str], doc: PageHeuristics, hints: dict[str, Any]
) -> str | None:
    """The publication date the page declares; else the one its text shows (htmldate's
    costly search, run only then) or the source's. A day without a time takes the time
    another source gives for the same day, or the one shown beside it on the page."""
    declared = [ld.get("datePublished"), *(meta.get(k) for k in _PUBLISHED_META)]
    # `or` keeps the costly date search for pages that declare no date.
    found = _first_date(*declared) or _first_date(doc.date, hints.get("published"))
    if found is None or len(found) > _DAY_LENGTH:
        return found
    for later in (*declared, hints.get("published")):
        if (iso := _same_day_with_time(later, found)) is not None:
            return iso
    # The time shown beside the date is cheap to look up; htmldate's search is not.
    return doc.time_on(found) or _same_day_with_time(doc.date, found) or found


def _same_day_with_time(value: Any, day: str) -> str | None:
    """`value` as an ISO date with a time of day, if it falls on `day`."""
    iso = _first_date(value)
    return iso if iso and len(iso) > _DAY_LENGTH and iso[:_DAY_LENGTH] == day else None


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
