"""Small, cheap measurements of HTML elements shared by the HTML-level cleaners.

Every cleaner asks the same questions of an element: what text does a reader see in it,
how much of that text is link text, does a link stay on this site. They are answered here
once, with lxml's C-level `text_content()` rather than Python walks over the subtree, so
that pruning stays a small share of the extraction's CPU time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: Elements whose text never reaches a reader.
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "meta"})
#: Elements never removed whole: removing them would remove the page.
NEVER_PRUNE = frozenset({"html", "body", "head"})
#: Tags that lay out text as a block of its own (a line of extracted text).
BLOCK_TAGS = frozenset(
    {
        *("p", "li", "div", "section", "article", "aside", "header", "footer", "figure"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "ul", "ol", "dl", "blockquote"),
        *("table", "tr", "td", "th", "nav", "form", "main", "figcaption"),
    }
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

_NON_WORD = re.compile(r"\W+")
_ABSOLUTE = re.compile(r"^(?:https?:)?//(?P<host>[^/?#:]+)(?::\d+)?(?P<path>[^?#]*)", re.IGNORECASE)


def text_of(element: HtmlElement) -> str:
    """The element's text with whitespace collapsed, as a reader would see it."""
    return " ".join(element.text_content().split())


def comparable(text: str | None) -> str:
    """Text reduced to lower-case words, for comparing strings that differ in punctuation."""
    return _NON_WORD.sub(" ", text or "").strip().casefold()


def link_text_length(element: HtmlElement) -> int:
    """Characters of visible text inside links below (or at) `element`."""
    links = [element] if element.tag == "a" else element.iter("a")
    return sum(len(text_of(link)) for link in links)


def is_link_dominated(element: HtmlElement, share: float) -> bool:
    """True when links carry at least `share` of the element's text (and it has text)."""
    text = text_of(element)
    return bool(text) and link_text_length(element) >= share * len(text)


def host_of(url: str | None) -> str | None:
    """The URL's host without `www.`, or None (also for a malformed URL)."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # "http://[::1": brackets that do not close
        return None
    return host.removeprefix("www.") if host else None


def is_internal_link(href: str, page_url: str | None, page_host: str | None) -> bool:
    """True when `href` points to another page of the same site (not an anchor, not this page)."""
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "whatsapp:")):
        return False
    # String surgery rather than urljoin/urlsplit: pages hold hundreds of links.
    if href.startswith("/") and not href.startswith("//"):
        host, path = None, href
    elif match := _ABSOLUTE.match(href):
        host, path = match["host"].lower().removeprefix("www."), match["path"] or "/"
    else:
        try:
            target = urlsplit(urljoin(page_url or "", href))
            host, path = target.hostname, target.path
        except ValueError:  # a malformed link ("http://[x"): not a page of this site
            return False
        host = host.removeprefix("www.") if host else None
    if host and page_host and host != page_host:
        return False
    path = path.split("?", 1)[0].split("#", 1)[0]
    return not (page_url and path == _path_of(page_url))


@lru_cache(maxsize=64)
def _path_of(url: str) -> str:
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def outermost_with_same_text(element: HtmlElement, text: str) -> HtmlElement:
    """Climb from `element` while the parent shows exactly the same text (wrappers)."""
    top = element
    parent = top.getparent()
    while parent is not None and parent.tag not in NEVER_PRUNE and text_of(parent) == text:
        top = parent
        parent = top.getparent()
    return top


def outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    """The elements not inside another of them (removing those removes the rest)."""
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def drop(element: HtmlElement) -> None:
    """Remove `element` but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
