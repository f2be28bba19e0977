"""The incremental policy without a crawl: `IncrementalMiddleware`'s decisions for
article, sitemap and feed requests, and which sources a run keeps (`SourceLedger`).
Real crawls over a site: tests/test_incremental.py and tests/test_sitemaps_cron.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from scrapy import Request
from scrapy.http import Response, XmlResponse
from scrapy.utils.test import get_crawler

from newscrawl.addon import SettingError
from newscrawl.crawl.incremental import IncrementalMiddleware, unchanged_sources
from newscrawl.spiders import NewsSpider
from newscrawl.spiders.base import KIND, LASTMOD
from newscrawl.state import SourceRecord
from newscrawl.state.extension import PARENT, SOURCE, CrawlStateExtension, SourceLedger
from newscrawl.state.sqlite import SqliteState

if TYPE_CHECKING:
    from pathlib import Path

A = "https://news.example/2026/11/03/a.html"
B = "https://news.example/2026/11/03/b.html"
C = "https://news.example/2026/11/03/c.html"
INDEX = "https://news.example/sitemap_index.xml"
MONTH = "https://news.example/sitemaps/2026-10.xml"


class _Site(NewsSpider):
    name = "news"
    allowed_domains = ("news.example",)


def _policy(
    tmp_path: Path, settings: dict[str, str] | None = None, **kwargs: str
) -> tuple[NewsSpider, IncrementalMiddleware, SqliteState]:
    crawler = get_crawler(_Site, {"NEWSCRAWL_DATA_DIR": str(tmp_path / "data"), **(settings or {})})
    spider = _Site.from_crawler(crawler, **kwargs)
    crawler.spider = spider
    states = CrawlStateExtension(crawler)
    state = SqliteState(tmp_path / "data" / "state.sqlite3", "news")
    states.state = state
    crawler.stats.set_value("newscrawl/run_id", "now")  # type: ignore[union-attr]
    return spider, IncrementalMiddleware(crawler, states), state


def _export(state: SqliteState, url: str, run_id: str, lastmod: str | None = None) -> None:
    state.record_exported(
        [url], article_url=url, lastmod=lastmod, published=None, content_hash=None, run_id=run_id
    )


def _wanted(spider: NewsSpider, policy: IncrementalMiddleware, url: str, **hints: Any) -> bool:
    request = spider.article_request(url, **hints)
    return request is not None and policy.filter(request, None) is not None


def test_articles_earlier_runs_saw_are_skipped_and_counted_once_per_url(tmp_path: Path) -> None:
    spider, policy, state = _policy(tmp_path)
    _export(state, A, "earlier", lastmod="2026-11-03T12:00:00+00:00")
    state.record_dropped([B], "not_article", lastmod=None, run_id="earlier")
    _export(state, C, "now")  # this run's own exports are the duplicate filter's business
    for _ in range(5):  # listed by a sitemap, a feed and three section pages
        assert not _wanted(spider, policy, A + "?utm_source=rss#top", modified="2026-11-04")
        assert not _wanted(spider, policy, B)
        assert _wanted(spider, policy, C)
    assert _wanted(spider, policy, "https://news.example/new.html")
    stats = spider.crawler.stats
    assert stats.get_value("newscrawl/skipped/seen") == 1  # type: ignore[union-attr]
    assert stats.get_value("newscrawl/skipped/seen_dropped") == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("kwargs", "fetched"),
    [
        ({}, set()),
        ({"refresh": "modified"}, {"moved"}),
        ({"refresh": "dropped"}, {"dropped"}),
        ({"refresh": "modified,dropped"}, {"moved", "dropped"}),
        ({"full": "1"}, {"moved", "same", "dropped"}),
    ],
)
def test_refresh_and_full(tmp_path: Path, kwargs: dict[str, str], fetched: set[str]) -> None:
    spider, policy, state = _policy(tmp_path, **kwargs)
    _export(state, A, "earlier", lastmod="2026-11-03T12:00:00+00:00")
    _export(state, B, "earlier", lastmod="2026-11-03T12:00:00+00:00")
    state.record_dropped([C], "too_short", lastmod=None, run_id="earlier")
    wanted = {
        # A's sitemap lastmod moved on; B's is the same instant written with an offset.
        "moved": _wanted(spider, policy, A, modified="2026-11-05T08:00:00+00:00"),
        "same": _wanted(spider, policy, B, modified="2026-11-03T13:00:00+01:00"),
        "dropped": _wanted(spider, policy, C),
    }
    assert {name for name, yes in wanted.items() if yes} == fetched


@pytest.mark.parametrize(
    ("max_age", "fetched"),
    [("2026-11-01", False), ("2026-10-01", True), ("", True)],
)
def test_a_page_too_old_is_fetched_again_when_the_cutoff_moves_before_it(
    tmp_path: Path, max_age: str, fetched: bool
) -> None:
    spider, policy, state = _policy(tmp_path, max_age=max_age)
    state.record_dropped([A], "too_old", lastmod="2026-10-15T00:00:00+00:00", run_id="earlier")
    assert _wanted(spider, policy, A) is fetched


def _sitemap_request(url: str, lastmod: str | None = None, parent: str | None = None) -> Request:
    meta: dict[str, Any] = {KIND: "sitemap"}
    if lastmod:
        meta[LASTMOD] = lastmod
    if parent:
        meta[PARENT] = parent
    return Request(url, meta=meta)


def test_a_sitemap_read_whole_before_is_skipped_or_asked_whether_it_changed(
    tmp_path: Path,
) -> None:
    spider, policy, state = _policy(tmp_path)
    state.record_sources(
        [
            SourceRecord(MONTH, etag='"v1"', lastmod="2026-10-31T23:00:00+00:00", run_id="r1"),
            SourceRecord(INDEX, last_modified="Sun, 01 Nov 2026 00:00:00 GMT", run_id="r1"),
        ]
    )
    # Its index gives the same lastmod (another offset): not requested at all.
    assert policy.filter(_sitemap_request(MONTH, "2026-11-01T00:00:00+01:00"), None) is None
    assert spider.crawler.stats.get_value("newscrawl/sources/unchanged") == 1  # type: ignore[union-attr]
    # A newer lastmod, or none: asked with the validators of the last read.
    request = policy.filter(_sitemap_request(MONTH, "2026-11-02T00:00:00+00:00"), None)
    assert request is not None
    assert request.headers[b"If-None-Match"] == b'"v1"'
    assert b"If-Modified-Since" not in request.headers
    assert request.meta["handle_httpstatus_list"] == [304]
    request = policy.filter(_sitemap_request(INDEX), None)
    assert request is not None
    assert request.headers[b"If-Modified-Since"] == b"Sun, 01 Nov 2026 00:00:00 GMT"
    # Never read: a plain request.
    request = policy.filter(_sitemap_request("https://news.example/other.xml"), None)
    assert request is not None and b"If-None-Match" not in request.headers


@pytest.mark.parametrize(
    "kwargs",
    [{"full": "1"}, {"refresh": "dropped"}, {"refresh": "modified"}, {"max_age": ""}],
    ids=str,
)
def test_every_source_is_read_when_the_run_wants_what_earlier_runs_left(
    tmp_path: Path, kwargs: dict[str, str]
) -> None:
    _, policy, state = _policy(tmp_path, **kwargs)
    # The last read skipped entries older than 2026-10-01 (max_age).
    state.record_sources(
        [
            SourceRecord(
                MONTH,
                etag='"v1"',
                lastmod="2026-10-31T23:00:00+00:00",
                cutoff="2026-10-01T00:00:00+00:00",
            )
        ]
    )
    request = policy.filter(_sitemap_request(MONTH, "2026-10-31T23:00:00+00:00"), None)
    assert request is not None and b"If-None-Match" not in request.headers


def test_a_read_source_is_kept_with_its_validators(tmp_path: Path) -> None:
    spider, policy, _ = _policy(tmp_path, max_age="2026-10-01")
    request = policy.filter(_sitemap_request(MONTH, "2026-10-31T23:00:00Z", parent=INDEX), None)
    assert request is not None
    response = XmlResponse(
        MONTH, body=b"<urlset/>", headers={"ETag": '"v2"'}, request=request, status=200
    )
    policy._read(response)
    (record,) = policy.states.sources.complete()
    assert (record.url, record.etag, record.lastmod, record.cutoff, record.run_id) == (
        MONTH,
        '"v2"',
        "2026-10-31T23:00:00+00:00",
        "2026-10-01T00:00:00+00:00",
        "now",
    )
    not_modified = Response(MONTH, status=304, request=request)
    policy._read(not_modified)
    assert spider.crawler.stats.get_value("newscrawl/sources/not_modified") == 1  # type: ignore[union-attr]


def test_a_failure_keeps_its_source_and_every_source_above_it_unread() -> None:
    ledger = SourceLedger()
    for url in ("robots-listed.xml", INDEX, MONTH, "news.xml", "feed.xml"):
        ledger.read(SourceRecord(url))
    ledger.found(MONTH, INDEX)
    ledger.found(INDEX, "robots-listed.xml")
    ledger.found("news.xml", INDEX)
    ledger.fail(MONTH)  # an article of MONTH timed out
    assert [r.url for r in ledger.complete()] == ["news.xml", "feed.xml"]
    ledger.fail(None)  # an article found on a listing page: no source kept
    assert len(ledger.complete()) == 2


def test_the_sitemap_request_carries_its_index_lastmod_and_follows_sitemap_follow() -> None:
    class Archive(_Site):
        sitemap_follow = (r"/sitemaps/2026-",)

    spider = Archive.from_crawler(get_crawler(Archive))
    body = (
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://news.example/sitemaps/2026-10.xml</loc>"
        b"<lastmod>2026-10-31T23:00:00Z</lastmod></sitemap>"
        b"<sitemap><loc>https://news.example/sitemaps/2019-01.xml</loc></sitemap>"
        b"<sitemap><loc>https://news.example/sitemaps/video.xml</loc></sitemap>"
        b"</sitemapindex>"
    )
    requests = list(spider.parse_sitemap(XmlResponse(INDEX, body=body)))
    assert [(r.url, r.meta[KIND], r.meta.get(LASTMOD)) for r in requests] == [
        (MONTH, "sitemap", "2026-10-31T23:00:00Z")
    ]
    stats = spider.crawler.stats
    assert stats.get_value("newscrawl/sources/not_followed") == 2  # type: ignore[union-attr]
    assert stats.get_value("newscrawl/sources/done") == 1  # type: ignore[union-attr]
    assert SOURCE not in requests[0].meta  # the middleware sets it


@pytest.mark.parametrize(("mode", "asked"), [("ask", True), ("fetch", False)])
def test_unchanged_sources_setting(tmp_path: Path, mode: str, asked: bool) -> None:
    _, policy, state = _policy(tmp_path, {"NEWSCRAWL_UNCHANGED_SOURCES": mode})
    state.record_sources([SourceRecord(MONTH, etag='"v1"', lastmod="2026-10-31T23:00:00+00:00")])
    # The index's lastmod did not move, but it is not trusted: asked ("ask") or fetched.
    request = policy.filter(_sitemap_request(MONTH, "2026-10-31T23:00:00+00:00"), None)
    assert request is not None
    assert (b"If-None-Match" in request.headers) is asked


def test_a_bad_unchanged_sources_setting_says_what_to_write() -> None:
    assert unchanged_sources(None) == "skip"
    with pytest.raises(SettingError, match="'skip', 'ask' or 'fetch', not 'sometimes'"):
        unchanged_sources("sometimes")
