"""The README's main job, for real: `scrapy crawl demo` over the shipped demo site.

The site's source of truth (`tools/demo_content.toml`) says what every article is;
the crawl must export each exactly once, whole (every paragraph and list item, in order),
without chrome or related headlines, with the right metadata, and nothing else.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from build_demo import (
    CHROME_SNIPPETS,
    NON_ARTICLE_URLS,
    TAIL_SNIPPETS,
    article_url,
    load_content,
    text_blocks,
)
from conftest import POOL, CrawlResult, demo_port_lock, run_crawl

CONTENT = load_content()
ARTICLES = {article_url(a): a for a in CONTENT["articles"]}
AUTHORS = {a["slug"]: a["name"] for a in CONTENT["authors"]}


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    # End to end as a user runs it: extraction in the worker pool.
    with demo_port_lock():
        result = run_crawl(
            "demo", tmp_path_factory.mktemp("demo"), output="articles.jsonl", settings=POOL
        )
    assert result.returncode == 0, result.log[-3000:]
    return result


@pytest.fixture(scope="module")
def exported(crawl: CrawlResult) -> dict[str, dict[str, Any]]:
    paths = [urlsplit(item["url"]).path for item in crawl.items]
    assert len(paths) == len(set(paths)), "an article was exported twice"
    return dict(zip(paths, crawl.items, strict=True))


def test_every_article_exactly_once_and_nothing_else(
    exported: dict[str, dict[str, Any]], crawl: CrawlResult
) -> None:
    assert sorted(exported) == sorted(ARTICLES)
    assert not set(exported) & set(NON_ARTICLE_URLS)
    assert crawl.stat("newscrawl/dropped/http_404") == 1  # the deleted story
    assert "Traceback" not in crawl.log


@pytest.mark.parametrize("path", sorted(ARTICLES))
def test_article_is_whole_and_clean(path: str, exported: dict[str, dict[str, Any]]) -> None:
    article, item = ARTICLES[path], exported[path]
    text = _norm(item["text"])
    position = 0
    for block in text_blocks(article):
        found = text.find(_norm(block), position)
        assert found >= 0, f"lost or out of order: {block[:80]!r}"
        position = found + len(_norm(block))
    # Nothing after the last block but list markers: no tail, and no contributor credit
    # ("Reporting by ..."): it is about the article, not its text.
    assert not re.sub(r"[\s\-–•]", "", text[position:]), text[position:]
    for snippet in CHROME_SNIPPETS:
        assert _norm(snippet) not in text, f"chrome left in: {snippet!r}"
    for title in TAIL_SNIPPETS:
        if title != article["title"]:
            assert _norm(title) not in text, f"related headline left in: {title!r}"


@pytest.mark.parametrize("path", sorted(ARTICLES))
def test_article_metadata(path: str, exported: dict[str, dict[str, Any]]) -> None:
    article, item = ARTICLES[path], exported[path]
    assert item["title"] == article["title"]
    names = [AUTHORS[slug] for slug in article["authors"]]
    assert item["authors"] == (names or item["authors"])
    if not names:  # agency or staff copy: the byline, or nobody
        assert item["authors"] in ([], [article["byline"]])
    assert _instant(item["published"]) == _instant(article["published"])
    if "modified" in article:
        assert _instant(item["modified"]) == _instant(article["modified"])
    elif item["modified"] is not None:
        # The page is silent; the archive sitemap's lastmod (its publication time) may speak.
        # Never the crawl time.
        assert _instant(item["modified"]) == _instant(article["published"])
    assert item["language"] == article["language"]
    assert item["site"] == "harbourgazette.example"
    assert item["spider"] == "demo"
    assert item["paywalled"] in ((True,) if article.get("paywalled") else (None, False))
    assert item["word_count"] > 100
    assert len(item["content_hash"]) == 40


@pytest.mark.usefixtures("demo_port")
def test_default_feed_is_one_utf8_file_per_run_under_data(tmp_path: Path) -> None:
    """Without -o/-O the crawl writes data/<spider>/<run time>.jsonl; runs never collide."""
    first = run_crawl("demo", tmp_path, output=None)
    second = run_crawl("demo", tmp_path, output=None)
    assert first.returncode == second.returncode == 0
    files = sorted((tmp_path / "data" / "demo").glob("*.jsonl"))
    assert len(files) == 2
    raw = files[0].read_text("utf-8")
    assert "\\u" not in raw  # UTF-8, not escaped: the German and French articles are readable
    assert any("ü" in json.loads(line)["text"] for line in raw.splitlines())
    # The demo serves its site on the same port each run (when free), so the second run
    # is incremental as a real site's would be: nothing requested again, nothing exported.
    served = "Serving the demo site at http://127.0.0.1:8377"
    if served not in first.log or served not in second.log:
        pytest.skip("port 8377 was in use: the demo ran on other ports, its URLs changed")
    assert files[1].read_text("utf-8") == ""
    assert second.stat("newscrawl/skipped/seen") >= 24
    assert second.stat("newscrawl/fetched/articles") == 0


def test_readme_main_command_runs_the_demo() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    assert "scrapy crawl demo -O articles.jsonl" in readme
    listed = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"],
        cwd=Path(__file__).parents[1],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert {"demo", "urls"} <= set(listed)


def _instant(value: str) -> datetime:
    return datetime.fromisoformat(value)
