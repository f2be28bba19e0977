"""Read what a page says about itself: JSON-LD, OpenGraph and `<meta>` tags.

Structured data is the most reliable source for authors, dates, canonical URL, paywall
flags and page type; trafilatura's own metadata is the fallback (see `extraction.fields`).
Everything here is defensive: pages ship broken JSON, lists where objects belong, and
strings where lists belong.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

#: schema.org types that mean "this page is an article".
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "techarticle",
        "report",
        "scholarlyarticle",
        "satiricalarticle",
        "advertisercontentarticle",
    }
)
#: schema.org types that mean "this page lists or describes other things".
NON_ARTICLE_TYPES = frozenset(
    {"collectionpage", "profilepage", "searchresultspage", "itemlist", "aboutpage", "contactpage"}
)
NON_ARTICLE_OG_TYPES = frozenset({"website", "profile", "video.other", "product"})

#: Meta names that sites also spell with other separators ("og:site:name",
#: "article_published_time", "article.published_time"), by their separator-free spelling:
#: a variant counts as the standard name when the page lacks that. An "og:" prefix before
#: an `article:` name ("og:article:published_time") is a variant too.
_STANDARD_META = {
    re.sub(r"[:._-]", "", name): name
    for name in (
        "og:title",
        "og:description",
        "og:site_name",
        "og:locale",
        "og:type",
        "og:updated_time",
        "article:published_time",
        "article:modified_time",
        "article:author",
        "article:section",
    )
} | {
    # "article:published" / "article.published" (four sites on the Zyte set).
    "articlepublished": "article:published_time",
    "articlemodified": "article:modified_time",
}
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SEPARATORS = re.compile(r"[:._-]")
#: A JSON-LD block longer than this is not metadata (a real one, `articleBody` included,
#: is tens of kB): it is ignored and removed from the page, so that no extractor takes its
#: `articleBody` for the text (a 5 MB one did), and parsing it costs nothing.
MAX_JSON_LD_CHARS = 1_000_000


@dataclass
class StructuredData:
    """What JSON-LD and meta tags say; every field is optional."""

    article: dict[str, Any] = field(default_factory=dict)  # the first Article-typed JSON-LD node
    types: set[str] = field(default_factory=set)  # every JSON-LD @type seen, lower-case
    meta: dict[str, str] = field(default_factory=dict)  # meta name/property -> first content
    meta_all: dict[str, list[str]] = field(default_factory=dict)  # for repeated tags
    canonical: str | None = None
    html_lang: str | None = None
    #: The texts of the page's headings outside navigation and in it (`displayed_headings`),
    #: read before any pruning.
    headings: tuple[str, ...] = ()
    navigation_headings: tuple[str, ...] = ()

    @property
    def declares_article(self) -> bool:
        return bool(self.types & ARTICLE_TYPES) or self.meta.get("og:type") == "article"

    @property
    def declares_non_article(self) -> bool:
        og_type = self.meta.get("og:type", "")
        return bool(self.types & NON_ARTICLE_TYPES) or og_type in NON_ARTICLE_OG_TYPES


def read_structured_data(tree: HtmlElement) -> StructuredData:
    """Collect JSON-LD nodes, meta tags, the canonical link and `<html lang>` of a page.
    Removes JSON-LD blocks over `MAX_JSON_LD_CHARS` from `tree`."""
    data = StructuredData()
    by_id: dict[str, dict[str, Any]] = {}
    for script in list(tree.iterfind(".//script")):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        if len(script.text or "") > MAX_JSON_LD_CHARS:
            logger.debug("Ignoring a JSON-LD block of %d chars", len(script.text or ""))
            parent = script.getparent()
            if parent is not None:
                parent.remove(script)
            continue
        for node in _walk_json_ld(_load_json(script.text or "")):
            types = _types(node)
            data.types |= types
            if isinstance(node.get("@id"), str):
                by_id.setdefault(node["@id"], node)
            if types & ARTICLE_TYPES and not data.article:
                data.article = node
    if data.article and by_id:
        data.article = _resolve_references(data.article, by_id)
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip()
        content = (meta.get("content") or "").strip()
        if key and content:
            key = key.lower()
            data.meta.setdefault(key, content)
            data.meta_all.setdefault(key, []).append(content)
    for key, content in list(data.meta.items()):
        spelled = _SEPARATORS.sub("", key)
        standard = _STANDARD_META.get(spelled) or _STANDARD_META.get(spelled.removeprefix("og"))
        if standard and standard != key:
            data.meta.setdefault(standard, content)
    for link in tree.iterfind(".//link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            data.canonical = link.get("href", "").strip()
            break
    data.html_lang = (tree.get("lang") or tree.get("xml:lang") or "").strip() or None
    data.headings, data.navigation_headings = displayed_headings(tree)
    return data


#: Headings that can show the article's headline.
_HEADING_TAGS = ("h1", "h2")


def displayed_headings(tree: HtmlElement) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The texts of the page's `<h1>` and `<h2>` headings and of the elements inside them
    (a headline shown after a kicker: `<h2><span>Kicker</span><span>Headline</span></h2>`),
    whitespace collapsed, in page order: those outside navigation, and those in it (a
    `<nav>`, `role="navigation"`, an element classed "breadcrumb", or a trail of links
    that the heading ends)."""
    shown: list[str] = []
    navigation: list[str] = []
    for heading in tree.iter(*_HEADING_TAGS):
        texts = navigation if in_navigation(heading) else shown
        for element in heading.iter():
            if isinstance(element.tag, str):
                text = " ".join(element.text_content().split())
                if text:
                    texts.append(text)
    return tuple(dict.fromkeys(shown)), tuple(dict.fromkeys(navigation))


