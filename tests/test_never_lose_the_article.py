"""Never lose the article: each way the chain used to lose a real article, shown on a page.

Real pages come from the dev-set sample in `fixtures/devpages/` (Zyte benchmark and
fundus-dev, MIT-licensed test data; see the LICENSE.txt beside them); a page "keeps its
article" when its gold's first and last paragraphs are in the text. Small hand-written
pages show the same mechanism without the rest of a real page around it.
"""

from __future__ import annotations

import unicodedata

import lxml.html
import pytest
from support.devpages import page
from support.sample_pages import PARAGRAPHS

from newscrawl import extract_article
from newscrawl.core.text import word_count
from newscrawl.testing.evaluation import plain_markup

URL = "https://www.valley-courier.example/news/night-trains"
NAV = "".join(
    f'<li><a href="/{s.lower()}">{s}</a></li>'
    for s in ("News", "Sport", "Culture", "Opinion", "Weather", "Business", "Travel")
)


def _page(body: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><title>Night trains return</title></head>"
        f"<body><nav><ul>{NAV}</ul></nav>{body}</body></html>"
    )


def _paragraphs(texts: list[str] = PARAGRAPHS) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _keeps_its_article(page_id: str, first: int = 0, *, plain: bool = False) -> str:
    """The page's text, once shown to hold the gold's first (or `first`) and last paragraph;
    with `plain`, read with its class and id values renamed (`plain_markup`)."""
    sample = page(page_id)
    html = plain_markup(sample.html) if plain else sample.html
    article = extract_article(html, sample.url)
    assert article is not None, f"{page_id} was rejected"
    gold = [line.strip() for line in sample.body.splitlines() if line.strip()]
    flat = " ".join(article["text"].split())
    for paragraph in (gold[first], gold[-1]):
        assert " ".join(paragraph.split())[:60] in flat, f"{page_id} lost: {paragraph[:80]}"
    text: str = article["text"]
    return text


# --- pruning ------------------------------------------------------------------------------


def test_an_article_inside_an_unclosed_aside_is_kept() -> None:
    """The page's markup leaves a sidebar `<aside>` open: the whole article sits in it, and
    dropping every `<aside>` as furniture dropped the article (fundus-dev, Washington
    Times): extraction returned the navigation menu."""
    _keeps_its_article("us/WashingtonTimes_2023_04_28")


def test_an_article_served_in_noscript_is_kept() -> None:
    article = extract_article(_page(f"<noscript><article>{_paragraphs()}</article></noscript>"))

    assert article is not None
    assert article["text"] == "\n".join(PARAGRAPHS)


def test_hidden_paragraphs_of_the_article_are_kept() -> None:
    """A paywall hides the article paragraph by paragraph (`<p hidden>`) until a script
    shows it; each paragraph is prose and stays (fundus-dev, TechRadar)."""
    _keeps_its_article("uk/TechRadar_2026_05_21")
    body = f"<article><p>{PARAGRAPHS[0]}</p>" + "".join(
        f'<p class="paywall" hidden>{p}</p>' for p in PARAGRAPHS[1:]
    )
    article = extract_article(_page(body + "</article>"), URL)

    assert article is not None
    assert article["text"] == "\n".join(PARAGRAPHS)


@pytest.mark.parametrize("plain", [False, True])
def test_every_hidden_paragraph_of_a_paywalled_article_is_kept(plain: bool) -> None:
    """TechRadar's paywall marks its paragraphs `aria-hidden="true"`; trafilatura drops
    such paragraphs where class names give it no article block, so the ones that stay are
    shown to it (with class names renamed, two of its 17 paragraphs were lost)."""
    sample = page("uk/TechRadar_2026_05_21")
    article = extract_article(plain_markup(sample.html) if plain else sample.html, sample.url)

    assert article is not None
    flat = " ".join(article["text"].split())
    for paragraph in sample.body.splitlines():
        assert " ".join(paragraph.split())[:60] in flat


TWEET = (
    "<blockquote class='twitter-tweet'><p lang='en'>Yes, the night train is real and the "
    "first tickets sold out in an hour</p>&mdash; Jane Doe (@janedoe) "
    "<a href='https://twitter.com/janedoe/status/1'>November 18, 2026</a></blockquote>"
)


