"""Negative tests: article endings that look like chrome but are the article, kept byte for byte.

Articles legitimately end in a short list, a bulleted "key points" block, a one-line
paragraph, a closing quote or an editor's note, and carry lists in the middle. Contributor
credits ("Reporting by ...") are about the article, not its text: they go, and the
article above them stays. Each shape is checked through the text cleaners (`clean_text`)
and through the whole pipeline (`extract_article`) on a small page with realistic chrome
around it (site navigation, breadcrumb, share bar, newsletter box, related links,
footer). The prose is invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl import clean_text, extract_article

FIXTURES = Path(__file__).parent / "fixtures" / "cleaning"
URL = "https://www.valley-courier.example/news/elm-bridge-vote"

LEDE = (
    "The town council voted on Tuesday evening to build a new pedestrian bridge over the "
    "Elm river, ending a debate that has divided the valley for almost a decade."
)
MIDDLE = (
    "Supporters said the crossing would cut the walk between the station and the hospital "
    "by twenty minutes, while opponents worried about the cost and about the old willow "
    "trees on the eastern bank."
)
PLAN = (
    "The approved plan keeps the trees and moves the landing forty metres north. "
    "Construction is expected to start in the autumn, once the river is at its lowest."
)

#: Article endings (as extracted text lines), each a shape the cleaners must keep.
ENDINGS: dict[str, list[str]] = {
    "short list after a colon": [
        "The work will be paid for in three stages:",
        "- a regional grant covering half of the cost",
        "- the town's road budget for the next two years",
        "- a loan from the national infrastructure fund",
    ],
    "title case list under a subheading": [
        "Firms invited to bid",
        "Northbank Steel Works",
        "Valley Timber Company",
        "Harbour Civil Engineering",
        "Ridge And Sons Builders",
    ],
    "bulleted key points": [
        "Key points",
        "• The bridge will open in 2026",
        "• The willow trees on the eastern bank stay",
        "• Half of the cost comes from a regional grant",
    ],
    "one-line last paragraph": ["Nobody voted against."],
    "closing quote": [
        "“We have waited ten years for this bridge,” she said. “We can wait one more.”"
    ],
    "closing quote without a full stop": ["“Build it and they will walk”"],
    "editor's note": [
        "Editor's note: An earlier version of this article misstated the day of the vote."
    ],
    # A numbered table (each row ends in its figures) is no "Most read" list.
    "numbered table under a subheading": [
        "Votes by ward",
        "1. Elm North 412",
        "2. Willow Bank 388",
        "3. Station Quarter 301",
    ],
    # times and fractions are no list numbers ("1:00", "1/2")
    "a day's programme by the hour": [
        "1:00 Opening of the new footbridge",
        "2:00 Guided walk along the eastern bank",
        "3:00 Concert by the Elmsford Brass Band",
    ],
    # the article's own pointer to a website, in a sentence (not a wire story's last line)
    "a call to comment online": [
        "Reach the council at https://elmsford.example/bridge before May 1 to comment on it."
    ],
    "a recipe's quantities": [
        "1/2 cup of sugar for the bridge-opening cake",
        "1/4 cup of butter, softened",
        "2/3 cup of flour from the Elmsford mill",
    ],
}


#: Contributor credits that end wire copy: they go, wherever a tail or closing lines are.
CREDITS: dict[str, list[str]] = {
    "wire credit": ["— Reporting by Jane Doe; Editing by John Roe"],
    "wire credit in brackets": [
        "(Reporting by Jane Doe in Elmsford; Writing by Sam Poe; Editing by John Roe)"
    ],
    "contributor line": ["Associated Press writer Lena Holm contributed to this report."],
    "wire credit after a rule": [
        "___",
        "Holm reported from Elmsford and Poe from Riverton. Associated Press writer Ann "
        "Lee contributed to this report.",
    ],
    "german credit": ["Mitarbeit: Anna Muster, Jan Beispiel"],
    "german agency credit": ["mit dpa"],
    "where the reporters were": ["Holm reported from Elmsford and Poe from Riverton."],
    "canadian wire credit": ["With files from The Canadian Press and Lena Holm"],
    "gannett credit": ["Contributing: Lena Holm, USA TODAY"],
    "contributed reporting": ["Lena Holm contributed reporting from Elmsford."],
    "broadcast note": [
        "Dieses Thema im Programm: Über dieses Thema berichtete DLF am 24. März 2023 um 05:20 Uhr."
    ],
}


def _article(ending: list[str]) -> str:
    return "\n".join([LEDE, MIDDLE, PLAN, *ending])


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_clean_text_keeps_article_endings(ending: list[str]) -> None:
    article = _article(ending)

    assert clean_text(article) == article


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_clean_text_keeps_article_endings_when_cutting_a_tail(ending: list[str]) -> None:
    article = _article(ending)
    tail = "\n".join(
        [
            "Related coverage",
            "Flood warning lifted for the lower valley",
            "Schools to serve local produce from September",
            "© 2024 The Valley Courier. All rights reserved.",
        ]
    )

    assert clean_text(f"{article}\n{tail}") == article


@pytest.mark.parametrize("credit", CREDITS.values(), ids=CREDITS.keys())
def test_clean_text_drops_credits_and_keeps_the_article(credit: list[str]) -> None:
    article = _article([])
    closing = "Tags: bridges, council\n© 2024 The Valley Courier. All rights reserved."

    assert clean_text("\n".join([article, *credit])) == article
    assert clean_text("\n".join([article, *credit, closing])) == article


@pytest.mark.parametrize(
    "ending",
    [
        # a photo credit between the last paragraphs: a credit, not a copyright notice
        ["© Valley Pictures", "Nobody voted against."],
        # newsletter promos sit between paragraphs too
        [
            "Sign up for our newsletter to get the valley's news every morning.",
            "Nobody voted against.",
        ],
        # an editor's note under the closing line belongs to the article
        [
            "Reporting by Jane Doe; Editing by John Roe",
            "Editor's note: An earlier version of this article misstated the day of the vote.",
        ],
        # more than a box holds: the article goes on after a mid-article promo
        [
            "Sign up for our newsletter to get the valley's news every morning.",
            "The mayor said the bridge would be named after the ferry that once crossed there.",
            "A public vote on the name is planned for the spring.",
            "The ferry stopped running in 1968, when the road bridge opened downstream.",
            "Its last captain, now 91, has been invited to the opening.",
            "“I never thought I would see another crossing here,” he said.",
        ],
    ],
)
def test_clean_text_keeps_what_follows_a_closing_line_that_does_not_end_the_page(
    ending: list[str],
) -> None:
    article = _article(ending)

    assert clean_text(article) == article


@pytest.mark.parametrize(
    "call",
    [
        "Follow the Courier on Twitter for live updates.",
        "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
        "Follow Metro.co.uk on Twitter and Facebook for the latest news updates.",
        "Subscribe to the Courier on YouTube for all the latest videos:",
    ],
)
def test_a_follow_call_between_paragraphs_goes_and_the_paragraph_after_it_stays(
    call: str,
) -> None:
    """A call to follow the publisher (by its name, or a show's) is no line of the
    article wherever it sits (nytimes.com, bbc.com, metro.co.uk and techradar.com on the
    dev sets write it so); what follows it is."""
    assert clean_text(_article([call, "Nobody voted against."])) == _article(
        ["Nobody voted against."]
    )


@pytest.mark.parametrize(
    "line",
    [
        "Follow-up studies on Facebook users showed a rise in anxiety among teenagers.",
        "Follow the money, he said, and you will find the answer on Twitter somewhere.",
        "He urged voters to follow him on Twitter.",
        "Subscribers to the service on Facebook rose by a third last year.",
    ],
)
def test_a_sentence_about_following_someone_on_social_media_stays(line: str) -> None:
    article = _article([line, "Nobody voted against."])

    assert clean_text(article) == article


def test_clean_text_keeps_the_last_brief_of_a_round_up_with_credits_after_each() -> None:
    # Each brief ends with its credits: the last ones go as closing lines, the brief above
    # them is no page-closing box's.
    briefs = [
        LEDE,
        "(Reporting by Jane Doe; Editing by John Roe)",
        MIDDLE,
        "(Reporting by Sam Poe; Editing by John Roe)",
        "The ferry will run again from Monday.",
    ]
    credit = "(Reporting by Ann Lee; Editing by John Roe)"

    assert clean_text("\n".join([*briefs, credit])) == "\n".join(briefs)


def test_clean_text_keeps_a_short_article_under_a_bylines_address() -> None:
    # The author's address above the text is a byline, not the end of the page.
    article = "\n".join(
        [
            "By Jane Doe",
            "jane.doe@courier.example",
            "The council voted on Tuesday to build a new pedestrian bridge.",
            "Construction starts in the autumn.",
        ]
    )

    assert "Construction starts in the autumn." in clean_text(article)


def test_clean_text_keeps_an_editors_note_above_closing_lines() -> None:
    article = _article(ENDINGS["editor's note"])
    closing = "Tags: bridges, council\n© 2024 The Valley Courier. All rights reserved."

    assert clean_text(f"{article}\n{closing}") == article


@pytest.mark.parametrize(
    "last",
    [
        "Research by Harvard University found that the crossing saves twenty minutes.",
        "Years of neglect contributed to the report's grim findings.",
        "Con información de la policía, el diario reveló el caso.",
        "Mit dpa-Daten hat die Polizei den Fall rekonstruiert.",
        "The BBC's correspondent reported from Kyiv.",
        "Copyright law changed in 2019, and publishers can now claim damages.",
        "Contributing factors: poor weather and a late start",
        "Über dieses Thema wird im Gemeinderat seit Jahren gestritten.",
        "He contributed reporting skills to the team for years, colleagues said.",
        # two long quotes that end with the same speaker's name are no list of headlines
        "“We have waited thirty years for a train at night and now that it is finally coming "
        "I am not sure any of us will still be awake to take it home” - Jane Doe, Elmsford\n"
        "“I have driven this road every night for thirty years and I would give anything to "
        "sit on a train and read a book instead of staring at the tarmac” - Jane Doe, Elmsford",
    ],
)
def test_clean_text_keeps_a_last_sentence_that_opens_like_a_credit_or_copyright(
    last: str,
) -> None:
    article = _article([last])

    assert clean_text(article) == article


def test_clean_text_keeps_a_subheading_that_starts_like_a_credit() -> None:
    article = _article(["Mitarbeitende berichten von Druck", PLAN])

    assert clean_text(article) == article


def test_clean_text_keeps_lists_mid_article() -> None:
    article = "\n".join(
        [
            LEDE,
            "Related projects",  # a subheading that happens to be a header phrase
            "- Riverside Walk",
            "- Station Square",
            "- Old Mill Bridge",
            MIDDLE,
            "Most popular routes",
            "Market Street To The Hospital",
            "Station Road To The Old Town",
            "Mill Lane To The Riverside",
            "Church Hill To The School",
            PLAN,
        ]
    )

    assert clean_text(article) == article


def test_clean_text_keeps_a_mid_article_line_that_starts_with_a_one_word_header() -> None:
    article = "\n".join([LEDE, "More: evening buses will run until midnight on weekdays", PLAN])

    assert clean_text(article) == article
    teaser = "MORE: Council Approves Budget For The New Ferry Terminal"
    assert clean_text(f"{LEDE}\n{teaser}\n{PLAN}") == f"{LEDE}\n{PLAN}"


@pytest.mark.parametrize(
    "last_line",
    [
        "Readers can sign up for the council's newsletter to follow the construction.",
        "“We'd love to hear from you,” the mayor told residents at the meeting.",
        "Comments on the plan will be moderated by the planning office until May.",
        "The mayor promised that new bins would be delivered to your door by May.",
        "Fans can follow the team on Twitter, the club said.",
        "Something went wrong.",
        # lines that open like a photo viewer's buttons or a paywall's call
        "Close to the border, the town waited for news of the ferry.",
        "Updated figures show a rise in passengers on the night trains.",
        "Readers who subscribe to read the paper online pay less than those who buy it.",
        "Die Stadt bietet einen Newsletter an, den Bürger abonnieren können.",
        # an address the article names is not a contact line
        "Residents who want to object can write to the planning office at "
        "planning@valley-council.example before the end of the month, the council said.",
        "Anyone with information is asked to call Elmsford police on 101 or email "
        "appeals@elmsford-police.example.",
        "The company did not respond to an email sent to press@acme.example on Tuesday.",
        "If you saw the collision, contact Elmsford police at appeals@elmsford-police.example.",
        # someone else's appeal or price, not the publisher's to the reader
        "“We need your support,” the mayor told residents at the meeting.",
        "Support Ukraine and help end the war, the banners at the rally read.",
        "The ferry company's season ticket is available for just £99 a year.",
        # a deal's buying line ends a shopping article
        "Get it on Amazon for just $39.99",
        "Supporters say the bridge will help. Support for the plan grew over the summer.",
        "Der Verein bittet: Unterstützen Sie die Aktion mit einer Spende, sagte der Sprecher.",
        # sentences that open like a promo's call
        "Want to know more? The council has published the plans on its website.",
        # or like an embed's label
        "Video of the collision was shared widely on social media that evening.",
        "Embedded in the council's plan is a promise of night buses.",
    ],
)
def test_clean_text_keeps_sentences_that_mention_chrome_words(last_line: str) -> None:
    article = _article([last_line])

    assert clean_text(article) == article


# --- whole pipeline, on pages -------------------------------------------------------------

#: Body HTML for each ending, with the text trafilatura renders from it.
HTML_ENDINGS: dict[str, tuple[str, list[str]]] = {
    "short list after a colon": (
        "<p>The work will be paid for in three stages:</p><ul>"
        "<li>a regional grant covering half of the cost</li>"
        "<li>the town's road budget for the next two years</li>"
        "<li>a loan from the national infrastructure fund</li></ul>",
        ENDINGS["short list after a colon"],
    ),
    "bulleted key points": (
        '<div class="key-points"><h3>Key points</h3><ul>'
        "<li>The bridge will open in 2026</li>"
        "<li>The willow trees on the eastern bank stay</li>"
        "<li>Half of the cost comes from a regional grant</li></ul></div>",
        [
            "Key points",
            "- The bridge will open in 2026",
            "- The willow trees on the eastern bank stay",
            "- Half of the cost comes from a regional grant",
        ],
    ),
    "one-line last paragraph": ("<p>Nobody voted against.</p>", ENDINGS["one-line last paragraph"]),
    "closing quote": (
        "<blockquote><p>“We have waited ten years for this bridge,” she said. "
        "“We can wait one more.”</p></blockquote>",
        ENDINGS["closing quote"],
    ),
    "editor's note": (
        "<p><em>Editor's note: An earlier version of this article misstated the day of the "
        "vote.</em></p>",
        ENDINGS["editor's note"],
    ),
}

RELATED_AFTER_BODY = """
<section class="more-stories"><h2>More from News</h2><ul>
<li><a href="/news/flood-warning-lifted">Flood warning lifted for the lower valley</a></li>
<li><a href="/news/school-meals">Schools to serve local produce from September</a></li>
<li><a href="/news/northern-bus-lines">Two new bus lines connect the northern villages</a></li>
</ul></section>"""


#: The page template shows its description as a standfirst: the article's first line.
STANDFIRST = "The crossing will open in two years and cost less than first planned."


def _page(body: str, after_body: str = RELATED_AFTER_BODY) -> str:
    template = (FIXTURES / "page-template.html").read_text(encoding="utf-8")
    return template.format(
        lang="en",
        title="Council approves new bridge over the Elm river",
        description=STANDFIRST,
        section="news",
        slug="elm-bridge-vote",
        nav_news="News",
        nav_sport="Sport",
        nav_culture="Culture",
        nav_opinion="Opinion",
        newsletter_title="Get the morning briefing",
        newsletter_text="Sign up for our daily newsletter and never miss a story.",
        rights="All rights reserved.",
        body=body,
        after_body=after_body,
    )


def _paragraphs(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


@pytest.mark.parametrize("body, ending", HTML_ENDINGS.values(), ids=HTML_ENDINGS.keys())
def test_extract_article_keeps_article_endings(body: str, ending: list[str]) -> None:
    html = _page(_paragraphs(LEDE, MIDDLE, PLAN) + body)

    article = extract_article(html, URL)

    assert article is not None
    assert article["text"] == "\n".join([STANDFIRST, _article(ending)])


def test_extract_article_drops_a_wire_credit_and_keeps_the_article() -> None:
    credit = "<p>(Reporting by Jane Doe in Elmsford; Writing by Sam Poe; Editing by John Roe)</p>"
    html = _page(_paragraphs(LEDE, MIDDLE, PLAN) + credit)

    article = extract_article(html, URL)

    assert article is not None
    assert article["text"] == "\n".join([STANDFIRST, _article([])])


def test_extract_article_drops_a_credit_box_and_keeps_the_article() -> None:
    # The credits and the line under them, in the article's body as unnamed paragraphs.
    box = _paragraphs(
        "Reporting by Jane Doe in Elmsford; Editing by John Roe",
        "Our Standards: The Valley Wire Trust Principles.",
    )
    html = _page(_paragraphs(LEDE, MIDDLE, PLAN) + box)

    article = extract_article(html, URL)

    assert article is not None
    assert article["text"] == "\n".join([STANDFIRST, _article([])])


def test_extract_article_keeps_lists_and_links_mid_article() -> None:
    body = (
        _paragraphs(LEDE)
        + "<h2>Latest</h2>"  # a subheading that happens to be a header phrase
        + '<p>The <a href="/news/elm-bridge-2019">first design</a> was rejected in 2019, '
        'and a <a href="/news/elm-bridge-2021">second one</a> in 2021 after a petition.</p>'
        + "<ul><li>Riverside Walk</li><li>Station Square</li><li>Old Mill Bridge</li></ul>"
        + _paragraphs(MIDDLE, PLAN)
    )

    article = extract_article(_page(body), URL)

    assert article is not None
    assert article["text"] == "\n".join(
        [
            STANDFIRST,
            LEDE,
            "Latest",
            "The first design was rejected in 2019, and a second one in 2021 after a petition.",
            "- Riverside Walk",
            "- Station Square",
            "- Old Mill Bridge",
            MIDDLE,
            PLAN,
        ]
    )


def test_extract_article_keeps_text_after_a_read_more_button() -> None:
    # Sites hide the rest of a long article behind a "Read more" button: a header phrase
    # followed by prose is the article continuing, not a related list.
    body = (
        _paragraphs(LEDE)
        + '<div class="expand"><button>Read more</button></div>'
        + _paragraphs(MIDDLE, PLAN)
    )

    article = extract_article(_page(body), URL)

    assert article is not None
    assert article["text"] == "\n".join([STANDFIRST, LEDE, MIDDLE, PLAN])


def test_extract_article_keeps_a_lede_equal_to_the_description() -> None:
    # Many sites use the first paragraph as description: in a paragraph it is the lede.
    html = _page(_paragraphs(LEDE, MIDDLE, PLAN)).replace(
        '<h2 class="standfirst">The crossing will open in two years and cost less than first '
        "planned.</h2>",
        "",
    )
    html = html.replace(
        "The crossing will open in two years and cost less than first planned.", LEDE
    )

    article = extract_article(html, URL)

    assert article is not None
    assert article["text"] == "\n".join([LEDE, MIDDLE, PLAN])


# --- endings the structural tail rules must keep (issue 9) ------------------------------
# Shapes seen in the dev sets' gold bodies or pages (named), with invented text.

STRUCTURED_ENDINGS: dict[str, list[str]] = {
    # AP sports stories end with a schedule under a header-like subheading
    # (mysanantonio.com): short sentences under "UP NEXT" are the article's.
    "short sentences under a header-like subheading": [
        "UP NEXT",
        "Rovers: Host the Harriers on Friday.",
        "Harriers: Visit the Rovers on Friday.",
    ],
    "short sentences with no names under a header-like subheading": [
        "Read more",
        "Tickets are sold at the station and on the train.",
        "Children under twelve travel for free.",
    ],
    # A teaser box between paragraphs (express.co.uk): the article goes on after it.
    "article going on after a teaser box": [
        "The council will meet again in March to approve the final design of the bridge.",
        "Work on the eastern landing could then start before the summer holidays.",
    ],
    "bulleted list straight after a paragraph": [
        "- A regional grant covering half of the cost",
        "- The town's road budget for the next two years",
        "- A loan from the national infrastructure fund",
    ],
    # rollingstone.com: a tour's dates under their own Title Case title.
    "schedule under its own title": [
        "The Valley Choir Tour Dates",
        "June 9 – Elmsford, VT @ Riverside Hall",
        "June 10 – Millbrook, VT @ The Old Mill",
        "June 14 – Northgate, VT @ University Chapel",
        "June 17 – Harbour Town, VT @ Quayside Arena",
    ],
    # space.com: a list of names, Title Case, bulleted.
    "bulleted list of names": [
        "- Northbank Steel Works, Elmsford, Vermont",
        "- Valley Timber Company, Millbrook, Vermont",
        "- Harbour Civil Engineering, Portland, Maine",
        "- Ridge And Sons Builders, Albany, New York",
    ],
    # cbssports.com: parallel items "Path A: ...", "Group D: ...".
    "parallel items after a paragraph": [
        "Group A: Elmsford, Millbrook and Northgate",
        "Group B: Harbour Town, Ridgefield and Oakley",
        "Group C: Weston, Eastbury and Southam",
    ],
    # Plain headline-like lines after a paragraph are cut only when they name things and
    # share nothing: a list of the article's own shares a word, a first word or a sign.
    "items sharing a word": [
        "Northbank Steel Works wins the Elmsford contract",
        "Valley Timber Company keeps the Millbrook contract",
        "Harbour Civil Engineering loses its Portland office",
    ],
    "items sharing their first word": [
        "Your Monday ticket covers Elmsford buses",
        "Your Friday pass includes Millbrook ferries",
        "Weekend riders pay Northgate fares",
    ],
    # ign.com: deals, each with its price.
    "items with a price each": [
        "Use code VALLEY10 to get the Elmsford lamp for $79.99",
        "Northbank Steel Kettle for $24.50",
        "Clip the $5 off coupon on the product page",
    ],
    "items with two kinds of bullets": [
        "- Northbank Steel Works in Elmsford",
        "• Valley Timber Company from Millbrook",
        "- Harbour Civil Engineering of Portland",
    ],
    "a key and its value in each item": [
        "- Elmsford: Northbank Steel Works",
        "- Millbrook: Valley Timber Company",
        "- Portland: Harbour Civil Engineering",
    ],
    # bigbrandsystem.com: a checklist whose items ask after a sentence of their own.
    "items that are prose asking a question": [
        "Pick the Elmsford venue: Decide how many guests you can seat. Will it be indoors?",
        "Book the Millbrook caterer early. Which menu suits a summer evening?",
        "Northgate Hall Opens Its Doors At Noon",
    ],
    # vox.com: an embedded post, one line per paragraph of it, after the sentence quoting it.
    "an embedded post's lines, its link last": [
        "Elmsford has become a building site thanks to the works on the Northgate bridge",
        "We keep the Millbrook path open for walkers and cyclists all summer",
        "I ask all Elmsfordians to use it whenever they can pic.example.com/Xy12Ab",
    ],
    "an embedded post's lines, two sentences last": [
        "Elmsford has become a building site thanks to the works on the Northgate bridge",
        "I ask all Elmsfordians to take a ferry whenever they can",
        "It is important that we keep the Millbrook path open. Through the summer we add two "
        "crossings and lights for cyclists",
    ],
    # The article's own numbered list under its subheading: one subject, the subheading
    # stays (the list itself may go as numbered headlines, but not the line above it).
    "a subheading above the article's numbered steps": [
        "How to apply",
        "1. Fill in the form for the Elmsford bridge permit",
        "2. Send the form with a copy of your permit to the town hall",
    ],
    # The article's own list in a script without spaces: its items share a word.
    "items sharing a word, no spaces": [
        "北口の駐輪場は4月から有料",
        "南口の駐輪場は5月まで無料",
        "東口に新しい駐輪場を整備",
    ],
    # Items that continue the sentence above them start in lower case.
    "items in lower case": [
        "- night trains from Elmsford",
        "- one ferry across to Millbrook",
        "- hourly buses serving Northgate",
    ],
    # A key and its value ("Main image credit: Getty", "Venue: ...") is no header: it
    # does not take numbered lines below it for a tail.
    "a key and its value above numbered lines": [
        "Venue: Harbour Hall",
        "1) Harbour Lantern Festival draws record crowds to Elmsford",
        "2) Why the Millbrook ferry may stop running in 2026",
    ],
    # reuters.com: notes in brackets, each ending with the same word.
    "notes in brackets": [
        "(Graphic: River levels in 2024 - here)",
        "(Graphic: Bridge costs compared - here)",
        "(Graphic: Commuter traffic by hour - here)",
    ],
    "a question closing the article": ["Will the valley finally get its bridge this time?"],
    # Title Case lines after a sentence: verses of a chant, nominees for one award.
    "title case verses": [
        "We Will Walk Together Through the Rain",
        "And We Will Never Walk Alone Again",
        "Sing It Loud for Elmsford Town",
        "Sing It Proud and Stand Your Ground",
    ],
    "title case nominees": [
        "Jane Okafor for The Bridge at Elmsford",
        "Tom Reyes for Millbrook Nights",
        "Ana Silva for Harbour Lights",
        "Li Wei for The Northgate Ferry",
    ],
    # A ranking after the sentence that gives it: names of a word or two, numbered.
    "a numbered ranking of names": [
        "1. Elmsford Rovers",
        "2. Millbrook",
        "3. Harbour Town",
        "4. Northgate United",
    ],
    # A long list may have a pair of lines that share a word, not a word in three lines.
    "long list with a word in three lines": [
        "Elmsford Rovers host the first fixture on Saturday",
        "Millbrook Harriers travel to Northgate for their fixture",
        "Ridgefield United rest this weekend",
        "Oakley Town open their fixture list at Weston",
        "Weston Athletic await the cup holders",
    ],
    # inexhibit.com: a gallery's captions after the last paragraph read like headlines
    # with no header; they are one list, built alike ("... by the ..." in every line).
    "gallery captions": [
        "Light a Wish by the Harbour Lantern Group",
        "Parabolic Cloud by the Millbrook Studio",
        "Spider on the Bridge by Groupe Lumière",
    ],
}


@pytest.mark.parametrize("ending", STRUCTURED_ENDINGS.values(), ids=STRUCTURED_ENDINGS.keys())
def test_clean_text_keeps_endings_with_a_tails_shape(ending: list[str]) -> None:
    article = _article(ending)

    assert clean_text(article) == article


@pytest.mark.parametrize(
    ("article", "ending"),
    [
        # The article's subject in every item: one list about it.
        (
            "The council has picked three builders for the new harbour works in Elmsford, "
            "which will start in the spring.",
            [
                "Northbank Steel builds the Elmsford quay",
                "Valley Timber repairs the Elmsford boathouse",
                "Harbour Civil paints the old Elmsford lighthouse",
            ],
        ),
        # A name the items share that the article does not write: one list.
        (
            "The council has picked three builders for the new harbour works, which will "
            "start in the spring.",
            [
                "Northbank Steel builds the Castleton quay",
                "Valley Timber repairs the Castleton boathouse",
                "Harbour Civil paints the old lighthouse",
            ],
        ),
        # German capitalises every noun: a noun of the article the items share still
        # makes them one list.
        (
            "Der Stadtrat hat am Dienstag drei Maßnahmen für mehr Radwege in der Innenstadt "
            "beschlossen, die im Frühjahr beginnen sollen.",
            [
                "Neue Radwege entlang der Hafenstraße im Süden",
                "Breitere Radwege zwischen Bahnhof und Klinikum",
                "Mehr Abstellplätze für Lastenräder am Marktplatz",
            ],
        ),
    ],
    ids=["subject in every item", "shared name not in the article", "german nouns"],
)
def test_clean_text_keeps_the_articles_own_list_that_shares_a_name(
    article: str, ending: list[str]
) -> None:
    text = "\n".join([article, *ending])

    assert clean_text(text) == text


def test_clean_text_keeps_paragraphs_that_trail_off_under_a_header_phrase() -> None:
    # Excerpts under a header go when several are cut short ("... by …"); the article's
    # paragraphs under a header-like subheading, a quote trailing off among them, stay.
    ending = [
        "Read more",
        "The mayor paused before answering. “We will see what the spring brings...”",
        "Nobody on the council wanted to say more than that, and the meeting ended soon "
        "after, with the budget for the bridge still to be agreed in March.",
        "The engineers, for their part, said they had done what they could...",
        "They will present a new estimate to the council at its next meeting, together with "
        "the results of the soil tests on the eastern bank.",
        "Until then the old ferry keeps running twice an hour.",
        "Its owners say they are ready to add a third crossing at the busiest times.",
    ]
    text = "\n".join([LEDE, *ending])

    assert clean_text(text) == text


def test_clean_text_keeps_a_teaser_box_between_paragraphs() -> None:
    box = [
        "DON'T MISS",
        "Flood warning lifted for the lower valley [INSIGHT]",
        "Schools to serve local produce from September [VIDEO]",
        "Two new bus lines connect the northern villages [NEWS]",
    ]
    after = STRUCTURED_ENDINGS["article going on after a teaser box"]
    article = "\n".join([LEDE, MIDDLE, *box, *after])

    # The box itself may go; the two short sentences after it are the article's end.
    assert clean_text(article).endswith("\n".join(after))


def test_clean_text_keeps_a_list_of_a_script_without_spaces() -> None:
    # asahi.com: the places where the earthquake was felt, one prefecture a line, no 。.
    ending = [
        "震度4を観測した主な市町村は次の通り。",
        "宮崎県：延岡市、西都市、木城町、川南町、都農町、門川町、日南市、串間市、国富町、綾町、美郷町",
        "大分県：大分市、臼杵市、佐伯市、竹田市",
        "鹿児島県：鹿児島市、霧島市、いちき串木野市、南さつま市、伊佐市、姶良市",
    ]
    article = _article(ending)

    assert clean_text(article) == article
