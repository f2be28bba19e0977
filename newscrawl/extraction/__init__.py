"""HTML -> article fields: trafilatura for the body, structured data for the rest.

`extract_page` parses the page once and reads what it says about itself (JSON-LD,
OpenGraph, meta tags). That structured data is evidence for the cleaning: the headline it
names is removed from the top of the text (the standfirst stays: it is the article's first
paragraph, and where trafilatura left it out of the body, `standfirst` finds it by the
description that repeats it), and the `<article>` carrying the headline is told from
other stories. Site chrome goes at the HTML level (`newscrawl.cleaning.html`), then
trafilatura finds the body: its fast path, its full cascade when the fast result is
evidently wrong, and a readability second opinion (`second_opinion`) when the page shows
that trafilatura stopped short. The other fields are read by `fields`.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from html import unescape
from typing import TYPE_CHECKING, Any

import trafilatura
from lxml.etree import XPath
from trafilatura.settings import Document

from newscrawl.cleaning import evidence
from newscrawl.cleaning.boilerplate import strip_page_header
from newscrawl.cleaning.dom import (
    BLOCK_TAGS,
    comparable,
    drop,
    flatten_ruby,
    is_link_dominated,
    missing_prose,
    prose_chars,
    prose_runs,
    text_of,
    unwrap_source_lines,
)
from newscrawl.cleaning.html import PageClues, SiteRules, prune_chrome
from newscrawl.cleaning.structure import find_article_root
from newscrawl.core.text import ends_like_a_sentence, prose_paragraphs, tidy_lines, word_count
from newscrawl.core.urls import is_story_url
from newscrawl.extraction.fallback import PageHeuristics, only_heading
from newscrawl.extraction.fields import read_fields
from newscrawl.extraction.loading import load_html
from newscrawl.extraction.overrides import read_field_rules
from newscrawl.extraction.second_opinion import extends, readability_extension
from newscrawl.extraction.standfirst import find_standfirst
from newscrawl.extraction.structured import (
    NON_ARTICLE_TYPES,
    StructuredData,
    first_text,
    in_navigation,
    read_structured_data,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

# The fast extraction is redone by trafilatura's full cascade below this many characters,
# or when more than this share of its text sits in lines shorter than this (a menu).
_MIN_BODY_CHARS = 250
_MENU_LINE_CHARS = 25
_MAX_MENU_SHARE = 0.5
#: A body with this many prose paragraphs reads like an article whatever the page declares.
_MIN_PROSE_PARAGRAPHS = 3
# ...and when more of the page's prose is missing from the text than it holds.
_MAX_MISSING_PROSE = 1.0
#: The fast text came from the page's one `<article>` when it holds this share of its prose.
_MIN_HELD_SHARE = 0.5
#: A text from another block replaces the fast one when it holds this many times the prose.
_MIN_PROSE_GAIN = 3
_CODE_SIGNS = "<>{}=;\\"
_MAX_CODE_SHARE = 0.03
#: Meta tags that give the page's description (which its standfirst often repeats).
_DESCRIPTION_META = ("og:description", "description", "twitter:description")
#: A table holds the page's layout, not data, when a cell of it holds a table, the
#: headline, or paragraphs (`<p>`s, or text parted by `<br>`s)...
_LAYOUT_TABLE = XPath(
    "boolean(//table[.//table or .//h1 or .//h2 or .//td[count(.//p) >= 2 or count(.//br) >= 2]])"
)
#: ...and trafilatura's text is mostly table rows (not an article with a table in it),
#: one with a cell of a paragraph's words (a data table's cells are short). The text read
#: without tables replaces it when it keeps this share of the cell, and as many paragraphs.
_MIN_LAYOUT_CELL_WORDS = 40
_MIN_LAYOUT_ROWS_SHARE = 0.5
_MIN_LAYOUT_CELL_KEPT = 0.8
#: A heading shown as a kicker ("Meinung", "SVP-Sonderparteitag zur Migration") and a
#: headline (`_kicked_headline`).
_MAX_KICKER_WORDS = 5
_MIN_HEADLINE_WORDS = 3
_MAX_HEADLINE_WORDS = 25
#: trafilatura reads `<div>`s as paragraphs in a block with less `<p>` text than this (3
#: times its MIN_EXTRACTED_SIZE, 250 characters).
_DIV_PARAGRAPHS_BELOW = 750
_PARAGRAPH_TEXT = XPath(".//p//text()")
#: The tables of links on such a page (menus, a list of other stories): innermost tables
#: with three links or more, whose text is links.
_MENU_TABLES = XPath("//table[not(.//table)][count(.//a) >= 3]")
_MIN_MENU_LINK_SHARE = 0.9
# Cells of a table row as trafilatura writes it (a "|" in a cell is escaped: "\\|").
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
#: trafilatura's comment sections (`REMOVE_COMMENTS_XPATH`, which it discards whole): a
#: class that starts with "comment" (not "commentary") or names an article's or post's
#: comments, an id that starts with "comment".
_COMMENT_NAMED = XPath(
    ".//*[self::div or self::section][re:test(@class, '^[Cc]omment(?!ary)|(?:article|post)"
    "-comments') or re:test(@id, '^[Cc]omment(?!ary)')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
#: The items of a comment thread, named as comments too.
_COMMENT_ITEMS = XPath(
    ".//*[contains(translate(@class, 'C', 'c'), 'comment')"
    " or contains(translate(@id, 'C', 'c'), 'comment')]"
)
#: Share of the page's prose such a block holds for it to be the article, and how it
#: holds it: in this many paragraphs of its own, with this share of its prose.
_MIN_NAMED_SHARE = 0.5
_MIN_OWN_PARAGRAPHS = 3
_MIN_OWN_PROSE_SHARE = 0.8
#: How far down the text the extractor may have moved the page's headline, in lines.
_MAX_HEADING_LINE = 6
#: The page's text after and before an element, in document order.
_TEXTS = {"after": XPath("following::text()"), "before": XPath("preceding::text()")}
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
    tree = _load(html)
    if tree is None:
        return Extraction(fields={}, is_article=False, reason="unparsable_html")
    data = read_structured_data(tree)
    site_fields = read_field_rules(rules.fields, tree, data.article, data.meta_all) if rules else {}
    text, removed = _article_text(html, tree, url, data, rules)
    fields = read_fields(data, PageHeuristics(tree, url), url, hints, text)
    fields.update(site_fields, text=text)
    reason, detail = _classify(data, text, url)
    if not reason:
        reason, detail = _link_list(html, tree, text)
    return Extraction(
        fields=fields, is_article=not reason, reason=reason, detail=detail, removed=removed
    )


def _load(html: str | bytes) -> HtmlElement | None:
    """The page's tree, with ruby annotations as the inline text they are."""
    tree = load_html(html)
    if tree is not None:
        flatten_ruby(tree)
    return tree