@pytest.mark.parametrize(
    "wrapper",
    [
        '<div class="social-media-embed">{}</div>',
        '<div class="article-widget"><div class="article-widget__inner">{}</div></div>',
        '<figure class="embed">{}<script src="https://platform.twitter.com/w.js"></script></figure>',
    ],
)
def test_an_embedded_post_the_article_quotes_is_kept(wrapper: str) -> None:
    """A quoted tweet, in its platform's embed markup, sits in a wrapper the site names
    "social-media-embed" or "article-widget": words for which trafilatura drops a block
    (Zyte benchmark: nj.com lost 3 of its 4 tweets, Sky News both of its own). The post
    takes the wrapper's place."""
    body = (
        f"<article><h1>Night trains return</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
        f"{wrapper.format(TWEET)}<p>{PARAGRAPHS[2]}</p></article>"
    )

    article = extract_article(_page(body), URL)

    assert article is not None
    text = article["text"]
    assert "first tickets sold out in an hour" in text
    assert "(@janedoe)" in text
    assert text.startswith(PARAGRAPHS[0]) and text.endswith(PARAGRAPHS[2])


@pytest.mark.parametrize(
    "broken",
    [
        # unclosed: the parser closes it at the article's end
        "<div class='embed'><blockquote class='twitter-tweet'><p>Unclosed tweet text</p>",
        # a post inside a post
        "<div class='embed'><blockquote class='twitter-tweet'><blockquote class='twitter-tweet'>"
        "<p>Inner tweet text</p></blockquote></blockquote></div>",
        # an embed whose script never filled it
        "<div class='embed'><blockquote class='twitter-tweet'></blockquote></div>",
        # hidden paragraphs without text, or hidden in capitals
        "<p hidden></p><p aria-hidden='TRUE' style='DISPLAY:NONE'></p>",
    ],
)
def test_broken_embed_or_hidden_markup_never_costs_the_article(broken: str) -> None:
    body = f"<article><h1>Night trains return</h1>{_paragraphs()}{broken}</article>"

    article = extract_article(_page(body), URL)

    assert article is not None
    flat = " ".join(article["text"].split())
    assert all(paragraph in flat for paragraph in PARAGRAPHS)


@pytest.mark.parametrize(
    "paragraphs",
    [
        "".join(f"<div>{t}</div>" for t in PARAGRAPHS),
        "<div>" + "<br><br>".join(PARAGRAPHS) + "</div>",
    ],
    ids=["divs", "br"],
)
def test_a_chrome_named_block_holding_paragraphs_without_p_tags_is_kept(paragraphs: str) -> None:
    # A page that writes no <p>, whose article wrapper has a chrome word in its class
    # ("story modal-enabled", as a site that opens the story's images in a modal names
    # it): its paragraphs are <div>s or text parted by <br>s, the article's prose all
    # the same, and the wrapper stays (it went, and the text was the widget beside it).
    widget = "".join(
        f"<div>Celebrity discovers that a distant relative was in story number {n}</div>"
        for n in range(8)
    )
    body = (
        "<div class='story modal-enabled'><h1>Night trains return</h1>"
        "<div class='share-bar'><a href='https://facebook.com/sharer'>Share</a></div>"
        f"{paragraphs}</div><div class='widget'><h3>Now on Page Six</h3>{widget}</div>"
    )
    article = extract_article(_page(body), URL)

    assert article is not None
    flat = " ".join(article["text"].split())
    assert all(" ".join(t.split()) in flat for t in PARAGRAPHS)


def test_when_pruning_leaves_no_article_the_page_is_read_unpruned() -> None:
    """An article of short paragraphs in a block whose class names chrome ("promo") is
    pruned whole; the pruned page gives only its menu, so the page is read unpruned."""
    short = [
        "Night trains return to the valley line in June.",
        "Tickets cost about the same as a day return.",
        "Students and groups of four travel for less.",
        "Local businesses welcomed the plan on Tuesday.",
        "The last bus still leaves at half past ten.",
        "A sleeper carriage may follow in the autumn.",
    ]
    body = f'<div class="story-promo-layout"><h1>Night trains</h1>{_paragraphs(short)}</div>'

    article = extract_article(_page(body), URL, min_words=10)

    assert article is not None
    assert article["text"].splitlines()[-len(short) :] == short


