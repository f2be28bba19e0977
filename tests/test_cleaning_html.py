"""Positive and guard tests of the HTML-level cleaning (`prune_chrome`), on invented pages."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from support.sample_pages import PARAGRAPHS, paragraphs

from newscrawl import extract_article
from newscrawl.cleaning.dom import text_of
from newscrawl.cleaning.html import PageClues, SiteRules, prune_chrome
from newscrawl.cleaning.structure import find_article_root

FIXTURES = Path(__file__).parent / "fixtures" / "cleaning"
URL = "https://www.valley-courier.example/news/night-trains"


def _tree(body: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


def _kept_paragraphs(tree: lxml.html.HtmlElement) -> list[str]:
    return [text_of(p) for p in tree.iter("p")]


def _paragraphs(texts: list[str] = PARAGRAPHS) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


#: The page template shows its description as a standfirst: the article's first line.
STANDFIRST = "Regular night services start in June, the operator says."


def _page(body: str, after_body: str = "", lang: str = "en", **texts: str) -> str:
    template = (FIXTURES / "page-template.html").read_text(encoding="utf-8")
    fields = {
        "lang": lang,
        "title": "Night trains return to the valley line",
        "description": STANDFIRST,
        "section": "news",
        "slug": "night-trains",
        "nav_news": "News",
        "nav_sport": "Sport",
        "nav_culture": "Culture",
        "nav_opinion": "Opinion",
        "newsletter_title": "Morning briefing",
        "newsletter_text": "Sign up for our daily newsletter.",
        "rights": "All rights reserved.",
        **texts,
    }
    return template.format(body=body, after_body=after_body, **fields)


# --- structure only: no header, any language ---------------------------------------------

SWEDISH = [
    "Den regionala tågoperatören kommer att köra nattåg mellan de två städerna från juni, "
    "den första reguljära nattrafiken sedan linjen elektrifierades.",
    "Biljetterna börjar säljas nästa månad och kostar ungefär lika mycket som en "
    "tur och retur under dagen, meddelade operatören på tisdagen.",
    "Lokala företag välkomnade planen och säger att sena tåg kommer att locka besökare "
    "till teatrar och restauranger i centrum.",
]


def test_teaser_run_without_header_is_removed_in_a_language_without_phrase_list() -> None:
    teasers = "".join(
        f'<p><a href="/nyheter/{slug}">{headline}</a></p>'
        for slug, headline in [
            ("flygplats", "Flygplatsens utbyggnad skjuts upp igen"),
            ("farjor", "Nya tidtabeller för färjorna i vinter"),
            ("cykel", "Kommunen satsar på fler cykelbanor"),
        ]
    )
    html = _page(_paragraphs(SWEDISH) + teasers, lang="sv")

    article = extract_article(html, "https://www.valley-courier.example/nyheter/nattag")

    assert article is not None
    assert article["text"] == "\n".join([STANDFIRST, *SWEDISH])


def test_teaser_run_reports_what_it_removed() -> None:
    tree = _tree(
        _paragraphs()
        + "<ul>"
        + "".join(f'<li><a href="/news/story-{n}">Story number {n}</a></li>' for n in range(3))
        + "</ul>"
    )

    removed = prune_chrome(tree, URL)

    assert removed["teaser_links"] == ["Story number 0", "Story number 1", "Story number 2"]
    assert _kept_paragraphs(tree) == PARAGRAPHS
    assert tree.find(".//li") is None


def test_teaser_run_that_the_article_announces_is_kept() -> None:
    links = "".join(
        f'<li><a href="/documents/report-{n}">Report number {n}</a></li>' for n in range(3)
    )
    tree = _tree(
        _paragraphs() + "<p>The operator published three reports:</p>" + f"<ul>{links}</ul>"
    )

    removed = prune_chrome(tree, URL)

    assert "teaser_links" not in removed


def test_links_to_other_sites_are_no_teaser_run() -> None:
    links = "".join(
        f'<p><a href="https://other-site.example/story-{n}">Story number {n}</a></p>'
        for n in range(3)
    )
    tree = _tree(_paragraphs() + links)

    assert "teaser_links" not in prune_chrome(tree, URL)


def _card(slug: str, headline: str, dek: str, *, picture: bool = True) -> str:
    """A card as widgets render it: an image and the headline, both linking to the story,
    over its dek; or the headline and dek alone."""
    href = f"/nyheter/{slug}"
    image = f'<a href="{href}"><img src="/img/{slug}.jpg" alt=""></a>' if picture else ""
    return f'<div>{image}<h3><a href="{href}">{headline}</a></h3><p>{dek}</p></div>'


CARDS = [
    ("flygplats", "Flygplatsens utbyggnad skjuts upp igen", "Beslutet om den nya terminalen"),
    ("farjor", "Nya tidtabeller för färjorna i vinter", "Rederiet glesar ut turerna till"),
    ("cykel", "Kommunen satsar på fler cykelbanor", "Tre nya stråk ska byggas under"),
]


ROUNDUP = [
    "The terminal decision moves to the spring session of the council.",
    "The ferry company cuts winter crossings to four a day.",
    "Three new routes will be built over the next two years.",
]


@pytest.mark.parametrize("cut", ["…", "...", " …"])
def test_two_cards_whose_deks_are_cut_off_are_removed(cut: str) -> None:
    cards = "".join(_card(slug, headline, dek + cut) for slug, headline, dek in CARDS[:2])
    html = _page(_paragraphs(SWEDISH) + f"<div>{cards}</div>", lang="sv")

    article = extract_article(html, "https://www.valley-courier.example/nyheter/nattag")

    assert article is not None
    assert article["text"] == "\n".join([STANDFIRST, *SWEDISH])


def test_two_cards_with_the_story_picture_are_removed_whatever_their_dek() -> None:
    """A picture linking to the same story as the headline: the dek under it is that
    story's description, a sentence or not."""
    cards = "".join(
        _card(slug, headline, sentence)
        for (slug, headline, _), sentence in zip(CARDS[:2], ROUNDUP, strict=False)
    )
    tree = _tree(_paragraphs() + f"<div>{cards}</div>")

    removed = prune_chrome(tree, URL)

    assert len(removed["teaser_links"]) == 2
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_two_pictures_with_captions_linking_to_the_pictures_are_kept() -> None:
    """A picture and its caption linking to the picture's own file show it larger: they
    are the article's, however much they look like a card."""
    figures = "".join(
        f'<div><a href="/img/{slug}-large.jpg"><img src="/img/{slug}.jpg" alt=""></a>'
        f'<p><a href="/img/{slug}-large.jpg">{headline}</a> {sentence}</p></div>'
        for (slug, headline, _), sentence in zip(CARDS[:2], ROUNDUP, strict=False)
    )
    tree = _tree(_paragraphs() + f"<div>{figures}</div>")

    assert "teaser_links" not in prune_chrome(tree, URL)


