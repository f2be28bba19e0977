"""Sitemap and feed parsing: the entries, their dates, and broken input."""

from __future__ import annotations

import gzip
import zlib

import pytest

from newscrawl.core.compression import InflatedTooLarge, inflate
from newscrawl.spiders.feeds import FeedError, parse_feed
from newscrawl.spiders.sitemaps import SitemapError, parse_sitemap

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://news.example/world/2026/11/03/strike-ends.html</loc>
    <lastmod>2026-11-03T12:00:00+00:00</lastmod>
    <image:image><image:loc>https://news.example/a.jpg</image:loc>
      <image:title>Picket line at dawn</image:title></image:image>
    <news:news>
      <news:publication><news:name>Example News</news:name>
        <news:language>en</news:language></news:publication>
      <news:publication_date>2026-11-03T09:30:00+01:00</news:publication_date>
      <news:title>Harbour strike ends after nine days</news:title>
    </news:news>
  </url>
  <url><loc> https://news.example/about.html </loc></url>
  <url><lastmod>2026-01-01</lastmod></url>
</urlset>"""

INDEX = b"""<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example/news.xml</loc><lastmod>2026-11-20</lastmod></sitemap>
  <sitemap><loc>https://news.example/archive-2019.xml.gz</loc><lastmod>2019-12-31</lastmod></sitemap>
</sitemapindex>"""


def test_news_sitemap_keeps_google_news_fields() -> None:
    document = parse_sitemap(NEWS_SITEMAP)
    assert document.kind == "urlset"
    first, second = document.entries  # the entry without <loc> is skipped
    assert first.loc == "https://news.example/world/2026/11/03/strike-ends.html"
    assert first.lastmod == "2026-11-03T12:00:00+00:00"
    assert first.news_published == "2026-11-03T09:30:00+01:00"
    # <image:title> must not be mistaken for the article's <news:title>.
    assert first.news_title == "Harbour strike ends after nine days"
    assert second.loc == "https://news.example/about.html"
    assert second.news_published is None


def test_sitemap_index_and_gzip() -> None:
    document = parse_sitemap(gzip.compress(INDEX))
    assert document.kind == "sitemapindex"
    assert [e.loc for e in document.entries] == [
        "https://news.example/news.xml",
        "https://news.example/archive-2019.xml.gz",
    ]
    assert document.entries[1].lastmod == "2019-12-31"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty"),
        (b"<html><body>Not found</body></html>", "root element is <html>"),
        (b"\x00\x01\x02 binary garbage", "not XML"),
        (b"\x1f\x8b\x08\x00 truncated gzip", "broken gzip"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "broken gzip"),
    ],
)
def test_invalid_sitemaps_raise_a_clear_error(body: bytes, message: str) -> None:
    with pytest.raises(SitemapError, match=message):
        parse_sitemap(body)


def test_sitemap_decompression_is_capped() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * 2_000_000 + b"</urlset>")
    # Read as a file cut at the cap (its first entries are kept), never inflated whole.
    document = parse_sitemap(bomb, max_size=1_000_000)
    assert document.truncated and document.entries == ()


def test_entities_are_not_resolved() -> None:
    body = b"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <urlset><url><loc>https://news.example/&x;</loc></url></urlset>"""
    entries = parse_sitemap(body).entries
    assert all("root:" not in e.loc for e in entries)


RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://news.example/</link>
<item><title>Harbour strike ends</title><link>https://news.example/a.html?utm_source=rss</link>
<pubDate>Tue, 03 Nov 2026 09:30:00 +0100</pubDate><dc:creator>Jane Doe</dc:creator></item>
<item><title>No link here</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
<entry><title>Council votes</title>
<link rel="alternate" href="https://news.example/b.html"/>
<link rel="enclosure" href="https://news.example/b.mp3"/>
<published>2026-11-04T08:00:00-04:00</published><updated>2026-11-04T10:00:00-04:00</updated>
<author><name>John Roe</name></author></entry></feed>"""


def test_rss_entries() -> None:
    (entry,) = parse_feed(RSS)
    assert entry.link == "https://news.example/a.html?utm_source=rss"
    assert entry.title == "Harbour strike ends"
    assert entry.published == "2026-11-03T09:30:00+01:00"
    assert entry.authors == ("Jane Doe",)


def test_atom_entries() -> None:
    (entry,) = parse_feed(ATOM)
    assert entry.link == "https://news.example/b.html"
    assert entry.published == "2026-11-04T08:00:00-04:00"
    assert entry.updated == "2026-11-04T10:00:00-04:00"
    assert entry.authors == ("John Roe",)


@pytest.mark.parametrize("body", [b"", b"<html><body>Moved</body></html>", b"\xff\xfe\x00garbage"])
def test_invalid_feeds_raise_a_clear_error(body: bytes) -> None:
    with pytest.raises(FeedError, match="not an RSS/Atom feed"):
        parse_feed(body)


def test_inflate_is_capped_and_reads_gzip_or_zlib() -> None:
    text = b"<urlset/>" * 100
    assert inflate(gzip.compress(text), 10_000) == text
    assert inflate(zlib.compress(text), 10_000, zlib_too=True) == text
    with pytest.raises(zlib.error):
        inflate(zlib.compress(text), 10_000)  # a zlib stream is not gzip
    with pytest.raises(zlib.error):
        inflate(b"\x1f\x8b\x08\x00 truncated gzip", 10_000)
    bomb = gzip.compress(b"\0" * 10_000_000)  # 10 kB that inflate to 10 MB
    with pytest.raises(InflatedTooLarge, match="larger than 1000 bytes once decompressed"):
        inflate(bomb, 1000)


def _urlset(count: int) -> bytes:
    urls = b"".join(b"<url><loc>https://a.example/n/%d.html</loc></url>" % n for n in range(count))
    return b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + urls + b"</urlset>"


def test_sitemap_entries_and_bytes_are_capped_per_file_and_counted() -> None:
    document = parse_sitemap(gzip.compress(_urlset(120)), max_entries=100)
    assert len(document.entries) == 100 and document.truncated
    body = _urlset(1000)
    document = parse_sitemap(gzip.compress(body), max_size=len(body) // 2)
    assert 0 < len(document.entries) < 1000 and document.truncated
    assert not parse_sitemap(_urlset(10)).truncated


def test_sitemap_caps_per_run_in_the_spider() -> None:
    from scrapy.http import TextResponse
    from scrapy.utils.test import get_crawler

    from newscrawl.spiders.base import NewsSpider

    class Spider(NewsSpider):
        name = "capped"

    crawler = get_crawler(
        Spider,
        {"NEWSCRAWL_SITEMAP_MAX_ENTRIES": 40, "NEWSCRAWL_SITEMAP_MAX_ENTRIES_PER_RUN": 100},
    )
    crawler.spider = spider = Spider.from_crawler(crawler)
    requested = 0
    for number in range(4):
        response = TextResponse(f"https://a.example/s{number}.xml", body=_urlset(50))
        requested += len(list(spider.parse_sitemap(response)))
    assert requested == 100  # 40 + 40 + 20, then nothing
    assert crawler.stats.get_value("newscrawl/sources/sitemap_truncated") == 3
    assert crawler.stats.get_value("newscrawl/sources/sitemap_run_limit") == 1


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10)
    )
    + "]>"
)


def test_entities_are_never_expanded_in_feeds_and_sitemaps() -> None:
    feed = BILLION_LAUGHS + (
        '<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
        "<link>https://a.example/x</link></item></channel></rss>"
    )
    (entry,) = parse_feed(feed.encode())
    assert entry.link == "https://a.example/x" and len(entry.title or "") < 100
    sitemap = BILLION_LAUGHS + (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://a.example/&lol9;</loc></url></urlset>"
    )
    for document in [parse_sitemap(sitemap.encode())]:
        assert all(len(e.loc) < 100 for e in document.entries)