@pytest.mark.parametrize(
    "names", ["class='comment-article'", "id='comment-body'", "class='comments-open entry'"]
)
def test_an_article_body_named_like_a_comment_section_is_kept(names: str) -> None:
    """trafilatura discards a block whose class or id starts with "comment" whole (an
    opinion section's "comment-article" too), and the page gave no article: the block that
    holds the page's prose in paragraphs of its own is read again, named plainly."""
    body = f"<main><article><h1>Night trains</h1><div {names}>{_paragraphs()}</div></article>"

    article = extract_article(_page(body + "</main>"), URL)

    assert article is not None
    assert article["text"].splitlines()[-len(PARAGRAPHS) :] == PARAGRAPHS


@pytest.mark.parametrize(
    "item",
    [
        "<div class='comment-item'><span class='comment-author'>{name}</span><p>{text}</p></div>",
        "<div class='c7'><b>{name}</b><p>{text}</p></div>",
        "<li><b>{name}</b><p>{text}</p></li>",
    ],
)
def test_a_comment_thread_under_a_video_stays_no_article(item: str) -> None:
    """The page's prose is a comment thread (the only prose of a video page): its items
    hold the comments, and the thread is not read as the article."""
    thread = "".join(
        item.format(name=f"Reader {n}", text=text) for n, text in enumerate(PARAGRAPHS)
    )
    body = (
        "<main><h1>Watch: night trains</h1><video src='/v.mp4'></video>"
        f"<p>The first night train left the station.</p><div id='comments'>{thread}</div></main>"
    )

    assert extract_article(_page(body), URL) is None


# --- reading the body ---------------------------------------------------------------------


def test_a_fast_pass_that_stopped_part_way_hands_over() -> None:
    """trafilatura's fast pass stopped after the first of the article's sections (784 of
    about 5,500 characters on fundus-dev's Politico Europe page); a text much shorter than
    the page's prose is read again, by readability, else by trafilatura's full cascade."""
    text = _keeps_its_article("be/PoliticoEu_2025_10_23")
    assert len(text) > 4000


NOTICE = [
    "When you visit our website, we store cookies on your browser to collect information "
    "about you, your preferences or your device, mostly to make the site work as you expect.",
    "You can choose not to allow some types of cookies, which may affect your experience of "
    "the site and the services we are able to offer you. Click on the headings to find out more.",
    "Our customer service centre answers questions by telephone and e-mail from Monday to "
    "Friday between eight and six, and on Saturdays until noon, except on public holidays.",
    "Subscribers abroad can reach the centre on the international number, and business "
    "customers have a line of their own for invoices, deliveries and group subscriptions.",
]


def test_prose_outside_the_pages_only_article_is_no_reason_to_hand_over() -> None:
    """The fast pass read the page's one `<article>`; a consent notice and a service box
    outside it, in blocks whose class names say nothing (hashed ones, or renamed), are more
    prose than the article holds. That is no article that stopped part-way: the full
    cascade would add them (fundus-dev's Reuters page, read with its class names renamed,
    went from 1,642 to 7,592 characters)."""
    body = (
        f'<div class="x8f2a"><article><h1>Night trains return</h1>{_paragraphs()}</article>'
        f'</div><div class="q1c9e">{_paragraphs(NOTICE)}</div>'
    )

    article = extract_article(_page(body), URL)

    assert article is not None
    assert article["text"] == "\n".join(PARAGRAPHS)


def test_a_fast_pass_that_read_a_comment_hands_over_to_the_block_with_the_prose() -> None:
    """With its class names saying nothing, a blog post's page gave trafilatura's fast pass
    a reader's comment (766 characters) as the article; the full cascade found the post
    (Zyte benchmark, bigbrandsystem.com). Its text is no extension of the comment, but
    holds several times as much of the page's prose."""
    text = _keeps_its_article(
        "ec7fc408c5ce66c22692a3f696c682f3de794bacfaca405d9a0dac5957051e5a", plain=True
    )
    assert len(text) > 5000


def test_showing_the_article_root_never_loses_its_prose() -> None:
    """Tagging the block that holds the page's prose as `<article>` made trafilatura skip
    paragraphs written as text between line-break spans inside it (fundus-dev, Times of
    India): when the root's prose is missing from the text, the page is read untagged."""
    text = _keeps_its_article("ind/TimesOfIndia_2026_04_16")
    assert "Addressing this crisis" in text


GUIDES = [
    "Night trains are making a comeback across the continent, with new sleeper services "
    "linking capitals that lost them decades ago. Here is everything you need to know about "
    "routes, cabins and fares before you book your first overnight journey.",
    "Rail passes can save money on long trips, but only if you plan your route with care. Our "
    "guide explains which passes cover night trains, what reservations cost on top, and how "
    "to avoid the most common mistakes made by first-time travellers.",
    "Travelling with a bicycle by train is easier than it used to be, yet rules still differ "
    "from one operator to the next. We list the services that carry bikes, how to reserve a "
    "place, and what to do when the bike racks are already full.",
]