def in_navigation(element: HtmlElement) -> bool:
    """Inside the page's navigation: a `<nav>`, `role="navigation"`, a breadcrumb (by its
    class, or by its shape: `ends_a_link_trail`)."""
    for node in (element, *element.iterancestors()):
        if node.tag == "nav" or node.get("role") == "navigation":
            return True
        if "breadcrumb" in (node.get("class") or "").lower():
            return True
    return ends_a_link_trail(element)


#: Ancestors of a heading looked at for the trail it ends.
_TRAIL_DEPTH = 2
_MIN_TRAIL_LINKS = 2
_WORD_CHARS = re.compile(r"\w+")


def ends_a_link_trail(heading: HtmlElement) -> bool:
    """A breadcrumb trail by its shape, whatever its class names: the heading is an item
    of a list whose items before it all link (`<ul><li><a>Wirtschaft</a></li><li><h1>`),
    or it ends a run of two links or more with nothing but separators around them ("Home
    » Wirtschaft » <h1>"). A section link over a headline (a kicker) is one link, not a
    list."""
    parent = heading.getparent()
    if parent is not None and parent.tag == "li":
        items = parent.getparent()
        if items is not None and items.tag in ("ul", "ol"):
            siblings = list(items)
            before = siblings[: siblings.index(parent)]
            if before and all(item.find(".//a") is not None for item in before):
                return True
    node = heading
    for ancestor in list(heading.iterancestors())[:_TRAIL_DEPTH]:
        if _words_after(node):
            return False  # the heading does not end what holds it (cheap: most headings)
        node = ancestor
        links = [a for a in ancestor.iter("a") if heading not in a.iterancestors()]
        if len(links) < _MIN_TRAIL_LINKS:
            continue
        own = "".join(_WORD_CHARS.findall(heading.text_content()))
        text = "".join(_WORD_CHARS.findall(ancestor.text_content()))
        linked = "".join("".join(_WORD_CHARS.findall(a.text_content())) for a in links)
        if own and text == linked + own:  # the links, then the heading: nothing else
            return True
    return False


