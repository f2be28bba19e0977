"""Positive tests, text level: related-headline tails, teaser lines and closing lines go.

One invented article per language the phrase lists cover (en, de, fr, es, pt, it, pl, nl),
each followed by the tail its sites append: a header, then headlines.
"""

from __future__ import annotations

import pytest

from newscrawl import clean_text
from newscrawl.cleaning import (
    KnownHeadlines,
    remove_boilerplate,
    remove_chrome_lines,
    strip_tail,
    tail,
)

#: language -> (article lines, tail header, tail headlines)
ARTICLES: dict[str, tuple[list[str], str, list[str]]] = {
    "en": (
        [
            "The regional rail operator will run night trains between the two cities from June.",
            "Tickets go on sale next month and will cost about the same as a day return.",
        ],
        "Read more",
        ["Airport expansion delayed again", "Ferry timetable changes this winter"],
    ),
    "de": (
        [
            "Der regionale Bahnbetreiber will ab Juni Nachtzüge zwischen den beiden Städten "
            "einsetzen.",
            "Die Fahrkarten kommen im nächsten Monat in den Verkauf und kosten etwa so viel "
            "wie eine Tageskarte.",
        ],
        "Mehr zum Thema",
        ["Flughafenausbau erneut verschoben", "Neuer Fahrplan für die Fähren im Winter"],
    ),
    "fr": (
        [
            "L'opérateur ferroviaire régional fera circuler des trains de nuit entre les deux "
            "villes dès juin.",
            "Les billets seront mis en vente le mois prochain, au prix d'un aller-retour.",
        ],
        "À lire aussi",
        [
            "L'extension de l'aéroport encore reportée",
            "Les horaires des ferries changent cet hiver",
        ],
    ),
    "es": (
        [
            "El operador ferroviario regional pondrá trenes nocturnos entre las dos ciudades "
            "a partir de junio.",
            "Los billetes saldrán a la venta el mes que viene y costarán lo mismo que una ida "
            "y vuelta.",
        ],
        "VEA TAMBIÉN",
        ["La ampliación del aeropuerto, aplazada de nuevo", "Cambian los horarios del ferri"],
    ),
    "pt": (
        [
            "A operadora ferroviária regional vai ter comboios noturnos entre as duas cidades "
            "a partir de junho.",
            "Os bilhetes começam a ser vendidos no próximo mês e custam o mesmo que uma ida e "
            "volta.",
        ],
        "Leia também",
        ["Ampliação do aeroporto volta a ser adiada", "Horários dos ferries mudam no inverno"],
    ),
    "it": (
        [
            "L'operatore ferroviario regionale farà viaggiare treni notturni tra le due città "
            "da giugno.",
            "I biglietti saranno in vendita dal mese prossimo e costeranno quanto un andata e "
            "ritorno.",
        ],
        "Leggi anche",
        ["Ampliamento dell'aeroporto di nuovo rinviato", "Cambiano gli orari dei traghetti"],
    ),
    "pl": (
        [
            "Regionalny przewoźnik kolejowy od czerwca uruchomi nocne pociągi między oboma "
            "miastami.",
            "Bilety trafią do sprzedaży w przyszłym miesiącu i będą kosztować tyle co bilet "
            "powrotny.",
        ],
        "Czytaj też",
        ["Rozbudowa lotniska znów opóźniona", "Zmiany w rozkładzie promów zimą"],
    ),
    "nl": (
        [
            "De regionale spoorvervoerder laat vanaf juni nachttreinen rijden tussen de twee "
            "steden.",
            "De kaartjes gaan volgende maand in de verkoop en kosten evenveel als een retour.",
        ],
        "Lees ook",
        [
            "Uitbreiding van het vliegveld opnieuw uitgesteld",
            "Nieuwe dienstregeling voor veerboten",
        ],
    ),
}


@pytest.mark.parametrize("language", ARTICLES)
def test_tail_after_a_header_is_cut(language: str) -> None:
    article, header, headlines = ARTICLES[language]
    text = "\n".join([*article, header, *headlines])

    cleaned, removed = strip_tail(text)

    assert cleaned == "\n".join(article)
    assert removed == [header, *headlines]


@pytest.mark.parametrize("language", ARTICLES)
def test_tail_header_with_a_colon_and_in_capitals_is_cut(language: str) -> None:
    article, header, headlines = ARTICLES[language]
    text = "\n".join([*article, f"{header.upper()}:", *headlines])

    assert clean_text(text) == "\n".join(article)


@pytest.mark.parametrize(
    "header",
    [
        "Suggested Reading",
        "More to explore",
        "People are also reading",
        "What's Hot",
        "Lesetipps",
        "Actualités liées",
        "Contenido relacionado",
        "Mest læst",
        "Suosituimmat",
        "Další zprávy",
        "Дивіться також",
        "İlgili Haberler",
        "Weiterführende Links",
        # a recommendation widget's own header, and "... right now"
        *("Promoted Links by Taboola", "Sponsored Links", "Paid Content", "From the Web"),
        *("More Stories From The Courier", "Related Videos", "Popular Right Now", "Next Up"),
        "What Everyone Is Reading",
        # one related story, in the singular
        *("Noticia relacionada", "Artigo relacionado", "Articolo correlato", "Article lié"),
        *("Bunu da okuyun", "קראו גם"),
        # headers in the languages of more news sites
        *("Friss hírek", "Articole recomandate", "Περισσότερα", "Doporučujeme", "Tuoreimmat"),
        *("Tin khác", "บทความแนะนำ", "הנקראים ביותר", "Polecane", "Най-четени"),
        *("Povezani članci", "Taip pat skaitykite", "Berita berkaitan", "Basahin din"),
        *("اخبار مرتبط", "আরও পড়ুন", "متعلقہ خبریں"),
        *("Notas relacionadas", "Assuntos relacionados", "Dello stesso autore"),
        *("Nos dernières actualités", "Ebenfalls lesenswert", "Zum Weiterlesen"),
        *("Diese Artikel könnten Sie auch interessieren", "Aus dem Ressort"),
        # news themes' and WordPress's own translations: related posts, "More from
        # author", post navigation
        *("ARTICLES CONNEXES", "Similaire", "Relaterade", "MÁS DEL AUTOR", "MAIS DO AUTOR"),
        *("PLUS DE L'AUTEUR", "ALTRO DALL'AUTORE", "Altri articoli", "Meer artikelen"),
        *("Das könnte Ihnen auch gefallen", "Vous pourriez aussi aimer", "Lisez aussi"),
        *("Talvez você goste", "Du kanske också gillar", "También te puede gustar"),
        *("Siguiente entrada", "Publication précédente", "Post successivo", "Nästa inlägg"),
    ],
)
def test_tail_under_a_header_of_another_wording_is_cut(header: str) -> None:
    # Header wordings written from what news sites print, not from a benchmark page.
    article, _, headlines = ARTICLES["en"]
    text = "\n".join([*article, header, *headlines])

    assert clean_text(text) == "\n".join(article)


@pytest.mark.parametrize(
    "teaser",
    [
        "Read more: Airport expansion delayed again",
        "Lesen Sie auch: Flughafenausbau erneut verschoben",
        "À lire aussi : L'extension de l'aéroport encore reportée",
        "Leia também: Ampliação do aeroporto volta a ser adiada",
        "Related: Ferry timetable changes this winter",
        "FUNDA OLUNYE UDABA LAPHA | Kuvulwe umgwaqo omusha eMgungundlovu",
        "(Leggi anche su: Ampliamento dell'aeroporto di nuovo rinviato)",
        "[Read more: Airport expansion delayed again]",
    ],
)
def test_teaser_line_inside_the_article_is_removed(teaser: str) -> None:
    first, second = ARTICLES["en"][0]
    text = f"{first}\n{teaser}\n{second}"

    cleaned, removed = remove_boilerplate(text)

    assert cleaned == f"{first}\n{second}"
    assert removed == [teaser]


def test_headlines_marked_as_list_items_are_cut_without_a_header() -> None:
    article = ARTICLES["en"][0]
    tail = ["-", "Airport expansion delayed again -", "Ferry timetable changes this winter -"]

    assert clean_text("\n".join([*article, *tail])) == "\n".join(article)


def test_title_case_headlines_after_the_last_sentence_are_cut() -> None:
    article = ARTICLES["en"][0]
    tail = [
        "Airport Expansion Delayed Again After Court Ruling",
        "Ferry Timetable Changes This Winter",
        "City Council Approves Budget For Cycle Lanes",
        "New Museum Opens Its Doors In The Old Harbour",
    ]

    assert clean_text("\n".join([*article, *tail])) == "\n".join(article)


# Any arrow, shape or emoji a site sets before its items is a bullet ("🔴", "✔", "➡️").
@pytest.mark.parametrize(
    "bullet", ["", "- ", "• ", "» ", "› ", "→ ", "● ", "▸ ", "🔴 ", "✔ ", "◾ ", "➡️ "]
)
@pytest.mark.parametrize(
    "headlines",
    [
        [
            "Harbour Lantern Festival draws record crowds to Elmsford",
            "Why the Millbrook ferry may stop running in 2026",
            "Northgate mayor resigns over housing plan",
        ],
        [
            "Detenido en Oviedo un conductor que circulaba sin carné",
            "La Liga aplaza el partido del domingo por la lluvia",
            "Cinco claves para entender la nueva ley de vivienda",
            "Muere a los 90 años el pintor Julián Ortega",
        ],
        [
            "Streik bei der Bahn: Was Pendler in Bayern jetzt wissen müssen",
            "Neues Museum in Leipzig öffnet im Herbst - so teuer wird ein Ticket",
            "Warum der Bodensee immer wärmer wird",
        ],
    ],
    ids=["en", "es", "de"],
)
def test_unrelated_headlines_that_name_things_go_without_a_header(
    headlines: list[str], bullet: str
) -> None:
    # The seed's tail and cbssports.com's: stories on other subjects after the last
    # paragraph, no header, no marker; each names someone or something, no two share a word.
    article = ARTICLES["en"][0]
    text = "\n".join([*article, *(bullet + h for h in headlines)])

    assert clean_text(text) == "\n".join(article)


