"""Small, distinct news articles for crawl tests: each passes extraction and the word
floor, and no two share a text or a canonical URL (the duplicates pipeline would drop
them)."""

from __future__ import annotations

from html import escape

from newscrawl.testing.synthetic import prose

#: One short article's paragraphs, for the cleaning and extraction tests' pages.
PARAGRAPHS = [
    "The regional rail operator will run night trains between the two cities from June, "
    "the first regular service at night since the line was electrified.",
    "Tickets go on sale next month and will cost about the same as a day return, the "
    "operator said, with discounts for students and for groups of four or more.",
    "Local businesses welcomed the plan, saying late trains would bring theatre and "
    "restaurant visitors who now leave before the last bus at half past ten.",
]


def paragraphs(n: int) -> list[str]:
    """Three paragraphs of sentence-shaped prose, different for every `n` (no two are
    near-duplicates)."""
    return prose(f"sample-{n}", 3)


def article_html(
    n: int, *, title: str | None = None, dated: bool = True, extra_paragraph: str = ""
) -> str:
    """A complete article page: headline, date (unless `dated=False`), body, site chrome."""
    title = title or f"Quay repairs, part {n}"
    date = f"2026-11-{n % 28 + 1:02d}T08:00:00+00:00"
    meta = f'<meta property="article:published_time" content="{date}">' if dated else ""
    time = f'<time datetime="{date}">{n % 28 + 1} November 2026</time>' if dated else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in [*paragraphs(n), extra_paragraph] if p)
    return (
        f"<!doctype html><html lang='en'><head><title>{escape(title)}</title>"
        f'<meta property="og:type" content="article">{meta}</head><body>'
        "<header><nav><a href='/'>Home</a> <a href='/news/'>News</a></nav></header>"
        f"<main><article><h1>{escape(title)}</h1>{time}{body}</article></main>"
        "<footer>© 2026 The Sample Times</footer></body></html>"
    )