@pytest.mark.parametrize("entry", ["entry", "post"])
def test_a_live_blogs_short_first_entry_stays_below_its_headline(entry: str) -> None:
    """trafilatura writes the first block its body rules match (a live blog's entries,
    classed "entry" or "post") ahead of the page's headline, and the header stripping took
    what precedes the headline for the page header: a first entry of twelve words or
    fewer was lost (written for the article-shapes probe, `benchmarks/probes.py`)."""
    first = "The council voted to keep the night trains running until May."
    entries = [first, *PARAGRAPHS[1:4]]
    posts = "".join(
        f"<div class='{entry}'><time>{20 - n}:00</time><p>{text}</p></div>"
        for n, text in enumerate(entries)
    )
    html = _page(f"<main><article><h1>Night trains: the vote</h1>{posts}</article></main>")

    article = extract_article(html, URL)

    assert article is not None
    assert article["text"].splitlines()[0] == first
    assert article["text"].count(first) == 1


def test_a_lede_written_in_a_div_is_kept_beside_a_sidebar_of_paragraphs() -> None:
    """An article written as text and line breaks in a `<div>` under its headline, beside a
    sidebar of guides with a paragraph each: trafilatura tests the whole page for `<p>` text
    (`//p//text()`), finds the sidebar's, and then reads no `<div>` text, so the lede before
    the first line break was lost (Zyte benchmark, macrumors.com). The block under the
    page's only headline that holds the article's prose is shown to it as the article."""
    lede = PARAGRAPHS[0].replace("electrified", "<em><a href='/rail'>electrified</a></em>", 1)
    body = f"{lede}<br><br>{PARAGRAPHS[1]}<br><br>{PARAGRAPHS[2]}"
    guides = "".join(f"<li><a href='/guide-{n}'><p>{g}</p></a></li>" for n, g in enumerate(GUIDES))
    footer = (
        "The Valley Courier is the daily newspaper of the valley towns, read by farmers, "
        "commuters and students alike, with reporters in six towns and a newsroom that has "
        "covered the region's railways, schools and councils since 1921."
    )
    html = _page(
        "<div class='wrap'><div class='main'><div class='story'><h1>Night trains return</h1>"
        "<div class='by'><span>By</span> <a href='/author/jane-holt'>Jane Holt</a></div>"
        f"<div class='copy'>{body}</div></div>"
        f"<div class='side'><h3>Guides</h3><ul>{guides}</ul></div></div>"
        f"<div class='foot'><p>{footer}</p></div></div>"
    )

    article = extract_article(html, URL)

    assert article is not None
    assert article["text"].startswith(PARAGRAPHS[0])
    assert GUIDES[0] not in article["text"]


#: An article's paragraphs, each with a link to a topic page at its end.
DIV_PARAGRAPHS = [
    "The regional rail authority confirmed on Monday that the overnight service between the "
    "valley towns and the coast will return in spring, after a pause of more than twenty "
    "years, with two departures a week in each direction <a href='/topics/rail'>rail</a>.",
    "Tickets go on sale next month at the stations and online. A seat will cost about as "
    "much as a day return today, while a bed in a shared cabin of four will cost twice that, "
    "according to the price list the authority published <a href='/topics/fares'>fares</a>.",
    "The carriages come from a line that closed in the north last year and are being "
    "refitted in the depot by the river, where forty workers have been hired for the job "
    "until the first train leaves in March <a href='/topics/jobs'>jobs</a>.",
    "Council members who campaigned for the service said they hoped it would bring visitors "
    "to the coast outside the summer season, and asked the authority to add a third weekly "
    "departure if the first months go well <a href='/topics/council'>council</a>.",
]