def test_headlines_of_other_stories_on_the_articles_subject_go_without_a_header() -> None:
    # space.com: a related list names the article's subject in some of its headlines
    # ("Europa" in two of three); sharing the subject does not make them one list.
    article = [
        "Astronomers using the twin telescopes on Mauna Kea have found water vapour above "
        "the surface of Europa, the icy moon that orbits Jupiter.",
        "A probe due to launch later this decade could fly through the vapour and sample it.",
    ]
    tail = [
        "- Probe To Europa Could Spot Signs Of Life, Scientists Say",
        "- Photos: Europa, The Frozen Moon Of A Giant Planet",
        "- Hawaiian Observatory Marks 25 Years On The Volcano",
    ]

    assert clean_text("\n".join([*article, *tail])) == "\n".join(article)


def test_a_long_run_of_headlines_may_share_a_common_word_now_and_then() -> None:
    # Eight headlines of a "Most read" list share a word here and there ("after"), as any
    # eight headlines do; an article's own list shares one in most of its lines.
    tail = [
        "Harbour Lantern Festival draws record crowds to Elmsford",
        "Millbrook ferry may stop running after 2026",
        "Northgate mayor Ann Pike resigns over housing plan",
        "Valley Timber Company cuts 200 jobs",
        "Ridgefield High reopens after flood repairs",
        "Oakley farmers count the cost of a dry summer in the Vale",
        "Weston library wins the Civic Design Prize",
        "Eastbury residents fight Stonegate quarry plan",
    ]

    assert _cut(tail) == PARAGRAPH


@pytest.mark.parametrize(
    "tail",
    [
        [
            "Harbour Lantern Festival draws record crowds after rain",
            "Millbrook ferry may stop running after 2026",
            "Northgate mayor Ann Pike resigns over housing plan",
        ],
        [
            "Stadtrat stimmt über neue Radwege in Elmsford ab",
            "Warum die Fähre nach Millbrook nicht mehr fährt",
            "Bürgermeisterin Anna Pike will nicht mehr kandidieren",
        ],
    ],
    ids=["after", "nicht"],
)
def test_three_headlines_may_share_a_word_of_grammar(tail: list[str]) -> None:
    # A real related list of three often has two sharing "after", "about", "nicht",
    # "sobre": words that say nothing of a subject (benchmarks/related_lists.py).
    assert _cut(tail) == PARAGRAPH


def test_a_bullet_is_no_word_of_a_headline() -> None:
    # mirror.co.uk: a headline of 25 words, the longest a headline may be, bulleted.
    longest = (
        "'LANTERNS FOR EVERYONE': Harbour town's heartbreaking tribute to three fishermen "
        "lost at sea - as storms continue along the coast and boats are kept ashore"
    )
    tail = ["Top Stories", f"- {longest}", "- Ferry timetable changes this winter"]

    assert len(longest.split()) == 25
    assert _cut(tail) == PARAGRAPH


def test_an_articles_own_list_bulleted_with_an_emoji_stays() -> None:
    items = ["✅ Free Wi-Fi on board", "✅ Bike spaces in every carriage", "✅ Sleeper cabins"]
    text = "\n".join([PARAGRAPH, *items])

    assert clean_text(text) == text


def test_unrelated_headlines_go_when_one_of_three_starts_in_lower_case() -> None:
    # Some sites' titles start in lower case (wday.ru); the others still read as headlines.
    tail = [
        "Самые популярные блоги о путешествиях по версии Travel.ru",
        "потеря багажа в аэропорту: что делать",
        "53-летняя актриса рассказала о съёмках в Москве",
    ]

    assert _cut(tail) == PARAGRAPH


@pytest.mark.parametrize(
    "tail",
    [
        # no full stop, no two sharing two letters in a row (kana aside: "から" is grammar,
        # not a subject; "、" is a comma)
        [
            "- 港の祭りに過去最多の人出、花火は中止",
            "- 県知事が辞任を表明、住宅計画めぐり",
            "- 新美術館が秋に開館へ、入場料から決まる",
        ],
        # an aggregator's widget: each headline carries its own source, and the sources
        # share a word ("新聞"); the headlines themselves share none
        [
            "港の祭りに過去最多の人出、花火は中止 | 谷地新聞",
            "県知事が辞任を表明、住宅計画めぐり | 湾岸新聞デジタル",
            "新美術館が秋に開館へ、入場料から決まる | 北海新聞オンライン",
        ],
    ],
    ids=["plain", "own sources"],
)
def test_unrelated_headlines_in_a_script_without_spaces_go_without_a_header(
    tail: list[str],
) -> None:
    # Japanese headlines after the last sentence.
    article = "新しい夜行列車が6月から運行を始める。運賃は日帰り往復並みになる。"

    assert clean_text("\n".join([article, *tail])) == article


@pytest.mark.parametrize(
    "closing",
    [
        ["Follow him on Twitter @sampoe. Follow us on Facebook."],
        ["Get the latest headlines every morning. Sign up for our newsletter."],
        ["Get the top stories in your inbox every morning by subscribing to our newsletter."],
        ["© 2024 The Valley Courier. All rights reserved.", "Tags: rail, night trains"],
        # blog software's line under a post
        ["This entry was posted in News and tagged Budget, Council. Bookmark the permalink."],
        ["This Article is related to: Awards and tagged Rail, Night trains"],
        # a tag list in the words other sites use, its tags on lines of their own
        ["Etiketler :", "- Haberler -", "- Spor"],
        ["Stichworte: Bahn, Nachtzug"],
        ["Теги: транспорт, поезда"],
        ["タグ：鉄道"],
        ["Folgen Sie uns auf Twitter und Facebook."],
        ["Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité."],
        ["Todos los derechos reservados."],
        [
            "Puedes seguir a EL PAÍS Clima y Medio Ambiente en Facebook y X, o apuntarte aquí "
            "para recibir nuestra newsletter semanal"
        ],
        # the promo's verb after a "For ..." phrase
        ["For the latest stories from across the region, sign up for our newsletters."],
        ["Follow the Courier on Google News to get our stories in your feed."],
        ["Il vous reste 62% de cet article à lire. La suite est réservée aux abonnés."],
        ["This article is available to subscribers only."],
        ["Duisburg-Newsletter: Jetzt kostenlos anmelden!"],
        # the address the reader may write to
        ["Have a tip? Sam Poe may be reached at spoe@courier.example."],
        ["Write to Sam Poe at sam.poe@courier.example"],
        ["• Email: spoe@courier.example"],
        ["Get in touch with our news team by emailing us at news@courier.example."],
        [
            "Join our forums to talk about the bridge! And if you have a news tip, correction "
            "or comment, let us know at: community@courier.example."
        ],
        ["Sie erreichen den Autor unter sam.poe@kurier.example"],
        # a copyright notice with its reuse terms
        [
            "Copyright © Valley Courier 2017-2024. Für die kommerzielle Nutzung dieses Inhalts "
            "ist ein Abonnement erforderlich. Klicken Sie hier für weitere Informationen."
        ],
        # newsletter and follow promos in more languages
        ["Prenumerera på vårt nyhetsbrev och få nyheterna varje morgon."],
        ["Volg ons op Twitter voor het laatste nieuws."],
        ["Подпишитесь на нашу рассылку, чтобы получать главные новости."],
        ["ニュースレターを購読する"],
        ["뉴스레터 구독하기"],
        ["订阅我们的新闻通讯"],
        # the publisher's appeal for money or membership (invented wording, in the shapes
        # the appeals of four sites take)
        [
            "If you value our reporting, here is a way to keep it going: become a Courier "
            "member. Members read every story without ads and meet the newsroom twice a year."
        ],
        ["Support the Courier so we can keep reporting on the valley."],
        ["Subscribe to the printed Courier today: 52 issues for £39, delivered every Friday."],
        [
            "Get Courier Pro, the valley's fastest-growing subscription service, for as "
            "little as $5 in the first year. Use the code VALLEY."
        ],
        [
            "Lokaljournalismus kostet Geld. Ein Viertel aller Abos dieses Herbstes geht an "
            "unsere Lokalredaktionen im Tal, die über Gemeinderat, Schulen und Vereine "
            "berichten. Helfen Sie mit? Jetzt unterstützen"
        ],
        # how a wire story ends: the reporters' accounts, the agency's pages on the subject
        # (AP's wording, on three dev sites that run its stories)
        ["___", "Reach the reporters on Twitter at https://x.example/jdoe and @jroe"],
        [
            "Follow the Courier's full coverage of the harbour works at https://courier.example/harbour"
        ],
        ["More Courier rail: https://courier.example/rail and https://x.example/courier_rail"],
        # copyright lines beyond the Latin script
        ["<저작권자(c) 밸리뉴스, 무단 전재-재배포 금지>"],
        ["Copyright © 2024 バレー新聞社 無断転載を禁じます"],
        ["版权所有 © 2024 谷地新闻"],
        ["جميع الحقوق محفوظة © 2024"],
        # tags, rights and follow lines in the languages of more news sites
        ["Tagit: juna, liikenne"],
        ["Etiketter: tog, trafik"],
        ["Thẻ: tàu hỏa, giao thông"],
        ["Tagovi: vlak, promet"],
        ["Тагове: влак, транспорт"],
        ["© 2024 Index. Sva prava pridržana."],
        ["Всички права запазени."],
        ["כל הזכויות שמורות"],
        ["Kövess minket a Facebookon!"],
        ["Urmărește-ne pe Facebook"],
        ["Sledujte nás na Facebooku"],
        ["Seuraa meitä Facebookissa"],
        ["Obserwuj nas na Facebooku"],
        ["Подписывайтесь на нас в Telegram"],
        ["Bizi Twitter'da takip edin"],
        ["Theo dõi chúng tôi trên Facebook"],
    ],
)
def test_closing_lines_are_removed(closing: list[str]) -> None:
    article = ARTICLES["en"][0]

    assert clean_text("\n".join([*article, *closing])) == "\n".join(article)


