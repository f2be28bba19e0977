"""A comment thread glued to the article as text goes, by its shape: sites whose class
names are hashed or unknown hand the thread to the extractor with the article.

The forms are those seen on the dev sets' pages with their class names taken away
(`benchmarks/quality.py --plain-markup`): a counted header with stamped comments under it,
WordPress's "N responses to “Title”", and WordPress stamps ("Name on <date> said:"). The
prose and the comments are invented.
"""

from __future__ import annotations

import pytest
from support.sample_pages import PARAGRAPHS

from newscrawl import clean_text, extract_article
from newscrawl.cleaning.comments import comment_thread_start

ARTICLE = "\n".join(PARAGRAPHS)

THREADS = {
    "counted, relative stamps": [
        "167 comments",
        "2 days ago at 07:47 am",
        "I think we'll see the same trains on the coast line before long.",
        "2 days ago at 07:50 am",
        "Finally. The last bus at half past ten was a joke.",
    ],
    "counted in brackets, relative stamps": [
        "[ 167 comments ]",
        "2 days ago at 07:47 am",
        "I think we'll see the same trains on the coast line before long.",
        "Rating: 25 Votes",
        "2 days ago at 07:50 am",
        "Finally. The last bus at half past ten was a joke.",
    ],
    "counted, German, names and stamps": [
        "12 Kommentare",
        "hinter-dem-Regenbogen vor 2 Stunden",
        "Endlich wieder Nachtzüge, das hätte man nie abschaffen dürfen.",
        "GuterMensch vor 3 Stunden",
        "Und wer bezahlt das am Ende?",
    ],
    "WordPress header naming the article": [
        "34 responses to “Night trains return”",
        "- About time, the students will love it.",
        "- Who is going to ride a train at three in the morning?",
    ],
    "WordPress stamps": [
        "Alex on September 17, 2018 at 6:34 am said:",
        "Will the night trains stop at the airport too?",
        "Gary M on September 17, 2018 at 8:50 pm said:",
        "They should, the airport is on the line.",
    ],
    # the stamps with each comment after them on their line: the thread in list items
    # (GiveWell's blog with its tags written as <div>s, `quality.py --plain-tags`)
    "WordPress stamps, each with its comment": [
        "- Alex on September 17, 2018 at 6:34 am said: Will the night trains stop at the "
        "airport too?",
        "- Gary M on September 17, 2018 at 8:50 pm said: They should, the airport is on the line.",
    ],
    # the count after the label, each comment opening with its commenter's name (Daily
    # Maverick's thread with its class names renamed)
    "counted after the label, comments on the commenter's line": [
        "All Comments 4",
        "-",
        "kanu sukha says: When the trains run at night, who is going to staff the stations?",
        "Ann Lee says: Will there be sleeper cars on the longer route?",
    ],
    # a count and no stamps: the comments alone (Daily Maverick's, El Mundo's threads in
    # trafilatura's text of the pages with their class names renamed)
    "counted, no stamps": [
        "All Comments 4",
        "When the trains run at night, who is going to staff the stations? Nobody asked the "
        "people who work there.",
        "Will there be sleeper cars on the longer route? The article does not say.",
    ],
    "counted, Spanish, no stamps": [
        "5 Comentarios",
        "Tú entenderás todo eso de los trenes nocturnos, pero yo no veo quién los va a usar.",
    ],
    "compact relative stamps": [
        "Join the conversation",
        "Jane Doe",
        "About time, the students will love it.",
        "2h ago",
        "Sam Poe",
        "Who is going to ride a train at three in the morning?",
        "5h ago",
    ],
}

#: The comment form blog software puts under an article, in the languages it ships in.
COMMENT_FORMS = {
    "en": [
        "Leave a Reply Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        *("Comment *", "Name *", "Email *", "Website"),
        "Save my name, email, and website in this browser for the next time I comment.",
        "Post Comment",
    ],
    "de": [
        "Schreibe einen Kommentar Antworten abbrechen",
        "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
        "Kommentar abschicken",
    ],
    "fr": [
        "Laisser un commentaire Annuler la réponse",
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
    ],
    "es": [
        "Deja una respuesta Cancelar la respuesta",
        "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están "
        "marcados con *",
        "Publicar el comentario",
    ],
    "it": [
        "Lascia un commento Annulla risposta",
        "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
        "Invia commento",
    ],
    "pt": [
        "Deixe um comentário Cancelar resposta",
        "O seu endereço de email não será publicado. Campos obrigatórios são marcados com *",
        "Publicar comentário",
    ],
    "nl": [
        "Geef een reactie Reactie annuleren",
        "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
    ],
    "disqus": ["Please enable JavaScript to view the comments powered by Disqus."],
}


@pytest.mark.parametrize("thread", THREADS.values(), ids=THREADS.keys())
def test_a_comment_thread_after_the_article_goes(thread: list[str]) -> None:
    assert clean_text("\n".join([ARTICLE, *thread])) == ARTICLE