def test_three_cards_whose_deks_end_without_a_stop_are_removed() -> None:
    cards = "".join(_card(slug, headline, dek, picture=False) for slug, headline, dek in CARDS)
    tree = _tree(_paragraphs() + f"<div>{cards}</div>")

    removed = prune_chrome(tree, URL)

    headlines = [
        entry[: len(headline)]
        for entry, (_, headline, _) in zip(removed["teaser_links"], CARDS, strict=True)
    ]
    assert headlines == [headline for _, headline, _ in CARDS]
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_two_cards_whose_deks_end_without_a_stop_are_kept() -> None:
    """Two linked lines with a few words each are no evidence without a header: the deks
    may be the article's notes to two links."""
    cards = "".join(_card(slug, headline, dek, picture=False) for slug, headline, dek in CARDS[:2])
    tree = _tree(_paragraphs() + f"<div>{cards}</div>")

    assert "teaser_links" not in prune_chrome(tree, URL)


@pytest.mark.parametrize(
    "item",
    [
        '<h3><a href="/nyheter/{slug}">{headline}</a></h3><p>{sentence}</p>',
        '<p><strong><a href="/nyheter/{slug}">{headline}</a></strong> {sentence}</p>',
    ],
)
def test_a_roundup_of_linked_headlines_with_a_sentence_each_is_kept(item: str) -> None:
    """A briefing's items (a linked headline and a sentence of its own) are the article,
    although each looks like a card with its dek."""
    items = "".join(
        item.format(slug=slug, headline=headline, sentence=sentence)
        for (slug, headline, _), sentence in zip(CARDS, ROUNDUP, strict=True)
    )
    tree = _tree(_paragraphs() + f"<div>{items}</div>")

    assert "teaser_links" not in prune_chrome(tree, URL)
    assert all(sentence in text_of(tree) for sentence in ROUNDUP)


# --- header phrases ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "header"),
    [
        ("en", "You may also like"),
        ("de", "Mehr zum Thema"),
        ("fr", "À lire aussi"),
        ("es", "Noticias relacionadas"),
        ("it", "Leggi anche"),
        ("nl", "Lees ook"),
        # A Turkish capital "İ": lower() would spell it "i" and a combining dot.
        ("tr", "İlgili Haberler"),
        ("tr", "İLGİNİZİ ÇEKEBİLİR"),
        ("cs", "Mohlo by vás zajímat"),
        ("fi", "Aiheeseen liittyvät"),
    ],
)
def test_headed_list_of_links_is_removed(lang: str, header: str) -> None:
    related = (
        f"<h3>{header}</h3><ul>"
        '<li><a href="/x/1">Airport expansion delayed again</a></li>'
        '<li><a href="/x/2">Ferry timetable changes this winter</a></li></ul>'
    )
    tree = _tree(_paragraphs() + related)

    removed = prune_chrome(tree, URL)

    assert removed["related_lists"][0] == header
    assert "Ferry timetable changes this winter" in removed["related_lists"][1]
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_headed_plain_headlines_ending_the_body_are_removed() -> None:
    # trafilatura drops some header phrases itself ("Mehr zum Thema") and would leave the
    # headlines under them: they go here, with their header, at the HTML level.
    related = (
        "<p><strong>Mehr zum Thema:</strong></p>"
        "<p>Flughafen-Ausbau erneut verschoben</p><p>Neuer Fahrplan für die Fähren</p>"
    )
    tree = _tree(_paragraphs() + related)

    removed = prune_chrome(tree, URL)

    assert removed["related_lists"] == [
        "Mehr zum Thema:",
        "Flughafen-Ausbau erneut verschoben",
        "Neuer Fahrplan für die Fähren",
    ]
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_headed_short_lines_followed_by_prose_are_kept() -> None:
    # A header phrase over short lines is a tail only when nothing of the article follows.
    body = (
        "<p>Related developments</p><p>Airport expansion delayed</p><p>Ferry timetable</p>"
        + _paragraphs()
    )
    tree = _tree(body)

    prune_chrome(tree, URL)

    assert _kept_paragraphs(tree)[-len(PARAGRAPHS) :] == PARAGRAPHS
    assert "Ferry timetable" in _kept_paragraphs(tree)


