"""`LineMatcher` tries only the phrases a line's first letter can start: it must match
exactly what the one alternation of all phrases matches."""

from __future__ import annotations

import re

import pytest

from newscrawl.cleaning import markers
from newscrawl.cleaning.linematch import PHRASES, LineMatcher

LINES = [
    *("Read more", "READ MORE:", "► Read more", "[Read more]", "(c) 2024 The Courier"),
    *("© 2024 The Courier. All rights reserved.", "Mehr zum Thema", "ÜBER DEN AUTOR"),
    *("İlgili Haberler", "ilgili haberler", "İLGİLİ HABERLER", "Çok Okunanlar"),
    *("Читайте также", "ЧИТАЙТЕ ТАКЖЕ", "関連記事", "관련기사", "3 comments", "(12 Kommentare)"),
    *("Advertisement", "Share on Facebook", "Photo: Jane Doe/Reuters", "Tags: rail"),
    *("Reporting by Jane Doe; Editing by Sam Poe", "Follow us on Twitter", "Sign up"),
    "The regional rail operator will run night trains between the two cities from June.",
    *("", " ", "-", "»", "Read more: Night trains return in June", "Leggi anche: Il treno"),
    # characters the engine folds with others under IGNORECASE: long s, Kelvin sign
    *("ſee also", "\u212aommentare", "Ⅰ"),
]

MATCHERS = {name: value for name, value in vars(markers).items() if isinstance(value, LineMatcher)}


@pytest.mark.parametrize("name", sorted(MATCHERS))
def test_filed_phrases_match_what_one_alternation_matches(name: str) -> None:
    matcher = MATCHERS[name]
    for line in LINES:
        filed, single = matcher.match(line), matcher.regex.match(line)
        assert (filed and filed.group(0)) == (single and single.group(0)), (name, line)


def test_a_phrase_that_may_start_with_the_leads_character_is_tried_on_every_line() -> None:
    matcher = LineMatcher(
        [f"word{n}" for n in range(20)] + [r"\(c\) \d{4}"], r"^[\s(]*", rf"^[\s(]*(?:{PHRASES})$"
    )

    assert matcher.match("(c) 2024")
    assert matcher.match("word7")
    assert not matcher.match("(c) twenty")


def test_the_matcher_is_the_regex_of_its_pattern() -> None:
    assert markers.TAIL_HEADER_RE.regex.pattern == markers.TAIL_HEADER_RE.pattern
    assert markers.TAIL_HEADER_RE.regex.flags & re.IGNORECASE
