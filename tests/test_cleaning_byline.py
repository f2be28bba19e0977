"""A byline or an author bio left in the text goes: the `authors` field holds them."""

from __future__ import annotations

import pytest

from newscrawl.cleaning.byline import strip_author_bio, strip_byline

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


BIO = "Jane Doe is a senior fellow at the Harbour Institute and writes about transport."


@pytest.mark.parametrize(
    ("ending", "authors"),
    [
        ([BIO], ["Jane Doe"]),
        ([BIO, "First published in The Harbour Review."], ["Jane Doe"]),
        # Two bios the extractor ran together, cut mid-name.
        (
            [f"{BIO} Max Roe is a professor of history at", "Saltmere University."],
            ["Jane Doe", "Max Roe"],
        ),
        (
            ["Anna Muster ist Redakteurin im Ressort Wirtschaft und lebt in Frankfurt."],
            ["Anna Muster"],
        ),
    ],
)
def test_a_closing_author_bio_goes(ending: list[str], authors: list[str]) -> None:
    text, removed = strip_author_bio("\n".join([BODY, *ending]), authors)
    assert text == BODY
    assert removed == ending


@pytest.mark.parametrize(
    ("ending", "authors"),
    [
        # The author's name, then a capitalised word: a name of something else.
        (
            ["Jane Doe Foundation grants were cut by a third this year, the council said."],
            ["Jane Doe"],
        ),
        # A signature, not a sentence.
        (["Jane Doe"], ["Jane Doe"]),
        # Article text follows: the paragraph is the article's.
        ([BIO, " ".join(["The ferry"] + ["timetable"] * 40) + "."], ["Jane Doe"]),
        # Far from the end, a sentence about the author is the article's.
        ([BIO, "One.", "Two.", "Three.", "Four."], ["Jane Doe"]),
        ([BIO], ["Doe"]),
    ],
)
def test_what_is_not_a_closing_bio_stays(ending: list[str], authors: list[str]) -> None:
    text = "\n".join([BODY, *ending])
    assert strip_author_bio(text, authors) == (text, [])