SUMMARY = (
    "The council approved the plan on Tuesday after a long debate about the cost of the new "
    "line, the noise at night and the stations it will serve, and work starts in spring."
)

#: Teaser cards after a header phrase: a list of them with one-line summaries, and
#: cards of a linked headline over a summary longer than it, class names saying nothing.
TEASER_CARDS = {
    "short summaries": "<div><span>Our latest stories</span></div><ul>"
    + "".join(
        f'<li><h4><a href="/news/{n}">Headline number {n}</a></h4>'
        "<p>What happened next, in brief.</p></li>"
        for n in range(3)
    )
    + "</ul>",
    "long summaries, no class names": "<h2>Related coverage</h2>"
    + "".join(
        f'<div class="x{n}"><h4><a href="/news/story-{n}">Headline number {n} of the day</a>'
        f"</h4><p>{SUMMARY}</p></div>"
        for n in range(3)
    ),
    # A kicker and a picture's running time above each headline, in blocks of their own
    # (as MDR's "Mehr zum Thema" cards are laid out).
    "kicker and picture label above the headline": "<div>Mehr zum Thema Nachtzüge</div>"
    + "".join(
        f'<div><div><picture><img src="/img/{n}.jpg"></picture><span>1 Min</span></div>'
        f'<div><div>Zum Anhören</div><h2><a href="/news/story-{n}">Headline number {n} '
        f"of the day</a></h2><p>{SUMMARY}</p></div></div>"
        for n in range(3)
    ),
}


@pytest.mark.parametrize("cards", TEASER_CARDS.values(), ids=TEASER_CARDS.keys())
def test_headed_teaser_cards_are_removed(cards: str) -> None:
    tree = _tree(_paragraphs() + cards)

    removed = prune_chrome(tree, URL)

    assert "related_lists" in removed
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_one_linked_subheading_over_a_paragraph_after_a_header_phrase_is_kept() -> None:
    section = (
        '<h2>Related developments</h2><div><h3><a href="/news/bridge-report">The bridge '
        f"report in full</a></h3><p>{SUMMARY}</p></div>"
    )
    tree = _tree(_paragraphs() + section + _paragraphs(PARAGRAPHS[:1]))

    prune_chrome(tree, URL)

    assert SUMMARY in _kept_paragraphs(tree)


def test_paragraphs_with_a_link_in_a_sentence_after_a_header_phrase_are_kept() -> None:
    # A card's headline is a line of its own, all link; a link inside a sentence is prose.
    paragraphs = "".join(
        f'<div><p>Officials said <a href="/news/report-{n}">the full report on the line</a> '
        "would be published next week.</p></div>"
        for n in range(2)
    )
    tree = _tree(_paragraphs() + "<h2>Related developments</h2>" + paragraphs)

    prune_chrome(tree, URL)

    assert "Officials said the full report on the line would be published next week." in (
        _kept_paragraphs(tree)
    )


def test_inline_teaser_in_the_body_is_removed() -> None:
    teaser = (
        '<p><strong>Read more:</strong> <a href="/news/ferries">Ferry timetable changes</a></p>'
    )
    tree = _tree(_paragraphs(PARAGRAPHS[:1]) + teaser + _paragraphs(PARAGRAPHS[1:]))

    removed = prune_chrome(tree, URL)

    assert removed["inline_teasers"] == ["Read more: Ferry timetable changes"]
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_header_phrase_in_a_sentence_is_left_alone() -> None:
    paragraph = (
        "<p><strong>Related:</strong> the operator said the trains would stop at "
        '<a href="/news/stations">six stations</a> on the way.</p>'
    )
    tree = _tree(_paragraphs() + paragraph)

    assert prune_chrome(tree, URL) == {}


# --- chrome named by class, tags, hidden, other articles, layout tables ------------------


def test_chrome_named_by_class_is_removed() -> None:
    tree = _tree(
        '<div class="share-bar"><a href="#">Share</a></div>'
        + _paragraphs()
        + '<div class="NewsletterSignup"><p>Get the briefing</p></div>'
        + '<div id="cookie-consent"><p>We use cookies to improve your experience.</p></div>'
    )

    removed = prune_chrome(tree, URL)

    assert removed["chrome_blocks"] == [
        "Share",
        "Get the briefing",
        "We use cookies to improve your experience.",
    ]


def test_chrome_class_on_a_block_of_prose_is_kept() -> None:
    # A theme puts `related` or `share` on the article wrapper: prose wins over names.
    tree = _tree(f'<div class="post share-enabled">{_paragraphs()}</div>')

    assert prune_chrome(tree, URL) == {}