@pytest.mark.parametrize(
    "block",
    [
        # a copyright notice, then the partner brand's blurb
        [
            "© The Harbour Ledger Ltd. 2024",
            "Ledger Money",
            "Ledger Money is a partner brand of the Courier. You can read this piece because "
            "we share selected stories with our subscribers.",
        ],
        # the wire's credits, then its standards line
        [
            "Reporting by Jane Doe in Elmsford; Editing by John Roe",
            "Our Standards: The Valley Wire Trust Principles.",
        ],
        # the contact line, then the news team's pitch
        [
            "Get in touch with our news team by emailing us at news@courier.example.",
            "For more stories like this, check our news page.",
            "News Updates",
            "Stay up to date with the stories everybody is talking about.",
        ],
        # credits with the fact-checker's line and the newsletter's teaser under them
        [
            "Redaktion: Jane Doe, John Roe",
            "Faktencheck: Jane Doe",
            "Courier im Postfach",
        ],
        # a copyright notice, then footer links
        [
            "Copyright © 2024 The Valley Courier. All rights reserved.",
            "- Advertise with us",
            "- Imprint",
        ],
    ],
)
def test_a_page_closing_line_goes_with_the_short_lines_under_it(block: list[str]) -> None:
    # A copyright notice, credits, a contact line ends the page: the box that holds it
    # holds a line or two more that no phrase names.
    article = [
        *ARTICLES["en"][0],
        "The operator expects most passengers to be commuters who now take the first "
        "morning train and would rather travel the evening before.",
        "The trains will stop at four stations on the way, and a sleeper carriage is "
        "planned for the second year if the service proves popular.",
    ]

    assert clean_text("\n".join([*article, *block])) == "\n".join(article)


@pytest.mark.parametrize(
    "box",
    [
        ["About the author", "Senior editor at the Courier."],
        ["ABOUT THE AUTHOR", "Producer"],
        ["Über die Autorin", "Redakteurin im Ressort Verkehr"],
    ],
)
def test_an_author_box_under_its_heading_goes(box: list[str]) -> None:
    # Where class names are hashed ("sc-1ib37xr-0"), the box reaches the text; `clean_text`
    # knows no authors, but the heading says what the box is. Below three paragraphs.
    article = [
        "The regional rail operator will run night trains between the two cities from June, "
        "with three departures a week in each direction.",
        "Tickets go on sale next month and will cost about the same as a day return, the "
        "operator said at a briefing on Monday.",
        "The operator expects most passengers to be commuters who now take the first "
        "morning train and would rather travel the evening before.",
    ]

    assert clean_text("\n".join([*article, *box])) == "\n".join(article)


def test_a_photo_credit_above_does_not_keep_a_copyright_notices_box() -> None:
    # A line of the notice's kind above it keeps a block (a round-up's credits), but a
    # photo's "© Agency" is no notice.
    article = [
        *ARTICLES["en"][0],
        "© Valley Pictures",
        "The operator expects most passengers to be commuters who now take the first "
        "morning train and would rather travel the evening before.",
    ]
    box = ["© 2024 The Valley Courier. All rights reserved.", "- Advertise with us", "- Imprint"]

    cleaned = clean_text("\n".join([*article, *box]))

    assert cleaned.endswith(article[-1])


def test_a_removed_line_between_empty_lines_leaves_one_empty_line() -> None:
    text = f"{PARAGRAPH}\n\nSubscribe to our newsletter\n\n{PARAGRAPH}"

    assert clean_text(text) == f"{PARAGRAPH}\n\n{PARAGRAPH}"


def test_tails_in_many_layers_are_cut_reading_each_line_once(monkeypatch) -> None:
    # A digest's "Read more" under each item: each round cuts one layer; describing the
    # whole text again every round made a text of 400 layers take a minute of CPU
    # (benchmarks/long_texts.py).
    described: list[str] = []
    describe = tail._describe

    def counting(line: str, *args: object) -> object:
        described.append(line)
        return describe(line, *args)

    monkeypatch.setattr(tail, "_describe", counting)
    lines = [PARAGRAPH, *["Read more", OTHER_HEADLINES[0]] * 30]

    assert strip_tail("\n".join(lines)) == (PARAGRAPH, lines[1:])
    assert len(described) == len(lines)


def test_closing_lines_and_headlines_in_layers_are_all_cut() -> None:
    article = ARTICLES["en"][0]
    tail = [
        "Most popular",
        "Airport expansion delayed again",
        "Get the latest headlines every morning. Sign up for our newsletter.",
        "Related stories",
        "Ferry timetable changes this winter",
        "© 2024 The Valley Courier",
    ]

    assert clean_text("\n".join([*article, *tail])) == "\n".join(article)


@pytest.mark.parametrize(
    ("article", "offer"),
    [
        (
            ARTICLES["en"][0],
            [
                "The rest of this article is for subscribers only.",
                "Subscribers get:",
                "- Every article on the site",
                "- The morning newsletter",
                "Already a subscriber? Log in",
            ],
        ),
        (
            [
                "気象庁は１３日、南海トラフ地震臨時情報の調査を終了したと発表した。",
                "会見で担当者は「日頃からの備えをお願いしたい」と述べた...",
            ],
            [
                "この記事は会員限定です。",
                "会員登録すると",
                "- 電子版が利用できる",
                "- 会員向け記事が読み放題",
                "関連キーワード",
            ],
        ),
    ],
)
def test_a_paywall_notice_goes_with_the_offer_under_it(
    article: list[str], offer: list[str]
) -> None:
    """The text ends at a paywall: the notice and its offer lines are the page's, and the
    offer is short lines no tail rule would call headlines."""
    assert clean_text("\n".join([*article, *offer])) == "\n".join(article)


@pytest.mark.parametrize(
    "notice",
    [
        # a notice the chrome lines also read as a promo: they took it and left its offer
        "Subscribe to continue reading",
        "Suscríbete para seguir leyendo",
        # notices in the languages of more news sites
        *("Dit artikel is exclusief voor abonnees.", "Denne artikkelen er for abonnenter."),
        *("Artikeln är endast för prenumeranter.", "Tämä artikkeli on vain tilaajille."),
        *("Článek je dostupný pouze předplatitelům.", "Статья доступна только подписчикам."),
        *("Pozostała część artykułu dostępna jest dla subskrybentów.", "Weiterlesen mit Plus"),
        *("A cikk folytatását csak előfizetőink olvashatják.", "Abonnez-vous pour lire la suite"),
    ],
)
def test_a_paywall_notice_in_any_wording_goes_with_its_offer(notice: str) -> None:
    article = ARTICLES["en"][0]
    offer = ["Only 1 € for the first month", "Cancel anytime"]
    text = "\n".join([*article, notice, *offer])

    assert clean_text(text) == "\n".join(article)
    chrome_cut, _ = remove_chrome_lines(text, None, [])
    assert strip_tail(chrome_cut)[0] == "\n".join(article)  # the crawl's two stages


def test_a_sentence_about_subscribers_above_paragraphs_stays() -> None:
    lines = [
        ARTICLES["en"][0][0],
        "The full story is available only to subscribers of the print edition, its editor said.",
        "Readers can still buy single copies at the station kiosk, which opens at six in the "
        "morning and closes late, after the last of the evening trains has left for the coast.",
    ]

    assert clean_text("\n".join(lines)) == "\n".join(lines)


def test_promo_before_the_article_is_removed() -> None:
    article = ARTICLES["en"][0]
    promo = "Start every morning with the Courier Briefing. Sign up for the free newsletter."

    assert clean_text("\n".join([promo, *article])) == "\n".join(article)


def test_site_tail_headers_extend_the_phrase_lists() -> None:
    article = ARTICLES["en"][0]
    text = "\n".join([*article, "Elsewhere in the Courier", "Airport expansion delayed again"])

    cleaned, _ = strip_tail(text, extra_headers=("Elsewhere in the Courier",))

    assert cleaned == "\n".join(article)


@pytest.mark.parametrize(
    "dateline",
    [
        "14/03/2024 - Posted by Sam Poe - Category: Transport",
        "Thursday, 14 March 2024 at 9:40",
        "UPDATED: Thu., Mar. 14, 2024",
        "quinta-feira, 14 de março de 2024 às 9:40",
        "Reading time: 3 minutes",
        "2025年1月14日 01時28分 (1月14日 01時40分更新)",
        # a date alone, as the first item of a page's facts under its headline
        # (thesun.co.uk, businessinsider.com)
        "- 18 Nov 2024, 19:09",
        "- 14.03.2024, 23:06",
    ],
)
def test_date_and_byline_lines_above_the_article_are_removed(dateline: str) -> None:
    article = ARTICLES["en"][0]

    assert clean_text("\n".join([dateline, *article])) == "\n".join(article)


