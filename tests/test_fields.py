"""The fields besides the body, right on the forms real pages publish them in: titles with
entities and site names, bylines with labels, roles, publishers and several people, dates
whose time of day sits in a second source, and language markup that is a template's default.

Every page here is written for the test; the forms are those seen on the dev sets' pages
(`benchmarks/quality.py --misses` lists them).
"""

from __future__ import annotations

import json
from typing import Any

import lxml.html
import pytest
from support.sample_pages import PARAGRAPHS
from trafilatura.core import load_html

from newscrawl.extraction import extract_page
from newscrawl.extraction.authors import byline_names, credits
from newscrawl.extraction.fallback import PageHeuristics
from newscrawl.extraction.language import choose_language, detect_language
from newscrawl.extraction.structured import ends_a_link_trail, read_structured_data

URL = "https://www.valley-courier.example/news/2026/05/night-trains"
BODY = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)

ZULU = (
    "Abantu abaningi basedolobheni bathi bakhathazekile ngokubulawa kwesalukazi ekhaya laso. "
    "Amaphoyisa athi asaqhubeka nophenyo futhi acela noma ubani onolwazi ukuthi axhumane nawo. "
    "Umndeni uthe ugogo ubehlala yedwa kusukela kwashona umyeni wakhe."
)
SWAHILI = (
    "Watu kumi na nane wamekamatwa na polisi mkoani Shinyanga kwa makosa mbalimbali ikiwemo "
    "wizi na uuzaji wa dawa za kulevya. Kamanda wa polisi wa mkoa amesema operesheni hiyo "
    "itaendelea ili kuhakikisha usalama wa wananchi."
)
JAPANESE = (
    "気象庁によると、宮崎県で震度５弱の地震があり、高知県と宮崎県に津波注意報が出されました。"
    "海岸には近づかないよう呼びかけています。"
)
KOREAN = (
    "서울시는 내년부터 대중교통 요금을 인상한다고 밝혔다. "
    "시민들은 생활비 부담이 커질 것이라며 우려를 나타냈다."
)
GERMAN = (
    "Die Stadtverwaltung hat am Montag angekündigt, dass die Straßenbahnlinie im Sommer "
    "erneuert wird und die Bauarbeiten drei Monate dauern sollen."
)


def page(
    head: str = "",
    body: str = BODY,
    *,
    lang: str = "en",
    ld: dict[str, Any] | None = None,
    before: str = "",
) -> str:
    script = (
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        if ld
        else ""
    )
    return (
        f'<html lang="{lang}"><head><meta charset="utf-8">{head}{script}</head>'
        f"<body><article>{before}<h1>Night trains return</h1>{body}</article></body></html>"
    )


def fields(html: str, url: str = URL) -> dict[str, Any]:
    return extract_page(html, url).fields


# --- titles -----------------------------------------------------------------------


