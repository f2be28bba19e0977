"""Sitemaps fetched only when they changed, for real: `scrapy crawl` over a synthetic site
whose sitemap index lists sitemaps in publication order, counting what the server was
asked for and what it answered. (The second run over an unchanged site, answered 304:
tests/test_incremental.py; a 200-sitemap archive: benchmarks/sitemap_archive.py.)"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from conftest import feed_files, read_jsonl, run_crawl

from newscrawl.testing.synthetic import ARTICLE_PATTERN

if TYPE_CHECKING:
    from pathlib import Path


def _site_file(base_url: str) -> str:
    # No feed: the sitemaps are the only source, so what they lead to is all there is.
    return (
        'name = "archive"\n'
        'domains = ["127.0.0.1"]\n'
        "[sources]\n"
        f'sitemaps = ["{base_url}/robots.txt"]\n'
        "[sitemaps]\n"
        "follow = ['/articles-00[12]\\.xml$']\n"
        "[articles]\n"
        f"allow = ['{ARTICLE_PATTERN}']\n"
    )


def _sitemap_answers(site: Any, since: int) -> list[tuple[str, int]]:
    return sorted(a for a in site.server.answers[since:] if a[0].startswith("/sitemap"))


def test_a_sitemap_whose_article_failed_is_read_again_and_the_others_are_not(
    tmp_path: Path, synthetic
) -> None:
    site = synthetic(12, per_sitemap=4)  # articles-001.xml (oldest) to articles-003.xml
    (tmp_path / "sites").mkdir()
    (tmp_path / "sites" / "archive.toml").write_text(_site_file(site.base_url))
    failing = site.spec.articles[1].path  # listed in articles-001.xml
    site.server.errors[failing] = 503

    first = run_crawl("archive", tmp_path, output=None)
    assert first.returncode == 0, first.log[-3000:]
    assert _sitemap_answers(site, 0) == [
        ("/sitemap_index.xml", 200),
        ("/sitemaps/articles-001.xml", 200),
        ("/sitemaps/articles-002.xml", 200),
    ]
    assert first.stat("newscrawl/sources/not_followed") == 1  # articles-003.xml
    assert len(read_jsonl(feed_files(tmp_path, "archive")[0])) == 7
    assert first.stat("newscrawl/dropped/http_503") == 1

    # The next hour the page is back. The sitemap that listed it, and the index above
    # it, were not kept as read: both are read again, and the article is fetched. The
    # other sitemap's lastmod did not move: not requested.
    del site.server.errors[failing]
    before, requested = len(site.server.answers), len(site.server.requests)
    second = run_crawl("archive", tmp_path, output=None)
    assert second.returncode == 0, second.log[-3000:]
    assert _sitemap_answers(site, before) == [
        ("/sitemap_index.xml", 200),
        ("/sitemaps/articles-001.xml", 200),
    ]
    assert site.article_requests(since=requested) == [failing]
    assert [item["url"] for item in read_jsonl(feed_files(tmp_path, "archive")[-1])] == [
        site.base_url + failing
    ]
    assert second.stat("newscrawl/sources/unchanged") == 1
    assert second.stat("newscrawl/skipped/seen") == 3  # the rest of articles-001.xml