def test_a_date_line_under_the_byline_goes_in_the_crawls_one_pass() -> None:
    # jpost.com, lto.de: the date under the byline opens the text once the byline is gone;
    # the crawl's chrome stage runs once, so it must see that too.
    article = ARTICLES["en"][0]
    text = "\n".join(["By Jane Doe", "NOVEMBER 14, 2024 10:43", *article])

    cleaned, removed = remove_chrome_lines(text, None, ["Jane Doe"])

    assert cleaned == "\n".join(article)
    assert removed == ["NOVEMBER 14, 2024 10:43", "By Jane Doe"]


def test_dated_list_items_at_the_top_are_kept() -> None:
    article = [
        "- 14 March 2024: the council votes on the bridge",
        "- 2 April 2024: construction tenders open",
        *ARTICLES["en"][0],
    ]

    assert clean_text("\n".join(article)) == "\n".join(article)


# --- mechanisms of issue 9 ("Text tails"), one test each ---------------------------------
# Invented articles and headlines; the shapes are those seen on the dev sets' pages (named
# where one shows it).

PARAGRAPH = (
    "The regional rail operator will run night trains between the two cities from June, "
    "the first regular service at night since the line was electrified in the seventies."
)
OTHER_HEADLINES = [
    "Airport expansion delayed again after court ruling",
    "Ferry timetable changes this winter",
    "City council approves budget for new cycle lanes",
]


def _cut(lines: list[str]) -> str:
    return clean_text("\n".join([PARAGRAPH, *lines]))


@pytest.mark.parametrize(
    "headline",
    [
        "Who will pay for the new airport runway?",
        "Ferry timetable changes this winter!",
        "Ferry timetable changes this winter.",
        "Airport expansion delayed again: what it means for you…",
    ],
)
def test_one_headline_that_ends_like_a_sentence_goes_with_its_header(headline: str) -> None:
    # Seen on cleveland.com ("You may also like..." over "Who will make the Rock Hall in
    # 2020?"): the question read as the article's last sentence and hid the header.
    assert _cut(["Read more", headline]) == PARAGRAPH


def test_headlines_that_ask_or_end_with_a_stop_go_with_their_header() -> None:
    tail = ["Related stories", "Who will pay for the runway?", *OTHER_HEADLINES[1:], "Fares rise."]

    assert _cut(tail) == PARAGRAPH


@pytest.mark.parametrize(
    "tail",
    [
        [
            "Trending:",
            "Harbour Lantern Festival draws record crowds to Elmsford.",
            "Column: Why the Millbrook ferry may stop running in 2026.",
            "Northgate mayor Ann Lee resigns over housing plan.",
        ],
        ["추천 기사:", "야간열차 6월부터 운행, 요금은 당일 왕복 수준.", "항구 축제에 관광객 몰려."],
    ],
    ids=["en", "ko"],
)
def test_headlines_that_all_end_with_a_stop_go_with_their_header(tail: list[str]) -> None:
    # Sites that end every headline with a full stop: several stories, no two sharing a
    # word, under a header.
    assert _cut(tail) == PARAGRAPH


def test_teaser_cards_headline_and_summary_go_with_their_header() -> None:
    # thenation.com ("More from The Nation"): each headline with a one-sentence summary.
    tail = [
        "More from The Valley Courier",
        "Airport expansion delayed again",
        "The court asked for a new noise study before any work can start on the runway.",
        "Can the ferry service survive the winter?",
        "Operators say fewer passengers travel between November and March",
    ]

    assert _cut(tail) == PARAGRAPH


def test_teaser_excerpts_cut_short_go_with_their_header() -> None:
    # A related-posts widget showing each post's opening sentences, cut at the widget's
    # word limit: too long for headlines. Seen on a Brazilian blog ("Você pode gostar..."),
    # a tech site ("Related Stories") and others with class names renamed.
    tail = [
        "You may also like",
        "The harbour board met on Tuesday to discuss the dredging of the outer basin, which "
        "has silted up since the storms of last winter and now limits the size of the boats "
        "that can moor there at low tide, according to the harbour master, who …",
        "A bakery on the market square has won the county prize for its rye bread for the "
        "third year running, beating forty other entries from across the region.",
        "Volunteers spent the weekend clearing the old towpath between the two locks. The "
        "work is part of a plan to open the whole route to walkers and cyclists by ...",
    ]

    assert _cut(tail) == PARAGRAPH


def test_teaser_excerpts_with_the_cards_link_glued_on_go_with_their_header() -> None:
    # The card's "Read More" link, joined to the excerpt by the extractor ("... the...Read
    # More"), as a news group's "More in <section>" widget shows it.
    tail = [
        "More in Harbour news",
        "- The harbour board met on Tuesday to discuss the dredging of the outer basin, "
        "which has silted up since the storms of last winter. The...Read More",
        "- A bakery on the market square has won the county prize for its rye bread for the "
        "third year running, beating forty other entries from across...Read More",
        "- Volunteers spent the weekend clearing the old towpath between the two locks. The "
        "work is part of a plan to open the whole route to walkers…Continue reading →",
    ]

    assert _cut(tail) == PARAGRAPH


def test_excerpts_go_from_their_own_header_not_from_a_header_phrase_above() -> None:
    # The article's paragraphs are excerpt-sized too: under a header phrase and its teaser
    # above the widget (a gold body keeps "Leggi anche" over a headline there), they stay.
    article = [
        "Read more",
        "Harbour board approves the dredging plan",
        "The council will publish the full study on its website next week, with the "
        "answers to the questions residents sent in during the consultation.",
        "A public meeting on the plans is set for the first Monday of March.",
    ]
    widget = [
        "You may also like",
        "Volunteers spent the weekend clearing the old towpath between the two locks. The "
        "work is part of a plan to open the whole route to walkers and cyclists by [...]",
        "A bakery on the market square has won the county prize for its rye bread for the "
        "third year running, beating forty other entries from across the …",
    ]

    assert _cut([*article, *widget]) == "\n".join([PARAGRAPH, *article])


@pytest.mark.parametrize(
    "widget",
    [
        ["POLITICS", OTHER_HEADLINES[0], "Travel", OTHER_HEADLINES[1], "City", OTHER_HEADLINES[2]],
        ["1", OTHER_HEADLINES[0], "2", OTHER_HEADLINES[1], "3", OTHER_HEADLINES[2]],
        ["01", "Politik", OTHER_HEADLINES[0], "02", "Verkehr", OTHER_HEADLINES[1]],
    ],
    ids=["kickers", "ranks", "ranks-and-kickers"],
)
def test_a_widgets_kickers_and_ranks_go_with_its_headlines(widget: list[str]) -> None:
    # A "Most read" widget flattened to text: a section name or a rank on a line of its
    # own above each headline.
    assert _cut(["Most read", *widget]) == PARAGRAPH


def test_a_short_label_over_a_sentence_after_a_header_phrase_stays() -> None:
    # A kicker goes only above a headline: "Latest" as a subheading over a label and the
    # article's last sentence is the article's.
    ending = [
        "Latest",
        "Update",
        "The operator said on Friday that the first train would leave at 10 p.m.",
    ]

    assert _cut(ending) == "\n".join([PARAGRAPH, *ending])


def test_headlines_marked_with_a_trailing_chevron_go_without_a_header() -> None:
    tail = [f"{h} ›" for h in OTHER_HEADLINES]

    assert _cut(tail) == PARAGRAPH


def test_a_long_headline_in_a_bulleted_list_with_the_sites_name_goes_with_it() -> None:
    """Some sites write headlines of thirty words and more; in a list whose bullets and
    site name mark each item, a long one does not end the run (and hold the rest)."""
    tail = [
        "- Night trains return to the valley line in June - Courier",
        "- 'This new timetable does not mean that you will only get trains at night': the "
        "operator's timetable makeover adds more services, but it promises to leave room "
        "for the morning commuters - Courier",
        "- Ferry fares rise again for the winter - Courier",
    ]
    assert _cut(tail) == PARAGRAPH
    assert _cut(["Contributing: Lena Holm, USA TODAY", *tail[:2]]) == PARAGRAPH


@pytest.mark.parametrize(
    "tail",
    [
        ["関連記事", "新しい夜行列車、6月から運行開始へ 運賃は日帰り往復並み"],
        ["관련기사", "야간열차 6월부터 운행…요금은 당일 왕복 수준"],
        ["Читайте также", "Ночные поезда начнут ходить между городами с июня"],
        ["Läs också:", "Nattåg mellan städerna börjar gå i juni"],
        ["İlgili Haberler", "Gece trenleri haziranda sefere başlıyor"],
        ["Baca juga", "Kereta malam mulai beroperasi pada bulan Juni"],
        ["Mehr vom Kurier", "Nachtzüge fahren ab Juni", "Flughafenausbau erneut verschoben"],
        ["Fler nyheter", "Nattåg mellan städerna börjar gå i juni"],
        ["Top-Themen", "Nachtzüge fahren ab Juni", "Neuer Fahrplan für die Fähren"],
    ],
    ids=["ja", "ko", "ru", "sv", "tr", "id", "de-more-from", "sv-more-news", "de-top"],
)
def test_headers_in_more_languages(tail: list[str]) -> None:
    assert _cut(tail) == PARAGRAPH