def test_title_entities_are_decoded_and_nfc() -> None:
    # WordPress writes entities into JSON-LD strings, where no HTML parser decodes them;
    # and a decomposed "é" (e + combining accent) is stored composed.
    ld = {
        "@type": "NewsArticle",
        "headline": "&#8216;Night trains&#8217; are back &amp; cafe\u0301s stay open&nbsp;late",
    }
    assert fields(page(ld=ld))["title"] == "‘Night trains’ are back & cafés stay open late"


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        # The site name as og:site_name says it (here spelled "og:site:name", as one CMS does).
        (
            '<meta property="og:title" content="Steigende Zinsen setzen Dax zu | Börsen-Zeitung">'
            '<meta property="og:site:name" content="Börsen-Zeitung">',
            URL,
            "Steigende Zinsen setzen Dax zu",
        ),
        # The host's name and a date: "Headline – DW – 28.04.2023".
        (
            '<meta property="og:title" content="Was wissen wir? – DW – 13.06.2023">',
            "https://www.dw.example/de/was-wissen-wir/a-1",
            "Was wissen wir?",
        ),
        # A longer form of the host's name.
        (
            '<meta property="og:title" '
            'content="„Unermüdlicher Einsatz“ - Die Neue Südtiroler Tageszeitung">',
            "https://www.tageszeitung.example/2025/04/01/einsatz/",
            "„Unermüdlicher Einsatz“",
        ),
        # Japanese titles end in a full-width colon and the site's name.
        (
            '<meta property="og:title" content="南海トラフ、一時調査：中日新聞Web">'
            '<meta property="og:site_name" content="中日新聞Web">',
            URL,
            "南海トラフ、一時調査",
        ),
        # A kicker before the headline is the headline's, not a site name: kept.
        (
            '<meta property="og:title" content="Vierschanzentournee | Skisprung-Zoff ums Material">'
            '<meta property="og:site_name" content="Tageblatt.lu">',
            URL,
            "Vierschanzentournee | Skisprung-Zoff ums Material",
        ),
    ],
)
def test_title_loses_the_site_name_and_date(head: str, url: str, expected: str) -> None:
    assert fields(page(head), url)["title"] == expected


def _two_headlines(breadcrumb: str, header: str) -> str:
    """A page whose JSON-LD and breadcrumb trail name the search engines' headline, and
    whose article header and og:title the readers'."""
    ld = {"@type": "NewsArticle", "headline": "Rail operator announces night service"}
    og_title = "Valley Courier" if "Valley Courier" in header else "Night trains are back"
    return (
        f'<html lang="en"><head><meta property="og:title" content="{og_title}">'
        '<meta property="og:site_name" content="Valley Courier">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body>'
        f"{breadcrumb}<article><header>{header}</header>{BODY}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("breadcrumb", "header", "expected"),
    [
        # The JSON-LD headline is the breadcrumb's <h1>, og:title the article's heading
        # (after a kicker, in a span of its own): the page shows og:title.
        (
            '<nav><ol><li><a href="/">Home</a></li>'
            "<li><h1>Rail operator announces night service</h1></li></ol></nav>",
            '<h2><span class="kicker">Transport</span><span>Night trains are back</span></h2>',
            "Night trains are back",
        ),
        # A breadcrumb trail that is a list classed so, not a <nav>.
        (
            '<ul class="breadcrumb"><li><h1>Rail operator announces night service</h1></li></ul>',
            "<h2>Night trains are back</h2>",
            "Night trains are back",
        ),
        # The same trails by their shape alone, whatever their class names: the heading
        # as a list's last item after linked items, or after links in a row.
        (
            '<ul class="x1"><li><a href="/">Home</a></li><li><a href="/transport">Transport'
            "</a></li><li><h1>Rail operator announces night service</h1></li></ul>",
            "<h2>Night trains are back</h2>",
            "Night trains are back",
        ),
        (
            '<div class="x2"><span><a href="/">Home</a> » <a href="/transport">Transport</a> »'
            " <h1>Rail operator announces night service</h1></span></div>",
            "<h2>Night trains are back</h2>",
            "Night trains are back",
        ),
        # one section link over the heading is a kicker, not a trail
        (
            '<div class="x3"><a href="/transport">Transport</a>'
            "<h1>Rail operator announces night service</h1></div>",
            "<h2>Night trains are back</h2>",
            "Rail operator announces night service",
        ),
        # The JSON-LD headline shown as the article's heading: it stays.
        (
            "",
            "<h1>Rail operator announces night service</h1><h2>Night trains are back</h2>",
            "Rail operator announces night service",
        ),
        # og:title shown, but the JSON-LD headline not in a breadcrumb: JSON-LD first.
        ("", "<h1>Night trains are back</h1>", "Rail operator announces night service"),
        # og:title is the site's name, which the page shows in its logo: not a headline.
        (
            "<nav><h1>Rail operator announces night service</h1></nav>",
            "<h1>Valley Courier</h1>",
            "Rail operator announces night service",
        ),
        # The breadcrumb shows the JSON-LD headline, the page does not show og:title.
        (
            "<nav><h1>Rail operator announces night service</h1></nav>",
            "<h1>Night trains: what changes in June</h1>",
            "Rail operator announces night service",
        ),
    ],
)
def test_title_is_the_readers_headline_not_the_breadcrumbs(
    breadcrumb: str, header: str, expected: str
) -> None:
    assert fields(_two_headlines(breadcrumb, header))["title"] == expected