def _article_text(
    html: str | bytes,
    tree: HtmlElement,
    url: str | None,
    data: StructuredData,
    rules: SiteRules | None,
) -> tuple[str, dict[str, list[str]]]:
    """The article body, cleaned at the HTML level and of the page header it repeats; and
    what the cleaning removed, by rule. Prunes `tree` in place."""
    clues = _clues(data, tree)
    # What the text may repeat of the page header: headline forms and the page's URL. Not
    # the standfirst: it is the article's first paragraph, even where it repeats the page's
    # description.
    repeats = (
        *clues.headlines,
        *_page_heading(tree),
        *_kicked_headline(tree),
        *(u for u in (url, data.canonical) if u),
    )
    removed = prune_chrome(tree, url, rules, clues)
    text = _body_text(tree, url)
    if _evidently_wrong(text) and removed:
        # The pruning may have taken the article with the chrome: read the page as it was.
        unpruned = _body_text(_load(html), url)
        if len(unpruned) > len(text) and not _evidently_wrong(unpruned):
            logger.debug("Extracted %s without pruning: pruned, it gave no article", url)
            evidence.fired("extraction/read_unpruned", unpruned)
            text, removed = unpruned, {}
    # Composed characters: pages written in decomposed form ("u" + combining diaeresis)
    # would otherwise export text that neither reads nor searches like the same words.
    text = tidy_lines(unicodedata.normalize("NFC", text))
    text = _heading_first(text, tree)
    text, header_lines = strip_page_header(text, repeats)
    if header_lines:
        removed["headline"] = header_lines
    return _with_standfirst(text, tree, data, repeats), removed


