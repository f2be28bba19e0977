"""Real related-posts widgets that show excerpts: does the text-level cleaner cut them?

    python benchmarks/excerpt_widgets.py

Some related-posts widgets show each post's opening words, cut short at a word limit
("... a plan for …"), under a header ("You may also like", "Related", "weiterlesen"). The
markup usually lets the HTML-level cleaning remove them; on a site whose markup says
nothing, they reach the text, too long for headlines. This takes every dev page that
carries such a widget (an element whose text is a tail header, followed within 40
elements by two or more texts of over 60 characters ending in an ellipsis), appends the
header and those excerpts to the page's gold body, and runs `clean_text`. Printed: per
page, whether the widget went, and which rule cut it (`text/tail/excerpts` is the rule
for them: its evidence on real widgets, where `rule_usage.py` only sees the few that the
markup lets through). The dev pages are in-sample.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html

sys.path.insert(0, str(Path(__file__).parent))

from devsets import load

from newscrawl import clean_text
from newscrawl.cleaning import tail
from newscrawl.cleaning.markers import TAIL_HEADER_RE

_CUT_SHORT = re.compile(r"(…|\.\.\.)\]?\s*$")
_TAGS = ("h2", "h3", "h4", "h5", "h6", "p", "div", "li", "a", "span", "strong")
_MAX_HEADER_CHARS = 50
_MIN_EXCERPT_CHARS = 60
_LOOKAHEAD = 40


def widget(html: str) -> tuple[str, list[str]] | None:
    """The page's first tail header with two or more excerpts cut short under it."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for element in tree.xpath("//script|//style"):
        element.drop_tree()
    texts = [" ".join((e.text or "").split()) for e in tree.iter(*_TAGS)]
    texts = [t for t in texts if t]
    for n, text in enumerate(texts):
        if len(text) < _MAX_HEADER_CHARS and TAIL_HEADER_RE.match(text):
            excerpts = [
                t
                for t in texts[n + 1 : n + 1 + _LOOKAHEAD]
                if len(t) > _MIN_EXCERPT_CHARS and _CUT_SHORT.search(t)
            ]
            if len(excerpts) >= 2:
                return text, excerpts
    return None


def main() -> int:
    rules: list[str] = []
    real_cut_index = tail._cut_index

    def noting(lines: list[tail._Line]) -> tuple[int | None, str]:
        found = real_cut_index(lines)
        rules.append(found[1])
        return found

    tail._cut_index = noting
    print("| page | site | header | excerpts | went | rule |\n|---|---|---|---|---|---|")
    total, went, sites, by_excerpts = 0, 0, set(), set()
    pages = [p for name in ("zyte", "fundus") for p in load(name)]
    for page in pages:
        found = widget(page.html or "")
        if found is None:
            continue
        header, excerpts = found
        body = page.truth.rstrip()
        rules.clear()
        out = clean_text("\n".join([body, header, *excerpts]))
        gone = not any(e in out for e in excerpts)
        total += 1
        site = urlsplit(page.url).hostname or page.id
        sites.add(site)
        went += gone
        if "excerpts" in rules:
            by_excerpts.add(site)
        rule = ",".join(sorted({r for r in rules if r})) or "-"
        print(f"| {page.id[:24]} | {site} | {header} | {len(excerpts)} | {gone} | {rule} |")
    print(
        f"\nWidgets gone: {went} of {total}, on {len(sites)} sites; "
        f"cut by text/tail/excerpts on {len(by_excerpts)} sites."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
