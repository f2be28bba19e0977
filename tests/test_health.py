"""Site health, the canary for cron: the judgement alone, the extension on its own, and a
real site whose templates change between two crawls."""

from __future__ import annotations

import json
import logging
import re
from typing import TYPE_CHECKING

import pytest
from conftest import run_crawl
from scrapy import Spider
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler
from support.sample_pages import article_html, paragraphs

from newscrawl.addon import NEWSCRAWL_SETTINGS, SettingError
from newscrawl.crawl.health import SiteCounts, SiteHealth, Thresholds, symptoms
from newscrawl.items import Article, Page

if TYPE_CHECKING:
    from pathlib import Path

# Judgement


def _counts(**values: int) -> SiteCounts:
    counts = SiteCounts()
    for reason in ("not_article", "too_short", "empty_text", "duplicate"):
        counts.dropped[reason] = values.pop(reason, 0)
    for name, value in values.items():
        setattr(counts, name, value)
    return counts


def test_healthy_site_has_no_symptoms() -> None:
    counts = _counts(extracted=40, articles=36, not_article=2, too_short=2, no_date=3)
    assert symptoms(counts, Thresholds()) == []


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        (_counts(extracted=20, articles=4, not_article=16), ["not_article"]),
        (_counts(extracted=20, articles=13, too_short=4, empty_text=3), ["empty_text"]),
        (_counts(extracted=20, articles=20, no_date=11), ["no_date"]),
        (_counts(extracted=20, articles=20, no_title=5, no_date=20), ["no_date", "no_title"]),
    ],
)
def test_each_share_above_its_threshold_is_a_symptom(
    counts: SiteCounts, expected: list[str]
) -> None:
    assert [s.name for s in symptoms(counts, Thresholds())] == expected


def test_small_samples_are_not_judged() -> None:
    # 9 pages, all empty; 20 pages but only 9 articles, none dated.
    assert symptoms(_counts(extracted=9, empty_text=9), Thresholds()) == []
    assert symptoms(_counts(extracted=20, articles=9, no_date=9), Thresholds()) == []
    assert symptoms(_counts(extracted=9, empty_text=9), Thresholds(min_pages=5))


def test_symptom_message_names_the_share_and_the_threshold() -> None:
    (symptom,) = symptoms(_counts(extracted=12, articles=0, empty_text=12), Thresholds())
    assert symptom.message == (
        "empty_text: 12 of 12 pages (100%) with empty or too short text (threshold 20%): "
        "has the page layout changed?"
    )


# The extension, without a crawl


class _SiteSpider(Spider):
    name = "gazette"


class _GenericSpider(Spider):
    name = "urls"
    health_by_host = True


def _extension(**settings: object) -> SiteHealth:
    crawler = get_crawler(settings_dict={**NEWSCRAWL_SETTINGS, "LOG_LEVEL": "INFO", **settings})
    crawler.stats.open_spider()
    return SiteHealth.from_crawler(crawler)


def _article(url: str, *, dated: bool = True) -> Article:
    return Article(
        url=url,
        canonical_url=url,
        site="x",
        title="A headline",
        published="2026-11-03" if dated else None,
    )


def _page(url: str) -> Page:
    return Page(url=url, html="", spider="x", fetched_at="")


def test_warning_and_exit_stat_when_opted_in(caplog: pytest.LogCaptureFixture) -> None:
    health = _extension(NEWSCRAWL_HEALTH_FAIL_EXIT=True)
    spider = _SiteSpider()
    for n in range(12):
        url = f"https://gazette.example/{n}.html"
        if n < 4:
            health.item_scraped(_article(url), spider)
        else:
            health.item_dropped(_page(url), DropItem(f"empty_text: {url}"), spider)
    health.page_dropped("http_404", "https://gazette.example/gone.html", spider)
    with caplog.at_level(logging.INFO, logger="newscrawl.crawl.health"):
        health.spider_closed(spider, "finished")
    lines = [(r.levelname, r.getMessage()) for r in caplog.records]
    assert lines[0] == (
        "INFO",
        "Site health: gazette: 13 pages fetched, 12 extracted, 4 articles exported; "
        "not article 0%, empty text 67%; no date 0%, no title 0%; "
        "dropped: empty_text 8, http_404 1",
    )
    assert lines[1][0] == "WARNING"
    assert lines[1][1].startswith("Site health: gazette: empty_text: 8 of 12 pages (67%)")
    stats = health.crawler.stats
    assert stats.get_value("newscrawl/health/exit") == 1
    assert stats.get_value("newscrawl/health/gazette/pages") == 13
    assert stats.get_value("newscrawl/health/gazette/empty_text") == 8
    assert stats.get_value("newscrawl/health/gazette/warning/empty_text") == 1