def _with_standfirst(
    text: str, tree: HtmlElement, data: StructuredData, headlines: tuple[str, ...]
) -> str:
    """`text` with the standfirst the page shows above the body, where it lacks it, as its
    first paragraph."""
    descriptions = (
        first_text(data.article.get("description")),
        *(data.meta.get(name) for name in _DESCRIPTION_META),
    )
    standfirst = find_standfirst(tree, descriptions, text, headlines)
    if standfirst is None:
        return text
    evidence.fired("extraction/standfirst", standfirst.text)
    lines = text.splitlines()
    lines.insert(standfirst.line, unicodedata.normalize("NFC", standfirst.text))
    return "\n".join(lines)


def _body_text(tree: HtmlElement, url: str | None) -> str:
    """The article body by trafilatura: its fast path, and its full cascade when needed.

    On pages whose markup names no article block, the block holding the page's prose is
    shown to trafilatura as `<article>` (`find_article_root`). The full cascade (a
    readability and a jusText second opinion) triples the cost and on most pages agrees
    with the fast path; it runs, on the page without that hint, only when the fast result
    is evidently wrong: (almost) empty, a menu rather than prose, or much shorter than the
    prose on the page (the fast path stopped part-way, or read another block: a reader's
    comment where no class name marked the comments).
    """
    root = find_article_root(tree.find("body") if tree.find("body") is not None else tree)
    if root is None:
        text = _trafilatura_text(tree, url, fast=True)
    else:
        text = _text_with_root_shown(tree, url, root)
    if _evidently_wrong(text):
        evidence.fired("extraction/full_cascade/evidently_wrong", text)
        text = _trafilatura_text(tree, url, fast=False) or text
        if _evidently_wrong(text):
            return _comment_named_article(tree, url) or text
        return text
    if _stopped_part_way(tree, text):
        # Stopped part-way (an article split into sibling blocks): readability reads such
        # pages whole more often than trafilatura's own cascade, so it is asked first.
        longer = readability_extension(tree, text)
        if longer:
            evidence.fired("extraction/handover/readability", longer)
            return longer
        longer = _trafilatura_text(tree, url, fast=False)
        if _glued_cell(longer):
            return text  # the cascade glued a layout table's paragraphs into one row
        if extends(longer, text):
            evidence.fired("extraction/handover/full_cascade", longer)
            return longer
        if _holds_more_prose(tree, longer, text):
            # The fast path read another block (a reader's comment, a teaser) as the
            # article; the cascade found the block that holds the page's prose.
            evidence.fired("extraction/handover/full_cascade_other_block", longer)
            return longer
    return text


def _paragraph(element: HtmlElement) -> bool:
    """A `<p>`, or a `<div>` written as one: text with no block inside (a comment's item
    holds its commenter's name and its text in elements of their own)."""
    return element.tag == "p" or not any(isinstance(child.tag, str) for child in element)


def _comment_named_article(tree: HtmlElement, url: str | None) -> str:
    """trafilatura's text with the block that holds the page's prose named plainly, when
    that block is named as a comment section is ("comment-article", an opinion section's
    name, or an id "comment-body"): trafilatura discards such a block whole, and the page
    gave no article. Only a block written as an article body is: its prose in paragraphs
    of its own (`<p>` children, or `<div>`s of plain text). A comment thread holds each
    comment in an item of its own (and often names them as comments too:
    "comment-author"), and is left alone: a video page with a thread under it stays no
    article. "" when there is no such block."""
    body = tree.find("body")
    page_prose = prose_chars(body if body is not None else tree)
    for block in _COMMENT_NAMED(tree):
        held = prose_chars(block)
        if held < _MIN_NAMED_SHARE * page_prose or _COMMENT_ITEMS(block):
            continue
        own = [prose_chars(child) for child in block.iterchildren("p", "div") if _paragraph(child)]
        if sum(1 for chars in own if chars) < _MIN_OWN_PARAGRAPHS or sum(own) < (
            _MIN_OWN_PROSE_SHARE * held
        ):
            continue
        names = {name: block.attrib.pop(name) for name in ("class", "id") if name in block.attrib}
        try:
            text = _trafilatura_text(tree, url, fast=True)
        finally:
            block.attrib.update(names)
        if not _evidently_wrong(text):
            evidence.fired("extraction/comment_named_article", text)
            return text
    return ""