@pytest.mark.parametrize(
    "header",
    [
        *("Read these next", "Must reads", "Other stories", "People also read", "ICYMI"),
        *("Most read in World News", "Most popular in Sport", "Explore further"),
        *("Meist gelesen", "Passend zum Thema", "Das könnte Sie interessieren", "Im Trend"),
        *("Les articles les plus lus", "Recommandé pour vous", "Autres articles"),
        *("Lo último", "Noticias más leídas", "Quizás te interese", "Recomendado para ti"),
        *("Potrebbe interessarti anche", "Vedi anche", "Le notizie più lette"),
        *("Recomendado para você", "Gerelateerd", "Senaste nyheterna", "Anbefalt"),
        *("Смотрите также", "Материалы по теме", "Son Dakika", "Önerilen Haberler"),
        *("Berita Terkini", "Pilihan Editor", "Habari nyingine", "Zilizosomwa zaidi"),
        *("注目記事", "最新記事", "よく読まれている記事", "최신 기사", "이 시각 주요뉴스"),
    ],
)
def test_header_phrases_sites_word_differently(header: str) -> None:
    # Each of these headers, written as one site or another words it, over related
    # headlines: the phrase lists hold a header's kind in its common wordings.
    assert _cut([header, *OTHER_HEADLINES]) == PARAGRAPH
    assert _cut([header.upper() + ":", *OTHER_HEADLINES]) == PARAGRAPH


@pytest.mark.parametrize(
    "header",
    [
        *("► Read more", "[Read more]", "READ MORE ⟶", "📌 Read more", "👉 Also read:"),
        *("Read more ↓", "*** Related ***", "## Related", "= Related ="),
        *("Latest from The Courier", "Also on The Courier", "Top stories from The Courier"),
        "Recommended by Outbrain",
    ],
)
def test_a_decorated_or_site_named_header_goes_with_its_headlines(header: str) -> None:
    assert _cut([header, *OTHER_HEADLINES]) == PARAGRAPH


@pytest.mark.parametrize("subheading", ["Also on the agenda:", "Recommended by the panel:"])
def test_a_subheading_like_a_site_named_header_keeps_its_list(subheading: str) -> None:
    # "Also on <name>", "Recommended by <name>" name a site; over a list in lower case
    # words, they head the article's own list.
    items = ["A new bus route for the northern estates", "Longer opening hours at the pool"]
    text = "\n".join([PARAGRAPH, subheading, *items])

    assert clean_text(text) == text


@pytest.mark.parametrize(
    "stamp", ["2 hours ago", "Updated 3 days ago", "vor 2 Stunden", "il y a 5 heures"]
)
def test_headlines_with_a_relative_time_under_each_go_without_a_header(stamp: str) -> None:
    # A widget's time under each headline, as "Latest" lists write it: dated headlines.
    tail = [line for headline in OTHER_HEADLINES for line in (headline, stamp)]

    assert _cut(tail) == PARAGRAPH


def test_a_relative_time_under_the_last_paragraph_is_no_tail() -> None:
    # One stamp under a headline-sized last line is no list of dated headlines.
    article = [PARAGRAPH, "Service starts in June", "2 hours ago"]

    assert clean_text("\n".join(article)).split("\n")[:2] == article[:2]


#: language -> (the article's last paragraph, a tail header, headlines), in scripts and
#: languages beyond the dev sets': the paragraph ends with its script's own stop.
FAR_LANGUAGES: dict[str, tuple[str, str, list[str]]] = {
    "zh": (
        "地铁公司周二宣布，从六月起将在两座城市之间开行夜间列车，票价与当日往返票大致相同。",
        "相关新闻",
        ["机场扩建再次推迟", "渡轮冬季时刻表调整"],
    ),
    "zh-Hant": (
        "鐵路公司週二宣布，從六月起將在兩座城市之間開行夜間列車，票價與當日往返票大致相同。",
        "延伸閱讀",
        ["機場擴建再次延後", "渡輪冬季時刻表調整"],
    ),
    "ar": (
        "أعلنت شركة السكك الحديدية يوم الثلاثاء أنها ستشغل قطارات ليلية بين المدينتين "
        "اعتبارا من يونيو، بسعر يعادل تذكرة الذهاب والعودة في اليوم نفسه.",
        "اقرأ أيضا",
        ["تأجيل توسعة المطار مرة أخرى", "تغيير مواعيد العبارات في الشتاء"],
    ),
    "hi": (
        "रेल कंपनी ने मंगलवार को घोषणा की कि जून से दोनों शहरों के बीच रात की ट्रेनें "
        "चलेंगी और किराया एक दिन के आने-जाने के टिकट के बराबर होगा।",
        "यह भी पढ़ें",
        ["हवाई अड्डे का विस्तार फिर टला", "सर्दियों में बदलेगा नौका का समय"],
    ),
    "vi": (
        "Công ty đường sắt hôm thứ Ba thông báo sẽ chạy tàu đêm giữa hai thành phố từ tháng "
        "Sáu, với giá vé tương đương vé khứ hồi trong ngày.",
        "Tin liên quan",
        ["Mở rộng sân bay lại bị hoãn", "Lịch phà thay đổi vào mùa đông"],
    ),
    "th": (
        "การรถไฟประกาศเมื่อวันอังคารว่าจะเปิดเดินรถไฟกลางคืนระหว่างสองเมืองตั้งแต่เดือน"
        "มิถุนายน โดยค่าโดยสารใกล้เคียงกับตั๋วไปกลับภายในวันเดียว",
        "ข่าวที่เกี่ยวข้อง",
        ["ขยายสนามบินเลื่อนอีกครั้ง", "ตารางเรือข้ามฟากเปลี่ยนช่วงหน้าหนาวนี้ไม่ได้"],
    ),
    "fi": (
        "Rautatieyhtiö kertoi tiistaina ajavansa yöjunia kaupunkien välillä kesäkuusta alkaen, "
        "ja lipun hinta on sama kuin päivän meno-paluulipun.",
        "Lue myös",
        ["Lentokentän laajennus viivästyy jälleen", "Lauttojen aikataulut muuttuvat talvella"],
    ),
    "uk": (
        "Залізнична компанія у вівторок оголосила, що з червня курсуватимуть нічні поїзди між "
        "двома містами, а квиток коштуватиме як квиток туди й назад.",
        "Читайте також",
        ["Розширення аеропорту знову відклали", "Розклад поромів зміниться взимку"],
    ),
}


@pytest.mark.parametrize("language", FAR_LANGUAGES)
def test_headers_in_languages_beyond_the_dev_sets(language: str) -> None:
    paragraph, header, headlines = FAR_LANGUAGES[language]

    assert clean_text("\n".join([paragraph, header, *headlines])) == paragraph
    # the same header phrase as a subheading over a paragraph is the article's
    assert clean_text("\n".join([header, paragraph])) == "\n".join([header, paragraph])


@pytest.mark.parametrize("separator", [" | ", " - ", " – "])
def test_headlines_ending_in_the_same_site_name_go_without_a_header(separator: str) -> None:
    tail = [f"{h}{separator}The Valley Courier" for h in OTHER_HEADLINES]

    assert _cut(tail) == PARAGRAPH


def test_a_label_above_headlines_with_the_site_name_goes_with_them() -> None:
    # A header in a language without a phrase list: the repeated site name is the evidence.
    tail = ["Fler nyheter", *(f"{h} | Kuriren" for h in OTHER_HEADLINES)]

    assert _cut(tail) == PARAGRAPH


@pytest.mark.parametrize(
    "style", ["{n}. ", "{n}) ", "{n} ", "#{n} ", "({n}) ", "{n} - ", "{n}: ", "{n}/ ", "0{n}. "]
)
def test_numbered_headlines_go_without_a_header(style: str) -> None:
    tail = [style.format(n=n) + h for n, h in enumerate(OTHER_HEADLINES, 1)]

    assert _cut(tail) == PARAGRAPH


def test_headlines_numbered_in_circles_go_without_a_header() -> None:
    tail = [f"{mark} {h}" for mark, h in zip("①②③", OTHER_HEADLINES, strict=True)]

    assert _cut(tail) == PARAGRAPH


@pytest.mark.parametrize(
    "stamp", ["Nov 20", "Mon, 20 Nov", "20. November, 14:30", "Yesterday", "Heute, 14:30 Uhr"]
)
def test_headlines_with_a_date_without_its_year_under_each_go(stamp: str) -> None:
    tail = [line for headline in OTHER_HEADLINES for line in (headline, stamp)]

    assert _cut(tail) == PARAGRAPH


@pytest.mark.parametrize(
    "tail",
    [
        [f"{h} (14.03.2024)" for h in OTHER_HEADLINES],
        [f"2024-03-{n:02d} | {h}" for n, h in enumerate(OTHER_HEADLINES, 10)],
        [OTHER_HEADLINES[0], "March 14, 2024", OTHER_HEADLINES[1], "March 12, 2024"],
        # a ticker of the latest news, newest first (a day's programme counts up: kept)
        [f"{t} {h}" for t, h in zip(("14:32", "13:05", "11:40"), OTHER_HEADLINES, strict=True)],
    ],
    ids=["date after", "date before", "date below", "ticker times"],
)
def test_dated_headlines_go_without_a_header(tail: list[str]) -> None:
    assert _cut(tail) == PARAGRAPH