def test_warning_alone_does_not_fail_the_crawl_by_default() -> None:
    health = _extension()
    spider = _SiteSpider()
    for n in range(12):
        health.item_dropped(_page(f"https://g/{n}"), DropItem(f"not_article: {n}"), spider)
    health.spider_closed(spider, "finished")
    assert health.crawler.stats.get_value("newscrawl/health/warnings") == 1
    assert health.crawler.stats.get_value("newscrawl/health/exit") is None


def test_site_spider_that_fetched_nothing_is_a_symptom(caplog: pytest.LogCaptureFixture) -> None:
    health = _extension()
    with caplog.at_level(logging.WARNING, logger="newscrawl.crawl.health"):
        health.spider_closed(_SiteSpider(), "finished")
    assert "Site health: gazette: no_pages: no article page was fetched" in caplog.text
    # A crawl cut short, or max_age skipping everything it found, is not a broken site.
    health = _extension()
    health.crawler.stats.set_value("newscrawl/skipped/too_old", 5)
    health.spider_closed(_SiteSpider(), "finished")
    assert health.crawler.stats.get_value("newscrawl/health/warnings") == 0
    # Nor is an incremental run on a quiet hour: everything listed was seen before.
    health = _extension()
    health.crawler.stats.set_value("newscrawl/skipped/seen", 30)
    health.spider_closed(_SiteSpider(), "finished")
    assert health.crawler.stats.get_value("newscrawl/health/warnings") == 0


def test_generic_spiders_are_judged_per_host(caplog: pytest.LogCaptureFixture) -> None:
    health = _extension()
    spider = _GenericSpider()
    for n in range(10):
        health.item_scraped(_article(f"https://www.big.example/{n}", dated=False), spider)
    for host in ("a.example", "b.example"):
        health.item_scraped(_article(f"https://{host}/1", dated=False), spider)
    with caplog.at_level(logging.INFO, logger="newscrawl.crawl.health"):
        health.spider_closed(spider, "finished")
    assert "Site health: big.example: no_date: 10 of 10 articles (100%)" in caplog.text
    assert "2 more sites with fewer than 10 pages each (not judged)" in caplog.text
    assert health.crawler.stats.get_value("newscrawl/health/big.example/articles") == 10
    assert health.crawler.stats.get_value("newscrawl/health/a.example/articles") is None


def test_report_has_every_site_with_its_cleaning_and_warnings() -> None:
    """What the run summary records per site: small hosts too (they get no log line), the
    characters each cleaning stage removed from a site's pages, and its warnings."""
    health = _extension()
    spider = _GenericSpider()
    for n in range(10):
        url = f"https://www.big.example/{n}"
        health.item_scraped(_article(url, dated=False), spider)
        health.removed(spider, url, "tail", 100)
    health.removed(spider, "https://small.example/1", "chrome", 7)
    health.item_scraped(_article("https://small.example/1"), spider)
    health.spider_closed(spider, "finished")
    report = health.report()
    assert list(report) == ["big.example", "small.example"]
    assert report["big.example"]["chars_removed"] == {"tail": 1000}
    assert report["big.example"]["warnings"] == ["no_date"]
    assert report["big.example"]["articles"] == report["big.example"]["no_date"] == 10
    assert report["small.example"] == {
        "pages": 1,
        "extracted": 1,
        "articles": 1,
        "not_article": 0,
        "empty_text": 0,
        "no_date": 0,
        "no_title": 0,
        "dropped": {},
        "chars_removed": {"chrome": 7},
        "warnings": [],
    }
    assert health.by_host


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("NEWSCRAWL_HEALTH_MAX_NO_DATE", 20, "must be a share between 0 and 1"),
        ("NEWSCRAWL_HEALTH_MIN_PAGES", 0, "must be 1 or more"),
    ],
)
def test_bad_threshold_settings_say_what_to_write(name: str, value: object, message: str) -> None:
    with pytest.raises(SettingError, match=message):
        _extension(**{name: value})


