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
}


@pytest.mark.parametrize("thread", THREADS.values(), ids=THREADS.keys())
def test_a_comment_thread_after_the_article_goes(thread: list[str]) -> None:
    assert clean_text("\n".join([ARTICLE, *thread])) == ARTICLE


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
