"""Real related lists without their header: what the text cleaners make of them.

    python benchmarks/related_lists.py    # both levels (a minute)

`tails.py` draws each tail's headlines at random from the other dev pages, so its
headlines are on as many subjects as there are headlines. The related lists pages carry
are not: "Related", "More on this story" and their kind list other stories on the
article's subject, and name it. This takes the lists the dev pages themselves carry (a
block under a header the cleaner reads as a related-list header, with three or more
links whose text is a headline of 4 to 25 words, none of them a line of the page's gold
body), drops the header (an extractor often leaves it out, or the page sets it as an
image), and appends the headlines to the page's gold body, as plain lines and as
bullets: a tail with no header, where only the headlines tell it. And the same with the
header's own text above them, as the page words it.

Printed: the lists and their sites; how many have two headlines sharing a word of five
letters or more, and how many of those share a name the article writes (capitalised
inside its sentences, where capitals mark names); the share of tails fully removed, as
`tails.py` counts it (`clean_text` and the crawl's text stages agreeing).

At the HTML level, the same lists stay where the page has them, without their header
element (its text: a heading, a label), through `extract_article` and trafilatura, with
the page's class names as written and renamed (`plain_markup`): the share of lists any
headline of which comes out. The dev pages are in-sample: the cleaner was developed on
them.
"""

from __future__ import annotations

import sys
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

import lxml.html

sys.path.insert(0, str(Path(__file__).parent))

import tails
from devsets import SETS, DevPage, load

from newscrawl.cleaning import related
from newscrawl.cleaning import tail as text_tail
from newscrawl.cleaning.dom import text_of
from newscrawl.cleaning.scan import scan
from newscrawl.extraction.loading import load_html
from newscrawl.testing.evaluation import plain_markup

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_FORMATS = (
    "no header: plain lines",
    "no header: bullets",
    "its header: plain lines",
    "its header: bullets",
)
_MIN_HEADLINES = 3
_HEADLINE_WORDS = (4, 25)
_SHARED_CHARS = text_tail._MIN_SHARED_CHARS


def related_lists(page: DevPage) -> list[tuple[str, list[str]]]:
    """The header's text and the headlines of each related list on `page` (see the
    module's docstring)."""
    tree = load_html(page.html)
    if tree is None:
        return []
    return [(text_of(header), headlines) for header, headlines in _headed_lists(tree, page)]


def _headed_lists(tree: HtmlElement, page: DevPage) -> list[tuple[HtmlElement, list[str]]]:
    """Each related list's header element in `tree`, and the list's headlines."""
    body = tree.find("body")
    if body is None:
        return []
    gold = {" ".join(line.split()) for line in page.truth.splitlines()}
    found = []
    for header in related.find_header_elements(scan(body).headers):
        headlines: list[str] = []
        for block in related.headed_list(header):
            for link in block.iter("a"):
                text = text_of(link)
                low, high = _HEADLINE_WORDS
                if low <= len(text.split()) <= high and text not in headlines:
                    headlines.append(text)
        if len(headlines) >= _MIN_HEADLINES and not gold & set(headlines):
            found.append((header, headlines))
    return found


def without_headers(page: DevPage, *, plain: bool = False) -> tuple[str, list[list[str]]]:
    """`page` (with `plain`, its class and id values renamed) without the header elements
    of its related lists, and each list's headlines."""
    html = plain_markup(page.html) if plain else page.html
    tree = load_html(html)
    if tree is None:
        return html, []
    found = _headed_lists(tree, page)
    for header, _ in found:
        if header.getparent() is not None:
            header.drop_tree()  # its text only: the tail after it stays
    return lxml.html.tostring(tree, encoding="unicode"), [h for _, h in found]


def _names(lines: tuple[str, ...]) -> frozenset[str]:
    """The names `lines` write, as the cleaner reads them (`tail._names_above`)."""
    return text_tail._names_above([text_tail._Line(line) for line in lines], len(lines))


def _shared(headlines: list[str]) -> set[str]:
    words = [
        {w.casefold() for w in text_tail._WORD.findall(h) if len(w) >= _SHARED_CHARS}
        for h in headlines
    ]
    return {w for a, b in combinations(words, 2) for w in a & b}


def main() -> int:
    pages = [page for name in SETS for page in load(name)]
    by_id = {source.id: source for source in tails.sources(pages)}
    counts: Counter[str] = Counter()
    sites: dict[str, set[str]] = {"lists": set(), "subject": set()}
    cases: list[tails.Case] = []
    for page in pages:
        source = by_id.get(page.id)
        if source is None:
            continue
        names = _names(source.lines)
        for header, headlines in related_lists(page):
            counts["lists"] += 1
            sites["lists"].add(page.site)
            shared = _shared(headlines)
            counts["share a word"] += bool(shared)
            if shared & names:
                counts["share a name the article writes"] += 1
                sites["subject"].add(page.site)
            bullets = [f"- {h}" for h in headlines]
            for style, added, others in (
                (_FORMATS[0], headlines, []),
                (_FORMATS[1], bullets, []),
                (_FORMATS[2], [header, *headlines], [header]),
                (_FORMATS[3], [header, *bullets], [header]),
            ):
                cases.append(
                    tails.Case(
                        "text",
                        "tail",
                        style,
                        source.language or "?",
                        source,
                        added=added,
                        headlines=headlines,
                        other_lines=others,
                    )
                )
    print("# Real related lists at the text level\n")
    print(
        f"{counts['lists']} lists on {len(sites['lists'])} sites; two headlines share a "
        f"word of {_SHARED_CHARS}+ letters in {counts['share a word']}, a name the "
        f"article writes in {counts['share a name the article writes']} "
        f"({len(sites['subject'])} sites)\n"
    )
    results = tails.run_text(cases)
    print("| format | cases | fully removed |")
    print("|---|---|---|")
    for style in _FORMATS:
        chosen = [c for c in cases if c.format == style]
        ok = sum(all(r.ok for r in results if r.case is case) for case in chosen)
        print(f"| {style} | {len(chosen)} | {ok / max(len(chosen), 1):.3f} |")
    html_level(pages)
    return 0


def html_level(pages: list[DevPage]) -> None:
    """The pages without their lists' header elements, through `extract_article` and
    trafilatura: lists any of whose headlines come out."""
    print("\n# The pages without their related lists' headers (HTML level)\n")
    print("| class names | lists | newscrawl: a headline left | trafilatura |")
    print("|---|---|---|---|")
    for plain in (False, True):
        lists = left = left_baseline = 0
        for page in pages:
            html, found = without_headers(page, plain=plain)
            if not found:
                continue
            text = tails.HTML_SYSTEMS["newscrawl"](html, page.url)
            baseline = tails.HTML_SYSTEMS["trafilatura"](html, page.url)
            for headlines in found:
                lists += 1
                left += any(h in text for h in headlines)
                left_baseline += any(h in baseline for h in headlines)
        names = "renamed" if plain else "as written"
        print(
            f"| {names} | {lists} | {left / max(lists, 1):.3f} "
            f"| {left_baseline / max(lists, 1):.3f} |"
        )


if __name__ == "__main__":
    sys.exit(main())