@pytest.mark.parametrize(
    "tail",
    [
        [
            "Unsere Empfehlungen",
            "1. Streik bei der Bahn: Was Pendler in Bayern jetzt wissen müssen",
            "2. Neues Museum in Leipzig öffnet im Herbst",
        ],
        [
            "FRONT PAGE",
            "14.03.2024 | Harbour Lantern Festival draws record crowds to Elmsford",
            "March 12, 2024 | Why the Millbrook ferry may stop running",
        ],
    ],
    ids=["numbered", "dated"],
)
def test_a_label_above_numbered_or_dated_stories_goes_with_them(tail: list[str]) -> None:
    # A header in no phrase list over numbered or dated headlines of several stories.
    assert _cut(tail) == PARAGRAPH


def test_headlines_after_the_copyright_line_go() -> None:
    tail = ["© 2024 The Valley Courier", *(f"{n}. {h}" for n, h in enumerate(OTHER_HEADLINES, 1))]

    assert _cut(tail) == PARAGRAPH


def test_invisible_characters_and_german_quotes_do_not_hide_a_headline() -> None:
    # Real titles carry zero-width spaces and close quotes with “.
    tail = [
        "Mehr zum Thema",
        "Selbstbestimmungsgesetz: Ein bisschen Fortschritt\u200b",
        "Nordatlantik: „Wenn die Ozeane überhitzen“",
    ]

    assert _cut(tail) == PARAGRAPH


def test_teaser_line_whose_headline_asks_is_removed() -> None:
    first, second = ARTICLES["en"][0]
    text = f"{first}\nRead more: Who will pay for the new runway?\n{second}"

    assert clean_text(text) == f"{first}\n{second}"


# --- the headline at the top ---------------------------------------------------------------


def test_the_headline_block_at_the_top_goes_with_the_title() -> None:
    # Another tool's text from a page with two title elements: the headline, a kicker, the
    # headline again (as the crawl's own header stage removes it).
    article = ARTICLES["en"][0]
    title = "Night trains return to the valley line"
    text = "\n".join([title, "Transport", title, *article])

    assert clean_text(text, title=title) == "\n".join(article)


def test_a_line_that_repeats_the_title_below_the_first_paragraph_stays() -> None:
    article = ARTICLES["en"][0]
    title = "Night trains return"
    text = "\n".join([article[0], title, article[1]])

    assert clean_text(text, title=title) == text


# --- a dataset's own titles -----------------------------------------------------------------


def test_plain_headlines_go_when_they_are_known_titles() -> None:
    article = ARTICLES["en"][0]
    titles = ["Airport expansion delayed again after the court ruling", "Ferry timetable changes"]
    text = "\n".join([*article, *titles])

    assert clean_text(text) == text  # no header, marker or shape: could be the article's
    assert clean_text(text, known=KnownHeadlines(titles)) == "\n".join(article)


def test_a_short_known_title_is_not_evidence() -> None:
    article = [*ARTICLES["en"][0], "Thank you."]
    text = "\n".join(article)

    assert clean_text(text, known=KnownHeadlines(["Thank you"])) == text


@pytest.mark.parametrize(
    "caption",
    [
        "Passengers board the first night train in Valley Junction, Tuesday, June 2, 2026. "
        "(AP Photo/Jane Rowe)",
        "The night train at the station in Madrid, Spain. (Manu Fernandez/AP)",
        "Astronauts during a space walk in 2006. (NASA via AP, File)",
        "Commuters on the platform (Credit: iStock)",
        "Die Nachtzüge sollen im Juni starten. (Foto: Anna Muster/dpa)",
        # the credit after the caption, without brackets, glued or not
        "Passengers board the first night train in Valley Junction, Tuesday, June 2, 2026."
        "Photo: Jane Rowe, AP",
        "- The new night train at the station. lessThe new night train at ... morePhoto: "
        "Jane Rowe, STF / Associated Press",
        "Die Ministerin bei der Vorstellung der Nachtzüge Foto: Anna Muster/imago",
        # no credit, but what only a caption says
        "Pictured right, is commuter Jane Doe, from Valley Junction, speaking to the driver.",
        "Pictured at the back, from left, are the drivers Max Roe and Anna Berg.",
        "Vorstandsmitglieder (von li nach re): Anna Berg, Max Roe, Jane Doe",
    ],
)
def test_a_photo_caption_goes_by_the_credit_that_ends_it(caption: str) -> None:
    """Captions of figures the markup did not mark: wherever they sit in the text."""
    article = ARTICLES["en"][0]
    text = "\n".join([caption, article[0], caption, article[1]])

    assert clean_text(text) == "\n".join(article)


@pytest.mark.parametrize(
    "line",
    [
        "Die Polizei ermittelt weiter. (dpa)",  # an agency alone is a sign-off
        "Die Krankenkassen bieten die elektronische Patientenakte an (ePA)",
        "The vote was close (see photo)",
        "Trump said (via Reuters) that he would stay.",
        "Pictured as a villain by his rivals, the mayor has fought back all year.",
        "Im Bildungsausschuss wurde am Montag über die Nachtzüge gestritten.",
        "The agency released one photo: the train leaving the station, taken by AP",
        "Photos: what the night train looks like inside. Our reporter rode it with AP",
    ],
)
def test_a_line_ending_in_brackets_without_a_photo_credit_stays(line: str) -> None:
    article = ARTICLES["en"][0]
    text = "\n".join([*article, line])

    assert clean_text(text) == text


