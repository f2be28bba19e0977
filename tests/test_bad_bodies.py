"""Bad bodies are never exported as articles, and the public API never raises on any input.

Truncated compressed bodies, invalid bytes, wrong and missing charsets, oversized JSON-LD,
malformed URLs in metadata; `extract_article` and `clean_text` on anything (hypothesis).
"""

from __future__ import annotations

import gzip
import json
import random
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscrawl import clean_text, extract_article
from newscrawl.api import MAX_PAGE_BYTES, MAX_TEXT_CHARS
from newscrawl.core.encoding import decode_html
from newscrawl.crawl.integrity import body_problem
from newscrawl.testing.synthetic import prose

URL = "https://news.example/2026/11/24/story.html"


def _page(paragraphs: list[str], head: str = "", charset: str = "") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head>{meta}<title>Council approves the harbour budget</title>{head}</head>"
        f"<body><article><h1>Council approves the harbour budget</h1>{body}</article></body></html>"
    )


# Truncated bodies


def test_a_gzip_body_cut_short_is_truncated_and_a_whole_one_is_not() -> None:
    whole = gzip.compress(_page(prose("gz")).encode())
    assert body_problem(whole, "gzip", str(len(whole))) is None
    cut = whole[: len(whole) * 55 // 100]
    assert body_problem(cut, "gzip", str(len(cut))) == "gzip stream cut short"
    assert body_problem(cut, "gzip", "") == "gzip stream cut short"
    deflated = zlib.compress(b"x" * 1000)
    assert body_problem(deflated, "deflate", "") is None
    assert body_problem(deflated[:-6], "deflate", "") is not None
    assert body_problem(b"short", "", "5000") == "5 of 5000 bytes"
    assert body_problem(b"", "gzip", "0", status=204) is None
    assert body_problem(b"garbage", "gzip", "").startswith("broken gzip")


# Charsets


RUSSIAN = (
    "Городской совет утвердил бюджет порта после долгого обсуждения транспорта школ и "
    "больниц в течение всей осени"
)


def test_a_body_declared_utf8_that_is_windows_1251_is_read_as_windows_1251() -> None:
    html = _page([RUSSIAN + f" номер {n}." for n in range(8)])
    decoded = decode_html(html.encode("cp1251"), "text/html; charset=utf-8")
    assert decoded.encoding == "cp1251" and "Городской совет" in decoded.text


def test_shift_jis_without_a_charset_anywhere_is_detected() -> None:
    japanese = "東京 都 の 議会 は 来年 の 港 の 予算 を 承認 しました 。 " * 12
    decoded = decode_html(_page([japanese]).encode("shift_jis"))
    assert "東京 都 の 議会" in decoded.text and not decoded.invalid


def test_extract_article_reads_bytes_as_the_crawl_does() -> None:
    paragraphs = [RUSSIAN + f" Абзац номер {n} продолжает рассказ о бюджете." for n in range(6)]
    article = extract_article(_page(paragraphs, charset="utf-8").encode("cp1251"), URL)
    assert article is not None and "Городской совет утвердил" in article["text"]
    latin = _page([p.replace("budget", "café budget") for p in prose("latin")], charset="latin-1")
    article = extract_article(latin.encode("utf-8"), URL)  # UTF-8 mislabelled latin-1
    assert article is not None and "café" in article["text"] and "Ã" not in article["text"]


def test_a_body_of_invalid_bytes_is_not_an_article() -> None:
    rng = random.Random(1)
    words = " ".join(prose("bad", 8)).split()
    body = b" ".join(w.encode() + bytes([rng.randint(0x80, 0xFF)]) for w in words)
    html = (
        b"<html><head><meta charset='utf-8'></head><body><article><p>"
        + body
        + b"</p></article></body></html>"
    )
    assert decode_html(html).invalid
    assert extract_article(html, URL) is None


# Structured data


def test_an_oversized_json_ld_article_body_never_becomes_the_text() -> None:
    huge = " ".join(prose("ld", 8)) * 800  # ~5 MB
    data = {"@type": "NewsArticle", "headline": "A headline", "articleBody": huge}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert extract_article(_page(["Short teaser only."], head=head), URL) is None
    article = extract_article(_page(prose("real"), head=head), URL)
    assert article is not None and len(article["text"]) < 10_000


@pytest.mark.parametrize("bad", ["http://[::1", "http://x.example:99999/a", "https://[host]/"])
def test_a_malformed_url_in_metadata_costs_the_field_not_the_article(bad: str) -> None:
    data = {"@type": "NewsArticle", "headline": "A headline", "url": bad, "image": bad}
    head = (
        f'<link rel="canonical" href="{bad}"><meta property="og:url" content="{bad}">'
        f'<meta property="og:image" content="{bad}">'
        f'<script type="application/ld+json">{json.dumps(data)}</script>'
    )
    paragraphs = [*prose("meta"), f'See <a href="{bad}">this link</a> for more.']
    article = extract_article(_page(paragraphs, head=head), URL)
    assert article is not None
    assert article["canonical_url"] == URL and article["image"] is None
    # And with a malformed page URL too: no exception, whatever comes back.
    extract_article(_page(paragraphs, head=head), bad)


# The public API never raises


def test_inputs_over_the_bounds_are_refused_quickly() -> None:
    assert extract_article("<p>" + "word " * (MAX_PAGE_BYTES // 5 + 1) + "</p>", URL) is None
    long_text = "line of text\n" * (MAX_TEXT_CHARS // 13 + 1)
    assert clean_text(long_text) is long_text


@pytest.mark.parametrize(
    ("authors", "named"),
    [(None, False), (42, False), ([None, 7], False), ("Jane Doe", True), ({"Jane Doe"}, True)],
)
def test_clean_text_takes_any_authors_value(authors: object, named: bool) -> None:
    # What a dataset's "authors" field holds is anyone's guess: one name as a string is
    # an author, what is not a string names nobody, and nothing raises.
    article = " ".join(prose("p", 1))
    text = f"Jane Doe\n{article}"

    cleaned = clean_text(text, authors=authors)  # type: ignore[arg-type]

    assert cleaned == (article if named else text)


def test_htmldate_and_odd_urls_do_not_leak_exceptions() -> None:
    odd = '<html><head><meta name="date" content="99999-99-99"></head><body><p>x</p></body></html>'
    for url in ["http://[::1", "http://[fe80::1%eth0]/", "https://[::ffff:1.2.3.4]:99999/"]:
        assert extract_article(odd, url) is None


_html_fragments = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<a href='http://[::1'>",
        "<script type='application/ld+json'>{",
        "</script>",
        "<meta property='og:url' content='http://[x'>",
        "<link rel=canonical href='//'>",
        "<time datetime='0000-00-00'>",
        "Read more",
        "\x00",
        "\ufffd",
        "&#0;",
        "<!--",
        "<![CDATA[",
        "<html lang='xx-'>",
        # cards and sign-up boxes (`related`, `structure`): links to one story, a cut
        # dek, an image file, e-mail fields with and without a form
        "<a href='/news/2026/11/03/a-b-c-d-e'>",
        "<a href='/img/x.jpg'><img src='/img/x.jpg'>",
        "<h3>",
        "Trains return to the valley line…",
        "<form>",
        "<input type='email'>",
        "<input name='EMAIL'>",
    ]
)
_pages = st.lists(st.one_of(_html_fragments, st.text(max_size=40)), max_size=40).map("".join)
_urls = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(["http://[::1", "https://a.example:0/", "http://a.example/x", "mailto:x"]),
)
_slow = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_slow
@given(html=_pages, url=_urls)
def test_extract_article_returns_on_any_str(html: str, url: str | None) -> None:
    result = extract_article(html, url)
    assert result is None or isinstance(result, dict)


@_slow
@given(body=st.binary(max_size=2000), url=_urls)
def test_extract_article_returns_on_any_bytes(body: bytes, url: str | None) -> None:
    result = extract_article(body, url)
    assert result is None or isinstance(result, dict)


_lines = st.lists(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from(
            [
                "Read more",
                "Advertisement",
                "Share this article",
                "- Harbour strike ends after nine days",
                "Related:",
                "© 2026 The Harbour Gazette",
                "Sign up for our newsletter",
                "By Jane Doe",
                "Jane Doe is a reporter at the Harbour Gazette.",
                "",
                " ".join(prose("p", 1)),
            ]
        ),
    ),
    max_size=25,
).map("\n".join)


_authors = st.lists(st.sampled_from(["Jane Doe", "John Roe", " Jane Doe ", "", "Jane"]), max_size=3)


@settings(max_examples=150, deadline=None)
@given(text=_lines, title=st.one_of(st.none(), st.text(max_size=30)), authors=_authors)
def test_clean_text_never_adds_text_and_is_idempotent(
    text: str, title: str | None, authors: list[str]
) -> None:
    cleaned = clean_text(text, title=title, authors=authors)
    assert isinstance(cleaned, str)
    assert clean_text(cleaned, title=title, authors=authors) == cleaned
    before = [" ".join(line.split()) for line in text.splitlines()]
    for line in cleaned.splitlines():
        if line.strip():
            assert " ".join(line.split()) in before
