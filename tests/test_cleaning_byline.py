"""A byline or an author bio left in the text goes: the `authors` field holds them."""

from __future__ import annotations

import pytest
from support.sample_pages import PARAGRAPHS

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
        # by its shape, where the metadata names none or only one of the authors (seen on
        # four dev sites: cbsnews.com, politifact.com, thespacereview.com, boersen-zeitung.de)
        ("By Jane Doe, Max Roe, Ann Lee", ["Jane Doe"]),
        ("By Jane Doe on Monday, November 18th, 2019 at 11:04 a.m.", []),
        ("Von Anna Muster, Frankfurt", []),
        ("by Jane Doe", []),
        ("Por Lucía García y María de los Santos", []),
        ("Von Anna Muster | 14.03.2024, 10:02 Uhr", []),
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
        # A sentence that opens with "By", and a day alone, are no byline by their shape.
        (f"By Tuesday, the council had voted to keep the ferry.\n{BODY}", []),
        (f"By Monday\n{BODY}", []),
        (f"Von der Leyen will eine zweite Amtszeit\n{BODY}", []),
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
        # A describing phrase before the first name; then a second bio paragraph.
        (
            [
                "A 30-year industry veteran and award-winning reporter, Jane has covered "
                "railways since the sleeper trains last ran, for papers in three countries and "
                "for the radio, and she has written two books about the night trains.",
                f"{BIO} She appears on local radio on Sundays.",
            ],
            ["Jane Doe"],
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
        # A describing phrase before someone else's name.
        (
            ["A veteran of three campaigns, Maria has led the union since the strike began."],
            ["Jane Doe"],
        ),
    ],
)
def test_what_is_not_a_closing_bio_stays(ending: list[str], authors: list[str]) -> None:
    text = "\n".join([BODY, *ending])
    assert strip_author_bio(text, authors) == (text, [])


ARTICLE = "\n".join(PARAGRAPHS)


@pytest.mark.parametrize(
    ("box", "authors"),
    [
        (
            [
                "Regan",
                "Regan is a Connecticut native now living in Vermont with her husband and two "
                "cats. Regan loves trains, day trips and coffee.",
                "32 Awesome Stocking Stuffers for Commuters",
            ],
            ["Regan"],
        ),
        (
            [
                "Sidney Wiltgen",
                "Journalist",
                "Hat Geschichte studiert, um das Hier und Jetzt zu kommentieren. Sidney Wiltgen "
                "schreibt vor allem über Verkehr und Politik.",
                "Letzte Artikel",
                "Neue Fähre ab Mai",
            ],
            ["Sidney Wiltgen"],
        ),
        # the box's heading names the author (the plain text of hashed class names)
        (
            [
                "Über Anna Muster",
                "Als Redakteurin verantwortet Anna Muster die Verkehrsseiten. Sie kam 2017 "
                "aus Hamburg ins Team.",
            ],
            ["Anna Muster"],
        ),
        (
            [
                "About Jane Doe",
                "Jane Doe covers transport for the Courier. She joined in 2019 from the "
                "Valley Ledger.",
                "Most read",
            ],
            ["Jane Doe"],
        ),
        # under its heading, the box needs no names: whoever wrote, it goes
        (["About the author", "Senior editor at the Courier."], ["Jane Doe"]),
        (["About the author", "Senior editor at the Courier."], []),
        (
            [
                "About the Author",
                "Jane Doe",
                "@janedoe",
                "Jane Doe covers transport for the Courier. She joined in 2019.",
            ],
            [],
        ),
        (["À propos de l'auteure", "Journaliste"], []),
        (["A szerzőről", "Újságíró"], []),
        (["Tietoa kirjoittajasta", "Toimittaja"], []),
        (["Despre autor", "Jurnalist"], []),
        # a box whose bio opens with the author's role, not their name (JNews), and a box
        # of a name and a role alone
        (
            [
                "Jane Doe",
                "Transport reporter at the Courier, covering rail, buses and the roads of the "
                "valley since 2015.",
            ],
            ["Jane Doe"],
        ),
        (["Anna Muster", "Redakteurin bei der Courier-Zeitung seit 2019."], ["Anna Muster"]),
        (["Anna Muster", "Redakteurin"], ["Anna Muster"]),
        (["Jane Doe", "Senior Reporter", "@janedoe"], ["Jane Doe"]),
        # roles the byline parser knew before the author-box rule did (one list now)
        (["Jane Doe", "Senior Analyst"], ["Jane Doe"]),
        (["Giulia Bianchi", "Caporedattrice del Courier dal 2019."], ["Giulia Bianchi"]),
    ],
)
def test_an_author_box_below_the_article_goes_with_what_follows(
    box: list[str], authors: list[str]
) -> None:
    text, removed = strip_author_bio("\n".join([ARTICLE, *box]), authors)
    assert text == ARTICLE
    assert removed == box


@pytest.mark.parametrize(
    "text",
    [
        # more under the heading than a box holds: the article's own section
        "\n".join([ARTICLE, "About the author", *PARAGRAPHS, *PARAGRAPHS]),
        # the heading above the article's prose: not below the article
        "\n".join(["About the author", "Jane Doe covers transport.", *PARAGRAPHS[:2]]),
    ],
)
def test_what_is_not_an_author_box_under_its_heading_stays(text: str) -> None:
    assert strip_author_bio(text, []) == (text, [])


@pytest.mark.parametrize(
    "text",
    [
        # the box at the top, above the article: its byline, not its end
        "\n".join(
            [
                "Jane Doe",
                "Jane Doe covers transport for the Courier. She joined in 2019.",
                ARTICLE,
            ]
        ),
        # the name alone, then a line that does not name her
        "\n".join([ARTICLE, "Jane Doe", "The operator will publish the timetable in May."]),
        "\n".join([ARTICLE, "About Jane Doe", "The operator will publish the timetable in May."]),
        # an interview's last answer under the author's name, and a sentence about reporters
        "\n".join([ARTICLE, "Jane Doe", "Thank you, it was a pleasure."]),
        "\n".join([ARTICLE, "Jane Doe", "Reporters at the pier were told to leave."]),
        "\n".join([ARTICLE, "Jane Doe", "The reporter at the pier was told to leave."]),
        # a role line with the article's prose under it
        "\n".join([ARTICLE, "Jane Doe", "Reporter", *PARAGRAPHS[:1]]),
    ],
)
def test_what_is_not_an_author_box_stays(text: str) -> None:
    assert strip_author_bio(text, ["Jane Doe"]) == (text, [])


@pytest.mark.parametrize("agency", ["dpa", "AFP", "Bloomberg"])
def test_an_agency_credit_line_above_a_paragraph_that_names_it_is_no_author_box(
    agency: str,
) -> None:
    """A one-word author is often an agency, whose name is also a photo's credit line."""
    text = "\n".join(
        [
            ARTICLE,
            agency,
            f"According to {agency}, the operator will publish the winter timetable in May, "
            "with two more night trains at weekends.",
        ]
    )
    assert strip_author_bio(text, [agency]) == (text, [])
