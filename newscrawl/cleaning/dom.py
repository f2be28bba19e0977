"""Small, cheap measurements of HTML elements shared by the HTML-level cleaners.

Every cleaner asks the same questions of an element: what text does a reader see in it,
how much of that text is link text, does a link stay on this site. They are answered here
once, with lxml's C-level `text_content()` rather than Python walks over the subtree, so
that pruning stays a small share of the extraction's CPU time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from lxml.etree import XPath

from newscrawl.cleaning import evidence
from newscrawl.core.text import NO_SPACE_CHARS, comparable

__all__ = ["comparable"]  # a text helper, used here with the element measures

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
#: Elements that run inside a line of text, as a browser lays them out (`<br>` ends one).
INLINE_TAGS = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i"),
        *("kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time"),
        *("u", "var"),
    }
)

# Prose: runs of text long enough to be a paragraph's sentences, found by libxml2 (no
# Python walk over the page). Scripts without spaces say as much in fewer characters.
# Image captions are not the article's prose (extractors and annotators leave them out).
# The length test comes first: it rules out most text nodes before the ancestor walks.
_PROSE_RUN_CHARS = 120
_NO_SPACE_PROSE_RUN_CHARS = 40
_TEXT_RUNS = XPath(
    f".//text()[string-length(normalize-space(.)) >= {_NO_SPACE_PROSE_RUN_CHARS}]"
    "[not(parent::script or parent::style or parent::noscript)]"
    "[not(ancestor::figcaption or ancestor::figure)]"
)
_NO_SPACE = re.compile(f"[{NO_SPACE_CHARS}]")
# A run is found in a text by its opening characters (the extractor may end it otherwise).
_PREFIX_CHARS = 60
_ABSOLUTE = re.compile(r"^(?:https?:)?//(?P<host>[^/?#:]+)(?::\d+)?(?P<path>[^?#]*)", re.IGNORECASE)


def text_of(element: HtmlElement) -> str:
    """The element's text with whitespace collapsed, as a reader would see it."""
    return " ".join(element.text_content().split())


def has_text(element: HtmlElement) -> bool:
    """`bool(text_of(element))`, without collapsing the text (`strip` and `split` agree on
    what whitespace is): for checks that ask only whether there is any."""
    return bool(element.text_content().strip())


def prose_chars(element: HtmlElement) -> int:
    """Characters of prose below `element`: text runs as long as a paragraph's sentences.

    A measure of how much of a page's article text an element holds, for checks that a
    cleaning step did not take the article with the chrome.
    """
    return sum(len(run) for run in prose_runs(element))


def missing_prose(element: HtmlElement, text: str, runs: list[Any] | None = None) -> int:
    """Characters of prose below `element` (as `prose_chars`) whose runs `text` lacks;
    `runs` are the element's `prose_runs`, when the caller has them already."""
    flat = " ".join(text.split())
    return sum(
        len(run)
        for run in (prose_runs(element) if runs is None else runs)
        if " ".join(run[: 3 * _PREFIX_CHARS].split())[:_PREFIX_CHARS] not in flat
    )


def prose_runs(element: HtmlElement) -> list[Any]:
    """The element's runs of prose: lxml's text results, which know their element
    (`getparent()`). Their length counts whitespace: a measure, not text."""
    return [
        run
        for run in _TEXT_RUNS(element)
        if len(run) >= _PROSE_RUN_CHARS or len(_NO_SPACE.findall(run)) * 3 >= len(run.strip())
    ]


def link_text_length(element: HtmlElement) -> int:
    """Characters of visible text inside links below (or at) `element`."""
    links = [element] if element.tag == "a" else element.iter("a")
    return sum(len(text_of(link)) for link in links)


def is_link_dominated(element: HtmlElement, share: float) -> bool:
    """True when links carry at least `share` of the element's text (and it has text)."""
    text = text_of(element)
    return bool(text) and link_text_length(element) >= share * len(text)


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


def flatten_ruby(root: HtmlElement) -> None:
    """Replace `<ruby>` annotations by plain inline text, in place.

    Ruby (furigana over Japanese kanji, pinyin over Chinese) is inline: the annotated word
    sits inside a sentence. Extractors that treat it as a block break the sentence into
    lines around the word. The text becomes what a browser without ruby shows: the base
    with its reading in the page's own fallback brackets (`<rp>`), or the base alone.
    """
    for ruby in list(root.iter("ruby")):
        if ruby.getparent() is None:
            continue
        evidence.fired("html/ruby_inline", ruby.text_content())
        if next(ruby.iter("rp"), None) is None:
            for reading in list(ruby.iter("rt")):
                drop(reading)
        text = ruby.text_content()
        previous, parent = ruby.getprevious(), ruby.getparent()
        joined = text + (ruby.tail or "")
        if previous is not None:
            previous.tail = (previous.tail or "") + joined
        else:
            parent.text = (parent.text or "") + joined
        parent.remove(ruby)


#: Elements whose line breaks are the text's own (a code sample, a poem set in `<pre>`).
_PREFORMATTED = ("pre", "textarea", "listing", "plaintext", "xmp")
#: A line break inside a run of words (not one between elements: around a `<br>`, some
#: fallbacks only have the source's line breaks to part the lines).
_SOURCE_LINE_BREAK = re.compile(r"(?<=\S)[^\S\r\n]*[\r\n]\s*(?=\S)")
#: ... or at either end of a run that an inline element's tag borders: `<a>airline</a>\n
#: had said` reads "airline had said".
_LEADING_LINE_BREAK = re.compile(r"^[^\S\r\n]*[\r\n]\s*(?=\S)")
_TRAILING_LINE_BREAK = re.compile(r"(?<=\S)[^\S\r\n]*[\r\n]\s*$")


def unwrap_source_lines(root: HtmlElement) -> None:
    """Replace the line breaks of the page's source inside a run of its text by spaces, in
    place, as a browser shows them: `<p>Fire\\r\\n is seen ...</p>` is one line of text.

    trafilatura's fast path does so itself; its fallbacks (readability, jusText) and
    readability's summary keep them, and each line of the source became a line of the
    article ("Fire" / "is seen on a FlyDubai airplane ..."), which the line-based cleaners
    then read as so many headlines. `<pre>` and its kin keep theirs."""
    kept = {element for block in root.iter(*_PREFORMATTED) for element in block.iter()}
    for element in root.iter():
        text, tail = element.text, element.tail
        if text and element not in kept and ("\n" in text or "\r" in text):
            first = next(element.iterchildren(), element)
            element.text = _unwrapped(text, _inline(element), _inline(first))
        parent = element.getparent()
        if tail and ("\n" in tail or "\r" in tail) and parent not in kept:
            after = element.getnext()
            element.tail = _unwrapped(
                tail, _inline(element), _inline(parent if after is None else after)
            )


def _inline(element: HtmlElement | None) -> bool:
    return element is not None and element.tag in INLINE_TAGS


def _unwrapped(run: str, inline_before: bool, inline_after: bool) -> str:
    """`run` with its source line breaks as spaces: inside it, and at an end that an inline
    element's tag borders."""
    run = _SOURCE_LINE_BREAK.sub(" ", run)
    if inline_before:
        run = _LEADING_LINE_BREAK.sub(" ", run)
    if inline_after:
        run = _TRAILING_LINE_BREAK.sub(" ", run)
    return run
