"""The Python API: the crawl's article chain for one page, or the cleaners for one text.

    >>> from newscrawl import extract_article, clean_text
    >>> article = extract_article(html, url)   # dict of the exported fields, or None

For notebooks, evaluation and repairing old datasets; the crawl calls the same stages
(`newscrawl.stages`) from its item pipelines.

Both return on every `str` or `bytes` input and never raise: a page that cannot be read
is not an article (None), a text that cannot be cleaned is returned as it was. Both are
bounded: `extract_article` reads pages up to `MAX_PAGE_BYTES` (larger ones are not news
articles: None), `clean_text` cleans texts up to `MAX_TEXT_CHARS` (longer ones are
returned unchanged). Within those bounds a call takes seconds at worst on one core
(README, "Security and limits"); the crawl also bounds each page by
`NEWSCRAWL_TASK_TIMEOUT`. `clean_text` only removes lines and is idempotent:
`clean_text(clean_text(t)) == clean_text(t)`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from itemadapter import ItemAdapter

from newscrawl.addon import NEWSCRAWL_SETTINGS
from newscrawl.cleaning import MAX_TEXT_CHARS, clean_text
from newscrawl.cleaning.html import SiteRules
from newscrawl.core.encoding import decode_html
from newscrawl.items import Page
from newscrawl.stages import Rejected, extract, remove_chrome, strip_related_tail, validate

__all__ = ["DEFAULT_MIN_WORDS", "MAX_PAGE_BYTES", "MAX_TEXT_CHARS", "clean_text", "extract_article"]

logger = logging.getLogger(__name__)

#: Largest page `extract_article` reads, in bytes (or characters, for a `str`): news pages
#: are 50-500 kB; the crawl refuses responses over 16 MB (`DOWNLOAD_MAXSIZE`).
MAX_PAGE_BYTES = 5_000_000
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
    """Extract and clean the article of one page; None when the page is not an article
    (or not text, or over `MAX_PAGE_BYTES`). `bytes` are decoded as the crawl decodes a
    response (`newscrawl.core.encoding`). Never raises."""
    try:
        return _extract(html, url, rules, min_words)
    except Exception:  # a page no stage expected: not an article, never an exception
        logger.warning("extract_article: could not read the page of %r", url, exc_info=True)
        return None


def _extract(
    html: str | bytes, url: str | None, rules: SiteRules | None, min_words: int
) -> dict[str, Any] | None:
    if len(html) > MAX_PAGE_BYTES:
        return None
    if isinstance(html, bytes):
        decoded = _decode(html)
        if decoded is None:
            return None
        html = decoded
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


def _decode(html: bytes) -> str | None:
    """Decode bytes as the crawl does (`newscrawl.core.encoding`); None when they are not text."""
    decoded = decode_html(html)
    return None if decoded.invalid else decoded.text


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