def _words_after(element: HtmlElement) -> bool:
    """Text follows `element` among its siblings."""
    if _WORD_CHARS.search(element.tail or ""):
        return True
    return any(
        _WORD_CHARS.search(sibling.text_content() + (sibling.tail or ""))
        for sibling in element.itersiblings()
        if isinstance(sibling.tag, str)
    )


#: Article properties whose value is often a reference to another node of the `@graph`
#: (`{"@id": ".../#/schema/person/..."}`, as Yoast SEO writes them on WordPress sites).
_REFERENCED = ("author", "creator", "publisher")


def _resolve_references(
    article: dict[str, Any], by_id: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """The article node with `author`/`creator`/`publisher` references replaced by the
    nodes they point to (a copy; references to nodes the page lacks stay as they are)."""
    resolved = dict(article)
    for key in _REFERENCED:
        if key not in article:
            continue
        items = [
            by_id.get(item["@id"], item)
            if isinstance(item, dict) and isinstance(item.get("@id"), str) and "name" not in item
            else item
            for item in _as_list(article[key])
        ]
        resolved[key] = items
    return resolved


def _load_json(text: str) -> Any:
    text = _CONTROL_CHARS.sub(" ", text.strip())
    if text.startswith("<!--"):  # some CMSs still wrap scripts in HTML comments
        text = text.removeprefix("<!--").removesuffix("-->").strip()
    if not text:
        return None
    try:
        return json.loads(text, strict=False)
    except ValueError:
        logger.debug("Ignoring unparsable JSON-LD block (%d chars)", len(text))
        return None


def _walk_json_ld(value: Any) -> list[dict[str, Any]]:
    """Flatten lists and `@graph` containers into the list of typed nodes they hold."""
    nodes: list[dict[str, Any]] = []
    stack = [value]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
        elif isinstance(item, dict):
            if "@graph" in item:
                stack[:0] = _as_list(item["@graph"])
            if "@type" in item:
                nodes.append(item)
    return nodes


def _types(node: dict[str, Any]) -> set[str]:
    return {t.rsplit("/", 1)[-1].lower() for t in _as_list(node.get("@type")) if isinstance(t, str)}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def names(value: Any) -> list[str]:
    """Names from a JSON-LD person/organization value: string, object, or a list of them."""
    result: list[str] = []
    for item in _as_list(value):
        if isinstance(item, str):
            result.append(item)
        elif isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, list):
                name = " ".join(n for n in name if isinstance(n, str))
            if isinstance(name, str):
                result.append(name)
            elif isinstance(item.get("givenName"), str) and isinstance(item.get("familyName"), str):
                result.append(f"{item['givenName']} {item['familyName']}")
    return result


def typed_names(value: Any) -> list[tuple[str, str | None]]:
    """`names`, each with the `@type` the page gave it (None for plain strings)."""
    result: list[tuple[str, str | None]] = []
    for item in _as_list(value):
        declared = None
        if isinstance(item, dict):
            declared = next(iter(sorted(_types(item))), None)
        result.extend((name, declared) for name in names(item))
    return result


def first_text(value: Any) -> str | None:
    """The first non-empty string of a JSON-LD value (string, list, or object with `url`/`@id`)."""
    for item in _as_list(value):
        if isinstance(item, str) and item.strip():
            return item.strip()
        if isinstance(item, dict):
            for key in ("url", "contentUrl", "@id"):
                found = item.get(key)
                if isinstance(found, str) and found.strip():
                    return found.strip()
    return None


def keywords(value: Any) -> list[str]:
    """JSON-LD `keywords`: a comma-separated string or a list."""
    result: list[str] = []
    for item in _as_list(value):
        if isinstance(item, str):
            result.extend(part.strip() for part in item.split(","))
    return [k for k in result if k]


def accessible_for_free(value: Any) -> bool | None:
    """`isAccessibleForFree` as a bool: schema.org allows booleans and "True"/"False" text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"true", "yes", "1"}:
            return True
        if lowered in {"false", "no", "0"}:
            return False
    return None
