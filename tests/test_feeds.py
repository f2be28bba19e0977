"""Every feed format exports every article, from the Article schema; an article counts as
exported only once the feed holds it; `-O FILE` gets every article, run after run."""

from __future__ import annotations

import csv
import gzip
import json
import os
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from conftest import CrawlResult, feed_files, read_jsonl, run_crawl

from newscrawl.items import ARTICLE_FIELDS

TESTS = Path(__file__).parent
ARTICLES = 5


def _read(path: Path) -> list[dict[str, Any]]:
    name = path.name
    if name.endswith(".csv"):
        with path.open(newline="", encoding="utf-8") as rows:
            return list(csv.DictReader(rows))
    if name.endswith(".xml"):
        root = ET.parse(path).getroot()
        return [
            {f.tag: [v.text for v in f] if len(f) else (f.text or "") for f in item}
            for item in root
        ]
    if name.endswith(".jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            return [json.loads(line) for line in lines]
    if name.endswith(".json"):
        return list(json.loads(path.read_text("utf-8")))
    return read_jsonl(path)


@pytest.mark.parametrize("output", ["out.csv", "out.json", "out.xml", "out.jsonl.gz"])
def test_every_format_exports_every_article(tmp_path: Path, synthetic, output: str) -> None:
    site = synthetic(ARTICLES)
    name = site.install(tmp_path)
    result = run_crawl(name, tmp_path, output=output)
    assert result.returncode == 0, result.log[-3000:]
    assert "Traceback" not in result.log and " ERROR: " not in result.log
    rows = _read(tmp_path / output)
    assert len(rows) == ARTICLES
    assert result.stat("newscrawl/exported") == ARTICLES
    by_title = {row["title"]: row for row in rows}
    for article in site.spec.articles:
        row = by_title[article.title]
        assert row["url"] == site.base_url + article.path
        assert len(row["text"].split()) > 50
        authors = row["authors"]
        assert authors == ([article.author] if output != "out.csv" else article.author)
    if output == "out.csv":
        with (tmp_path / output).open(newline="", encoding="utf-8") as rows_file:
            header = next(csv.reader(rows_file))
        # The Article schema's columns, in order, then the optional ones.
        assert header == [*ARTICLE_FIELDS, "removed", "duplicate_of"]


def test_csv_keeps_lists_readable(tmp_path: Path, synthetic) -> None:
    site = synthetic(2)
    name = site.install(tmp_path)
    result = run_crawl(name, tmp_path, args={"debug_cleaning": "1"}, output="out.csv")
    assert result.returncode == 0, result.log[-3000:]
    rows = _read(tmp_path / "out.csv")
    assert len(rows) == 2
    for row in rows:
        assert "[" not in row["authors"] and row["authors"]
        assert isinstance(json.loads(row["removed"]), dict)  # JSON, not a Python repr


def test_readme_first_command_twice_gives_the_articles_both_times(
    tmp_path: Path, synthetic
) -> None:
    site = synthetic(ARTICLES)
    name = site.install(tmp_path)
    first = run_crawl(name, tmp_path, output="articles.jsonl")
    second = run_crawl(name, tmp_path, output="articles.jsonl")
    assert first.returncode == second.returncode == 0
    assert len(first.items) == len(second.items) == ARTICLES
    # Asked for: only the new ones.
    third = run_crawl(name, tmp_path, args={"full": "0"}, output="articles.jsonl")
    assert third.returncode == 0 and third.items == []
    assert third.stat("newscrawl/fetched/articles") == 0
    # Its sitemap index and feed have not changed since the last run: 304, nothing to read.
    assert third.stat("newscrawl/sources/not_modified") == 2
    # The default feed (cron's): incremental, as before.
    fourth = run_crawl(name, tmp_path, output=None)
    assert fourth.returncode == 0 and fourth.stat("item_scraped_count") == 0


def _exported_urls(cwd: Path) -> set[str]:
    with sqlite3.connect(cwd / "data" / "state.sqlite3") as db:
        return {
            url for (url,) in db.execute("SELECT article_url FROM pages WHERE status = 'exported'")
        }


def test_a_full_disk_exports_nothing_and_the_next_run_fetches_everything(
    tmp_path: Path, synthetic
) -> None:
    site = synthetic(ARTICLES)
    name = site.install(tmp_path)
    full = run_crawl(name, tmp_path, output="/dev/full:jsonlines")
    assert full.returncode == 5, full.log[-3000:]
    assert "No space left on device" in full.log and " ERROR: " in full.log
    assert full.stat("newscrawl/exported") == 0
    assert _exported_urls(tmp_path) == set()
    with sqlite3.connect(tmp_path / "data" / "state.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM pages WHERE status = 'pending'").fetchone() == (0,)

    after = run_crawl(name, tmp_path, output=None)
    assert after.returncode == 0, after.log[-3000:]
    (feed,) = feed_files(tmp_path, name)
    assert len(read_jsonl(feed)) == ARTICLES


def test_an_exporter_error_is_an_error_and_the_article_is_fetched_again(
    tmp_path: Path, synthetic
) -> None:
    site = synthetic(ARTICLES)
    name = site.install(tmp_path)
    settings = {"FEED_EXPORTERS": json.dumps({"failing": "support.faulty_feeds.FailingExporter"})}
    env = {"PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    failing = _crawl_with_env(name, tmp_path, settings, "out.jsonl:failing", env)
    assert failing.returncode == 5, failing.log[-3000:]
    assert "Could not write" in failing.log and "has no attribute 'removed'" in failing.log
    assert failing.stat("newscrawl/export_failed") == 1
    assert failing.stat("newscrawl/exported") == ARTICLES - 1
    assert len(read_jsonl(tmp_path / "out.jsonl")) == ARTICLES - 1
    summary = json.loads((tmp_path / "out.summary.json").read_text())
    assert summary["articles_exported"] == ARTICLES - 1
    assert len(_exported_urls(tmp_path)) == ARTICLES - 1

    after = run_crawl(name, tmp_path, output=None)
    assert after.returncode == 0, after.log[-3000:]
    (feed,) = feed_files(tmp_path, name)
    assert [item["url"].endswith("-1.html") for item in read_jsonl(feed)] == [True]


def _crawl_with_env(
    name: str, cwd: Path, settings: dict[str, str], output: str, env: dict[str, str]
) -> CrawlResult:
    import subprocess

    from conftest import CRAWL_ENV, crawl_command, crawl_stats

    process = subprocess.run(
        [*crawl_command(name, settings={"NEWSCRAWL_STATE": "sqlite", **settings}), "-O", output],
        cwd=cwd,
        env={**CRAWL_ENV, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return CrawlResult([], crawl_stats(process.stderr), process.stderr, process.returncode)
