"""Page structure that tells the article from what surrounds it, beyond related lists.

- chrome blocks: elements whose class or id names a widespread kind of site chrome
  (newsletter sign-up, share bar, breadcrumb, ...: `markers.CHROME_CLASS_WORDS`), unless
  they hold article-like prose;
- standfirsts: whether the page shows its description (structured data) as a heading,
  evidence that a first line repeating it is not the article's lede;
- other articles: when one `<article>` element carries the headline, the other
  `<article>` elements outside it are other stories (teaser cards, "next story");
- tag lists: the links a blog marks `rel="tag"` (tags, categories), with their label;
- layout tables: tables used for page layout, which extractors flatten into one line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newscrawl.cleaning.dom import (
    HEADING_TAGS,
    NEVER_PRUNE,
    comparable,
    is_link_dominated,
    outermost,
    text_of,
)
from newscrawl.cleaning.markers import CHROME_CLASS_WORDS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml.html import HtmlElement

# Class names that name a taxonomy term, not a component (WordPress puts `tag-<slug>`
# and `category-<slug>` on the article itself: `tag-newsletter` is an article).
_TERM_CLASS = re.compile(r"^(tag|category|categories|topic|term|post|format|type)[-_]", re.I)
_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
#: A block holding this many prose paragraphs is article text, whatever its class says.
_MIN_PROSE_PARAGRAPHS = 2
_PROSE_WORDS = 20
_MAX_TAG_LIST_WORDS = 80
_TAG_LIST_LINK_SHARE = 0.6
_LAYOUT_CELL_TAGS = ("p", "h1", "h2", "h3", "article", "table")


def find_chrome_blocks(candidates: Iterable[HtmlElement]) -> list[HtmlElement]:
    """Outermost candidates whose class or id names chrome, that do not hold article prose.

    `candidates` are elements whose class or id mentions a chrome word (`scan`).
    """
    found = [
        element
        for element in candidates
        if element.tag not in NEVER_PRUNE
        and _names_chrome(element)
        and _prose_paragraphs(element) < _MIN_PROSE_PARAGRAPHS
    ]
    return outermost(found)


def _names_chrome(element: HtmlElement) -> bool:
    names = (element.get("class") or "").split() + (element.get("id") or "").split()
    for name in names:
        if _TERM_CLASS.match(name):
            continue
        words = {w.lower() for w in _CLASS_WORD.findall(name)}
        if words & CHROME_CLASS_WORDS:
            return True
    return False


def _prose_paragraphs(element: HtmlElement) -> int:
    return sum(1 for p in element.iter("p") if len(text_of(p).split()) >= _PROSE_WORDS)


def find_tag_lists(body: HtmlElement) -> list[HtmlElement]:
    """Blocks that list the article's tags or categories (links marked `rel="tag"`).

    `rel="tag"` is the microformat blogs put on tag and category links; the block around
    such links, while made of links, is the "Tags: a, b, c" line.
    """
    blocks: list[HtmlElement] = []
    for link in body.xpath(".//a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]"):
        block = None
        for ancestor in link.iterancestors():
            if ancestor.tag in NEVER_PRUNE or len(text_of(ancestor).split()) > _MAX_TAG_LIST_WORDS:
                break
            if not is_link_dominated(ancestor, _TAG_LIST_LINK_SHARE):
                break
            block = ancestor
        if block is not None and block not in blocks:
            blocks.append(block)
    return outermost(blocks)


def shown_as_heading(body: HtmlElement, candidates: tuple[str, ...]) -> tuple[str, ...]:
    """The candidates (headline, description) that the page shows as a heading.

    A description shown as a heading above the body is a standfirst, not the lede; the
    same words in a paragraph usually are the lede, which the article keeps.
    """
    wanted = {comparable(c): c for c in candidates if c}
    wanted.pop("", None)
    if not wanted:
        return ()
    shown = {comparable(h.text_content()) for h in body.iter(*HEADING_TAGS)}
    return tuple(original for key, original in wanted.items() if key in shown)


def find_other_articles(body: HtmlElement, headlines: tuple[str, ...]) -> list[HtmlElement]:
    """`<article>` elements unrelated to the one that carries the page's headline.

    Only when exactly one `<h1>` shows the headline and it sits in an `<article>`: without
    that anchor (a headline above the `<article>`, or repeated in a teaser card), several
    `<article>` elements may just be the article's own parts.
    """
    wanted = {comparable(h) for h in headlines if h}
    wanted.discard("")
    if not wanted:
        return []
    titles = [h for h in body.iter("h1") if comparable(h.text_content()) in wanted]
    main = next(titles[0].iterancestors("article"), None) if len(titles) == 1 else None
    if main is None:
        return []
    around = set(main.iterancestors())
    others = [
        a
        for a in body.iter("article")
        if a is not main and a not in around and main not in set(a.iterancestors())
    ]
    return outermost(others)


def unwrap_layout_tables(body: HtmlElement) -> int:
    """Turn tables that lay out the page into plain blocks; return how many.

    A table whose cells hold paragraphs, headings, articles or other tables is page
    layout, not data; extractors that honour tables would flatten its cells into lines.
    """
    count = 0
    for table in list(body.iter("table")):
        if table.getparent() is None or not _is_layout_table(table):
            continue
        for element in _own_parts(table):
            element.tag = "div"
        table.tag = "div"
        count += 1
    return count


def _own_parts(table: HtmlElement) -> list[HtmlElement]:
    """Rows, cells and row groups of `table` itself, not of tables nested in it."""
    return [
        part
        for part in table.iter("thead", "tbody", "tfoot", "tr", "td", "th")
        if next(part.iterancestors("table"), None) is table
    ]


def _is_layout_table(table: HtmlElement) -> bool:
    for cell in table.iter("td", "th"):
        if any(True for _ in cell.iterdescendants(*_LAYOUT_CELL_TAGS)):
            return True
    return False
