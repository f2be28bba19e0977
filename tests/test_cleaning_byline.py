"""A byline left in the text as a line of its own goes: the `authors` field holds it."""

from __future__ import annotations

import pytest

from newscrawl.cleaning.byline import strip_byline

BODY = (
    "The council approved the new ferry timetable on Monday after a two-hour debate.\n"
    "Councillors said the early sailing had been requested by employers for years."
)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("by Jane Doe and Max Roe", ["Jane Doe", "Max Roe"]),
        ("Von Anna Muster, Frankfurt", ["Anna Muster"]),
        ("Daniel Ortega Ruiz", ["Daniel Ortega Ruiz"]),
        ("Staff Reports", ["Staff Reports"]),
        ("Por Lucía García | Madrid", ["Lucía García"]),
    ],
)
def test_a_byline_line_under_the_headline_goes(line: str, authors: list[str]) -> None:
    standfirst = "Fewer late crossings, one more early one"
    text, removed = strip_byline(f"{standfirst}\n{line}\n{BODY}", authors)
    assert text == f"{standfirst}\n{BODY}"
    assert removed == [line]


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        # A sentence that names the author is article text.
        (f"Jane Doe reported from the pier on Monday.\n{BODY}", ["Jane Doe"]),
        # A speaker label opens an interview.
        (f"Jane Doe:\n{BODY}", ["Jane Doe"]),
        # One-word authors are agencies, credited in the article's first line.
        (f"Reuters\n{BODY}", ["Reuters"]),
        # Names with more than a few other words are a heading, not a byline.
        (f"Why Jane Doe left the harbour board after twenty years\n{BODY}", ["Jane Doe"]),
        # Below the first lines, a name is the article's (a sign-off, a quote's source).
        (f"{BODY}\nOne.\nTwo.\nThree.\nJane Doe", ["Jane Doe"]),
        (BODY, []),
    ],
)
def test_what_is_not_a_byline_stays(text: str, authors: list[str]) -> None:
    assert strip_byline(text, authors) == (text, [])