def _text_with_root_shown(tree: HtmlElement, url: str | None, root: HtmlElement) -> str:
    """trafilatura's fast text with `root` tagged as `<article>`, and its paragraphs written
    as `<div>`s tagged as `<p>`s (`_div_paragraphs`); without the tags when that narrowing
    lost prose of the root itself (a paragraph it read differently)."""
    retagged = [root, *_div_paragraphs(root)]
    tags = [element.tag for element in retagged]
    root.tag = "article"
    for paragraph in retagged[1:]:
        paragraph.tag = "p"
    try:
        text = _trafilatura_text(tree, url, fast=True)
    finally:
        for element, tag in zip(retagged, tags, strict=True):
            element.tag = tag
    evidence.fired("extraction/root_hint", text)
    missing = missing_prose(root, text)
    if missing:
        plain = _trafilatura_text(tree, url, fast=True)
        if missing_prose(root, plain) < missing:
            evidence.fired("extraction/root_hint_dropped", plain)
            return plain
    return text


def _div_paragraphs(root: HtmlElement) -> list[HtmlElement]:
    """The `<div>`s below `root` that are paragraphs (text, and no block inside), when
    `root` has too little `<p>` text for trafilatura to read `<p>`s alone and the page
    around it has enough. trafilatura means to read `<div>`s as paragraphs in such a
    block, but looks for the `<p>` text on the whole page (`//p//text()`): a sidebar's
    paragraphs made it skip the article's and recover them after the rest, or glued into
    one line. All of them: a `<div>` left out would be skipped for the `<p>` text the
    others add. Where the root has its `<p>` text, its `<div>`s are captions and
    widgets; where the page has none, trafilatura reads the `<div>`s itself."""
    if sum(len(text) for text in _PARAGRAPH_TEXT(root)) >= _DIV_PARAGRAPHS_BELOW:
        return []
    page = root.getroottree().getroot()
    if sum(len(text) for text in _PARAGRAPH_TEXT(page)) < _DIV_PARAGRAPHS_BELOW:
        return []
    return [
        div
        for div in root.iterdescendants("div")
        if not any(element.tag in BLOCK_TAGS for element in div.iterdescendants())
        and div.text_content().strip()
    ]


def _trafilatura_text(tree: HtmlElement, url: str | None, *, fast: bool) -> str:
    """trafilatura's text of `tree`, tables included (an article's data tables are its
    text); read again without tables when a table of the page was its layout."""
    if not fast:
        unwrap_source_lines(tree)  # the cascade's fallbacks keep the source's line breaks
    text = _trafilatura_pass(tree, url, fast=fast, tables=True)
    cell = _glued_cell(text)
    if cell and _LAYOUT_TABLE(tree):
        # An old table-layout page: trafilatura renders the page's table as one, menu
        # cells and all, with the article's paragraphs glued into one of its rows. Read
        # without tables, the page's menus (tables of links) would come in as lines.
        for menu in _MENU_TABLES(tree):
            if is_link_dominated(menu, _MIN_MENU_LINK_SHARE):
                evidence.fired("extraction/layout_table/menu", text_of(menu))
                drop(menu)
        untabled = _trafilatura_pass(tree, url, fast=fast, tables=False)
        if len(untabled) >= _MIN_LAYOUT_CELL_KEPT * len(cell) and prose_paragraphs(
            untabled
        ) >= prose_paragraphs(text):
            evidence.fired("extraction/layout_table", untabled)
            return untabled
    return text