@pytest.mark.parametrize("form", COMMENT_FORMS.values(), ids=COMMENT_FORMS.keys())
def test_the_comment_form_under_the_article_goes(form: list[str]) -> None:
    assert clean_text("\n".join([ARTICLE, *form])) == ARTICLE


def test_people_the_article_quotes_on_their_own_lines_are_no_thread() -> None:
    # No comment header above them: an article's quotes, written as a tabloid writes them.
    quotes = [
        "Jane Doe says: “The night trains will change how students get home.”",
        "Sam Poe says: “We have asked for this for ten years.”",
    ]
    text = "\n".join([ARTICLE, *quotes])

    assert clean_text(text) == text


def test_wordpress_stamps_under_a_one_paragraph_post_are_its_thread() -> None:
    """An open thread's post is a paragraph or two; its readers' comments follow. No live
    blog writes WordPress's stamps, so one paragraph of prose above them is enough."""
    thread = THREADS["WordPress stamps, each with its comment"]
    assert clean_text("\n".join([PARAGRAPHS[0], *thread])) == PARAGRAPHS[0]
    assert clean_text("\n".join([PARAGRAPHS[0], *THREADS["WordPress stamps"]])) == PARAGRAPHS[0]


def test_german_wordpress_stamps_under_a_one_paragraph_post_are_its_thread() -> None:
    """The stamp's year, then its time of day, as a German theme writes them ("am 17.
    September 2018 um 18:34"): the same evidence as the English one."""
    thread = [
        "Anna am 17. September 2018 um 18:34 sagt:",
        "Fährt der Nachtzug auch im Winter? Ich würde gern im Dezember fahren.",
        "Jonas am 18. September 2018 um 07:12 sagt:",
        "Ja, laut Fahrplan das ganze Jahr über, nur nicht an Weihnachten.",
    ]
    assert clean_text("\n".join([PARAGRAPHS[0], *thread])) == PARAGRAPHS[0]


def test_statements_over_quotes_high_in_the_article_are_no_thread() -> None:
    """Lines that end in "said:" without a date and time, under the first paragraph: the
    article's own quotes."""
    lines = [
        PARAGRAPHS[0],
        "In a statement, the operator said:",
        "“The night trains will run from June.”",
        "The passenger group said:",
        "“We welcome the plan.”",
        *PARAGRAPHS[1:],
    ]
    text = "\n".join(lines)

    assert clean_text(text) == text


def test_dated_statements_the_article_quotes_are_no_thread() -> None:
    """A date without a time of day, or a time that opens a live blog's entry: the
    article's, however many of them follow each other."""
    quotes = [
        "The minister on 12 September 2018 said: “The night trains will run.”",
        "The operator on 14 September 2018 said: “We will add two more.”",
        "14:30: The minister said: “We have asked for this for ten years.”",
        "15:10: The operator said: “The first train is full.”",
    ]
    text = "\n".join([ARTICLE, *quotes])

    assert clean_text(text) == text


def test_a_comment_thread_goes_through_the_whole_pipeline() -> None:
    """A page whose class names say nothing: the thread sits in the article's container."""
    thread = "".join(f"<p>{line}</p>" for line in THREADS["counted, relative stamps"])
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        '<html lang="en"><head><title>Night trains return</title></head><body>'
        f'<div class="c1a2b3"><h1>Night trains return</h1>{body}'
        f'<div class="c9f8e7">{thread}</div></div></body></html>'
    )
    article = extract_article(html, "https://www.valley-courier.example/news/night-trains")

    assert article is not None
    assert article["text"] == ARTICLE


def test_time_stamps_under_a_comment_counter_at_the_top_are_a_live_blog() -> None:
    """Under the counter of a live blog come its time-stamped posts: with no paragraphs
    of prose above the counter, nothing is a thread."""
    live_blog = [
        PARAGRAPHS[0],
        "12 comments",
        "2 hours ago",
        "The first night train left the central station on time, with 140 passengers.",
        "3 hours ago",
        "Crowds gathered on the platform an hour before the departure of the first train.",
    ]
    assert comment_thread_start(live_blog) is None


def test_a_comments_label_over_paragraphs_without_stamps_is_no_thread() -> None:
    lines = [
        *PARAGRAPHS,
        "Comments",
        "The operator said it would read every comment sent to it before the timetable is "
        "fixed, and that a second consultation would follow in the autumn.",
        "Several readers asked whether bicycles would be allowed on the night trains.",
    ]
    assert comment_thread_start(lines) is None


def test_a_comment_counter_with_more_text_under_it_than_its_comments_is_no_thread() -> None:
    """A share bar's counter ("2 comments", "12 comments") may sit between the article's
    paragraphs: more lines under it than its comments fill, or than the article has
    above it, are the article's."""
    under = [f"{paragraph} It was the {n}th meeting." for n in range(7) for paragraph in PARAGRAPHS]
    assert comment_thread_start([*PARAGRAPHS, "2 comments", *under[:7]]) is None
    assert comment_thread_start([*PARAGRAPHS, "12 comments", *under[:4]]) is None
    assert comment_thread_start([*PARAGRAPHS, "12 comments", *under[:3]]) == 3