FACT_BOX = (
    "<h3>Night trains in Europe</h3>"
    "<p>Night trains ran on most long-distance lines in Europe until the 1990s, when cheap "
    "flights and high-speed rail took their passengers.</p>"
    "<p>Since 2016, several operators have brought them back, with new sleeping cars on the "
    "routes between the Alps, the Baltic and the North Sea.</p>"
)


@pytest.mark.parametrize("name", ['class="infobox"', 'class="story-fact-box"', 'id="Infokasten"'])
def test_fact_box_goes_with_its_prose(name: str) -> None:
    # Key facts beside the story: prose, but set apart from the article's running text.
    closing = "The operator expects the first trains to be full in the summer months."
    tree = _tree(f"<article>{_paragraphs()}<div {name}>{FACT_BOX}</div><p>{closing}</p></article>")

    removed = prune_chrome(tree, URL)

    assert list(removed) == ["fact_boxes"]
    assert removed["fact_boxes"][0].startswith("Night trains in Europe")
    assert _kept_paragraphs(tree) == [*PARAGRAPHS, closing]


def test_fact_box_after_the_article_leaves_the_extracted_text() -> None:
    body = _paragraphs() + f'<div class="factbox">{FACT_BOX}</div>'
    article = extract_article(_page(body), URL)

    assert article is not None
    assert "Night trains ran on most" not in article["text"]
    assert article["text"].splitlines()[-1] == PARAGRAPHS[-1]


def test_a_fact_box_holding_the_article_is_kept() -> None:
    # A theme's article wrapper named "info-box": no article prose above it.
    tree = _tree(f'<div class="info-box">{_paragraphs()}</div><p>Share this story</p>')

    assert prune_chrome(tree, URL) == {}


def test_a_fact_box_that_opens_the_article_is_kept() -> None:
    # A "Factbox" story: the box is the article, and teasers with prose follow it.
    teasers = "".join(f'<div class="teaser"><p>{text}</p></div>' for text in PARAGRAPHS)
    tree = _tree(f'<h2>Factbox: night trains</h2><div class="factbox">{FACT_BOX}</div>{teasers}')

    assert prune_chrome(tree, URL) == {}


def test_a_fact_box_holding_the_headline_is_kept() -> None:
    tree = _tree(
        f'<div class="infobox"><h1>Night trains return</h1>{_paragraphs(PARAGRAPHS[:1])}</div>'
        + _paragraphs(PARAGRAPHS[1:])
    )

    assert prune_chrome(tree, URL) == {}


def test_taxonomy_classes_are_not_chrome_names() -> None:
    # WordPress marks an article tagged "newsletter" with the class `tag-newsletter`.
    tree = _tree(f'<article class="post tag-newsletter category-share">{_paragraphs()}</article>')

    assert prune_chrome(tree, URL) == {}


def test_tag_list_is_removed() -> None:
    tags = (
        '<p>Tags: <a rel="tag" href="/tag/rail">rail</a>, '
        '<a rel="tag" href="/tag/night-trains">night trains</a></p>'
    )
    tree = _tree(_paragraphs() + tags)

    assert prune_chrome(tree, URL) == {"tag_lists": ["Tags: rail, night trains"]}


# --- sign-up boxes: the lines around an e-mail field, whatever the class names ----------

SIGNUP_BOX = (
    '<section class="c-7f3a"><h3>Valley Courier newsletter: sign up for free!</h3>'
    "<p>News, service and stories from the valley, every morning.</p>"
    '<form action="/subscribe" method="post"><input type="{kind}" name="{name}"'
    ' placeholder="Your e-mail address"><button>Sign up</button></form>'
    "<p>By signing up you agree to our privacy policy.</p></section>"
)


@pytest.mark.parametrize(("kind", "name"), [("email", "address"), ("text", "EMAIL")])
def test_a_signup_box_with_unknown_class_names_is_removed(kind: str, name: str) -> None:
    box = SIGNUP_BOX.format(kind=kind, name=name)
    tree = _tree(f'<div class="x-91">{_paragraphs()}{box}</div>')

    removed = prune_chrome(tree, URL)

    assert removed["signup_boxes"][0].startswith("Valley Courier newsletter")
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_a_comment_form_goes_with_its_notice() -> None:
    form = (
        '<div class="k2"><h3>Leave a reply</h3><form action="/comments">'
        "<p>Your email address will not be published.</p>"
        '<textarea name="comment"></textarea><input name="author">'
        '<input type="email" name="email"><button>Post comment</button></form></div>'
    )
    html = _page(_paragraphs() + form)

    article = extract_article(html, URL)

    assert article is not None
    assert article["text"] == "\n".join([STANDFIRST, *PARAGRAPHS])


def test_a_brief_in_the_block_of_a_signup_box_is_kept() -> None:
    """A short article shares its block with the box: the block is a few lines, but it
    holds the page's prose, so only the box goes."""
    brief = [PARAGRAPHS[0]]
    box = SIGNUP_BOX.format(kind="email", name="address")
    tree = _tree(f'<div class="x-91">{_paragraphs(brief)}{box}</div>')

    prune_chrome(tree, URL)

    assert _kept_paragraphs(tree) == brief