def test_paragraphs_written_as_divs_stay_paragraphs_beside_a_sidebar_of_paragraphs() -> None:
    """An article whose paragraphs are `<div>`s, between a photo and a subscription offer
    that have their text in `<p>`s, beside a sidebar of guides in `<p>`s: trafilatura
    tests the whole page for `<p>` text (`//p//text()`), finds the sidebar's, reads no
    `<div>` as a paragraph, and gave the offer and the guides without the article (a
    Japanese daily with its tags written as `<div>`, fundus-dev, had its article glued
    into one line). The root's paragraphs are shown to it as the `<p>`s they are."""
    paragraphs = "".join(f"<div>{text}</div>" for text in DIV_PARAGRAPHS)
    offer = (
        "<div><p>This article is for subscribers.<br>Readers of the paper edition register "
        "for free.</p><div><a href='/register'>Register</a></div><dl><dt>Subscribers get</dt>"
        "<dd>The e-paper</dd><dd>Every article</dd></dl></div>"
    )
    guides = "".join(f"<li><a href='/guide-{n}'><p>{g}</p></a></li>" for n, g in enumerate(GUIDES))
    html = _page(
        "<div class='wrap'><div class='main'><h1>Night trains return</h1>"
        "<div class='copy'><div class='photo'><a href='/photos/1'><img src='/1.jpg'></a>"
        f"<p>The first sleeper train leaves the central station.</p></div>{paragraphs}{offer}"
        f"</div></div><div class='side'><h3>Guides</h3><ul>{guides}</ul></div></div>"
    )

    article = extract_article(html, URL)

    assert article is not None
    expected = [" ".join(lxml.html.fromstring(p).text_content().split()) for p in DIV_PARAGRAPHS]
    assert [line for line in article["text"].splitlines() if line in expected] == expected
    assert GUIDES[0] not in article["text"]


#: A short Japanese brief (one paragraph, written for this test).
BRIEF_JA = (
    "１３日午後、市内の踏切で列車と乗用車が衝突する事故があった。乗用車の男性が軽いけがをした。"
    "警察が事故の原因を調べている。列車の乗客にけがはなかった。"
)


def _table_layout_page(paragraphs: list[str], cell: str) -> str:
    """An old table-layout page: a menu table in the left column, the article in the right
    one (its paragraphs as `cell` writes them), a table of other stories and the copyright
    under both."""
    menu = "".join(f'<tr><td><a href="/s{n}.html">Section {n}</a></td></tr>' for n in range(8))
    others = "".join(
        f'<tr><td><a href="/story{n}.html">Other story number {n} on another subject</a></td></tr>'
        for n in range(5)
    )
    body = {
        "br": "<font size='2'><b>Night trains return</b><br><br>"
        + "<br><br>".join(paragraphs)
        + "</font>",
        "p": "<h1>Night trains return</h1>" + "".join(f"<p>{t}</p>" for t in paragraphs),
        "nested": "<table><tr><td><b>Night trains return</b></td></tr><tr><td>"
        + "".join(f"<p>{t}</p>" for t in paragraphs)
        + "</td></tr></table>",
    }[cell]
    return (
        "<html><head><title>Night trains return - The Gazette</title></head><body>"
        "<table width='760'><tr><td colspan='2'><img src='/logo.gif' alt='The Gazette'></td></tr>"
        f"<tr><td width='150' valign='top'><table>{menu}</table></td><td valign='top'>{body}</td>"
        f"</tr><tr><td colspan='2'><b>More stories</b><table>{others}</table></td></tr>"
        "<tr><td colspan='2'>Copyright 2006 The Gazette</td></tr></table></body></html>"
    )


@pytest.mark.parametrize("cell", ["br", "p", "nested"])
@pytest.mark.parametrize("paragraphs", [PARAGRAPHS, [BRIEF_JA]], ids=["en", "ja-brief"])
def test_an_old_table_layout_page_gives_its_paragraphs(cell: str, paragraphs: list[str]) -> None:
    # trafilatura renders a layout table as a table: the menu's cells as rows, the article's
    # paragraphs glued into one cell ("|  | Night trains return The regional ... |"); a short
    # brief came out as menu rows only and was rejected.
    article = extract_article(_table_layout_page(paragraphs, cell), URL)

    assert article is not None
    lines = article["text"].splitlines()
    assert lines[-len(paragraphs) :] == paragraphs
    assert not [line for line in lines if "|" in line or "Section" in line or "Other story" in line]


@pytest.mark.parametrize("broken", ["truncated", "pipes in the text", "bytes not text"])
def test_a_broken_table_layout_page_still_gives_its_paragraphs(broken: str) -> None:
    # The layout-table reading meets what old pages serve: a page cut off after its
    # article (no closing tags), paragraphs holding the "|" a table row is written with,
    # bytes with invalid UTF-8 and control characters in the menu.
    paragraphs = list(PARAGRAPHS)
    if broken == "pipes in the text":
        paragraphs[1] = paragraphs[1].replace(", the", " | the", 1)
    page: str | bytes = _table_layout_page(paragraphs, "p")
    if broken == "truncated":
        page = page[: page.index("<b>More stories</b>")]
    elif broken == "bytes not text":
        page = page.encode().replace(b"Section 3", b"Section \xff\xfe\x00\x07 3")

    article = extract_article(page, URL)

    assert article is not None
    assert article["text"].splitlines()[-len(paragraphs) :] == paragraphs


