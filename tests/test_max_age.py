"""`-a max_age` bounds the output, for real: `scrapy crawl demo` over the shipped demo site,
whose section pages link articles of every date (and, being pages, give no date before
they are fetched)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from build_demo import article_url, load_content
from conftest import feed_files, read_jsonl, run_crawl

if TYPE_CHECKING:
    from pathlib import Path

CUTOFF = datetime(2026, 11, 1, tzinfo=UTC)
ARTICLES = {
    article_url(article): datetime.fromisoformat(article["published"])
    for article in load_content()["articles"]
}
RECENT = {path for path, published in ARTICLES.items() if published >= CUTOFF}


@pytest.mark.usefixtures("demo_port")
def test_articles_published_before_max_age_are_not_exported(tmp_path: Path) -> None:
    assert 0 < len(RECENT) < len(ARTICLES)
    first = run_crawl("demo", tmp_path, args={"max_age": "2026-11-01"}, output=None)
    assert first.returncode == 0, first.log[-3000:]
    exported = read_jsonl(feed_files(tmp_path, "demo")[0])
    assert {urlsplit(item["url"]).path for item in exported} == RECENT
    assert all(datetime.fromisoformat(item["published"]) >= CUTOFF for item in exported)
    # Old articles listed with a date (sitemap, feeds) are not even requested; those only
    # a section page links are fetched, then dropped once their date is known.
    too_old = first.stat("newscrawl/dropped/too_old")
    assert too_old > 0
    assert too_old + first.stat("newscrawl/skipped/too_old") >= len(ARTICLES) - len(RECENT)
    assert first.log.count("Dropped: too_old: ") == too_old  # one line each
    (summary_file,) = (tmp_path / "data" / "demo").glob("*.summary.json")
    summary = json.loads(summary_file.read_text())
    assert summary["dropped"]["too_old"] == too_old

    served = "Serving the demo site at http://127.0.0.1:8377"
    # Every source read again (-a refresh=dropped: the too old pages are asked for again,
    # and dropped again): the 12 articles exported before are each listed by a sitemap,
    # two feeds and section pages, and counted once each as skipped.
    second = run_crawl(
        "demo", tmp_path, args={"max_age": "2026-11-01", "refresh": "dropped"}, output=None
    )
    assert second.returncode == 0, second.log[-3000:]
    if served not in first.log or served not in second.log:
        pytest.skip("port 8377 was in use: the demo ran on other ports, its URLs changed")
    assert second.stat("newscrawl/skipped/seen") == len(RECENT)
    assert second.stat("newscrawl/dropped/too_old") == too_old
    assert read_jsonl(feed_files(tmp_path, "demo")[-1]) == []