def test_an_email_field_inside_the_article_block_takes_no_paragraph() -> None:
    """The field sits straight in the article's block: nothing around it is a few lines."""
    field = '<input type="email" name="email">'
    tree = _tree(f'<div class="x-91">{_paragraphs()}{field}</div>')

    prune_chrome(tree, URL)

    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_cards_and_signup_boxes_in_broken_markup_cost_no_paragraph() -> None:
    """Malformed links (no href, a broken host), an unclosed form and an e-mail field
    outside any block: the rules pass over them and the article stays."""
    broken = (
        '<div><a href="http://[x"><img src="a.jpg"></a><h3><a href="http://[x">Broken link '
        "to a story here</a></h3><p>A dek cut off…</p></div>"
        "<div><a><img></a><h3><a>No address at all for this one</a></h3><p>Cut…</p></div>"
        '<form><input type="email" name="EMAIL"><div><input type="email">'
    )
    tree = _tree(_paragraphs() + broken)

    prune_chrome(tree, URL)

    assert _kept_paragraphs(tree)[:3] == PARAGRAPHS


def test_hidden_elements_are_removed_but_not_decorative_icons() -> None:
    tree = _tree(
        '<div style="display: none">Hidden promo</div>'
        '<p><span aria-hidden="true">★</span> Starred</p>' + _paragraphs()
    )

    assert prune_chrome(tree, URL) == {"hidden": ["Hidden promo"]}


#: A consent manager's preference centre, as such managers write it (paragraphs of prose
#: about cookies), with class names no rule knows.
CONSENT_CENTRE = (
    '<div class="x9"><h2>Your privacy</h2>'
    "<p>When you visit our website, we store cookies on your browser to collect information. "
    "The information collected might relate to you, your preferences or your device.</p>"
    "<p>These cookies are necessary for the website to function and cannot be switched off "
    "in our systems. They are usually only set in response to actions made by you.</p>"
    "<button>Allow All</button></div>"
)


@pytest.mark.parametrize(
    "opening",
    ['<div role="dialog">', '<div role="region" aria-modal="true">', "<dialog open>"],
)
def test_a_dialog_goes_whatever_prose_it_holds(opening: str) -> None:
    closing = "</dialog>" if opening.startswith("<dialog") else "</div>"
    tree = _tree(_paragraphs() + opening + CONSENT_CENTRE + closing)

    removed = prune_chrome(tree, URL)

    assert removed["dialogs"][0].startswith("Your privacy")
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_a_dialog_that_holds_the_headline_is_the_article_and_stays() -> None:
    # A site that shows its article in an overlay: the dialog holds its <h1>.
    tree = _tree('<div role="dialog"><h1>Night trains return</h1>' + _paragraphs() + "</div>")

    assert "dialogs" not in prune_chrome(tree, URL)
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_an_article_in_a_dialog_is_extracted() -> None:
    html = _page(
        '<div role="dialog" aria-modal="true"><article>' + _paragraphs() + "</article></div>"
    )

    article = extract_article(html, URL)

    assert article is not None
    assert all(paragraph in article["text"] for paragraph in PARAGRAPHS)


def test_other_articles_go_when_one_article_carries_the_headline() -> None:
    tree = _tree(
        f"<article><h1>Night trains return</h1>{_paragraphs()}</article>"
        "<article><h2>Ferry timetable changes</h2><p>Another story entirely.</p></article>"
    )

    removed = prune_chrome(tree, URL, clues=PageClues(headlines=("Night trains return",)))

    assert list(removed) == ["other_articles"]
    assert removed["other_articles"][0].startswith("Ferry timetable changes")
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_articles_stay_when_the_headline_is_outside_them() -> None:
    tree = _tree(
        "<h1>Night trains return</h1>"
        f"<article>{_paragraphs(PARAGRAPHS[:2])}</article>"
        f"<article>{_paragraphs(PARAGRAPHS[2:])}</article>"
    )

    assert prune_chrome(tree, URL, clues=PageClues(headlines=("Night trains return",))) == {}


def test_an_old_table_layout_page_keeps_its_article() -> None:
    page = (
        "<html><head><title>Night trains return to the valley line</title></head><body>"
        '<table width="100%"><tr>'
        '<td width="20%"><a href="/news">News</a><br><a href="/sport">Sport</a></td>'
        f"<td><h1>Night trains return to the valley line</h1>{_paragraphs()}</td>"
        "</tr></table></body></html>"
    )

    article = extract_article(page, URL)

    assert article is not None
    assert article["text"] == "\n".join(PARAGRAPHS)


def test_data_table_is_kept() -> None:
    tree = _tree(_paragraphs() + "<table><tr><td>June</td><td>12 trains</td></tr></table>")

    prune_chrome(tree, URL)

    assert tree.find(".//table") is not None


def test_site_rules_drop_their_selectors() -> None:
    tree = _tree('<div class="courier-promo-box">Buy the print edition</div>' + _paragraphs())

    removed = prune_chrome(tree, URL, SiteRules(drop=(".courier-promo-box",)))

    assert removed == {"site_rules": ["Buy the print edition"]}


# --- whole pipeline --------------------------------------------------------------------