@pytest.mark.parametrize(
    "line",
    [
        # the small print of a form
        "By submitting this form you agree to the Courier using your data to publish your comment.",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of "
        "Service apply.",
        "Mit meiner Anmeldung zum Newsletter stimme ich der Werbevereinbarung zu.",
        "Mit der Anmeldung willigen Sie der Verarbeitung Ihrer Daten gemäß unserer "
        "Datenschutzerklärung ein.",
        # what an embedded post or video shows until the reader consents
        "Allow Twitter content? This article contains content provided by Twitter. We ask for "
        "your permission before anything is loaded, as they may be using cookies.",
        "An dieser Stelle finden Sie einen von unseren Redakteuren ausgewählten, externen "
        "Inhalt, der den Artikel für Sie mit zusätzlichen Informationen anreichert.",
        "Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird. Damit können "
        "personenbezogene Daten an Drittplattformen übermittelt werden. Mehr Informationen dazu "
        "erhalten Sie in den Datenschutz-Einstellungen. Diese finden Sie ganz unten auf unserer "
        "Seite im Footer, sodass Sie Ihre Einstellungen jederzeit verwalten können.",
        "Externer Inhalt nicht verfügbar",
        "Deine Privatsphäre-Einstellungen verhindern das Laden und Anzeigen aller externen "
        "Inhalte. Zur Anzeige aktiviere bitte die Einstellungen.",
        # what stands in for a slideshow or a video
        *("This slideshow requires JavaScript.", "Your browser does not support the video tag."),
        # an embed's or a page region's label (seen on 5 dev sites)
        *("Embed", "Video", "Back to video", "Link zum YouTube-Inhalt", "Link des Videos"),
        *("Empfohlener redaktioneller Inhalt", "Article content", "Hauptinhalt"),
        # the site's account and subscription buttons, and a tool's members-only note (seen
        # on 4 dev sites: wired.com, abc.es, lemonde.fr, reuters.com)
        *("SUBSCRIBE", "Sign up", "Log in", "Se connecter", "identifiez-vous"),
        *("Iniciar sesión", "Suscribete", "Esta funcionalidad es sólo para registrados"),
        # a cookie notice, a form's field
        "We use cookies to improve your experience on our site.",
        # (as long as a consent manager writes them: theverge.com, vox.com, sbnation.com)
        "We use cookies and other tracking technologies to improve your browsing experience on "
        "our site, show personalized content and targeted ads, analyze site traffic, and "
        "understand where our audience is coming from. To find out more or to opt-out, please "
        "read our Cookie Policy. In addition, please read our Privacy Policy, which has also "
        "been updated and became effective last month.",
        "By choosing I Accept, you consent to our use of cookies and other tracking technologies.",
        "We use cookies on our website to give you the most relevant experience by remembering "
        "your preferences.",
        "Our website uses cookies to improve its performance and enhance your user experience.",
        "This website uses cookies. Read our privacy policy to find out more.",
        "Wir verwenden Cookies, um unser Angebot für Sie zu verbessern.",
        "Accept all cookies",
        "Enter your email address",
        # the article's toolbar
        *("Share via Email", "Copy link", "Save article", "Gift this article"),
        *("Listen to this article", "Artikel vorlesen", "Link kopieren", "Copier le lien"),
        *("Diesen Artikel teilen", "Social Sharing", "Sharing is caring!"),
        *("Écouter cet article", "Escuchar artículo", "Ascolta l'articolo", "Deel dit artikel"),
        # ad labels, navigation, calls to click
        *("Skip Advertisement", "Continue Reading Below", "Back to top", "Click to enlarge"),
        *("Passer la publicité", "Werbung überspringen", "Inhaltlichen Fehler melden"),
        *("Bild vergrößern", "Hier klicken", "Fehler gefunden?Jetzt melden.", "Report an error"),
        # a photo viewer's buttons and labels
        *("Caption", "Close", "Updated", "toggle caption", "Enlarge this image"),
        # a promo's call
        *("Sign up for our newsletter", "Get our daily newsletter", "Newsletter abonnieren"),
        *("Abonnez-vous à notre newsletter", "Suscríbete a nuestro boletín"),
        *("Get the latest news delivered to your inbox", "Download our app", "Get the app"),
        *("Laden Sie unsere App herunter", "Follow us on Twitter", "Suivez-nous sur Instagram"),
        *("Already a subscriber? Log in", "Sie sind bereits Abonnent? Hier anmelden"),
        *("Become a member", "Support our journalism"),
        "Sign up for the Morning Briefing, delivered to your inbox every day.",
        *("Want the latest news? Sign up for our newsletter.", "Subscribe for unlimited access."),
        *("You have reached your limit of free articles.", "Already have an account? Sign in"),
        "Subscribe now to read the latest news in your city and across Canada.",
        "Create an account or sign in to continue with your reading experience.",
        "Jetzt den Newsletter abonnieren und nichts mehr verpassen!",
        "Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.",
        # a photo credit
        *("Photo credit: Jane Doe", "Crédit photo : Reuters", "AP Photo/Jane Doe"),
        # a source credit in the Nordic languages (nettavisen.no)
        *("Kilde: Helsenorge.no", "Källa: TT"),
        # the same kinds as sites word them in more languages, written from what sites
        # print (not from a benchmark page): a toolbar, an ad label, a comment prompt, a
        # skip link, a loading placeholder, a form's answer, consent buttons, a credit
        *("Share this:", "Поделиться", "Paylaş", "Bagikan", "シェア", "공유하기", "分享"),
        *("Bookmark", "Font size", "Schriftgröße", "Listen"),
        *("Annons", "Реклама", "Reklam", "Iklan", "広告", "광고", "广告"),
        *("Article continues below advertisement", "La suite après cette publicité"),
        *("Post a comment", "Be the first to comment", "Comments are closed."),
        *("Join the conversation", "Zum Inhalt springen", "Aller au contenu", "Torna su"),
        *("Loading...", "Wird geladen …", "Chargement en cours...", "Cargando..."),
        *("Thanks for signing up!", "You have successfully subscribed", "Invalid email address"),
        "There was an error processing your subscription.",
        "Keep an eye on your inbox for the latest sports news.",
        *("Accept all", "Alle akzeptieren", "Tout refuser", "Aceptar todo", "Accetta tutto"),
        *("Image copyright Getty Images", "Image caption", "Copyright: dpa"),
        *("Join our WhatsApp channel", "Video abspielen"),
        # share buttons, ad labels, comment buttons and newsletter calls in the languages
        # of more news sites (hu, ro, el, cs, da, no, fi, sv, pl, nl, ru, tr, uk, vi, th,
        # ar, he, hi)
        *("Megosztás", "Distribuie", "Κοινοποίηση", "Sdílet", "Del artiklen", "Jaa"),
        *("Поділитися", "Chia sẻ", "แชร์", "شارك", "שתפו", "शेयर करें"),
        *("Hirdetés", "Publicitate", "Διαφήμιση", "Annonce", "Mainos", "Quảng cáo", "โฆษณา"),
        *("إعلان", "פרסומת", "विज्ञापन", "Artykuł sponsorowany"),
        *("Skomentuj", "Reageer", "Kommentarer (12)"),
        *("Zapisz się do newslettera", "Iratkozzon fel hírlevelünkre", "Tilaa uutiskirje"),
        *("Abonează-te la newsletter", "Přihlaste se k odběru newsletteru"),
        *("Tilmeld dig nyhedsbrevet", "Prenumerera på nyhetsbrevet", "Bültenimize abone olun"),
        *("Подпишитесь на нашу рассылку", "Meld deg på nyhetsbrevet"),
        # photo and source credits, comment counts
        *("Fotó: MTI", "Kuva: Lehtikuva", "Fot. PAP", "Φωτογραφία: Reuters", "Fotoğraf: AA"),
        *("Фото: РИА Новости", "Ảnh: Reuters", "צילום: רויטרס", "تصوير: رويترز", "写真：共同"),
        *("사진=연합뉴스", "图片来源：新华社", "Zdroj: ČTK", "Forrás: MTI", "Источник: ТАСС"),
        *("Komentáře (12)", "Комментарии (5)", "Yorumlar (4)", "Bình luận (2)", "Kommentit"),
        # a page's controls and footer links, left alone on a line
        *("Show more", "Load more", "Page 1 of 2", "Open gallery", "All articles by Jane Doe"),
        *("Play video", "Now playing", "Video Player is loading.", "Content not available"),
        *("Start your free trial", "Newsletter", "Ad Feedback", "Privacy Policy"),
        *("Mehr anzeigen", "Schließen", "Seite 1 von 2", "Zur Bildergalerie", "Jetzt testen"),
        *("Jetzt kommentieren", "Diskutieren Sie mit", "Audio abspielen", "Impressum"),
        *("Alle Artikel von Anna Muster", "Bei Facebook teilen", "Zum Newsletter anmelden"),
        "Mehr Informationen dazu finden Sie in der Datenschutzerklärung.",
        *("Voir plus", "Mostrar más", "Mostra altro", "Toon meer", "Fermer"),
        # what publishing systems and their plugins ship, as they word it (WordPress and
        # Jetpack, Blogger, Drupal, Ghost, Substack, rating and sharing plugins)
        *("Advertisements", "Like this:", "Like Loading...", "Rate this:", "Email This"),
        *("BlogThis!", "Share to X", "Pin It", "Click to rate this post!", "Spread the love"),
        *("[Total: 0 Average: 0]", "Print Friendly, PDF & Email", "Republish This Story"),
        *("Post Views: 1,234", "No comments:", "Click to comment", "Facebook Comments"),
        *("Log in or register to post comments", "Newer Post", "Older Posts", "Report Abuse"),
        *("Subscribe to: Post Comments (Atom)", "View my complete profile", "Search for:"),
        *("Proudly powered by WordPress", "Type your email…", "Sign up for more like this."),
        "Thanks for reading the Valley Letter! Subscribe for free to receive new posts and "
        "support my work.",
        "Subscribe to get the latest posts sent to your email.",
        # the same as WordPress and Blogger ship them in German, Spanish, Italian,
        # Portuguese, French and Dutch
        *("Gefällt mir:", "Gefällt mir Wird geladen …", "Teilen mit:", "Werbeanzeigen"),
        *("Schreibe einen Kommentar", "Neuerer Post", "Abonnieren Post-Kommentare (Atom)"),
        *("Me gusta Cargando...", "Comparte esto:", "Deja una respuesta", "Entrada antigua"),
        *("Mi piace Caricamento…", "Cancella risposta", "Navigazione articoli"),
        *("Curtir isso:", "Compartilhe isso:", "Postagem mais antiga", "J’aime chargement…"),
        *("Annuler la réponse", "Article plus récent", "Vind ik leuk:", "Reactie annuleren"),
        *("Dela det här:", "Gilla Laddar..."),
        # a table of contents' title and toggle, as the plugins that write one ship them,
        # and a breadcrumb trail from the home page, as SEO plugins and shops print it
        *("Table of Contents", "Toggle", "Contents [hide]", "Inhaltsverzeichnis", "Sommaire"),
        *("Índice de contenidos", "Содержание", "目次", "Home » News » Night trains return"),
        *("Home > News > Transport", "Startseite › Politik", "Accueil » Société"),
        "Home / News / Night trains return",
        "Fai clic per condividere su WhatsApp (Si apre in una nuova finestra)",
        "Klicke, um auf Twitter zu teilen (Wird in neuem Fenster geöffnet)",
    ],
)
def test_a_line_of_chrome_goes_between_paragraphs(line: str) -> None:
    """Form small print, consent prompts and the article's toolbar, promos and credits are
    left in the text mid-article, as sites word them."""
    article = ARTICLES["en"][0]
    text = "\n".join([article[0], line, article[1]])

    assert clean_text(text) == "\n".join(article)


