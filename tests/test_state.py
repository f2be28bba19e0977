"""The crawl state without a crawl: the SQLite backend, recovery of killed runs, the run
lock, the line-safe feed storage, the run summary, and spider arguments (the skip
decisions are the incremental middleware's: tests/test_incremental_policy.py)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from scrapy.addons import AddonManager
from scrapy.extensions.feedexport import FeedExporter
from scrapy.http import HtmlResponse, XmlResponse
from scrapy.settings import Settings
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object
from scrapy.utils.test import get_crawler

from newscrawl.crawl import signals
from newscrawl.crawl.feeds import LineFileFeedStorage
from newscrawl.crawl.runlock import AlreadyRunning, RunLock, RunLockExtension
from newscrawl.crawl.summary import format_summary, summarize
from newscrawl.spiders import NewsSpider
from newscrawl.spiders.args import ArgumentError, parse_refresh
from newscrawl.state import FeedFile, Run, StateUnavailable, newest_date
from newscrawl.state.extension import CrawlStateExtension
from newscrawl.state.recovery import recover_interrupted_runs, repair_jsonl
from newscrawl.state.sqlite import SqliteState

if TYPE_CHECKING:
    from pathlib import Path

A = "https://news.example/2026/11/03/a.html"
B = "https://news.example/2026/11/03/b.html"
C = "https://news.example/2026/11/03/c.html"


def _state(tmp_path: Path, spider: str = "news") -> SqliteState:
    return SqliteState(tmp_path / "data" / "state.sqlite3", spider)


def _run(run_id: str, *feeds: FeedFile, spider: str = "news") -> Run:
    return Run(
        run_id, spider, pid=1, host="h", started_at="2026-11-24T00:00:00+00:00", feeds=[*feeds]
    )


def _export(state: SqliteState, url: str, run_id: str, *aliases: str, **fields: Any) -> None:
    state.record_exported(
        [url, *aliases],
        article_url=url,
        lastmod=fields.get("lastmod"),
        published=fields.get("published"),
        content_hash=fields.get("content_hash"),
        run_id=run_id,
    )


# SQLite backend


def test_exported_article_is_found_under_every_alias(tmp_path: Path) -> None:
    state = _state(tmp_path)
    _export(state, A, "r1", "https://www.news.example/a", lastmod="2026-11-03T12:00:00+00:00")
    for url in (A, "https://www.news.example/a"):
        seen = state.get(url)
        assert seen is not None
        assert (seen.status, seen.article_url, seen.run_id) == ("exported", A, "r1")
        assert seen.lastmod == "2026-11-03T12:00:00+00:00"
    assert state.get(B) is None


def test_a_drop_never_overwrites_an_export(tmp_path: Path) -> None:
    state = _state(tmp_path)
    _export(state, A, "r1")
    state.record_dropped([A, B], "duplicate", lastmod=None, run_id="r2")
    assert state.get(A).status == "exported"  # type: ignore[union-attr]
    seen = state.get(B)
    assert seen is not None and (seen.status, seen.reason) == ("dropped", "duplicate")
    _export(state, B, "r3")  # ...but an export replaces a drop
    assert state.get(B).status == "exported"  # type: ignore[union-attr]


def test_records_are_per_spider_and_hashes_are_found_across_spiders(tmp_path: Path) -> None:
    one, two = _state(tmp_path, "one"), _state(tmp_path, "two")
    _export(one, A, "r1", content_hash="h1")
    _export(two, B, "r2", content_hash="h1")
    assert two.get(A) is None
    assert [(s.spider, s.url) for s in one.by_content_hash("h1")] == [("one", A), ("two", B)]


def test_forget_only_touches_the_given_run(tmp_path: Path) -> None:
    state = _state(tmp_path)
    _export(state, A, "r1")
    _export(state, B, "r2")
    state.forget([A, B], "r2")
    assert state.get(A) is not None and state.get(B) is None


def test_runs_are_recorded_with_their_feeds(tmp_path: Path) -> None:
    state = _state(tmp_path)
    state.start_run(_run("r1"))
    state.add_feed("r1", FeedFile("/d/a.jsonl", "jsonlines", True))
    assert [r.feeds for r in state.unfinished_runs()] == [
        [FeedFile("/d/a.jsonl", "jsonlines", True)]
    ]
    state.finish_run("r1", status="finished", reason="finished")
    assert state.unfinished_runs() == []
    assert state.runs()[0].reason == "finished"


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    _state(tmp_path)._db.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    with pytest.raises(StateUnavailable, match="newer newscrawl"):
        _state(tmp_path)


# Recovery


def _canonical(url: str) -> str:
    return url.replace("news.example/", "www.news.example/")


def _jsonl(path: Path, *urls: str, tail: bytes = b"") -> Path:
    lines = [
        json.dumps({"url": u, "canonical_url": _canonical(u), "content_hash": u[-6:]}) for u in urls
    ]
    path.write_bytes("".join(f"{line}\n" for line in lines).encode() + tail)
    return path


@pytest.mark.parametrize(
    ("content", "kept"),
    [
        (b'{"a": 1}\n{"b": 2}\n', b'{"a": 1}\n{"b": 2}\n'),
        (b'{"a": 1}\n{"b": 2', b'{"a": 1}\n'),
        (b'{"b": 2', b""),
        (b"", b""),
        (b'{"a": 1}\n' + b"x" * 200_000, b'{"a": 1}\n'),  # the cut-off line spans chunks
    ],
)
def test_repair_cuts_after_the_last_whole_line(tmp_path: Path, content: bytes, kept: bytes) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(content)
    assert repair_jsonl(path) == len(content) - len(kept)
    assert path.read_bytes() == kept


def test_recovery_makes_the_state_agree_with_the_killed_runs_file(tmp_path: Path) -> None:
    state = _state(tmp_path)
    feed = _jsonl(tmp_path / "run1.jsonl", A, B, tail=b'{"url": "' + C.encode())
    state.start_run(_run("r1", FeedFile(str(feed), "jsonlines", True)))
    _export(state, A, "r1", "https://news.example/redirected-from")  # recorded, and in the file
    _export(state, C, "r1")  # recorded, but its line was cut off: fetch it again
    # B: in the file, not recorded (written by other means): recorded now

    (result,) = recover_interrupted_runs(state)

    assert [json.loads(line)["url"] for line in feed.read_text().splitlines()] == [A, B]
    assert (result.kept, result.recorded, result.forgotten) == (2, 1, 1)
    assert result.truncated_bytes > 0
    assert state.get("https://news.example/redirected-from") is not None  # aliases kept
    assert state.get(B) is not None and state.get(_canonical(B)) is not None
    assert state.get(B).content_hash == B[-6:]  # type: ignore[union-attr]
    assert state.get(C) is None
    assert state.unfinished_runs() == []
    assert state.runs()[0].status == "interrupted"


def test_recovery_of_a_file_appended_to_reads_only_the_killed_runs_lines(tmp_path: Path) -> None:
    state = _state(tmp_path)
    feed = _jsonl(tmp_path / "out.jsonl", A)  # an earlier run's line (`-o out.jsonl`)
    _export(state, A, "r0")
    start = feed.stat().st_size
    feed.write_bytes(feed.read_bytes() + _jsonl(tmp_path / "x", B).read_bytes())
    state.start_run(_run("r1", FeedFile(str(feed), "jsonlines", True, start)))

    (result,) = recover_interrupted_runs(state)

    assert (result.kept, result.recorded) == (1, 1)
    assert state.get(A).run_id == "r0"  # type: ignore[union-attr]
    assert state.get(B).run_id == "r1"  # type: ignore[union-attr]


@pytest.mark.parametrize("why", ["overwritten", "not line-safe", "file gone"])
def test_recovery_keeps_nothing_it_cannot_trust(tmp_path: Path, why: str) -> None:
    state = _state(tmp_path)
    feed = _jsonl(tmp_path / "out.jsonl", A)
    state.start_run(_run("r1", FeedFile(str(feed), "jsonlines", why != "not line-safe")))
    _export(state, A, "r1")
    if why == "file gone":
        feed.unlink()
    recover_interrupted_runs(state, overwritten=[feed] if why == "overwritten" else [])
    assert state.get(A) is None


def test_newest_date_is_utc_and_comparable() -> None:
    assert newest_date("2026-11-03T09:30:00+01:00", "2026-11-03") == "2026-11-03T08:30:00+00:00"
    assert newest_date(None, "", "garbage") is None


# Run lock


def test_a_second_lock_names_the_holder(tmp_path: Path) -> None:
    first, second = RunLock(tmp_path / "news.lock"), RunLock(tmp_path / "news.lock")
    first.acquire("news")
    with pytest.raises(
        AlreadyRunning, match=r"another run of news is running since .* \(pid \d+\)"
    ):
        second.acquire("news")
    first.release()
    second.acquire("news")  # free again
    second.release()


# Feed storage


def test_feed_storage_writes_each_item_through(tmp_path: Path) -> None:
    crawler = get_crawler(NewsSpider)
    opened: list[dict[str, Any]] = []

    class Listener:
        def opened(self, **kwargs: Any) -> None:
            opened.append(kwargs)

    listener = Listener()
    crawler.signals.connect(listener.opened, signal=signals.feed_file_opened)
    path = tmp_path / "out" / "feed.jsonl"
    storage = LineFileFeedStorage.from_crawler(
        crawler, str(path), feed_options={"format": "jsonlines"}
    )
    file = storage.open(NewsSpider(name="x"))
    file.write(b'{"a": 1}\n')
    assert path.read_bytes() == b'{"a": 1}\n'  # on disk before the file is closed
    storage.store(file)
    assert opened[0]["path"] == path.resolve() and opened[0]["line_safe"] is True
    assert opened[0]["start"] == 0
    appended = LineFileFeedStorage.from_crawler(crawler, str(path), feed_options={})
    appended.store(appended.open(NewsSpider(name="x")))
    assert opened[1]["start"] == len(b'{"a": 1}\n')  # -o appends: this run starts here
    assert opened[1]["line_safe"] is False  # no format given: not known to be JSON Lines


def test_the_state_hears_of_an_item_before_the_feed_writes_it() -> None:
    """Receivers of a signal run in the order they were connected, which is the order
    extensions are built: the state's before FeedExporter's."""
    settings = Settings({"ADDONS": {"newscrawl.addon.NewscrawlAddon": 0}})
    AddonManager(get_crawler()).load_settings(settings)
    order = [load_object(path) for path in build_component_list(settings.getwithbase("EXTENSIONS"))]
    assert order.index(RunLockExtension) == 0
    assert order.index(CrawlStateExtension) < order.index(FeedExporter)


# Summary


def test_summary_from_stats() -> None:
    stats = {
        "newscrawl/run_id": "r1",
        "finish_reason": "finished",
        "elapsed_time_seconds": 12.5,
        "downloader/request_count": 10,
        "newscrawl/fetched/articles": 6,
        "item_scraped_count": 4,
        "newscrawl/dropped/not_article": 1,
        "newscrawl/dropped/duplicate": 1,
        "newscrawl/dropped/near_duplicate": 1,
        "newscrawl/duplicates/near_duplicate": 2,  # kept with duplicate_of
        "newscrawl/skipped/seen": 30,
        "newscrawl/skipped/seen_dropped": 2,
        "newscrawl/cleaned/tail/articles": 3,
        "newscrawl/cleaned/tail/chars": 300,
        "newscrawl/cleaned/chrome/chars": 50,
        "log_count/ERROR": 1,
    }
    summary = summarize(stats)
    assert summary["articles_exported"] == 4
    assert summary["dropped"] == {"duplicate": 1, "near_duplicate": 1, "not_article": 1}
    assert summary["duplicates"] == 4
    assert summary["skipped_as_seen"] == 32
    assert summary["tails_stripped"] == 3
    assert summary["chars_removed"] == {"tail": 300, "chrome": 50}
    assert summary["chars_removed_total"] == 350
    assert summary["errors"] == 1
    text = format_summary({"spider": "news", **summary})
    assert "32 (exported before 30, dropped before 2)" in text
    assert len(text.splitlines()) <= 12


# Spider arguments and the skip decision


def test_refresh_argument() -> None:
    assert parse_refresh("modified, dropped") == {"modified", "dropped"}
    assert parse_refresh(None) == frozenset()
    with pytest.raises(ArgumentError, match="refresh=modified, refresh=dropped"):
        parse_refresh("everything")


class _Listed(NewsSpider):
    name = "listed"
    allowed_domains = ("127.0.0.1",)
    article_allow = (r"/\d{4}/[\w-]+\.html$",)
    listing_follow = (r"/section/$",)


def test_listing_links_are_followed_on_a_site_served_on_a_port() -> None:
    # Scrapy's LinkExtractor(allow_domains=...) compares host:port with the domain.
    spider = _Listed.from_crawler(get_crawler(_Listed))
    body = (
        '<a href="/2026/harbour-strike.html">Strike</a> <a href="/section/">Section</a> '
        '<a href="http://elsewhere.example/2026/other.html">Other site</a>'
    )
    response = HtmlResponse("http://127.0.0.1:8377/", body=body.encode(), encoding="utf-8")
    urls = [request.url for request in spider.parse_listing(response)]
    assert urls == [
        "http://127.0.0.1:8377/2026/harbour-strike.html",
        "http://127.0.0.1:8377/section/",
    ]


def test_sitemap_index_entries_that_are_not_absolute_urls_are_joined_or_counted() -> None:
    spider = _Listed.from_crawler(get_crawler(_Listed))
    body = (
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>/sitemaps/news.xml</loc></sitemap>"
        b"<sitemap><loc>mailto:webmaster@news.example</loc></sitemap></sitemapindex>"
    )
    response = XmlResponse("http://127.0.0.1:8377/sitemap_index.xml", body=body)
    urls = [request.url for request in spider.parse_sitemap(response)]
    assert urls == ["http://127.0.0.1:8377/sitemaps/news.xml"]
    assert spider.crawler.stats.get_value("newscrawl/sources/invalid_url") == 1