def test_a_table_layout_page_without_an_article_is_no_article() -> None:
    empty = "<td></td>" * 40
    page = (
        "<html><head><title>Gazette</title></head><body><table><tr><td><table>"
        + "".join(f'<tr><td><a href="/s{n}.html">Section {n}</a></td></tr>' for n in range(12))
        + f"</table></td>{empty}</tr></table></body></html>"
    )

    assert extract_article(page, URL) is None


def test_a_page_laid_out_in_one_table_cell_is_not_read_as_one_row() -> None:
    # The whole page, menus, widgets and article, in one cell of a layout table: the full
    # cascade renders it as one row of a table; the article's paragraphs stay paragraphs.
    menu = "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(8))
    teasers = "".join(
        f"<div class='c{n}'><p>Another story, number {n}, about the council's plans for the "
        "harbour, the ferries and the night buses, told at length in a teaser that runs on "
        "and on.</p></div>"
        for n in range(12)
    )
    page = (
        "<html><head><title>Night trains return</title></head><body><table><tr><td>"
        f"<ul>{menu}</ul><h1>Night trains return</h1>{_paragraphs()}{teasers}"
        "</td></tr></table></body></html>"
    )
    article = extract_article(page, URL)

    assert article is not None
    assert not [line for line in article["text"].splitlines() if line.startswith("|")]
    assert all(p in article["text"].splitlines() for p in PARAGRAPHS)


def test_a_data_table_in_an_article_stays_a_table() -> None:
    table = (
        "<table><tr><th>Route</th><th>First train</th><th>Last train</th></tr>"
        "<tr><td>Valley line</td><td>05:10</td><td>01:40</td></tr>"
        "<tr><td>Harbour line</td><td>05:25</td><td>00:55</td></tr></table>"
    )
    article = extract_article(_page(f"<article>{_paragraphs()}{table}</article>"), URL)

    assert article is not None
    assert "| Valley line | 05:10 | 01:40 |" in article["text"]


# --- the standfirst ---------------------------------------------------------------------

STANDFIRST = (
    "Night trains return to the valley line after thirty years, with two services a week "
    "from June and tickets at day-return prices."
)


def _page_with_a_standfirst(
    header: str, after: str = "", description: str = STANDFIRST, title: str = "Night trains"
) -> str:
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title>"
        f"<meta property='og:description' content='{description}'></head><body>"
        f"<nav><ul>{NAV}</ul></nav><div class='top'><h1>{title}</h1>{header}"
        f"</div><article>{_paragraphs()}</article>{after}</body></html>"
    )


@pytest.mark.parametrize(
    "page_id",
    [
        "at/DerStandard_2024_05_03",
        "de/Stern_2024_11_05",
        "us/TheIntercept_2023_04_28",
        "be/PoliticoEu_2025_10_23",
    ],
)
def test_the_standfirst_above_the_body_is_the_first_paragraph(page_id: str) -> None:
    """The standfirst sits in the article's header, outside the block of the body's
    paragraphs, and trafilatura left it out (fundus-dev; the gold's first paragraph). The
    page's description repeats it: the block showing it above the body opens the text."""
    text = _keeps_its_article(page_id)
    gold_first = next(line for line in page(page_id).body.splitlines() if line.strip())
    assert " ".join(text.splitlines()[0].split())[:60] == " ".join(gold_first.split())[:60]


def test_a_standfirst_that_repeats_the_description_opens_the_text() -> None:
    html = _page_with_a_standfirst(f"<p class='x1'>{STANDFIRST}</p>")
    article = extract_article(html, URL)

    assert article is not None
    assert article["text"] == "\n".join([STANDFIRST, *PARAGRAPHS])


def test_a_standfirst_edited_after_its_description_is_found_by_its_words() -> None:
    """The description was written first and the standfirst edited after: most words are
    the same, the opening is not (fundus-dev, SRF and Stern)."""
    description = (
        "After thirty years, night trains return to the valley line, with two services a "
        "week from June and tickets at day-return prices."
    )
    html = _page_with_a_standfirst(f"<p class='x1'>{STANDFIRST}</p>", description=description)
    article = extract_article(html, URL)

    assert article is not None
    assert article["text"].splitlines()[0] == STANDFIRST