# A real site whose layout changes between two crawls

SITE_TOML = """
name = "layoutsite"
domains = ["127.0.0.1"]

[sources]
sitemaps = ["{base}/sitemap.xml"]

[articles]
allow = ['/news/[\\w-]+\\.html$']
"""

STORIES = 12


def _app_shell(n: int) -> str:
    """The redesign: the body now arrives as data for a script to render."""
    data = " ".join(paragraphs(n)).replace('"', "'")
    return (
        f"<!doctype html><html lang='en'><head><title>Quay repairs, part {n}</title></head>"
        f'<body><div id="app"></div><script>window.__STORY__ = {{"body": "{data}"}}</script>'
        "</body></html>"
    )


def _write_site(root: Path, layout: str, first: int = 0) -> None:
    """Write STORIES stories numbered from `first`, and a sitemap listing just those (the
    site's latest)."""
    urls = []
    for n in range(first, first + STORIES):
        # No date in the URL: extraction would read it from there.
        path = root / "news" / f"quay-repairs-{n}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        html = {
            "normal": article_html(n),
            "undated": article_html(n, dated=False),
            "app_shell": _app_shell(n),
        }[layout]
        path.write_text(html, encoding="utf-8")
        urls.append("{{BASE}}/" + path.relative_to(root).as_posix())
    entries = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{entries}</urlset>",
        encoding="utf-8",
    )


@pytest.fixture
def layout_site(tmp_path: Path, serve) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    _write_site(root, "normal")
    base = serve(root)
    (tmp_path / "sites").mkdir()
    (tmp_path / "sites" / "layoutsite.toml").write_text(SITE_TOML.format(base=base), "utf-8")
    return tmp_path


def _health_lines(log: str) -> list[str]:
    return re.findall(r"^.*\[newscrawl\.crawl\.health\].*$", log, flags=re.MULTILINE)


def test_changed_layout_is_visible_in_the_first_run_after_the_change(layout_site: Path) -> None:
    fail_exit = {"NEWSCRAWL_HEALTH_FAIL_EXIT": "1"}
    before = run_crawl("layoutsite", layout_site, settings=fail_exit, output="before.jsonl")
    assert before.returncode == 0, before.log[-3000:]
    assert len(before.items) == STORIES
    (line,) = _health_lines(before.log)
    assert "INFO: Site health: layoutsite: 12 pages fetched, 12 extracted, 12 articles" in line

    # The site publishes new stories in its new layout; the crawl state skips the old ones.
    _write_site(layout_site / "site", "app_shell", first=STORIES)
    after = run_crawl("layoutsite", layout_site, settings=fail_exit, output="after.jsonl")
    print("\n".join(_health_lines(after.log)))  # the canary's output, for the record
    assert after.returncode == 3, after.log[-3000:]
    assert after.items == []
    assert "WARNING: Site health: layoutsite: empty_text: 12 of 12 pages (100%)" in after.log
    assert after.stat("newscrawl/health/exit") == 1
    assert after.stat("newscrawl/health/layoutsite/empty_text") == STORIES
    assert "Traceback" not in after.log
    # The run summary keeps the warning, for `newscrawl report`.
    summary = json.loads((layout_site / "after.summary.json").read_text())
    assert summary["sites_by"] == "spider"
    assert summary["sites"]["layoutsite"]["warnings"] == ["empty_text"]
    assert summary["sites"]["layoutsite"]["empty_text"] == STORIES


def test_lost_dates_warn_without_failing_unless_opted_in(layout_site: Path) -> None:
    _write_site(layout_site / "site", "undated")
    result = run_crawl("layoutsite", layout_site)
    assert result.returncode == 0, result.log[-3000:]
    assert len(result.items) == STORIES
    assert "WARNING: Site health: layoutsite: no_date: 12 of 12 articles (100%)" in result.log
    assert result.stat("newscrawl/health/exit") == 0