def _trafilatura_pass(tree: HtmlElement, url: str | None, *, fast: bool, tables: bool) -> str:
    with _head_set_aside(tree) if fast else nullcontext():
        document = trafilatura.bare_extraction(
            tree,  # copied by trafilatura: `tree` stays as pruned
            url=url,
            fast=fast,
            # trafilatura's metadata heuristics run lazily, where structured data is silent.
            with_metadata=False,
            include_comments=False,
            include_tables=tables,
            deduplicate=False,
        )
    # A Document, or None when trafilatura found nothing (a dict only with as_dict=True).
    return (document.text if isinstance(document, Document) else None) or ""


def _glued_cell(text: str) -> str:
    """The cell of a paragraph's words in `text`, when `text` is mostly table rows: the
    paragraphs of a page's layout table glued into one of its rows ("" otherwise)."""
    rows = _table_rows(text)
    if sum(map(len, rows)) < _MIN_LAYOUT_ROWS_SHARE * len(text):
        return ""
    cell = max((c for row in rows for c in _cells(row)), key=len, default="")
    return cell if word_count(cell) >= _MIN_LAYOUT_CELL_WORDS else ""


def _table_rows(text: str) -> list[str]:
    """The lines of `text` that are table rows as trafilatura writes them ("| a | b |")."""
    if "|" not in text:
        return []
    return [
        line.strip()
        for line in text.split("\n")
        if line.startswith("|") and line.rstrip().endswith("|")
    ]


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in _CELL_SEPARATOR.split(row[1:-1])]


@contextmanager
def _head_set_aside(tree: HtmlElement) -> Iterator[None]:
    """`tree` without its `<head>` for a while: trafilatura's fast path reads the body
    only, and copies the whole tree three times first (the head is a fifth of a pruned
    page's elements; 6% of trafilatura's time, measured on Zyte). Its one use of the head,
    a forum thread's JSON-LD (whose posts it then keeps), keeps the head in place. The
    full cascade keeps it too: its last resort reads JSON-LD `articleBody`."""
    head = tree.find("head")
    if head is None or any("DiscussionForumPosting" in (s.text or "") for s in head.iter("script")):
        yield
        return
    index = tree.index(head)
    tree.remove(head)
    try:
        yield
    finally:
        tree.insert(index, head)


def _stopped_part_way(tree: HtmlElement, text: str) -> bool:
    """More of the page's prose is missing from `text` than `text` holds.

    Cheap bounds first: a pruned page whose whole text, or whose prose, is not much longer
    than `text` cannot miss that much (most pages: then no run is looked up in `text`).
    """
    wanted = _MAX_MISSING_PROSE * len(text)
    if len(tree.text_content()) < len(text) + wanted:
        return False
    scope, runs = _article_holding(tree, text)
    return sum(map(len, runs)) >= wanted and missing_prose(scope, text, runs) >= wanted


def _article_holding(tree: HtmlElement, text: str) -> tuple[HtmlElement, list[Any]]:
    """The page's one `<article>` element when `text` came from it, else `tree`, with its
    prose runs: prose the page holds outside its only article (a footer's contact box, a
    consent notice the class names did not mark) is not the article's."""
    articles = tree.findall(".//article")
    if len(articles) == 1:
        runs = prose_runs(articles[0])
        held = sum(map(len, runs)) - missing_prose(articles[0], text, runs)
        if held >= _MIN_HELD_SHARE * len(text):
            return articles[0], runs
    return tree, prose_runs(tree)


def _holds_more_prose(tree: HtmlElement, candidate: str, text: str) -> bool:
    """`candidate` holds several times as much of the page's prose as `text` does, and
    reads as an article (not as markup or script a page keeps in a text node, which the
    prose count takes for prose)."""
    if _evidently_wrong(candidate) or _reads_like_code(candidate):
        return False
    runs = prose_runs(tree)
    total = sum(map(len, runs))
    held = total - missing_prose(tree, text, runs)
    return total - missing_prose(tree, candidate, runs) >= _MIN_PROSE_GAIN * max(held, 1)