# --- authors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By TOM KRISHER, AP Auto Writer", ["TOM KRISHER"]),
        ("Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"]),
        ("By MEG KINNARD and ERRIN HAINES", ["MEG KINNARD", "ERRIN HAINES"]),
        ("Von Birgit Baumann und Anna Giulia Fink", ["Birgit Baumann", "Anna Giulia Fink"]),
        ("Ein Kommentar von Nicole Opitz", ["Nicole Opitz"]),
        ("Autor: Monika Bolliger", ["Monika Bolliger"]),
        ("Текст Венера Ерофеева", ["Венера Ерофеева"]),
        ("Por Luna González y Marta Cañete", ["Luna González", "Marta Cañete"]),
        ("Par Claire Martin et Paul Durand", ["Claire Martin", "Paul Durand"]),
        ("di Marco Rossi e Luca Bianchi", ["Marco Rossi", "Luca Bianchi"]),
        ("Door Anne de Vries en Joost Bakker", ["Anne de Vries", "Joost Bakker"]),
        ("Av Per Olsen og Kari Nordmann", ["Per Olsen", "Kari Nordmann"]),
        ("Anna Svensson och Erik Lind", ["Anna Svensson", "Erik Lind"]),
        ("Ayşe Yılmaz ve Mehmet Demir", ["Ayşe Yılmaz", "Mehmet Demir"]),
        ("Amina Juma na Baraka Mwita", ["Amina Juma", "Baraka Mwita"]),
        ("Joan Puig i Maria Vidal", ["Joan Puig", "Maria Vidal"]),
        # A one-letter conjunction inside one person's name is not a split.
        ("José Ortega y Gasset", ["José Ortega y Gasset"]),
        # Particles stay: "von" inside a name is not a label.
        ("Ursula von der Leyen", ["Ursula von der Leyen"]),
        ("Mats af Ugglas", ["Mats af Ugglas"]),
        # Roles, credentials, dates and addresses are not names.
        ("Sophie Foster Travel News Reporter", ["Sophie Foster"]),
        ("Nicole Opitz Redakteurin", ["Nicole Opitz"]),
        # roles the author-box rule knew before the byline parser did (one list now)
        ("Marta Ruiz Garcia Columnista", ["Marta Ruiz Garcia"]),
        ("Lena Berg Volontärin", ["Lena Berg"]),
        ("Ilana Muhlstein, MS, RDN", ["Ilana Muhlstein"]),
        ("Jeff Foust Monday, November", ["Jeff Foust"]),
        ("Carrie Arnold November 19, 2019", ["Carrie Arnold"]),
        ("NOVEMBER 20, 2019 10:43", []),
        ("ERIC TUCKER Associated Press", ["ERIC TUCKER"]),
        ("d.kuckelkorn@boersen-zeitung.example", []),
        ("Dieter Kuckelkorn (d.kuckelkorn@boersen-zeitung.example)", ["Dieter Kuckelkorn"]),
        ("Martin Luther King, Jr.", ["Martin Luther King Jr."]),
        ("admin", []),
        ("kei_eno", []),
        # Short names are kept as written.
        ("Theresa May", ["Theresa May"]),
        ("Dr. Max Kolter", ["Dr. Max Kolter"]),
        ("배윤경 · 이상현", ["배윤경", "이상현"]),
        # labels as more languages write them, written from how bylines read (not from a
        # dev page)
        ("Írta: Kovács János", ["Kovács János"]),
        ("Muhabir: Ahmet Yılmaz", ["Ahmet Yılmaz"]),
        ("Toimittaja Matti Meikäläinen", ["Matti Meikäläinen"]),
        ("Skrevet av Ola Nordmann", ["Ola Nordmann"]),
        ("Por: João Silva", ["João Silva"]),
        ("Redação: João Silva", ["João Silva"]),
        ("Oleh: Budi Santoso", ["Budi Santoso"]),
        ("Автор: Иван Иванов", ["Иван Иванов"]),
        ("Piše: Ivan Horvat", ["Ivan Horvat"]),
        ("Autor/in: Anna Muster", ["Anna Muster"]),
        ("Bởi Nguyễn Văn An", ["Nguyễn Văn An"]),
        ("Imeandikwa na Juma Hamisi", ["Juma Hamisi"]),
        ("A cura di Mario Rossi", ["Mario Rossi"]),
        ("Di Mario Rossi", ["Mario Rossi"]),
        ("記者 山田太郎", ["山田太郎"]),
        ("山田太郎記者", ["山田太郎"]),
        ("홍길동 기자", ["홍길동"]),
        ("文/王小明", ["王小明"]),
        # ... and names that begin like one: a first name, a surname's particle
        ("Oleh Sukhov", ["Oleh Sukhov"]),
        ("Di Maio", ["Di Maio"]),
        ("Luigi Di Maio", ["Luigi Di Maio"]),
        ("De La Hoya", ["De La Hoya"]),
        ("Tom Byrne", ["Tom Byrne"]),
        # the agency in brackets, the photographer beside the writer; a dash parts no names
        ("Jane Doe (dpa)", ["Jane Doe", "dpa"]),
        ("Chris Wilson-Smith", ["Chris Wilson-Smith"]),
        ("PMJS - Coordenadoria de TI", ["PMJS - Coordenadoria de TI"]),
        ("Text: Anna Muster, Fotos: Max Muster", ["Anna Muster"]),
    ],
)
def test_byline_names(byline: str, expected: list[str]) -> None:
    assert byline_names(byline) == expected


