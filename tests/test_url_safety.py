"""No article lost to its URL: slugs that end like file extensions, malformed URLs in a
list, a sitemap or a feed (each skipped and counted, the rest goes on), user info case."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_crawl
from scrapy.http import TextResponse
from scrapy.utils.test import get_crawler

from newscrawl.core.urls import canonicalize, http_url_problem, is_story_url
from newscrawl.spiders.base import NewsSpider
from newscrawl.spiders.sites.guardian import GuardianSpider


class _Spider(NewsSpider):
    name = "test"


def _spider(cls: type[NewsSpider] = _Spider) -> NewsSpider:
    crawler = get_crawler(cls)
    crawler.spider = spider = cls.from_crawler(crawler)
    return spider


@pytest.mark.parametrize("slug", ["winter-storm", "car-crash", "new-mexico", "openai", "chips"])
def test_slugs_ending_like_an_extension_are_articles(slug: str) -> None:
    spider = _spider(GuardianSpider)
    url = f"https://www.theguardian.com/world/2026/nov/24/{slug}"
    assert spider.is_article_url(url)
    assert spider.article_request(url) is not None
    for not_html in ("report.pdf", "clip.mp3", "sitemap.xml", "feed.rss", "photo.JPG"):
        assert not spider.is_article_url(f"https://www.theguardian.com/world/{not_html}")


MALFORMED = [
    "http://[::1",
    "http://news.example:99999/a.html",
    "http://news.example:abc/a.html",
    "https://[host]/a.html",
    "http://news.example/a b.html",
    "http:///no-host.html",
    "http://news.example/" + "a" * 9000,
]


@pytest.mark.parametrize("url", MALFORMED)
def test_malformed_urls_have_a_problem(url: str) -> None:
    assert http_url_problem(url) is not None


def test_a_malformed_sitemap_entry_is_skipped_and_counted_and_the_rest_is_read() -> None:
    spider = _spider()
    malformed = [u for u in MALFORMED if " " not in u]  # a space is percent-encoded, not lost
    entries = "".join(f"<url><loc>{u}</loc></url>" for u in [*malformed, "https://a.example/ok"])
    body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    response = TextResponse("https://a.example/sitemap.xml", body=body.encode())
    requests = list(spider.parse_sitemap(response))
    assert [r.url for r in requests] == ["https://a.example/ok"]
    assert spider.crawler.stats.get_value("newscrawl/skipped/invalid_url") == len(malformed)


def test_a_malformed_feed_link_is_skipped_and_counted() -> None:
    spider = _spider()
    items = "".join(
        f"<item><title>t</title><link>{u}</link></item>"
        for u in ["http://[::1/x", "http://a.example:99999/x", "https://a.example/ok"]
    )
    body = f'<rss version="2.0"><channel><title>f</title>{items}</channel></rss>'
    response = TextResponse("https://a.example/feed.xml", body=body.encode())
    assert [r.url for r in spider.parse_feed(response)] == ["https://a.example/ok"]
    # feedparser drops the first itself; the bad port is ours to count.
    assert spider.crawler.stats.get_value("newscrawl/skipped/invalid_url") == 1


def test_a_malformed_index_entry_and_robots_line_are_skipped() -> None:
    spider = _spider()
    body = (
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>http://a.example:99999/s.xml</loc></sitemap>"
        "<sitemap><loc>https://a.example/s2.xml</loc></sitemap></sitemapindex>"
    )
    response = TextResponse("https://a.example/index.xml", body=body.encode())
    assert [r.url for r in spider.parse_sitemap(response)] == ["https://a.example/s2.xml"]
    robots = TextResponse(
        "https://a.example/robots.txt",
        body=b"Sitemap: http://[::1\nSitemap: https://a.example/s3.xml\n",
    )
    assert [r.url for r in spider.parse_sitemap(robots)] == ["https://a.example/s3.xml"]


def test_canonicalize_keeps_the_case_of_user_info() -> None:
    assert canonicalize("HTTP://User:PaSS@Example.COM:80/A#x") == "http://User:PaSS@example.com/A"
    assert canonicalize("http://[::1") == "http://[::1"


def test_a_url_list_with_malformed_and_non_utf8_lines_is_crawled_to_its_end(
    tmp_path: Path, serve
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "robots.txt").write_text("User-agent: *\n")
    base = serve(site)
    urls = tmp_path / "urls.txt"
    lines = [*MALFORMED[:4], "caf\xe9".encode("latin-1").decode("latin-1"), f"{base}/last.html"]
    raw = b"\n".join(
        line.encode("latin-1") if line.startswith("caf") else line.encode() for line in lines
    )
    urls.write_bytes(raw + b"\n")
    result = run_crawl("urls", tmp_path, args={"file": str(urls)})
    assert result.returncode == 0, result.log[-3000:]
    assert result.stat("newscrawl/skipped/invalid_url") == 4
    assert result.stat("newscrawl/skipped/not_utf8") == 1
    assert "line 5: not UTF-8" in result.log
    # The last line was requested: the crawl went on past every bad one.
    assert result.stat("newscrawl/dropped/http_404") == 1
    assert "Traceback" not in result.log


@pytest.mark.parametrize(
    ("url", "story"),
    [
        (None, False),
        ("", False),
        ("http://[::1/2026/11/03/night-trains-return-to-the-valley", False),  # unclosed "["
        ("not a url at all", False),
        ("\x00\xff\x01 binary", False),
        ("https://courier.example/%ZZ%E0%A4/", False),  # broken percent-escapes
        ("https://courier.example/" + "a-" * 10_000, True),  # huge: a slug of many words
    ],
)
def test_a_broken_url_is_read_without_an_exception(url: str | None, story: bool) -> None:
    """`is_story_url` reads the URLs that callers and pages give (`extract_article`'s
    `url`, the canonical link): a broken one is no story's address, never an exception."""
    assert is_story_url(url) is story
