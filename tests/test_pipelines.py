"""Each pipeline stage alone, inline (no worker pool), on a real Crawler's settings and
stats: what it changes, what it counts, and what it drops with which reason."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.conf import build_component_list
from scrapy.utils.test import get_crawler

from newscrawl.crawl.pipelines import (
    ChromePipeline,
    DuplicatesPipeline,
    ExtractPipeline,
    TailPipeline,
    ValidatePipeline,
)
from newscrawl.crawl.robots import RobotsTxtMiddleware
from newscrawl.items import Article, Page
from newscrawl.spiders.base import NewsSpider

PAGE_HTML = (Path(__file__).parent / "fixtures" / "pages" / "article.html").read_text("utf-8")
URL = "http://127.0.0.1:1/city/2026/11/02/ferry-timetable-cut.html"


class _Spider(NewsSpider):
    name = "test"


def _crawler(**settings: Any) -> Any:
    return get_crawler(
        _Spider,
        {
            "ADDONS": {"newscrawl.addon.NewscrawlAddon": 0},
            "NEWSCRAWL_WORKERS": 0,
            "NEWSCRAWL_DEDUP_PATH": "",  # in memory: unit tests write no data folder
            **settings,
        },
    )


def _process(pipeline: Any, item: Any) -> Any:
    result = pipeline.process_item(item)
    return asyncio.run(result) if asyncio.iscoroutine(result) else result


def _page(html: str = PAGE_HTML, url: str = URL) -> Page:
    return Page(url=url, html=html, spider="test", fetched_at="2026-11-24T12:00:00+00:00")


def _article(text: str, **fields: Any) -> Article:
    return Article(url=URL, canonical_url=URL, site="example", text=text, **fields)


def test_extract_turns_a_page_into_an_article() -> None:
    crawler = _crawler()
    article = _process(ExtractPipeline.from_crawler(crawler), _page())
    assert isinstance(article, Article)
    assert article.title == "Ferry timetable cut as fuel costs bite"
    assert article.authors == ["Mara Lind", "Tobias Reed"]
    assert article.published == "2026-11-02T07:45:00+00:00"
    assert article.paywalled is True
    assert article.fetched_at == "2026-11-24T12:00:00+00:00"
    assert article.spider == "test"
    assert crawler.stats.get_value("newscrawl/pages") == 1
    # The related links inside the article body went at the HTML level, and were counted.
    assert "Bridge repairs" not in article.text
    cleaned = {k for k in crawler.stats.get_stats() if k.startswith("newscrawl/cleaned/")}
    assert cleaned, "the HTML-level stage counted nothing"
    assert not hasattr(article, "removed")  # only kept when debugging


def test_extract_passes_other_items_through() -> None:
    item = {"anything": 1}
    assert _process(ExtractPipeline.from_crawler(_crawler()), item) is item


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "unparsable_html"),
        ("<html><body><script>var a = 1;</script></body></html>", "empty_text"),
        (
            "<html><head><meta property='og:type' content='website'></head><body>"
            + "".join(f"<p><a href='/s/{i}.html'>Story number {i}</a></p>" for i in range(30))
            + "<p>Welcome to our news site, the best in the region.</p></body></html>",
            "not_article",
        ),
        ("\x00\x01\x02\x03 binary \xff garbage", "unparsable_html"),
    ],
)
def test_extract_drops_non_articles_with_a_counted_reason(html: str, reason: str) -> None:
    crawler = _crawler()
    with pytest.raises(DropItem, match=reason):
        _process(ExtractPipeline.from_crawler(crawler), _page(html))
    assert crawler.stats.get_value(f"newscrawl/dropped/{reason}") == 1


def test_chrome_and_tail_stages_count_what_they_remove_and_keep_it_when_debugging() -> None:
    crawler = _crawler(NEWSCRAWL_DEBUG_CLEANING=True)
    text = (
        "Ferry cut\nThe first paragraph of the article, long enough to be real prose.\n"
        "Share this article\nThe last paragraph of the article ends here.\n"
        "Read more\nBridge repairs to close the coast road\nPort fees rise again"
    )
    article = _process(ChromePipeline.from_crawler(crawler), _article(text, title="Ferry cut"))
    article = _process(TailPipeline.from_crawler(crawler), article)
    assert article.text == (
        "The first paragraph of the article, long enough to be real prose.\n"
        "The last paragraph of the article ends here."
    )
    assert article.removed == {
        "chrome": ["Ferry cut", "Share this article"],
        "tail": ["Read more", "Bridge repairs to close the coast road", "Port fees rise again"],
    }
    assert crawler.stats.get_value("newscrawl/cleaned/chrome/articles") == 1
    assert crawler.stats.get_value("newscrawl/cleaned/tail/chars") == len(
        "Read moreBridge repairs to close the coast roadPort fees rise again"
    )


def test_validate_fills_derived_fields_and_drops_short_bodies() -> None:
    crawler = _crawler(NEWSCRAWL_MIN_WORDS=5)
    pipeline = ValidatePipeline.from_crawler(crawler)
    article = _process(pipeline, _article("One two three four five six."))
    assert article.word_count == 6
    assert len(article.content_hash) == 40
    with pytest.raises(DropItem, match="too_short"):
        _process(pipeline, _article("Too short."))
    with pytest.raises(DropItem, match="empty_text"):
        _process(pipeline, _article("  \n "))
    assert crawler.stats.get_value("newscrawl/dropped/too_short") == 1
    assert crawler.stats.get_value("newscrawl/dropped/empty_text") == 1
    assert crawler.stats.get_value("newscrawl/articles") == 1


STORY = (
    "The harbour authority will close the north quay for three weeks from Monday while "
    "engineers replace the timber fenders that were damaged in the October storms. Ferries "
    "will berth at the south quay, where a temporary waiting room has been set up, and "
    "the authority said crossings would keep to their usual timetable. The repairs are "
    "expected to cost about four hundred thousand pounds, paid from the maintenance "
    "reserve that the council topped up in the spring budget."
)


def _copy(url: str, text: str) -> Article:
    from newscrawl.dedup import content_hash

    return Article(url=url, canonical_url=url, site="x", text=text, content_hash=content_hash(text))


def test_duplicates_across_runs_and_sites_near_copies_too(tmp_path: Path) -> None:
    settings = {"NEWSCRAWL_DATA_DIR": str(tmp_path), "NEWSCRAWL_DEDUP_PATH": "dedup.sqlite3"}
    first_run = _crawler(**settings)
    pipeline = DuplicatesPipeline.from_crawler(first_run)
    _process(pipeline, _copy("https://a.example/quay", STORY))
    pipeline.close()

    second_run = _crawler(**settings)
    pipeline = DuplicatesPipeline.from_crawler(second_run)
    syndicated = "SALTMERE (Wire) - " + STORY + " Read more: Ferry fares rise"
    with pytest.raises(DropItem, match=r"near_duplicate: https://b\.example/wire.*a\.example/quay"):
        _process(pipeline, _copy("https://b.example/wire", syndicated))
    with pytest.raises(DropItem, match=r"duplicate: https://c\.example/same"):
        _process(pipeline, _copy("https://c.example/same", STORY))
    # The article itself, fetched again (refresh=modified): an update, not a duplicate...
    assert _process(pipeline, _copy("https://a.example/quay", STORY + " Updated."))
    # ... unless nothing changed: then it is one, whichever spider met it again.
    third_run = _crawler(**settings)
    pipeline3 = DuplicatesPipeline.from_crawler(third_run)
    with pytest.raises(DropItem, match=r"duplicate: https://a\.example/quay"):
        _process(pipeline3, _copy("https://a.example/quay", STORY))
    pipeline3.close()
    other = "A completely different story about the rowing club and its new boathouse. " * 5
    assert _process(pipeline, _copy("https://d.example/rowing", other))
    pipeline.close()
    assert second_run.stats.get_value("newscrawl/dropped/near_duplicate") == 1
    assert second_run.stats.get_value("newscrawl/dropped/duplicate") == 1


def test_kept_duplicates_point_at_the_first_copy() -> None:
    crawler = _crawler(NEWSCRAWL_DUPLICATES="keep")
    pipeline = DuplicatesPipeline.from_crawler(crawler)
    first = _process(pipeline, _copy("https://a.example/quay", STORY))
    copy = _process(pipeline, _copy("https://b.example/wire", "SALTMERE - " + STORY))
    assert not hasattr(first, "duplicate_of")
    assert copy.duplicate_of == "https://a.example/quay"
    assert crawler.stats.get_value("newscrawl/duplicates/near_duplicate") == 1


def test_duplicates_setting_is_checked() -> None:
    from newscrawl.addon import SettingError

    with pytest.raises(SettingError, match="NEWSCRAWL_DUPLICATES must be 'drop' or 'keep'"):
        DuplicatesPipeline.from_crawler(_crawler(NEWSCRAWL_DUPLICATES="merge"))


def test_duplicates_in_one_run_are_dropped() -> None:
    crawler = _crawler()
    pipeline = DuplicatesPipeline.from_crawler(crawler)
    first = _article("Same text.", content_hash="h1")
    _process(pipeline, first)
    same_text = Article(url=URL + "?amp", canonical_url=URL + "?amp", site="x", content_hash="h1")
    with pytest.raises(DropItem, match="duplicate"):
        _process(pipeline, same_text)
    same_canonical = Article(url="http://mirror/", canonical_url=URL, site="x", content_hash="h2")
    with pytest.raises(DropItem, match="duplicate"):
        _process(pipeline, same_canonical)
    assert crawler.stats.get_value("newscrawl/dropped/duplicate") == 2


def test_a_project_can_disable_or_reorder_a_newscrawl_pipeline() -> None:
    crawler = _crawler(
        ITEM_PIPELINES={
            "newscrawl.crawl.pipelines.TailPipeline": None,
            "newscrawl.crawl.pipelines.ChromePipeline": 350,
        }
    )
    pipelines = crawler.settings.getwithbase("ITEM_PIPELINES")
    order = {path: order for path, order in pipelines.items() if isinstance(order, int)}
    names = {getattr(k, "__name__", str(k).rsplit(".", 1)[-1]): v for k, v in order.items()}
    assert "TailPipeline" not in names
    assert names["ChromePipeline"] == 350
    assert names["ExtractPipeline"] == 100


def test_robots_middleware_is_replaced_unless_the_project_turned_it_off() -> None:
    scrapy_robots = "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware"
    enabled = build_component_list(_crawler().settings.getwithbase("DOWNLOADER_MIDDLEWARES"))
    assert RobotsTxtMiddleware in enabled
    assert all(
        getattr(c, "__module__", c) != "scrapy.downloadermiddlewares.robotstxt" for c in enabled
    )

    off = _crawler(DOWNLOADER_MIDDLEWARES={scrapy_robots: None}).settings
    assert RobotsTxtMiddleware not in build_component_list(
        off.getwithbase("DOWNLOADER_MIDDLEWARES")
    )