def test_a_standfirst_that_is_the_descriptions_first_sentence_opens_the_text() -> None:
    """The description says more than a short standfirst: the standfirst, then the body's
    first sentence (fundus-dev, Aftonbladet)."""
    standfirst = "After thirty years, night trains return to the valley."
    description = f"{standfirst} The first leaves Elmsford station on a Friday in June, at ten."
    html = _page_with_a_standfirst(f"<p class='x1'>{standfirst}</p>", description=description)
    article = extract_article(html, URL)

    assert article is not None
    assert article["text"].splitlines()[0] == standfirst


HEADLINE = "Night trains return to the valley line after thirty years"


@pytest.mark.parametrize(
    ("header", "after", "description"),
    [
        # a caption that repeats the description, with its credit
        (f"<div><img src='/t.jpg'><span>{STANDFIRST} © Valley Rail</span></div>", "", STANDFIRST),
        (
            f"<figure><img src='/t.jpg'><figcaption>{STANDFIRST}</figcaption></figure>",
            "",
            STANDFIRST,
        ),
        # the description shown after the article only (a teaser of this page elsewhere)
        ("", f"<div class='x2'><p>{STANDFIRST}</p></div>", STANDFIRST),
        # a description the page shows nowhere
        ("<p class='x1'>By Maren Holt</p>", "", STANDFIRST),
        # a block above the body that shares a few of its words
        (
            "<p class='x1'>Night trains return: what the valley line timetable means for "
            "commuters, students and the town's theatre-goers this summer</p>",
            "",
            STANDFIRST,
        ),
        # a description that only repeats the headline, shown again as a kicker
        (f"<p class='x1'>{HEADLINE}</p>", "", HEADLINE),
        # a description that opens with a kicker shown above the headline: no sentence
        (
            "<p class='x1'>Valley line timetable changes</p>",
            "",
            f"Valley line timetable changes: {STANDFIRST}",
        ),
    ],
    ids=[
        "caption with credit",
        "figure caption",
        "after the article",
        "not shown",
        "a few words shared",
        "headline",
        "a kicker opening the description",
    ],
)
def test_no_standfirst_is_made_up(header: str, after: str, description: str) -> None:
    title = HEADLINE if description == HEADLINE else "Night trains"
    html = _page_with_a_standfirst(header, after, description, title)
    article = extract_article(html, URL)

    assert article is not None
    assert article["text"].splitlines()[0] == PARAGRAPHS[0]


def test_text_is_composed_unicode() -> None:
    """A page written in decomposed Unicode ("u" + combining diaeresis) exports composed
    text, which reads and searches like the same words (fundus-dev, Die Neue Südtiroler
    Tageszeitung)."""
    text = _keeps_its_article("it/Tageszeitung_2025_04_16")
    assert unicodedata.is_normalized("NFC", text)
    decomposed = unicodedata.normalize("NFD", _paragraphs(["Für Südtirol: " + PARAGRAPHS[0]]))

    article = extract_article(
        _page(f"<article>{decomposed}{_paragraphs(PARAGRAPHS[1:])}</article>")
    )

    assert article is not None
    assert article["text"].startswith("Für Südtirol: ")


# --- short texts in every script ----------------------------------------------------------


BRIEF = (
    "The valley line will run night trains from June, the operator said on Tuesday. "
    "Tickets go on sale next month at the price of a day return."
)
_WEBSITE = "<meta property='og:type' content='website'>"


def _brief_page(head: str) -> str:
    return (
        f"<html><head><title>Night trains from June</title>{head}</head><body><nav><ul>"
        f"{NAV}</ul></nav><main><article><h1>Night trains from June</h1><p>{BRIEF}</p>"
        "</article></main><footer><p>© 2026 The Valley Courier</p></footer></body></html>"
    )


def test_a_news_brief_of_two_sentences_is_an_article() -> None:
    article = extract_article(_brief_page("<meta property='og:type' content='article'>"), URL)

    assert article is not None
    assert article["text"] == BRIEF
    assert word_count(BRIEF) < 30