@pytest.mark.parametrize(
    ("byline", "sites", "people", "organisations"),
    [
        ("Sandee LaMotte, CNN", ["edition.cnn.example"], ["Sandee LaMotte"], ["CNN"]),
        ("Jill Disis, CNN Business", ["cnn.example"], ["Jill Disis"], ["CNN Business"]),
        (
            "Tanza Loudenback, Business Insider",
            ["www.businessinsider.example"],
            ["Tanza Loudenback"],
            ["Business Insider"],
        ),
        ("Troy L. Smith, Cleveland.com", [], ["Troy L. Smith"], ["Cleveland.com"]),
        (
            "Amy Kuperinsky | NJ Advance Media for NJ.com",
            [],
            ["Amy Kuperinsky"],
            ["NJ Advance Media for NJ.com"],
        ),
        ("Deutsche Welle (www.dw.example)", [], [], ["Deutsche Welle"]),
        ("hessenschau.de, Frankfurt, Germany", [], [], ["hessenschau.de", "Frankfurt", "Germany"]),
        ("Le Figaro et AFP", ["Le Figaro"], [], ["Le Figaro", "AFP"]),
        ("The Associated Press", [], [], ["The Associated Press"]),
        ("Redaktion hessenschau.de", [], [], ["Redaktion hessenschau.de"]),
        ("STERN.de", [], [], ["STERN.de"]),
        ("Jane Doe (dpa)", [], ["Jane Doe"], ["dpa"]),
    ],
)
def test_credits_tell_people_from_organisations(
    byline: str, sites: list[str], people: list[str], organisations: list[str]
) -> None:
    found = credits(byline, sites)
    assert [c.name for c in found if c.person] == people
    assert [c.name for c in found if not c.person] == organisations