def _reads_like_code(text: str) -> bool:
    """Markup and script signs (`<`, `{`, `;`, `\\`...) make up a share of the text that
    prose never has."""
    signs = sum(text.count(sign) for sign in _CODE_SIGNS)
    return signs > _MAX_CODE_SHARE * len(text)


def _evidently_wrong(text: str) -> bool:
    """(Almost) empty, or a menu rather than prose."""
    return len(text) < _MIN_BODY_CHARS or _reads_like_a_menu(text)


def _reads_like_a_menu(text: str) -> bool:
    """Most of the text sits in very short lines: navigation, not an article."""
    short = sum(len(line) for line in text.splitlines() if len(line.strip()) < _MENU_LINE_CHARS)
    return short > _MAX_MENU_SHARE * len(text)


def _clues(data: StructuredData, tree: HtmlElement) -> PageClues:
    """What the page's own metadata says its headline is, in every form it gives."""
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
    return PageClues(headlines=tuple(dict.fromkeys(headlines)))


def _page_heading(tree: HtmlElement) -> tuple[str, ...]:
    """The text of the page's `<h1>` when it has exactly one: its headline as displayed,
    which may differ from the metadata's (shortened, or edited after publication)."""
    heading = only_heading(tree)
    return (text_of(heading),) if heading is not None else ()


def _kicked_headline(tree: HtmlElement) -> tuple[str, ...]:
    """The first heading (`<h1>`, `<h2>`) shown as a kicker and a headline, in two parts
    (`<h2><span>Meinung</span><span>Warum Kritik ... verpufft</span></h2>`): the headline
    as the page displays it, which may be neither its `<title>` nor its `<h1>` (an SEO
    heading, hidden). As the extractor may write it: with the dash between the parts, the
    parts spaced, or glued (the dash hidden from it). A standfirst set in a heading ends
    like a sentence, and is no headline."""
    for heading in tree.iter("h1", "h2"):
        parts = [text_of(child) for child in heading if isinstance(child.tag, str)]
        parts = [part for part in parts if word_count(part)]  # not a dash between
        if len(parts) != 2:
            continue
        kicker, headline = parts
        if (
            word_count(kicker) <= _MAX_KICKER_WORDS
            and _MIN_HEADLINE_WORDS <= word_count(headline) <= _MAX_HEADLINE_WORDS
            and not ends_like_a_sentence(headline)
            and not in_navigation(heading)
        ):
            return (text_of(heading), f"{kicker} {headline}", f"{kicker}{headline}")
    return ()


def _heading_first(text: str, tree: HtmlElement) -> str:
    """`text` with the page's headline above the lines that the extractor wrote before it
    but the page shows after it.

    trafilatura writes the first block it takes for the body first, ahead of the
    headline, when that block comes after the `<h1>` (a live blog's first entry, classed
    "entry"). The header stripping takes what precedes the headline for the page header,
    so such a short first paragraph of the article was lost with it. A line the page also
    shows before the headline stays where it is."""
    h1 = only_heading(tree)
    if h1 is None:
        return text
    lines = text.split("\n")
    key = comparable(h1.text_content())
    index = next(
        (i for i, line in enumerate(lines[:_MAX_HEADING_LINE]) if comparable(line) == key), 0
    )
    if not index:
        return text
    after, before = (_flat("".join(_TEXTS[side](h1))) for side in ("after", "before"))
    displaced = {
        n
        for n in range(index)
        if (line := _flat(lines[n])) and line in after and line not in before
    }
    if not displaced:
        return text
    evidence.fired("extraction/heading_first", "\n".join(lines[n] for n in sorted(displaced)))
    above = [lines[n] for n in range(index) if n not in displaced]
    below = [lines[n] for n in sorted(displaced)]
    return "\n".join([*above, lines[index], *below, *lines[index + 1 :]])