@pytest.mark.parametrize(
    ("url", "head"),
    [
        ("https://courier.example/news/2026/11/03/night-trains.html", _WEBSITE),
        ("https://courier.example/news/night-trains-from-june-tickets-on-sale", _WEBSITE),
        ("https://courier.example/news/story-48213377", _WEBSITE),
        # No URL: the page's canonical one.
        (None, f"{_WEBSITE}<link rel='canonical' href='https://courier.example/2026/11/03/x'>"),
    ],
)
def test_a_brief_on_a_site_that_types_every_page_website_is_an_article(
    url: str | None, head: str
) -> None:
    """`og:type` "website" is Open Graph's default: sites that type no page say it of
    their articles too. At a story's address, a one-paragraph brief is kept."""
    article = extract_article(_brief_page(head), url)

    assert article is not None and article["text"] == BRIEF


@pytest.mark.parametrize(
    ("url", "head"),
    [
        ("https://courier.example/news/", _WEBSITE),  # a section front
        ("https://courier.example/tag/night-trains/", _WEBSITE),  # a tag page
        ("https://courier.example/2026/11/", _WEBSITE),  # a month's archive
        ("https://courier.example/news/2026/11/03/", _WEBSITE),  # a day's
        (None, _WEBSITE),  # no address at all
        # A listing's own type decides, whatever the address.
        (
            "https://courier.example/news/2026/11/03/night-trains.html",
            _WEBSITE + '<script type="application/ld+json">{"@type": "CollectionPage"}</script>',
        ),
        (
            "https://courier.example/news/2026/11/03/night-trains.html",
            "<meta property='og:type' content='profile'>",
        ),
    ],
)
def test_a_short_page_that_declares_a_listing_is_no_article(url: str | None, head: str) -> None:
    """Open Graph's default type away from a story's address (or without one), or a
    listing's or profile's own type anywhere."""
    assert extract_article(_brief_page(head), url) is None


@pytest.mark.parametrize(
    "page_id", ["jp/YomiuriShimbun_2024_12_03", "jp/ChunichiShimbun_2025_01_13"]
)
def test_a_short_japanese_article_is_an_article(page_id: str) -> None:
    """A 400-character Japanese news brief was "38 words, fewer than 50" and dropped."""
    _keeps_its_article(page_id)


def test_ruby_readings_stay_inside_their_sentence() -> None:
    """Furigana (`<ruby>`) is inline: the sentence around an annotated word stays one line,
    with the reading in the page's fallback brackets (fundus-dev, Yomiuri Shimbun)."""
    text = _keeps_its_article("jp/YomiuriShimbun_2024_12_03")
    assert "韓国の 尹錫悦（ユンソンニョル） 大統領は" in text
    sentence = "大臣は<ruby>記者<rt>きしゃ</rt></ruby>に答えた。"
    article = extract_article(_page(f"<article>{_paragraphs([sentence * 30])}</article>"))

    assert article is not None
    assert article["text"] == "大臣は記者に答えた。" * 30


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Night trains return to the valley line.", 7),
        ("夜行列車が谷の路線に戻る。", 12),  # every Han and kana character is a word
        ("서울 시내 버스 노선이 바뀐다.", 5),  # Hangul is written with spaces
        ("รถไฟกลางคืนกลับมา", 17),
        ("Tokyo 東京 2024", 4),
        # vowel signs and viramas are inside a word of the Indian scripts, not between two
        ("नई दिल्ली भारत की राजधानी है।", 6),
        ("কলকাতা পশ্চিমবঙ্গের রাজধানী", 3),
        ("சென்னை தமிழ்நாட்டின் தலைநகரம்", 3),
        ("Cafe\u0301 au lait", 3),  # an accent written as a combining mark
        ("", 0),
    ],
)
def test_words_are_counted_in_every_script(text: str, words: int) -> None:
    assert word_count(text) == words


def test_a_cascade_text_that_reads_like_script_is_not_taken_for_the_article() -> None:
    """The prose count takes markup or script that a page keeps in a text node for prose
    (so it went on fundus-dev's Asahi page with its class names renamed): such a text from
    the full cascade never takes the article's place, however long."""
    from newscrawl.extraction import _reads_like_code

    script = 'window.__DATA__ = {"items": [{"id": 1, "title": "Night trains"}]}; ' * 40
    assert _reads_like_code(script)
    assert not _reads_like_code(" ".join(PARAGRAPHS))
    # what prose does carry: a quote, an equation written out, a formula now and then
    assert not _reads_like_code(" ".join(PARAGRAPHS) + " The fare (in euros) is x = 2y; fine.")