def test_authors_drop_the_publisher_when_a_person_is_named() -> None:
    ld = {
        "@type": "NewsArticle",
        "headline": "Night trains return",
        "author": [
            {"@type": "Person", "name": "Paula Steiger"},
            {"@type": "Organization", "name": "SDA"},
        ],
    }
    assert fields(page(ld=ld))["authors"] == ["Paula Steiger"]


def test_authors_keep_the_organisation_when_no_person_is_named() -> None:
    ld = {
        "@type": "NewsArticle",
        "headline": "Night trains return",
        "author": {"@type": "Organization", "name": "Associated Press"},
    }
    assert fields(page(ld=ld))["authors"] == ["Associated Press"]


def test_authors_look_for_a_person_in_the_byline_when_markup_names_the_site() -> None:
    # The meta tag names the site; the page's byline names the writer.
    head = '<meta name="author" content="mdr.de"><meta property="og:site_name" content="mdr.de">'
    byline = '<div class="author">Von David Straub</div>'
    assert fields(page(head, before=byline), "https://www.mdr.example/a.html")["authors"] == [
        "David Straub"
    ]


def test_authors_skip_an_email_address_for_the_byline_name() -> None:
    head = '<meta name="author" content="a.sleegers@boersen-zeitung.example">'
    byline = '<p class="byline"><span class="author">Anna Sleegers</span></p>'
    assert fields(page(head, before=byline))["authors"] == ["Anna Sleegers"]


def test_authors_follow_json_ld_references_to_person_nodes() -> None:
    # Yoast SEO (WordPress) writes the author as a reference into its @graph.
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "@id": URL + "#article",
                "headline": "Night trains return",
                "author": {"@id": "https://www.valley-courier.example/#/schema/person/1f3"},
            },
            {
                "@type": "Person",
                "@id": "https://www.valley-courier.example/#/schema/person/1f3",
                "name": "Lewis White",
            },
        ],
    }
    assert fields(page(ld=graph))["authors"] == ["Lewis White"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Desk handles in a microdata author, kept as written (not split at "/", not
        # title-cased into "Nrw; Abcd; Xyz").
        (
            BODY + '<p class="reference">Radio 1, 3.5.2026; <span itemprop="author">nrw/abcd;xyz'
            "</span></p>",
            ["nrw/abcd", "xyz"],
        ),
        # A Person item: its name, not the date the page marks as a name beside it; not
        # an image credit; not the author of a teaser of another story.
        (
            '<figure><img src="a.jpg"><figcaption><span itemprop="author">Foto: Lena Berg'
            "</span></figcaption></figure>"
            '<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
            '<span itemprop="name">By Mara Lindqvist</span>'
            '<span itemprop="name">MAY 3, 2026 10:43</span></div>' + BODY + "<div itemscope "
            'itemtype="https://schema.org/Article"><h3>Buses at night</h3><p itemprop="author">'
            "Tom Other</p></div>",
            ["Mara Lindqvist"],
        ),
    ],
)
def test_authors_from_microdata_when_json_ld_and_meta_name_none(
    body: str, expected: list[str]
) -> None:
    assert fields(page(body=body))["authors"] == expected