@pytest.mark.parametrize(
    "line",
    [
        # sentences that start like a consent prompt
        "An dieser Stelle ist ein externer Dienstleister für die Sicherheit zuständig.",
        "Ich bin damit einverstanden, dass mir der Richter das Urteil erklärt, sagte er.",
        "Allow me to explain the content of the plan, the mayor said.",
        # sentences that open like a timestamp
        "Updated figures show 3 million people were affected on 12.03.2024.",
        "Published in 2019, the report found that most towns were affected by 20:13.",
        "Stand der Dinge am 12.03.2024 ist, dass niemand zahlt.",
        # sentences that start like a promo or a cookie notice
        "Follow us on a tour of the new harbour museum, which opens to visitors in June.",
        "Følg oss på tur i byen, sa han.",
        "Seuraa meitä, sanoi opas, ja lähti kävelemään kohti satamaa.",
        "Источник: в правительстве рассматривают три варианта реформы, сообщил собеседник.",
        "All stories by The Courier's reporters were checked.",
        "Close to 300 people attended the meeting on Tuesday.",
        "Newsletter subscribers were told first, the operator said.",
        "Sign up for the night trains opened on Tuesday and sold out within hours.",
        "Download the app and the council will send reminders before each collection day.",
        "We use cookies sparingly, the bakery's owner joked about her shop's website.",
        "Google uses cookies to follow users from site to site, the regulator found.",
        "By using the app, you agree to the use of cookies the court ruled unlawful, he said.",
        "Subscribe to the council's newsletter for updates on the works, residents were told.",
        "Support independent journalism, the union's leader told the rally on Saturday.",
        # a sentence that opens with an account button's word
        "Log in to the council's portal to see the new timetable, the mayor said.",
        "Subscribe, the station's manager urged listeners on Tuesday.",
        # sentences that open with a newer chrome line's words
        "Listen to the residents, the mayor told the council before the vote on Tuesday.",
        "Loading the ferry took longer than planned because of the wind, the crew said.",
        "Accept all the terms or lose the contract, the union was told on Monday.",
        "Join the conversation at the town hall on Friday, organisers urged residents.",
        "Thanks for signing up, the mayor wrote to the volunteers who cleaned the beach.",
        "Share this with your neighbours, the fire brigade said of its leaflet.",
        # sentences that open with what blog software prints
        "Advertisements for the night trains went up in every station on Monday.",
        "Like this year's, next year's budget will be tight, the treasurer said.",
        "No comments were made by the ministry when asked about the delay.",
        "Views: that is what the residents were asked to send in by Friday.",
        "Republish this story, the agency told its members, but credit the reporter.",
        "Spread the love, the organisers of the street party told their neighbours.",
        "Newer posts on the forum blamed the council for the delay.",
        "Gefällt mir nicht, sagte der Bürgermeister nach der Sitzung.",
        "Me gusta esto de vivir en el pueblo, dijo la vecina.",
        "Mi piace pensare che il treno tornerà, ha detto il sindaco.",
        "Suche nach dem vermissten Wanderer geht weiter.",
        "Home is where the night train stops, the poster at the station says.",
        "Home/work balance is what the commuters asked the council for.",
        "Home / Away record: 5-2",
        "Contents of the report were leaked to the press on Monday.",
        "Toggle switches on the old signal box still work, the engineer said.",
        "Similaire à celle de 2019, la grève a paralysé les trains.",
        "Altri articoli della legge restano in vigore fino a giugno.",
    ],
)
def test_a_sentence_that_opens_like_a_line_of_chrome_stays(line: str) -> None:
    article = ARTICLES["en"][0]
    text = "\n".join([article[0], line, article[1]])

    assert clean_text(text) == text


@pytest.mark.parametrize(
    "closing",
    [
        # WordPress's entry footer and comment form, Blogger's post footer, a licence badge
        ["Posted in News, Transport", "Tagged rail, valley"],
        ["Posted by Jane Doe at 10:30 AM", "Labels: rail, valley"],
        ["Notify me of follow-up comments by email.", "Notify me of new posts by email."],
        ["This site uses Akismet to reduce spam. Learn how your comment data is processed."],
        ["Creative Commons License"],
        # the same in the languages WordPress and Blogger ship
        ["Benachrichtige mich über nachfolgende Kommentare via E-Mail."],
        [
            "Questo sito utilizza Akismet per ridurre lo spam. Scopri come vengono elaborati i "
            "dati derivati dai commenti."
        ],
        [
            "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están "
            "marcados con *"
        ],
        ["Eingestellt von Anna Muster um 10:30", "Labels: Bahn, Tal"],
        ["Postado por Maria Silva às 10:30", "Marcadores: trens, vale"],
        ["Kategorien: Nachrichten, Verkehr", "Schlagwörter: Bahn, Tal"],
        ["Catégories : Actualités", "Étiquettes : train, vallée"],
        ["Categorías: Noticias", "Etiquetas: tren, valle"],
    ],
)
def test_what_blog_software_prints_under_a_post_goes(closing: list[str]) -> None:
    article = ARTICLES["en"][0]

    assert clean_text("\n".join([*article, *closing])) == "\n".join(article)


@pytest.mark.parametrize(
    "ending",
    [
        "Posted in Kabul since 2019, she now covers the war for the agency.",
        "Tagged by police as a suspect, he fled the country in March.",
        "Posted by a fan at 10:30 on Sunday, the clip was seen a million times.",
    ],
)
def test_a_last_sentence_that_opens_like_a_post_footer_stays(ending: str) -> None:
    article = ARTICLES["en"][0]
    text = "\n".join([*article, ending])

    assert clean_text(text) == text


def test_a_sentence_about_an_agreement_stays() -> None:
    article = ARTICLES["en"][0]
    text = "\n".join(
        [article[0], "By signing the treaty, both countries agreed to cut emissions by 2030."]
    )

    assert clean_text(text) == text


@pytest.mark.parametrize(
    "notice",
    [
        ["Note: we are temporarily moderating all comments submitted to deal with spam."],
        ["Please be mindful of our community standards."],
        [
            "As you comment, please be respectful of other commenters and other viewpoints. "
            "We reserve the right to remove any comment we deem to be defamatory."
        ],
        ["Please keep it civil: comments that insult other readers will be removed."],
        ["Kommentar abgeben", "Du musst dich EINLOGGEN um einen Kommentar abzugeben."],
        [
            "ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário "
            "não serão aprovados pelo moderador."
        ],
    ],
)
def test_what_the_comment_form_says_goes_after_the_article(notice: list[str]) -> None:
    article = ARTICLES["en"][0]
    text = "\n".join([*article, *notice, "© 2024 The Valley Courier"])

    assert clean_text(text) == "\n".join(article)


@pytest.mark.parametrize(
    "last",
    [
        "Facebook said it was moderating comments on posts about the vote.",
        "Note: Comments on the proposal can be submitted until May 1.",
        "Please be respectful of the neighbours, the police said, and keep the driveways free.",
    ],
)
def test_a_last_sentence_about_comments_stays(last: str) -> None:
    article = ARTICLES["en"][0]
    text = "\n".join([*article, last])

    assert clean_text(text) == text


def test_a_text_that_is_nothing_but_a_headed_headline_list_goes_whole() -> None:
    """What an extractor returns from a page of links: no article above the header."""
    cleaned, removed = strip_tail("Read more\nAirport expansion delayed\nFerry timetable changes")

    assert cleaned == ""
    assert removed[0] == "Read more"


@pytest.mark.parametrize(
    "stamp",
    [
        "Updated at 1:23 p.m.",
        "- Published 18 November 2019",
        "- Veröffentlicht am 13. Mai 2026 um 15:44",
        "Published Monday, November 18, 2019 8:22AM EST",
        "Stand: 28. April 2023, 05:00 Uhr",
        "Uppdaterad 15.59 | Publicerad 14.14",
    ],
)
def test_a_timestamp_line_goes_wherever_it_sits(stamp: str) -> None:
    article = ARTICLES["en"][0]

    assert clean_text("\n".join([stamp, article[0], stamp, article[1], stamp])) == "\n".join(
        article
    )


FIRST = (
    "The regional rail operator will run night trains between the two cities from June, "
    "and tickets go on sale next month at about the price of a day return."
)
SECOND = (
    "The operator said the trains would stop at four towns on the way, and that a sleeping "
    "car would be added in the winter if enough seats are sold in the first months."
)


@pytest.mark.parametrize(
    "label", ["Auch interessant", "Most read in world news", "Read More", "More:", "Up Next"]
)
def test_a_widgets_label_alone_between_paragraphs_goes(label: str) -> None:
    # thesun.co.uk, cnn.com, metro.co.uk, aljazeera.com, abendblatt.de: the extractor kept
    # a related widget's header and left out its list; the article goes on under it.
    last = "The first night trains run in June."
    text = "\n".join([FIRST, label, SECOND, last])

    assert clean_text(text) == "\n".join([FIRST, SECOND, last])


@pytest.mark.parametrize(
    "ending",
    [
        # over the text's last paragraph, a header phrase may be the article's subheading
        ["Related", SECOND],
        # over a subheading, not a paragraph: the article's section
        ["Most read", "Which towns get a stop", SECOND, "Fin."],
    ],
)
def test_a_header_phrase_that_is_not_a_lone_label_is_not_dropped_as_one(
    ending: list[str],
) -> None:
    text = "\n".join([FIRST, *ending])

    assert ending[0] in clean_text(text).split("\n")


_FOUR_PARAGRAPHS = [
    *ARTICLES["en"][0],
    "The line closed twenty years ago, when the last sleeper carriages were sold abroad.",
    "Passengers at the first stop said they would try the service in its first week.",
]


def test_a_table_of_contents_goes_with_the_entries_the_article_repeats_as_subheadings() -> None:
    """A plugin's table of contents lists the article's subheadings under its title: the
    entries go, the subheadings themselves stay where they are."""
    first, second, third, fourth = _FOUR_PARAGRAPHS
    entries = ["1. Why the trains stopped", "2. What the new timetable means"]
    body = ["Why the trains stopped", third, "What the new timetable means", fourth]
    text = "\n".join([first, second, "Table of Contents", "Toggle", *entries, *body])

    assert clean_text(text) == "\n".join(
        [first, second, "Why the trains stopped", third, "What the new timetable means", fourth]
    )


def test_a_table_of_contents_goes_when_the_subheadings_are_numbered_too() -> None:
    first, second, third, fourth = _FOUR_PARAGRAPHS
    body = ["1. Why the trains stopped", third, "2. What the new timetable means", fourth]
    text = "\n".join([first, second, "Inhaltsverzeichnis", *body[0::2], *body])

    assert clean_text(text) == "\n".join([first, second, *body])


def test_lines_under_a_contents_title_that_the_article_does_not_repeat_stay() -> None:
    """An article's own list under a "Contents" title (what a parcel held, say) is no
    table of contents: nothing repeats it below."""
    first, second, third = _FOUR_PARAGRAPHS[:3]
    listed = ["1. Two blankets", "2. A torch and batteries", "3. Bottled water"]
    text = "\n".join([first, "Table of Contents", *listed, second, third])

    assert clean_text(text) == "\n".join([first, *listed, second, third])
