"""Incremental runs for real: `scrapy crawl` in a subprocess, again and again, over a
synthetic site served on loopback, counting what the server was asked for."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import feed_files, read_jsonl, run_crawl


def _crawl(site: Any, cwd: Path, name: str, **args: str) -> tuple[Any, list[str]]:
    """One run with the default feed; (result, article paths the server was asked for)."""
    before = len(site.server.requests)
    result = run_crawl(name, cwd, args=args, output=None)
    assert result.returncode == 0, result.log[-3000:]
    assert "Traceback" not in result.log
    return result, site.article_requests(since=before)


def _summary(cwd: Path, name: str) -> dict[str, Any]:
    feed = feed_files(cwd, name)[-1]
    path = feed.with_name(feed.name.removesuffix(".jsonl") + ".summary.json")
    summary: dict[str, Any] = json.loads(path.read_text())
    return summary


def test_runs_fetch_only_what_is_new_modified_or_asked_for(tmp_path: Path, synthetic) -> None:
    site = synthetic(20, missing=2, stubs=2, per_sitemap=10)
    name = site.install(tmp_path)

    first, fetched = _crawl(site, tmp_path, name)
    assert len(fetched) == 24 == len(set(fetched))
    assert len(read_jsonl(feed_files(tmp_path, name)[0])) == 20
    assert (
        first.stat("newscrawl/dropped/http_404") == first.stat("newscrawl/dropped/too_short") == 2
    )

    # Unchanged site: robots.txt, and the sitemap index and the feed answer 304 (not
    # modified): not one article page, not even a sitemap's body.
    before = len(site.server.answers)
    second, fetched = _crawl(site, tmp_path, name)
    assert fetched == []
    assert sorted(site.server.answers[before:]) == [
        ("/feed.xml", 304),
        ("/robots.txt", 200),
        ("/robots.txt", 200),  # Scrapy's robots.txt middleware, and the source
        ("/sitemap_index.xml", 304),
    ]
    summary = _summary(tmp_path, name)
    assert summary["articles_exported"] == 0
    assert summary["skipped_as_seen"] == 0
    assert summary["sources"] == {"not_modified": 2, "unchanged": 0}
    assert summary["requests"] == second.stat("downloader/request_count") > 0
    assert summary["finish_reason"] == "finished"
    assert [Path(f) for f in summary["feeds"]] == [feed_files(tmp_path, name)[-1].resolve()]
    assert "Run summary: synthetic run" in second.log

    # Three new articles and one updated: only the new ones are fetched. Sitemaps are in
    # publication order: the first holds the updated one and the third the new ones, so
    # their lastmod in the index moved; the second is unchanged: not requested at all...
    modified = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    site.build(23, missing=2, stubs=2, per_sitemap=10, modified={5: modified})
    new = {a.path for a in site.spec.articles[20:]}
    before = len(site.server.answers)
    third, fetched = _crawl(site, tmp_path, name)
    assert set(fetched) == new and len(fetched) == 3
    assert sorted(a for a in site.server.answers[before:] if a[0].startswith("/sitemap")) == [
        ("/sitemap_index.xml", 200),
        ("/sitemaps/articles-001.xml", 200),
        ("/sitemaps/articles-003.xml", 200),
    ]
    assert third.stat("newscrawl/sources/unchanged") == 1
    # Skips are counted once per URL: the feed lists all 20 old articles, and the two
    # sitemaps 10 of them again (and the 4 dropped pages).
    assert third.stat("newscrawl/skipped/seen") == 20
    assert third.stat("newscrawl/skipped/seen_dropped") == 4
    # ...unless updated articles are asked for: exactly the one whose lastmod moved.
    _, fetched = _crawl(site, tmp_path, name, refresh="modified")
    assert fetched == [site.spec.articles[5].path]
    (updated,) = read_jsonl(feed_files(tmp_path, name)[-1])
    assert datetime.fromisoformat(updated["modified"]) == modified
    # Dropped pages are not retried every run, only when asked.
    _, fetched = _crawl(site, tmp_path, name, refresh="dropped")
    assert set(fetched) == set(site.spec.missing + site.spec.stubs)
    # full=1: everything, as if nothing had been seen.
    _, fetched = _crawl(site, tmp_path, name, full="1")
    assert len(fetched) == 27

    exported = [item["url"] for path in feed_files(tmp_path, name) for item in read_jsonl(path)]
    assert len(exported) == 20 + 3 + 1 + 23
    with sqlite3.connect(tmp_path / "data" / "state.sqlite3") as db:
        runs = db.execute("SELECT status, reason FROM runs ORDER BY started_at").fetchall()
        hashes = db.execute("SELECT COUNT(*) FROM pages WHERE content_hash IS NOT NULL").fetchone()
    assert runs == [("finished", "finished")] * 6
    assert hashes[0] >= 23  # every exported article's text hash is recorded


def test_urls_spider_start_requests_are_skipped_too(tmp_path: Path, synthetic) -> None:
    site = synthetic(3)
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "".join(f"{site.base_url}{a.path}?utm_source=x\n" for a in site.spec.articles)
        + f"{site.base_url}/news/2026/01/01/gone.html\n"
    )
    before = len(site.server.requests)
    # -O replaces its file, so it gets every article unless asked for new ones only.
    incremental = {"file": str(urls), "full": "0"}
    first = run_crawl("urls", tmp_path, args=incremental)
    assert first.returncode == 0 and len(first.items) == 3
    assert len(site.article_requests(since=before)) == 4
    # -O out.jsonl: the summary goes next to it.
    assert json.loads((tmp_path / "out.summary.json").read_text())["articles_exported"] == 3

    before = len(site.server.requests)
    second = run_crawl("urls", tmp_path, args=incremental)
    assert second.returncode == 0 and second.items == []
    assert site.server.requests[before:] == []  # not even robots.txt: nothing to fetch
    assert second.stat("newscrawl/skipped/seen") == 3
    assert second.stat("newscrawl/skipped/seen_dropped") == 1


def test_articles_another_spider_exported_are_duplicates(tmp_path: Path, synthetic) -> None:
    site = synthetic(4)
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(f"{site.base_url}{a.path}\n" for a in site.spec.articles[:3]))
    by_urls = run_crawl("urls", tmp_path, args={"file": str(urls)})
    assert by_urls.returncode == 0 and len(by_urls.items) == 3

    # The site's own spider meets the same three pages (and one more) in one data folder:
    # its crawl state has never seen them, the shared duplicate index has.
    name = site.install(tmp_path)
    by_site, fetched = _crawl(site, tmp_path, name)
    assert len(fetched) == 4
    assert len(read_jsonl(feed_files(tmp_path, name)[0])) == 1
    assert by_site.stat("newscrawl/dropped/duplicate") == 3


def test_bad_incremental_arguments_are_one_line_and_exit_2(tmp_path: Path) -> None:
    for args, message in (
        ({"refresh": "everything"}, "error: refresh='everything': unknown mode everything"),
        ({"full": "maybe"}, "error: full='maybe' is not a flag; write full=1 or full=0"),
    ):
        result = run_crawl("demo", tmp_path, args=args, output=None)
        assert result.returncode == 2
        assert message in result.log
        assert "Traceback" not in result.log
    assert not (tmp_path / "data" / "state.sqlite3").exists()


@pytest.mark.usefixtures("demo_port")  # the spider serves its site before the state fails
def test_an_unusable_state_stops_the_run_before_it_crawls(tmp_path: Path) -> None:
    (tmp_path / "data" / "state.sqlite3").mkdir(parents=True)  # not a database
    result = run_crawl("demo", tmp_path, output=None)
    assert result.returncode == 1
    assert "error: cannot use the crawl state " in result.log
    assert "Spider opened" not in result.log