def test_authors_from_links_to_author_pages_when_nothing_else_names_one() -> None:
    byline = (
        '<p class="reader__meta-info">von <a href="/autoren/name/max-kolter">Dr. Max Kolter</a>'
        '</p><aside><a href="/autoren/name/other-writer">Other Writer</a></aside>'
    )
    head = '<meta name="author" content="LTO">'
    assert fields(page(head, before=byline), "https://www.lto.example/recht/a")["authors"] == [
        "Dr. Max Kolter"
    ]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # a metadata list whose item holds the label and the linked names
        (
            '<ul><li>3 Minuten Lesezeit</li><li class="information-item">Von: <span>'
            '<a href="/bill-mccarthy">Bill  MCCARTHY</a>, </span><span>'
            '<a href="/marisha-goldhamer">Marisha GOLDHAMER</a></span></li></ul>',
            ["Bill MCCARTHY", "Marisha GOLDHAMER"],
        ),
        # a label element, the name after it
        ("<ul><li><strong>Autorin/Autor</strong> Roman Weber</li></ul>", ["Roman Weber"]),
        ('<p><span>Írta:</span> <a href="/szerzo/kovacs">Kovács János</a></p>', ["Kovács János"]),
        ("<div><b>Penulis:</b> Budi Santoso</div>", ["Budi Santoso"]),
        # the name and the role in elements side by side, read apart
        (
            '<div><span>By</span> <a href="/people/jane-rowe">Jane Rowe</a><span>News Reporter'
            "</span></div>",
            ["Jane Rowe"],
        ),
    ],
)
def test_authors_from_the_names_after_a_byline_label(byline: str, expected: list[str]) -> None:
    """Nothing but the names after "Von:", "Autorin/Autor" or "By" names a person; the
    JSON-LD names an organisation, which the byline heuristic finds again as a name."""
    ld = {
        "@type": "NewsArticle",
        "headline": "Night trains return",
        "author": {"@type": "Organization", "name": "Valley Courier Media"},
    }
    assert fields(page(ld=ld, before=byline))["authors"] == expected


@pytest.mark.parametrize(
    "byline",
    [
        "<p>Von: <!-- author --><a href='/a/anna-berg'>Anna Berg</a><!-- /author --></p>",
        "<p><b>By</b><!-- x --> Anna Berg</p>",
    ],
)
def test_the_names_after_a_label_skip_html_comments(byline: str) -> None:
    """A tree parsed with its comments (a CMS's markers beside the names): they are no
    text, and no error."""
    tree = lxml.html.fromstring(page(before=byline))

    assert PageHeuristics(tree, URL).labelled_bylines == ["Anna Berg"]


def test_an_organisation_in_the_metadata_is_no_person_when_a_byline_repeats_it() -> None:
    head = '<meta name="author" content="Deutsche Welle (www.dw.example)">'
    byline = (
        '<div class="author">Deutsche Welle</div>'
        "<ul><li><strong>Autorin/Autor</strong> Roman Weber</li></ul>"
    )
    assert fields(page(head, before=byline))["authors"] == ["Roman Weber"]


def test_authors_not_from_links_to_pages_about_people() -> None:
    byline = '<p>Donald <a href="/profile/donald-trump">Donald Trump</a> said</p>'
    ld = {
        "@type": "NewsArticle",
        "headline": "Night trains return",
        "author": {"@type": "Organization", "name": "Al Jazeera"},
    }
    assert fields(page(ld=ld, before=byline))["authors"] == ["Al Jazeera"]


def test_authors_split_one_string_of_names() -> None:
    head = (
        '<meta name="author" '
        'content="Mamokete Modiba, Claire Benit-Gbaffou, Sarah Charlton and Tanya Zack">'
    )
    assert fields(page(head))["authors"] == [
        "Mamokete Modiba",
        "Claire Benit-Gbaffou",
        "Sarah Charlton",
        "Tanya Zack",
    ]


# --- dates ------------------------------------------------------------------------


def test_published_keeps_the_time_htmldate_finds() -> None:
    # No declared publication date: htmldate's search finds it, with its time of day.
    # (Its default output format is the day alone, which is where the time was lost.)
    head = '<meta property="og:updated_time" content="2026-05-13T15:44:29+02:00">'
    assert fields(page(head))["published"] == "2026-05-13T15:44:29+02:00"


def test_published_stays_a_day_when_the_page_gives_no_time() -> None:
    tree = load_html(page(before='<p class="date">Published 13 May 2026</p>'))
    assert PageHeuristics(tree, URL).date == "2026-05-13"


