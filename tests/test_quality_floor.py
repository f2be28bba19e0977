"""Quality floor: the whole chain (`extract_article`) over a corpus of newscrawl's own pages,
scored with the benchmark's metric (`newscrawl.evaluation`), must not fall below pinned
floors. Like trafilatura's eval gate: a change that makes the cleaner worse on these pages
fails CI, even when every exact test still passes.

The corpus: the demo site's 24 pages (three templates), and pages generated here from the
demo's article texts, each wrapped in one of the ways sites append related headlines and
chrome to an article (headers in the eight languages the cleaners know; link lists, plain
`Headline -` lines, teaser cards, Title Case runs, newsletter and copyright lines, bylines
and breadcrumbs before the text). The ground truth is the article's own text, from
`newscrawl/demo/content.toml`. Measured values when the floors were pinned are in
`FLOORS`' comments; raise a floor when the cleaner gets better.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html import escape
from pathlib import Path
from typing import Any

import pytest

from newscrawl import extract_article
from newscrawl.demo.build import article_url, load_content, text_blocks
from newscrawl.evaluation import DocScore, aggregate, non_space_len, score_document

DEMO_SITE = Path(__file__).parents[1] / "newscrawl" / "demo" / "site"
ARTICLES = load_content()["articles"]
HEADLINES = [a["title"] for a in ARTICLES]

#: Pinned floors (measured at pinning: F1 1.000, P 1.000, R 1.000 over 24 + 112 pages,
#: no page with junk).
FLOORS = {"f1": 0.995, "precision": 0.995, "recall": 0.995}
MAX_JUNK_PAGES = 0  # pages with more than 100 characters of junk after or before
JUNK_CHARS = 100

#: Headers sites put over related headlines, one per language the cleaners know.
HEADERS = {
    "en": "Read more",
    "de": "Mehr zum Thema",
    "fr": "À lire aussi",
    "es": "Vea también",
    "pt": "Leia também",
    "it": "Leggi anche",
    "pl": "Czytaj też",
    "nl": "Lees ook",
}


def _body(article: dict[str, Any]) -> str:
    html = []
    for block in article["paragraphs"]:
        if isinstance(block, str):
            html.append(f"<p>{escape(block)}</p>")
        elif isinstance(block, list):
            html.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in block) + "</ul>")
        else:
            items = "".join(f"<li>{escape(i)}</li>" for i in block["items"])
            html.append(f"<h3>{escape(block['heading'])}</h3><ul>{items}</ul>")
    return "".join(html)


def _others(article: dict[str, Any], count: int = 5) -> list[str]:
    start = HEADLINES.index(article["title"])
    return [HEADLINES[(start + i) % len(HEADLINES)] for i in range(1, count + 1)]


def _link(headline: str) -> str:
    slug = "-".join(headline.lower().split()[:5])
    return f'<a href="/news/2026/11/02/{escape(slug)}.html">{escape(headline)}</a>'


# Each layout returns (what goes before the body, what goes after it, inside the article).
Layout = Callable[[dict[str, Any], str], tuple[str, str]]


def _header_link_list(article: dict[str, Any], header: str) -> tuple[str, str]:
    items = "".join(f"<li>{_link(h)}</li>" for h in _others(article))
    return "", f"<h3>{escape(header)}</h3><ul>{items}</ul>"


def _dash_lines(article: dict[str, Any], header: str) -> tuple[str, str]:
    lines = [f"<p>{escape(h)} -</p>" for h in _others(article)]
    return "", "<p>-</p>" + "".join(lines)


def _teaser_cards(article: dict[str, Any], header: str) -> tuple[str, str]:
    cards = "".join(
        f'<div class="c9x"><a href="/news/2026/11/0{i}/s{i}.html"><img src="/i/{i}.jpg" alt="">'
        f"<span>{escape(h)}</span></a></div>"
        for i, h in enumerate(_others(article), start=1)
    )
    return "", f'<div class="k2">{cards}</div>'


def _header_plain_lines(article: dict[str, Any], header: str) -> tuple[str, str]:
    lines = "".join(f"<p>{escape(h.title())}</p>" for h in _others(article, 4))
    return "", f"<p><strong>{escape(header)}:</strong></p>{lines}"


def _closing_chrome(article: dict[str, Any], header: str) -> tuple[str, str]:
    return "", (
        "<p>Sign up for our morning newsletter and get the day's top stories in your inbox.</p>"
        "<p>Write to Jane Example at jane.example@news.example</p>"
        "<p>Copyright © 2026 News Example Ltd. All rights reserved.</p>"
    )


def _header_chrome(article: dict[str, Any], header: str) -> tuple[str, str]:
    before = (
        '<nav class="breadcrumb"><a href="/">Home</a> › <a href="/city/">City</a></nav>'
        f"<h1>{escape(article['title'])}</h1>"
        '<div class="share-bar">Share this article</div>'
    )
    return before, ""


LAYOUTS: dict[str, Layout] = {
    "header_link_list": _header_link_list,
    "dash_lines": _dash_lines,
    "teaser_cards": _teaser_cards,
    "header_plain_lines": _header_plain_lines,
    "closing_chrome": _closing_chrome,
    "header_chrome": _header_chrome,
}


def _page(article: dict[str, Any], layout: Layout, header: str) -> str:
    before, after = layout(article, header)
    return (
        f"<!doctype html><html lang='{article['language']}'><head>"
        f"<title>{escape(article['title'])} | News Example</title>"
        '<meta property="og:type" content="article">'
        f'<meta property="og:title" content="{escape(article["title"])}">'
        "</head><body><header><nav><a href='/'>Home</a> <a href='/city/'>City</a></nav></header>"
        f"<main><article>{before}<div class='body'>{_body(article)}{after}</div></article>"
        "</main><footer>© 2026 News Example</footer></body></html>"
    )


def corpus() -> Iterator[tuple[str, str, str, str]]:
    """(name, url, html, true text) for every page of the corpus."""
    for article in ARTICLES:
        path = article_url(article)
        html = (DEMO_SITE / path.lstrip("/")).read_text("utf-8")
        yield f"demo{path}", f"https://news.example{path}", html, "\n".join(text_blocks(article))
    languages = list(HEADERS)
    for index, article in enumerate(ARTICLES[:19]):  # 19 articles x 6 layouts = 114 pages
        header = HEADERS[languages[index % len(languages)]]
        for name, layout in LAYOUTS.items():
            url = f"https://news.example/{name}{article_url(article)}"
            truth = "\n".join(text_blocks(article))
            yield f"{name}/{article['slug']}", url, _page(article, layout, header), truth


@pytest.fixture(scope="module")
def scores() -> dict[str, DocScore]:
    results = {}
    for name, url, html, truth in corpus():
        article = extract_article(html, url)
        results[name] = score_document(truth, (article or {}).get("text", ""))
    return results


def test_corpus_is_large_and_varied(scores: dict[str, DocScore]) -> None:
    assert len(scores) >= 130
    assert {name.split("/", 1)[0] for name in scores} >= {"demo", *LAYOUTS}


def test_quality_stays_above_the_floors(scores: dict[str, DocScore]) -> None:
    metrics = aggregate(list(scores.values()))
    worst = sorted(scores.items(), key=lambda item: item[1].f1)[:5]
    report = ", ".join(f"{name} F1 {score.f1:.3f}" for name, score in worst)
    for name, floor in FLOORS.items():
        assert getattr(metrics, name) >= floor, (
            f"{name} {getattr(metrics, name):.4f}; worst: {report}"
        )


def test_no_page_keeps_junk(scores: dict[str, DocScore]) -> None:
    junk = {
        name: (score.junk_before[:80], score.junk_after[:80])
        for name, score in scores.items()
        if max(non_space_len(score.junk_after), non_space_len(score.junk_before)) > JUNK_CHARS
    }
    assert len(junk) <= MAX_JUNK_PAGES, junk
