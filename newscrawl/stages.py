"""The article chain, one plain function per stage: extract, remove chrome, strip the tail,
validate (and, for a crawl with `-a max_age`, check the age).

The crawl runs each stage in its own item pipeline, in a worker process; `extract_article`
runs them in a row in-process. Both call these functions, so a notebook and a crawl give the
same article for the same page. Stages that clean return the article and the text they
removed, so callers can count and (when debugging) keep it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from newscrawl.cleaning import remove_chrome_lines
from newscrawl.cleaning.html import SiteRules
from newscrawl.cleaning.tail import strip_tail
from newscrawl.core.dates import parse_datetime
from newscrawl.core.text import word_count
from newscrawl.dedup import content_hash
from newscrawl.extraction import extract_page
from newscrawl.items import OPTIONAL_FIELDS, Article, Page


class Rejected(Exception):
    """The page is not an article worth exporting: `reason` is a stats key ("too_short"),
    `detail` says more for the log."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


StageResult = tuple[Article, dict[str, list[str]]]


def extract(page: Page, rules: SiteRules | None = None) -> StageResult:
    """Page -> Article, with the text the HTML-level cleaning removed. Raises `Rejected`."""
    extraction = extract_page(page.html, page.url, page.hints, rules)
    if not extraction.is_article:
        raise Rejected(extraction.reason, extraction.detail)
    fields: dict[str, Any] = extraction.fields
    canonical = fields.pop("canonical_url") or page.url
    article = Article(
        url=page.url,
        canonical_url=canonical,
        fetched_at=page.fetched_at,
        spider=page.spider,
        **fields,
    )
    return article, extraction.removed


def remove_chrome(article: Article) -> StageResult:
    """Drop chrome lines, a repeated headline, and the byline and bio of the authors."""
    text, removed = remove_chrome_lines(article.text, article.title, article.authors)
    return _with_text(article, text), _by_stage("chrome", removed)


def strip_related_tail(article: Article, rules: SiteRules | None = None) -> StageResult:
    """Cut the related-headline tail after the article's last paragraph."""
    text, removed = strip_tail(article.text, rules.tail_headers if rules else ())
    return _with_text(article, text), _by_stage("tail", removed)


def validate(article: Article, min_words: int) -> Article:
    """Fill the derived fields; raise `Rejected` for an empty or too short body.

    Words are counted for every script (`core.text.word_count`): in Chinese or Japanese
    each character is a word, so a short news brief in any language is an article."""
    words = word_count(article.text)
    if words == 0:
        raise Rejected("empty_text")
    if words < min_words:
        raise Rejected("too_short", f"{words} words, fewer than {min_words}")
    return _copy(article, word_count=words, content_hash=content_hash(article.text))


_DAY_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_age(article: Article, cutoff: datetime | None) -> Article:
    """Raise `Rejected("too_old")` when the article was published before `cutoff`
    (`-a max_age`). An article without a publication date passes: nothing says it is
    old. A bare day ("2026-11-01") counts as its last instant: the story may be from late
    that day."""
    if cutoff is None or not article.published:
        return article
    published = parse_datetime(article.published)
    if published is None:
        return article
    if _DAY_ONLY.match(article.published.strip()):
        published += timedelta(days=1) - timedelta(microseconds=1)
    if published < cutoff:
        raise Rejected("too_old", f"published {article.published}, before {cutoff.isoformat()}")
    return article


def _with_text(article: Article, text: str) -> Article:
    return article if text == article.text else _copy(article, text=text)


def _copy(article: Article, **changes: Any) -> Article:
    copied = replace(article, **changes)
    for name in OPTIONAL_FIELDS:  # init=False fields are not carried by replace()
        if hasattr(article, name):
            setattr(copied, name, getattr(article, name))
    return copied


def _by_stage(stage: str, removed: list[str]) -> dict[str, list[str]]:
    return {stage: removed} if removed else {}
