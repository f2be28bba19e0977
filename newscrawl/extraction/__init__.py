"""HTML -> article fields: trafilatura for the body, structured data for the rest.

`extract_page` parses the page once and reads what it says about itself (JSON-LD,
OpenGraph, meta tags). That structured data is evidence for the cleaning: the headline and
standfirst it names are removed from the top of the text, and the `<article>` carrying the
headline is told from other stories. Site chrome goes at the HTML level
(`newscrawl.cleaning.html`), then trafilatura finds the body: its fast path, its full
cascade when the fast result is evidently wrong, and a readability second opinion
(`second_opinion`) when the page shows that trafilatura stopped short. Fields come from
structured data, and from trafilatura's metadata heuristics (`fallback`) only where the
page is silent. It runs in a worker process during a crawl, so its result is a small
picklable value, not a tree.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from html import unescape
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import trafilatura
from trafilatura.core import load_html
from trafilatura.settings import Document

from newscrawl.cleaning.boilerplate import strip_page_header
from newscrawl.cleaning.dom import comparable, host_of
from newscrawl.cleaning.html import PageClues, SiteRules, prune_chrome
from newscrawl.cleaning.structure import shown_as_standfirst
from newscrawl.extraction.dates import normalize_date
from newscrawl.extraction.fallback import PageHeuristics
from newscrawl.extraction.language import detect_language, language_from_markup
from newscrawl.extraction.overrides import read_field_rules
from newscrawl.extraction.second_opinion import second_opinion
from newscrawl.extraction.structured import (
    StructuredData,
    accessible_for_free,
    first_text,
    keywords,
    names,
    read_structured_data,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement

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
# The fast extraction is redone by trafilatura's full cascade below this many characters,
# or when more than this share of its text sits in lines shorter than this (a menu).
_MIN_BODY_CHARS = 250
_MENU_LINE_CHARS = 25
_MAX_MENU_SHARE = 0.5
# Separators between a headline and the site name in `<title>` and `og:title`.
_TITLE_SEPARATOR = re.compile(r"\s+[|–—·:-]{1,2}\s+")


@dataclass
class Extraction:
    """What one page yields: Article fields, and whether it is an article at all."""

    fields: dict[str, Any]
    is_article: bool
    #: Why the page is not an article ("" for articles); a drop reason, for stats and logs.
    reason: str = ""
    #: More about the reason, for the log ("og:type=website").
    detail: str = ""
    #: Text the cleaning during extraction removed (HTML level, and the page header from
    #: the top of the text), by the rule that removed it.
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
    site_fields = read_field_rules(rules.fields, tree, data.article, data.meta_all) if rules else {}
    text, removed = _article_text(tree, url, data, rules)
    fields = _fields(data, PageHeuristics(tree, url), url, hints, text)
    fields.update(site_fields, text=text)
    reason, detail = _classify(data, text)
    return Extraction(
        fields=fields, is_article=not reason, reason=reason, detail=detail, removed=removed
    )


def _article_text(
    tree: HtmlElement, url: str | None, data: StructuredData, rules: SiteRules | None
) -> tuple[str, dict[str, list[str]]]:
    """The article body, cleaned at the HTML level and of the page header it repeats; and
    what the cleaning removed, by rule. Prunes `tree` in place."""
    clues = _clues(data, tree)
    # What the text may repeat of the page header: headline forms, the standfirst (only
    # where the page shows it as one: looked up before pruning removes header blocks), the
    # page's URL.
    repeats = (
        *clues.headlines,
        *_page_heading(tree),
        *shown_as_standfirst(tree, (clues.description or "",)),
        *(u for u in (url, data.canonical) if u),
    )
    removed = prune_chrome(tree, url, rules, clues)
    text = _body_text(tree, url)
    text = second_opinion(tree, text) or text
    text, header_lines = strip_page_header(text, repeats)
    if header_lines:
        removed["headline"] = header_lines
    return text, removed


def _body_text(tree: HtmlElement, url: str | None) -> str:
    """The article body by trafilatura: its fast path, and its full cascade when needed.

    The full cascade (a readability and a jusText second opinion) triples the cost and on
    most pages agrees with the fast path; it runs only when the fast result is evidently
    wrong: (almost) empty, or a menu rather than prose.
    """
    text = _trafilatura_text(tree, url, fast=True)
    if len(text) < _MIN_BODY_CHARS or _reads_like_a_menu(text):
        text = _trafilatura_text(tree, url, fast=False)
    return text


def _trafilatura_text(tree: HtmlElement, url: str | None, *, fast: bool) -> str:
    document = trafilatura.bare_extraction(
        tree,  # copied by trafilatura: `tree` stays as pruned
        url=url,
        fast=fast,
        # trafilatura's metadata heuristics run lazily, where structured data is silent.
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
    )
    # A Document, or None when trafilatura found nothing (a dict only with as_dict=True).
    return (document.text if isinstance(document, Document) else None) or ""


def _reads_like_a_menu(text: str) -> bool:
    """Most of the text sits in very short lines: navigation, not an article."""
    short = sum(len(line) for line in text.splitlines() if len(line.strip()) < _MENU_LINE_CHARS)
    return short > _MAX_MENU_SHARE * len(text)


def _clues(data: StructuredData, tree: HtmlElement) -> PageClues:
    """What the page's own metadata says its headline and standfirst are."""
    titles = [
        first_text(data.article.get("headline")),
        data.meta.get("og:title"),
        data.meta.get("twitter:title"),
        tree.findtext(".//title"),
    ]
    site_names = {
        comparable(name)
        for name in (data.meta.get("og:site_name"), data.meta.get("application-name"))
        if name
    }
    headlines: list[str] = []
    for title in titles:
        if title and title.strip():
            title = unescape(title.strip())
            headlines.append(title)
            headlines.extend(
                p for p in _without_site_name(title) if comparable(p) not in site_names
            )
    description = (
        first_text(data.article.get("description"))
        or data.meta.get("og:description")
        or data.meta.get("description")
    )
    if description:
        description = unescape(description)
    return PageClues(headlines=tuple(dict.fromkeys(headlines)), description=description)


def _page_heading(tree: HtmlElement) -> tuple[str, ...]:
    """The text of the page's `<h1>` when it has exactly one: its headline as displayed,
    which may differ from the metadata's (shortened, or edited after publication)."""
    headings = tree.findall(".//body//h1")
    return (" ".join(headings[0].text_content().split()),) if len(headings) == 1 else ()


def _without_site_name(title: str) -> list[str]:
    """The parts of "Headline | Site" titles that can be the headline (three words or more)."""
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title)]
    return [p for p in parts if len(parts) > 1 and len(p.split()) >= 3]


def _fields(
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


def _classify(data: StructuredData, text: str) -> tuple[str, str]:
    """Why the page is not an article ("" when it is), and a detail for the log. Structured
    data decides when it speaks; a page that declares itself a listing or profile is an
    article only if its body reads like one."""
    if data.declares_article:
        return "", ""
    if not text.strip():
        return "empty_text", "no body found"
    if data.declares_non_article and _prose_paragraphs(text) < 3:
        kind = data.meta.get("og:type") or ",".join(sorted(data.types))
        return "not_article", f"declares {kind}, {_prose_paragraphs(text)} prose paragraphs"
    return "", ""


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