def _flat(text: str) -> str:
    """`text` as composed characters with one space between words."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _without_site_name(title: str) -> list[str]:
    """The parts of "Headline | Site" titles that can be the headline (three words or more)."""
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title)]
    return [p for p in parts if len(parts) > 1 and len(p.split()) >= 3]


def _classify(data: StructuredData, text: str, url: str | None) -> tuple[str, str]:
    """Why the page is not an article ("" when it is), and a detail for the log. Structured
    data decides when it speaks; a page that declares itself a listing or profile is an
    article only if its body reads like one."""
    if data.declares_article:
        return "", ""
    if not text.strip():
        return "empty_text", "no body found"
    if (
        data.declares_non_article
        and prose_paragraphs(text, _MIN_PROSE_PARAGRAPHS) < _MIN_PROSE_PARAGRAPHS
        and not _default_type_on_a_story(data, url)
    ):
        kind = data.meta.get("og:type") or ",".join(sorted(data.types))
        return "not_article", f"declares {kind}, {prose_paragraphs(text)} prose paragraphs"
    return "", ""


def _default_type_on_a_story(data: StructuredData, url: str | None) -> bool:
    """The page's one claim is `og:type` "website", Open Graph's default type (what a site
    that sets no type per page says of all its pages), and its address is a story's (a
    date, an id or a long slug, `is_story_url`): a short article, not a section front or a
    tag page. A page without a URL is judged by its canonical one."""
    if data.types & NON_ARTICLE_TYPES or data.meta.get("og:type") != "website":
        return False
    return is_story_url(url or data.canonical or data.meta.get("og:url"))


def _link_list(html: str | bytes, tree: HtmlElement, text: str) -> tuple[str, str]:
    """("not_article", detail) when the body is mostly link text and short of prose
    (fewer than 3 prose paragraphs, the bar `_classify` sets for declared listings): a
    page of links (a section front, a tag page, an index), whatever it declares; ("", "")
    otherwise.

    Each line of the body is matched, whitespace aside, with the text of a block of the
    page (`<p>`, `<li>`, ...) that holds links; the line's link text is that block's. A
    line matched with no block counts as no link text, so an article is never rejected
    on a guess. Cheap for most pages: when all the page's links together hold less text
    than half the body, nothing is matched. The page is the pruned `tree`, or the page
    as it was when the body is longer than all the pruned tree's text (`_article_text`
    read it unpruned)."""
    if prose_paragraphs(text, _MIN_PROSE_PARAGRAPHS) >= _MIN_PROSE_PARAGRAPHS:
        return "", ""  # most articles: no link to measure
    chars = len("".join(text.split()))
    if not chars:
        return "", ""
    anchors = [(a, len("".join(a.text_content().split()))) for a in tree.iter("a")]
    if sum(n for _, n in anchors) <= chars / 2:
        if len("".join(tree.text_content().split())) >= chars:
            return "", ""
        unpruned = _load(html)
        if unpruned is None:
            return "", ""
        anchors = [(a, len("".join(a.text_content().split()))) for a in unpruned.iter("a")]
        if sum(n for _, n in anchors) <= chars / 2:
            return "", ""
    # Elements whose text trafilatura writes as one line of the body.
    blocks = {"p", "li", "dd", "dt", "td", "th", "blockquote", "pre", "figcaption", "caption"}
    blocks |= {"h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "article", "main", "body"}
    in_block: dict[HtmlElement, int] = {}
    for anchor, n in anchors:
        block = anchor.getparent()
        while block is not None and block.tag not in blocks:
            block = block.getparent()
        if block is not None and n:
            in_block[block] = in_block.get(block, 0) + n
    linked_by_text: dict[str, int] = {}
    for block, n in in_block.items():
        key = unicodedata.normalize("NFC", "".join(block.text_content().split()))
        linked_by_text[key] = max(n, linked_by_text.get(key, 0))
    linked = 0
    for line in text.splitlines():
        key = "".join(line.split())
        linked += min(len(key), linked_by_text.get(key, 0))
    if linked <= chars / 2:
        return "", ""
    return "not_article", f"a list of links: {linked / chars:.0%} of the text is link text"