@pytest.mark.parametrize(
    ("line", "day", "expected"),
    [
        ('<span class="article-publish-date">November 19, 2019, 9:02 AM</span>', "2019-11-19",
         "2019-11-19T09:02:00"),
        ('<div class="publish-date">Published 11:11 PM EST Nov 19</div>', "2019-11-19",
         "2019-11-19T23:11:00"),
        ('<span class="meta_date">erstellt: <b>01. April 2025, 15:25</b></span>', "2025-04-01",
         "2025-04-01T15:25:00"),
        ('<span class="date"> 13.11.2019, 23:06 </span>', "2019-11-13", "2019-11-13T23:06:00"),
        ('<p class="article__meta">on Monday, November 18th, 2019 at 11:04 a.m.</p>',
         "2019-11-18", "2019-11-18T11:04:00"),
        ('<div class="article_date">November 20, 2019 - 11:28 AMT</div>', "2019-11-20",
         "2019-11-20T11:28:00"),
        # Another day's time is not this day's; nor is a date read as a time.
        ('<p class="date">Updated November 20, 2019 at 10:00 a.m.</p>', "2019-11-19", None),
        ('<p class="date">12.05.2024</p>', "2024-05-12", None),
        ('<p class="story">The meeting starts at 10:30 on 19 November.</p>', "2019-11-19", None),
    ],
)  # fmt: skip
def test_published_day_takes_the_time_shown_beside_it(
    line: str, day: str, expected: str | None
) -> None:
    assert PageHeuristics(load_html(page(before=line)), URL).time_on(day) == expected


@pytest.mark.parametrize(
    ("under", "expected"),
    [
        # a date line under the headline, whatever its class names
        ('<p class="x9">erstellt: <b>01. April 2025, 15:25</b></p>', "2025-04-01T15:25:00"),
        # a sentence that names a time is no date line
        ("<p>The meeting starts at 15:25 on 1 April 2025, the mayor said.</p>", None),
        ("<p>Kickoff: 1 April 2025 at 15:25 in the town hall, with a band.</p>", None),
    ],
)
def test_published_day_takes_the_time_shown_under_the_headline(
    under: str, expected: str | None
) -> None:
    tree = load_html(page(body=under + BODY))
    assert PageHeuristics(tree, URL).time_on("2025-04-01") == expected


def test_published_takes_the_time_of_the_same_day_from_another_source() -> None:
    ld = {"@type": "NewsArticle", "headline": "Night trains return", "datePublished": "2024-04-15"}
    head = '<meta property="article:published_time" content="2024-04-15T13:38:00+02:00">'
    assert fields(page(head, ld=ld))["published"] == "2024-04-15T13:38:00+02:00"


def test_published_from_a_meta_name_spelled_with_other_separators() -> None:
    head = '<meta property="article:published:time" content="2024-10-23T15:48:15+00:00">'
    assert fields(page(head))["published"] == "2024-10-23T15:48:15+00:00"


def test_meta_name_variants_count_as_the_standard_name() -> None:
    html = (
        '<html><head><meta property="og:site:name" content="Börsen-Zeitung">'
        '<meta name="og:article:published_time" content="2024-01-01T10:00:00Z">'
        '<meta property="og:site_name" content="Kept"></head><body></body></html>'
    )
    meta = read_structured_data(load_html(html)).meta
    assert meta["og:site_name"] == "Kept"  # the standard spelling wins where present
    assert meta["article:published_time"] == "2024-01-01T10:00:00Z"


def test_article_published_is_the_publication_time() -> None:
    head = '<meta property="article:published" content="2019-11-19T11:00:09.000Z">'
    assert fields(page(head))["published"] == "2019-11-19T11:00:09+00:00"


