"""Positive tests, text level: related-headline tails, teaser lines and closing lines go.

One invented article per language the phrase lists cover (en, de, fr, es, pt, it, pl, nl),
each followed by the tail its sites append: a header, then headlines.
"""

from __future__ import annotations

import pytest

from newscrawl import clean_text
from newscrawl.cleaning import remove_boilerplate, strip_tail

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
    "teaser",
    [
        "Read more: Airport expansion delayed again",
        "Lesen Sie auch: Flughafenausbau erneut verschoben",
        "À lire aussi : L'extension de l'aéroport encore reportée",
        "Leia também: Ampliação do aeroporto volta a ser adiada",
        "Related: Ferry timetable changes this winter",
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


@pytest.mark.parametrize(
    "closing",
    [
        ["Follow him on Twitter @sampoe. Follow us on Facebook."],
        ["Get the latest headlines every morning. Sign up for our newsletter."],
        ["© 2024 The Valley Courier. All rights reserved.", "Tags: rail, night trains"],
        ["Folgen Sie uns auf Twitter und Facebook."],
        ["Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité."],
        ["Todos los derechos reservados."],
        [
            "Puedes seguir a EL PAÍS Clima y Medio Ambiente en Facebook y X, o apuntarte aquí "
            "para recibir nuestra newsletter semanal"
        ],
    ],
)
def test_closing_lines_are_removed(closing: list[str]) -> None:
    article = ARTICLES["en"][0]

    assert clean_text("\n".join([*article, *closing])) == "\n".join(article)


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
    ],
)
def test_date_and_byline_lines_above_the_article_are_removed(dateline: str) -> None:
    article = ARTICLES["en"][0]

    assert clean_text("\n".join([dateline, *article])) == "\n".join(article)


def test_dated_list_items_at_the_top_are_kept() -> None:
    article = [
        "- 14 March 2024: the council votes on the bridge",
        "- 2 April 2024: construction tenders open",
        *ARTICLES["en"][0],
    ]

    assert clean_text("\n".join(article)) == "\n".join(article)
