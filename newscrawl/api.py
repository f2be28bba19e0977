"""The Python API: the crawl's article chain for one page, or the cleaners for one text.

    >>> from newscrawl import extract_article, clean_text
    >>> article = extract_article(html, url)   # dict of the exported fields, or None

For notebooks, evaluation and repairing old datasets; the crawl calls the same stages
(`newscrawl.stages`) from its item pipelines.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from itemadapter import ItemAdapter

from newscrawl.addon import NEWSCRAWL_SETTINGS
from newscrawl.cleaning import clean_text
from newscrawl.cleaning.html import SiteRules
from newscrawl.items import Page
from newscrawl.stages import Rejected, extract, remove_chrome, strip_related_tail, validate

__all__ = ["DEFAULT_MIN_WORDS", "clean_text", "extract_article"]

#: Bodies shorter than this are not articles (teasers, paywall stubs, error pages); the
#: crawl's default too (`NEWSCRAWL_MIN_WORDS`).
DEFAULT_MIN_WORDS: int = NEWSCRAWL_SETTINGS["NEWSCRAWL_MIN_WORDS"]


def extract_article(
    html: str | bytes,
    url: str | None = None,
    *,
    rules: SiteRules | None = None,
    min_words: int = DEFAULT_MIN_WORDS,
) -> dict[str, Any] | None:
    """Extract and clean the article of one page; None when the page is not an article."""
    if isinstance(html, bytes):
        html = _decode(html)
    page = Page(url=url or "", html=html, spider="api", fetched_at=_now())
    try:
        article, _ = extract(page, rules)
        article, _ = remove_chrome(article)
        article, _ = strip_related_tail(article, rules)
        article = validate(article, min_words)
    except Rejected:
        return None
    fields = ItemAdapter(article).asdict()
    if not url:
        fields["url"] = None
    return fields


def _decode(html: bytes) -> str:
    """Decode bytes as the crawl would: declared or sniffed encoding (w3lib's rules)."""
    from w3lib.encoding import html_to_unicode

    _, text = html_to_unicode(None, html)
    return text


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