# --- language ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [(ZULU, "zu"), (SWAHILI, "sw"), (JAPANESE, "ja"), (KOREAN, "ko"), (GERMAN, "de")],
)
def test_detect_language_gives_iso_639_1(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_detect_language_is_none_on_too_little_text() -> None:
    assert detect_language("Hello") is None
    assert detect_language("12 34 56 78 90 12 34 56") is None


@pytest.mark.parametrize(
    ("declared", "text", "expected"),
    [
        ("en", ZULU, "zu"),  # a WordPress default `lang="en-US"` over a Zulu article
        ("en", SWAHILI, "sw"),
        ("de", "The city council said on Monday that the tram line will be rebuilt. " * 3, "en"),
        ("de", GERMAN, "de"),  # markup and text agree: markup's code
        ("no", "Regjeringen la fram statsbudsjettet for neste år i dag. " * 3, "no"),
        ("en", "Sawubona", "en"),  # too short to read: markup decides
        (None, JAPANESE, "ja"),
        (None, "ok", None),
    ],
)
def test_choose_language(declared: str | None, text: str, expected: str | None) -> None:
    assert choose_language(declared, text) == expected


def test_page_language_follows_the_text_over_a_template_default() -> None:
    body = "".join(f"<p>{sentence}.</p>" for sentence in ZULU.split(". "))
    assert fields(page(body=body, lang="en-US"))["language"] == "zu"


@pytest.mark.parametrize(
    ("markup", "trail"),
    [
        ('<ol><li><a href="/">Home</a></li><li><h1>Headline</h1></li></ol>', True),
        ('<p><a href="/">Home</a> › <a href="/news">News</a> › <h1>Headline</h1></p>', True),
        # a list's heading over its links, and a kicker link over a headline
        ('<div><h2>Most read</h2><a href="/a">One</a><a href="/b">Two</a></div>', False),
        ('<div><a href="/news">News</a><h1>Headline</h1></div>', False),
        ('<ol><li><h1>Headline</h1></li><li><a href="/">Next</a></li></ol>', False),
    ],
)
def test_a_link_trail_is_known_by_its_shape(markup: str, trail: bool) -> None:
    heading = lxml.html.fromstring(f"<html><body>{markup}</body></html>").xpath("//h1|//h2")[0]

    assert ends_a_link_trail(heading) is trail


@pytest.mark.parametrize(
    "card",
    [
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Jane Doe">',
        '<meta name="twitter:label1" content="Geschätzte Lesezeit">'
        '<meta name="twitter:data1" content="3 Minuten">'
        '<meta name="twitter:label2" content="Verfasst von">'
        '<meta name="twitter:data2" content="Jane Doe">',
        '<meta name="twitter:misc:Written by" content="Jane Doe">',
    ],
)
def test_the_author_a_twitter_cards_label_names_is_the_last_resort(card: str) -> None:
    """Yoast SEO's card fields name the author where no byline does."""
    html = f"<html><head>{card}</head><body><article>{BODY}</article></body></html>"

    assert fields(html)["authors"] == ["Jane Doe"]


def test_a_byline_beats_the_twitter_cards_label() -> None:
    """The card names only the first author; the byline names them all."""
    card = (
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Jane Doe">'
    )
    byline = '<p class="byline">By Jane Doe and Max Roe</p>'
    html = f"<html><head>{card}</head><body><article>{byline}{BODY}</article></body></html>"

    assert fields(html)["authors"] == ["Jane Doe", "Max Roe"]


class _UnsureOnShortSamples:
    """A detector that is unsure of 600 characters and sure of more (as py3langid is of a
    Zulu article under an English photo credit)."""

    def classify(self, sample: str) -> tuple[str, float]:
        return ("zu", 0.85) if len(sample) <= 600 else ("zu", 0.99)


def test_a_longer_sample_decides_when_the_detector_is_unsure_of_the_opening(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newscrawl.extraction.language as language

    monkeypatch.setattr(language, "_identifier", _UnsureOnShortSamples)
    opening = "Umbhalo " * 70  # 560 characters

    assert choose_language("en", opening) == "en"  # no more text to read: the markup
    assert choose_language("en", opening * 3) == "zu"