def test_page_chrome_around_the_article_is_gone() -> None:
    related = (
        '<section class="more"><h2>Most read</h2><ol>'
        '<li><a href="/news/airport">Airport expansion delayed again</a></li>'
        '<li><a href="/news/ferries">Ferry timetable changes this winter</a></li></ol></section>'
    )

    article = extract_article(_page(_paragraphs(), after_body=related), URL)

    assert article is not None
    assert article["text"] == "\n".join([STANDFIRST, *PARAGRAPHS])


def test_link_paragraph_between_paragraphs_is_removed() -> None:
    teaser = '<p><a href="/news/ferries">Ferry timetable changes this winter</a></p>'
    tree = _tree(_paragraphs(PARAGRAPHS[:2]) + teaser + _paragraphs(PARAGRAPHS[2:]))

    removed = prune_chrome(tree, URL)

    assert removed == {"link_paragraphs": ["Ferry timetable changes this winter"]}
    assert _kept_paragraphs(tree) == PARAGRAPHS


@pytest.mark.parametrize(
    "paragraph",
    [
        '<p><a href="/news/statement">Read the full statement from the operator.</a></p>',
        '<p><a href="/files/night-trains-report.pdf">Night trains feasibility report</a></p>',
        '<p><a href="https://rail-operator.example/timetable">Night train timetable</a></p>',
        '<p>See <a href="/news/ferries">ferry timetable changes this winter</a></p>',
    ],
    ids=["a sentence", "a document", "another site", "more than the link"],
)
def test_link_paragraphs_that_are_not_headlines_are_kept(paragraph: str) -> None:
    tree = _tree(_paragraphs() + paragraph)

    assert "link_paragraphs" not in prune_chrome(tree, URL)


def test_a_list_of_headline_links_between_paragraphs_is_removed() -> None:
    # Each item a headline link to another page of the site, some behind a bold kicker
    # that asks rather than ends with a colon.
    listing = (
        '<ul><li><strong>Rail:</strong> <a href="/news/ferries">Ferry timetable changes '
        'this winter</a></li><li><strong>Night buses?</strong> <a href="/news/buses">Two '
        'new bus lines connect the northern villages</a></li><li><a href="/news/airport">'
        "Airport expansion delayed again after court ruling</a></li></ul>"
    )
    tree = _tree(_paragraphs(PARAGRAPHS[:2]) + listing + _paragraphs(PARAGRAPHS[2:]))

    removed = prune_chrome(tree, URL)

    assert "link_paragraphs" in removed
    assert tree.find(".//ul") is None
    assert _kept_paragraphs(tree) == PARAGRAPHS


@pytest.mark.parametrize(
    "listing",
    [
        # one item may be the article's own pointer
        '<ul><li><a href="/news/ferries">Ferry timetable changes this winter</a></li></ul>',
        # sources on other sites
        '<ul><li><a href="https://rail.example/report">Night train feasibility report 2024'
        '</a></li><li><a href="https://bus.example/plan">Regional bus plan for the valley'
        "</a></li></ul>",
        # items that say more than a link
        '<ul><li>The first line opens in June, <a href="/news/june">as announced last '
        'spring</a></li><li>The second in <a href="/news/sept">September after the works on '
        "the bridge</a></li></ul>",
    ],
    ids=["one item", "other sites", "sentences with links"],
)
def test_lists_that_are_not_headline_links_are_kept(listing: str) -> None:
    tree = _tree(_paragraphs(PARAGRAPHS[:2]) + listing + _paragraphs(PARAGRAPHS[2:]))

    prune_chrome(tree, URL)

    assert tree.find(".//ul") is not None


def test_furniture_goes_first_and_is_reported() -> None:
    tree = _tree(
        '<nav><a href="/">Home</a></nav>'
        + _paragraphs()
        + '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
        + "<script>var slots = ['top', 'side'];</script><style>p { margin: 0 }</style>"
        + "<footer>About us</footer>"
    )

    removed = prune_chrome(tree, URL)

    # Code is no text a reader sees: it goes unreported, and the counts stay the text's.
    assert removed == {"furniture": ["Home", "About us"]}
    assert [s.get("type") for s in tree.iter("script")] == ["application/ld+json"]
    assert tree.find(".//style") is None


def test_regions_marked_by_a_landmark_role_are_furniture() -> None:
    tree = _tree(
        '<div role="banner"><a href="/">The Valley Courier</a></div>'
        '<ul role="menubar"><li><a href="/news">News</a></li></ul>'
        + _paragraphs()
        + '<div role="complementary">Weather: light rain</div>'
        + '<div role="contentinfo">About us</div>'
    )

    removed = prune_chrome(tree, URL)

    assert removed == {
        "furniture": ["The Valley Courier", "News", "Weather: light rain", "About us"]
    }
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_a_landmark_role_inside_the_article_is_left_to_the_other_rules() -> None:
    # A site that marks its author box "contentinfo": inside the article, the box holds the
    # author's name, which the author fields read.
    box = '<div role="contentinfo"><span itemprop="name">Maren Holt</span></div>'
    tree = _tree(f"<article>{_paragraphs()}{box}</article>")

    assert "furniture" not in prune_chrome(tree, URL)


def test_a_landmark_region_that_holds_the_headline_is_left_to_the_other_rules() -> None:
    # A "banner" that is the article's header: its headline and standfirst.
    tree = _tree(f'<div role="banner"><h1>Night trains return</h1><p>{STANDFIRST}</p></div>')

    assert "furniture" not in prune_chrome(tree, URL)


