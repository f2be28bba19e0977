"""A page that is only links is never an article: a body whose text is mostly link text,
and short of prose of its own, is dropped as `not_article` (a list of links), whatever the
page declares; articles with many inline links, or a long list of links after their prose,
are kept whole."""

from __future__ import annotations

import json

import pytest
from lxml import html

from newscrawl import extract_article
from newscrawl.extraction import _link_list, extract_page
from newscrawl.testing.synthetic import prose

URL = "https://www.valley-courier.example/news/2026/11/24/elm-bridge-vote.html"
ARTICLE_LD = json.dumps({"@type": "NewsArticle", "headline": "Elm bridge vote"})


def _page(body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html lang='en'><head><title>Elm bridge vote</title>{head}</head>"
        f"<body><main>{body}</main></body></html>"
    )


def _links(count: int, text: str = "Story {n} about the valley") -> list[str]:
    return [f'<a href="/news/{n}.html">{text.format(n=n)}</a>' for n in range(count)]


@pytest.mark.parametrize(
    "body",
    [
        # One paragraph of links: the fault page of the fault crawl, made smaller.
        "<p>" + " ".join(_links(2000, "Link {n}")) + "</p>",
        "<p>" + "".join(_links(300)) + "</p>",
        # A list of headline links, each a line of the body.
        "<ul>" + "".join(f"<li>{link}</li>" for link in _links(300)) + "</ul>",
        # Links in paragraphs, one per paragraph.
        "".join(f"<p>{link}</p>" for link in _links(200)),
    ],
)
def test_a_body_of_links_is_not_an_article(body: str) -> None:
    for head in ("", f'<script type="application/ld+json">{ARTICLE_LD}</script>'):
        extraction = extract_page(_page(body, head), URL)
        assert not extraction.is_article
        assert extraction.reason == "not_article"
        assert extraction.detail.startswith("a list of links: ")
        assert extract_article(_page(body, head), URL) is None


def test_an_article_with_many_inline_links_is_kept_whole() -> None:
    paragraphs = prose("inline-links", 6)
    body = ""
    for number, paragraph in enumerate(paragraphs):
        words = paragraph.split()
        cut = len(words) * 3 // 4  # three quarters of every paragraph is link text
        body += (
            f'<p><a href="/n/{number}-1">{" ".join(words[: cut // 2])}</a> '
            f'<a href="/n/{number}-2">{" ".join(words[cut // 2 : cut])}</a> '
            f"{' '.join(words[cut:])}</p>"
        )
    article = extract_article(_page(f"<article>{body}</article>"), URL)
    assert article is not None
    assert article["text"].split() == " ".join(paragraphs).split()


def test_link_text_is_weighed_against_prose() -> None:
    """The rule alone, on a body trafilatura would not give for such a page (it drops a
    reading list after prose): link text is what the page's link blocks hold."""
    paragraphs = prose("further-reading", 4)
    items = [f"Further reading number {n} on the bridge vote in the valley" for n in range(60)]
    page = (
        "<html><body>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "<ul>"
        + "".join(f'<li><a href="/{n}.html">{item}</a></li>' for n, item in enumerate(items))
        + "</ul></body></html>"
    )
    tree = html.fromstring(page)

    # Mostly link text, but four prose paragraphs: an article with a reading list.
    assert _link_list(page, tree, "\n".join([*paragraphs, *items])) == ("", "")
    # One prose paragraph and the list: a list of links.
    reason, detail = _link_list(page, tree, "\n".join([paragraphs[0], *items]))
    assert reason == "not_article" and detail == "a list of links: 89% of the text is link text"
    assert _link_list(page, tree, "\n".join(items)) == (
        "not_article",
        "a list of links: 100% of the text is link text",
    )
    # Text the page holds as no block of links counts as no link text.
    assert _link_list(page, tree, "\n".join(item.upper() for item in items)) == ("", "")
    assert _link_list(page, tree, "") == ("", "")
