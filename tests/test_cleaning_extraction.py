"""The page's own structured data as evidence, and the extraction plumbing around cleaning."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from support.sample_pages import PARAGRAPHS

from newscrawl import extract_article
from newscrawl.cleaning.boilerplate import strip_page_header
from newscrawl.cleaning.dom import unwrap_source_lines
from newscrawl.core.dates import normalize_date
from newscrawl.extraction import extract_page
from newscrawl.extraction.language import language_from_markup
from newscrawl.extraction.second_opinion import block_text, second_opinion

FIXTURES = Path(__file__).parent / "fixtures" / "cleaning"
URL = "https://www.valley-courier.example/news/night-trains"
TITLE = "Night trains return to the valley line"
DESCRIPTION = "Regular night services start in June, the operator says."


def _page(body: str, after_body: str = "") -> str:
    template = (FIXTURES / "page-template.html").read_text(encoding="utf-8")
    return template.format(
        lang="en",
        title=TITLE,
        description=DESCRIPTION,
        section="news",
        slug="night-trains",
        nav_news="News",
        nav_sport="Sport",
        nav_culture="Culture",
        nav_opinion="Opinion",
        newsletter_title="Morning briefing",
        newsletter_text="Sign up for our daily newsletter.",
        rights="All rights reserved.",
        body=body,
        after_body=after_body,
    )


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_the_headline_above_the_body_goes_and_the_standfirst_stays() -> None:
    article = extract_article(_page(_paragraphs(PARAGRAPHS)), URL)

    assert article is not None
    assert article["title"] == TITLE
    assert article["text"] == "\n".join([DESCRIPTION, *PARAGRAPHS])


def _kicked_page(heading: str) -> str:
    """A page whose displayed headline is neither its `<title>` nor an `<h1>`, in class
    names that say nothing (as Stern's, Tages-Anzeiger's and t-online's with their names
    renamed)."""
    return (
        "<html><head><title>Operator confirms June start for valley night trains</title>"
        '</head><body><div class="c1f2"><div class="c3a4">'
        f"{heading}</div>{_paragraphs(PARAGRAPHS)}</div></body></html>"
    )


@pytest.mark.parametrize(
    "heading",
    [
        "<h2><span>Transport</span><span>Night trains return to the valley line</span></h2>",
        # the dash between the parts hidden from the extractor, which glues the two
        '<h2><span>Transport</span><span aria-hidden="true" hidden> – </span>'
        "<span>Night trains return to the valley line</span></h2>",
    ],
)
def test_a_headline_shown_after_its_kicker_goes(heading: str) -> None:
    article = extract_article(_kicked_page(heading), URL)

    assert article is not None
    assert article["text"] == "\n".join(PARAGRAPHS)


def test_a_standfirst_set_in_a_heading_after_a_dateline_stays() -> None:
    standfirst = "Regular night services start in June on the valley line, the operator says."
    heading = f"<h2><strong>Valley Junction</strong><span>{standfirst}</span></h2>"
    article = extract_article(_kicked_page(heading), URL)

    assert article is not None
    assert standfirst in article["text"]
    assert article["text"].endswith("\n".join(PARAGRAPHS))


def test_stages_report_what_they_removed() -> None:
    extraction = extract_page(_page(_paragraphs(PARAGRAPHS)), URL)

    assert extraction.removed["headline"] == [TITLE]
    assert "Tweet Email" in extraction.removed["chrome_blocks"]  # the share bar
    assert any("Sign up for our daily newsletter." in t for t in extraction.removed["furniture"])


def test_header_lines_above_the_headline_go_with_it() -> None:
    text = "\n".join(["Transport", TITLE, "By Mara Lindqvist", DESCRIPTION, *PARAGRAPHS])

    cleaned, removed = strip_page_header(text, (TITLE, DESCRIPTION))

    assert cleaned == "\n".join(PARAGRAPHS)
    assert removed == ["Transport", TITLE, "By Mara Lindqvist", DESCRIPTION]


def test_repeated_headline_is_cut_once_a_paragraph_started() -> None:
    text = "\n".join([*PARAGRAPHS, TITLE])

    cleaned, _ = strip_page_header(text, (TITLE,))

    assert cleaned == "\n".join(PARAGRAPHS)


def test_a_headline_repeat_after_article_text_at_the_top_is_not_a_cut_point() -> None:
    text = "\n".join([PARAGRAPHS[0], TITLE, *PARAGRAPHS[1:]])

    cleaned, removed = strip_page_header(text, (TITLE,))

    assert (cleaned, removed) == (text, [])


def test_headline_block_at_the_end_goes_only_with_short_lines_after_it() -> None:
    text = "\n".join([*PARAGRAPHS, TITLE, "The Valley Courier", "14 March 2024"])

    cleaned, removed = strip_page_header(text, (TITLE,))

    assert cleaned == "\n".join(PARAGRAPHS)
    assert removed == [TITLE, "The Valley Courier", "14 March 2024"]


@pytest.mark.filterwarnings("error")
def test_dates_with_unknown_timezone_names_parse_without_warning() -> None:
    assert normalize_date("09:15:00 PM IST Mar 14, 2024") == "2024-03-14T21:15:00"


def test_the_lede_stays_when_it_repeats_the_description() -> None:
    """A lede that says what the meta description says is still the article's first
    paragraph (fundus-dev's gold keeps it on every site that has one)."""
    html = _page(_paragraphs([DESCRIPTION, *PARAGRAPHS])).replace(
        f'<h2 class="standfirst">{DESCRIPTION}</h2>', ""
    )

    article = extract_article(html, URL)

    assert article is not None
    assert article["text"] == "\n".join([DESCRIPTION, *PARAGRAPHS])


SECOND_HALF = [
    "The operator plans to add a sleeper carriage in the autumn if the first months go "
    "well, with twelve cabins that can be booked up to three months ahead of travel.",
    "Unions asked for extra staff on the night shift, and the operator agreed to hire "
    "twenty conductors before the service starts, most of them from the region itself.",
    "The mayor said the trains would change how people in the valley think about distance, "
    "and that she would take the very first departure on the opening night in June.",
    "A second line to the coast could follow in two years if passenger numbers match the "
    "forecasts that the regional transport authority published earlier this spring.",
]


def test_second_opinion_extends_a_text_that_stopped_short() -> None:
    tree = lxml.html.document_fromstring(
        "<html><body><div class='article'>"
        f"<div class='part'>{_paragraphs(PARAGRAPHS)}</div>"
        "<div class='ad'>Advertisement</div>"
        f"<div class='part'>{_paragraphs(SECOND_HALF)}</div>"
        "</div></body></html>"
    )
    first_part = "\n".join(PARAGRAPHS[:2])

    text = second_opinion(tree, first_part)

    assert text is not None
    assert text.splitlines()[:2] == PARAGRAPHS[:2]
    assert SECOND_HALF[-1] in text


def test_no_second_opinion_when_the_text_holds_the_page_prose() -> None:
    tree = lxml.html.document_fromstring(f"<html><body>{_paragraphs(PARAGRAPHS)}</body></html>")

    assert second_opinion(tree, "\n".join(PARAGRAPHS)) is None


def test_block_text_renders_blocks_as_lines_and_list_items_with_a_dash() -> None:
    html = "<div><h2>Stops</h2><p>The trains stop at:</p><ul><li>Elm</li><li>Oak</li></ul></div>"

    assert block_text(html) == "Stops\nThe trains stop at:\n- Elm\n- Oak"


def test_the_sources_line_breaks_inside_a_paragraph_are_spaces() -> None:
    """A page's source may wrap its paragraphs ("Fire\\r\\n is seen ..."): a browser shows
    one line, and so do the fallbacks that would make each source line a line of text.
    Line breaks between elements (around a `<br>`) and in `<pre>` stay."""
    html = (
        "<div><p>Fire\r\n is seen on the ferry after it leaves \r\nthe pier.</p>"
        "<small><b>05/10/2018</b> - Tags: <a>sad</a>\n<a>ferry</a>\n</small><br><br>\n"
        "The crew were safe.<pre>def sailings():\n    return 2</pre></div>"
    )

    assert block_text(html) == (
        "Fire is seen on the ferry after it leaves the pier.\n"
        "05/10/2018 - Tags: sad\nferry\nThe crew were safe.\ndef sailings():\nreturn 2"
    )
    root = lxml.html.fromstring(html)
    unwrap_source_lines(root)
    assert root.findtext("p") == "Fire is seen on the ferry after it leaves the pier."
    assert root.findtext("pre") == "def sailings():\n    return 2"
    assert root.find("small/a").tail == "\n"


def test_a_source_line_break_next_to_a_link_or_emphasis_is_a_space() -> None:
    """The line breaks a source puts right after a link or before an emphasis, inside a
    paragraph, are spaces too: trafilatura's fallbacks made "The airline" / "had said a
    flight ..." two lines of the article (Reuters, fundus-dev, tags written as `<div>`)."""
    root = lxml.html.fromstring(
        "<div><p>The <a href='/a'>airline</a>\n had said its flight was\n<em>late</em> on"
        " Monday.<br>\nThe crew were safe.</p></div>"
    )

    unwrap_source_lines(root)

    assert root.find("p").text_content() == (
        "The airline had said its flight was late on Monday.\nThe crew were safe."
    )


def test_comma_separated_article_tag_gives_one_tag_each() -> None:
    page = _page(_paragraphs(PARAGRAPHS)).replace(
        "</head>", '<meta property="article:tag" content="Rail,Night trains, Transport"></head>'
    )
    article = extract_article(page, URL)

    assert article is not None
    assert article["tags"] == ["Rail", "Night trains", "Transport"]


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (("en-GB",), "en"),
        (("eng",), "en"),
        (("ger", "fr"), "de"),
        (("pt_BR",), "pt"),
        (("und", "es"), "es"),
        (("haw",), "haw"),  # no two-letter code: kept
        (("English", None), None),
    ],
)
def test_language_from_markup_gives_iso_639_1(
    tags: tuple[str | None, ...], expected: str | None
) -> None:
    assert language_from_markup(*tags) == expected