def test_a_landmark_region_that_holds_the_article_is_kept() -> None:
    tree = _tree(f'<div role="complementary">{_paragraphs()}</div>')

    assert prune_chrome(tree, URL) == {}
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_the_code_in_head_goes_unreported_and_its_metadata_stays() -> None:
    tree = lxml.html.fromstring(
        "<html><head><title>Night trains</title><style>p { color: red }</style>"
        "<script>var pageType = 'article';</script>"
        '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
        "<meta name='description' content='Night trains return'></head>"
        f"<body>{_paragraphs()}</body></html>"
    )

    removed = prune_chrome(tree, URL)

    assert removed == {}
    head = tree.find("head")
    assert [e.tag for e in head] == ["title", "script", "meta"]
    assert head.find("script").get("type") == "application/ld+json"


def test_hidden_article_text_is_kept() -> None:
    # Sites hide the second half of an article until "Read more" is clicked.
    tree = _tree(
        _paragraphs(PARAGRAPHS[:1]) + f'<div style="display:none">{_paragraphs(PARAGRAPHS)}</div>'
    )

    assert "hidden" not in prune_chrome(tree, URL)


def test_the_prose_block_is_the_article_root_when_the_markup_names_none() -> None:
    tree = _tree(
        '<div class="x1"><div class="x2"><a href="/">Home</a></div>'
        f'<div class="x3"><h2>Timetable</h2>{_paragraphs()}<ul><li>June</li></ul></div></div>'
    )

    root = find_article_root(tree.find("body"))

    assert root is not None
    assert root.get("class") == "x3"


def test_no_article_root_where_the_markup_names_one() -> None:
    tree = _tree(f"<main><div>{_paragraphs()}</div></main>")

    assert find_article_root(tree.find("body")) is None


def test_a_short_japanese_article_has_its_root_found_by_the_characters_it_says() -> None:
    # Paragraphs of 40-60 characters are a Japanese article's usual sentences: prose by the
    # measure every cleaner shares (`prose_runs`), though shorter than a Latin paragraph.
    # Counted in Latin characters (120 a run), none was, and the page had no root:
    # trafilatura then read its menus instead (a Japanese daily, its tags written as <div>).
    paragraphs = (
        "市の交通局は十三日、来月から夜行列車の運行を再開すると発表した。利用者の要望が多かったため、週末を中心に走らせるという。",
        "新しい時刻表では、午後十一時に中央駅を出発し、翌朝六時に港町駅へ到着する。切符は来週から各駅の窓口で販売される。",
        "交通局の担当者は「多くの方に利用していただきたい。安全な運行に努める」と話している。",
    )
    tree = _tree(
        '<div class="x1"><div class="x2"><a href="/">ホーム</a> <a href="/news">ニュース</a></div>'
        f'<div class="x3">{"".join(f"<div>{p}</div>" for p in paragraphs)}</div>'
        '<div class="x4"><p>利用規約</p></div></div>'
    )

    root = find_article_root(tree.find("body"))

    assert root is not None
    assert root.get("class") == "x3"


def test_reader_comments_never_become_the_article_root() -> None:
    comments = "".join(
        f'<div class="comment"><p>{text} I agree with the council on this one.</p></div>'
        for text in PARAGRAPHS * 3
    )
    tree = _tree(
        f'<div class="x1">{_paragraphs()}</div><div id="comments" class="x2">{comments}</div>'
    )

    root = find_article_root(tree.find("body"))

    assert root is None or root.get("class") == "x1"


def test_teaser_summaries_inside_links_do_not_outweigh_the_article_root() -> None:
    # A sidebar of guides whose cards are links holding a paragraph each (macrumors.com,
    # class names aside): their prose is not the article's, so it does not count.
    cards = "".join(
        f'<li><a href="/guide-{n}"><p>{text} Read the full guide.</p></a></li>'
        for n, text in enumerate(PARAGRAPHS * 2)
    )
    tree = _tree(f'<div class="x1">{_paragraphs()}</div><ul class="x2">{cards}</ul>')

    root = find_article_root(tree.find("body"))

    assert root is not None
    assert root.get("class") == "x1"


#: A lede and the rest of the article, which holds most of its prose.
LEDE = paragraphs(8)[1]
REST = paragraphs(7) + paragraphs(9)


def test_a_lede_paragraph_before_the_prose_block_is_inside_the_article_root() -> None:
    # A paywalled page shows its first paragraph and hides the rest in a block beside it
    # (abc.es, with its tags renamed); that block holds most of the prose. Shown alone to
    # the extractor, it had the lede left out.
    tree = _tree(
        '<div class="x1"><div class="x2"><a href="/">Home</a></div>'
        f'<div class="x3"><p>{LEDE}</p><div class="x4" hidden>{_paragraphs(REST)}</div></div>'
        "</div>"
    )

    root = find_article_root(tree.find("body"))

    assert root is not None
    assert root.get("class") == "x3"


def test_a_lede_set_apart_from_the_body_block_stays_in_the_text() -> None:
    page = (
        '<html lang="en"><head><title>Night trains return</title>'
        '<meta property="og:type" content="article"></head><body>'
        '<div class="x1"><div class="x2"><a href="/">Home</a> <a href="/news">News</a></div>'
        '<div class="x3"><h1>Night trains return</h1>'
        f'<p>{LEDE}</p><div class="x4">{_paragraphs(REST)}</div></div>'
        '<div class="x5"><a href="/privacy">Privacy</a></div></div></body></html>'
    )

    text = extract_article(page, url=URL)["text"]

    assert LEDE in text
    assert REST[-1] in text


# --- mechanisms of issue 9 ("HTML tails"), one test each ---------------------------------


def test_headed_list_of_plain_li_headlines_is_removed() -> None:
    # No links at all: a header phrase over an <ul> whose items are each a headline.
    related = (
        '<div class="section-title"><span>Read next</span></div><ul>'
        "<li>Airport expansion delayed again</li><li>Ferry timetable changes this winter</li>"
        "</ul>"
    )
    tree = _tree(_paragraphs() + related)

    removed = prune_chrome(tree, URL)

    assert removed["related_lists"][0] == "Read next"
    assert "Ferry timetable changes this winter" in removed["related_lists"][1]
    assert tree.find(".//li") is None
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_paragraph_of_several_headline_links_is_removed() -> None:
    links = (
        '<p><a href="/news/airport">Airport expansion delayed again after ruling</a><br>'
        '<a href="/news/ferries">Will the ferry timetable change this winter?</a></p>'
    )
    tree = _tree(_paragraphs() + links)

    removed = prune_chrome(tree, URL)

    assert list(removed) == ["link_paragraphs"]
    assert _kept_paragraphs(tree) == PARAGRAPHS


@pytest.mark.parametrize("label", ["Drogen:", "Statistik:", "Übersicht:"])
def test_kicker_label_and_one_headline_link_is_removed(label: str) -> None:
    # morgenpost.de, waz.de, abendblatt.de (kickers), 9news.com.au, livescience.com ("READ
    # MORE:", "Related:"): a short label in bold and one link to another story, between or
    # after the paragraphs. The label's words do not matter.
    teaser = f'<p><strong>{label}</strong> <a href="/news/x">Fentanyl spreads in the city</a></p>'
    tree = _tree(_paragraphs(PARAGRAPHS[:2]) + teaser + _paragraphs(PARAGRAPHS[2:]))

    removed = prune_chrome(tree, URL)

    assert removed == {"link_paragraphs": [f"{label} Fentanyl spreads in the city"]}
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_sentence_with_a_link_after_a_colon_is_kept() -> None:
    paragraph = (
        '<p>The operator said the plan had one goal: <a href="/news/x">more trains for '
        "the valley at night</a>, when buses stop running.</p>"
    )
    tree = _tree(_paragraphs() + paragraph)

    assert "link_paragraphs" not in prune_chrome(tree, URL)


@pytest.mark.parametrize(
    "label",
    ["<p><strong>Unsere Auswahl:</strong></p>", "<h3>Andra nyheter i dag</h3>", "<h4>人気</h4>"],
)
def test_label_left_alone_above_removed_headlines_goes_with_them(label: str) -> None:
    # A header in a language or wording no phrase list has: once the headline links under
    # it go, it would end the text on its own.
    links = "".join(
        f'<p><a href="/news/{n}">{h}</a></p>'
        for n, h in enumerate(
            ["Airport expansion delayed again", "Ferry timetable changes this winter"]
        )
    )
    tree = _tree(_paragraphs() + f'<div class="box">{label}{links}</div>')

    removed = prune_chrome(tree, URL)

    assert removed["related_labels"] == [text_of(lxml.html.fragment_fromstring(label))]
    assert _kept_paragraphs(tree) == PARAGRAPHS


def test_short_last_line_above_removed_headlines_is_kept_when_it_is_a_sentence() -> None:
    last = "Nobody voted against."
    links = '<p><a href="/news/1">Airport expansion delayed again after ruling</a></p>'
    tree = _tree(_paragraphs() + f"<p>{last}</p>" + links)

    removed = prune_chrome(tree, URL)

    assert "related_labels" not in removed
    assert _kept_paragraphs(tree) == [*PARAGRAPHS, last]


@pytest.mark.parametrize("last", ["With Post wires", "___", "%34 of readers voted no"])
def test_plain_short_last_line_above_removed_headlines_is_kept(last: str) -> None:
    # nypost.com, AP, wday.ru: an article's own short last line, not set as a header.
    links = '<p><a href="/news/1">Airport expansion delayed again after ruling</a></p>'
    tree = _tree(_paragraphs() + f"<p>{last}</p>" + links)

    removed = prune_chrome(tree, URL)

    assert "related_labels" not in removed
    assert _kept_paragraphs(tree) == [*PARAGRAPHS, last]


def test_label_above_headlines_is_kept_when_the_article_goes_on() -> None:
    links = '<p><a href="/news/1">Airport expansion delayed again after ruling</a></p>'
    body = _paragraphs(PARAGRAPHS[:1]) + "<h3>Timetable</h3>" + links + _paragraphs(PARAGRAPHS[1:])
    tree = _tree(body)

    removed = prune_chrome(tree, URL)

    assert "related_labels" not in removed
    assert "Timetable" in text_of(tree.find("body"))
