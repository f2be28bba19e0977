"""Every shipped site, checked against its golden fixtures (saved article pages and the
fields newscrawl must extract from them), the fundus way; and the rules that keep a site
honest: it has a fixture, its module stays small, its sources are on its own domains, its
article rules accept its fixtures' URLs, and README's table of sites lists it.

Fixtures are recorded with `newscrawl fixture record SITE URL --html PAGE`; when newscrawl
changes what it extracts on purpose, `newscrawl fixture check --update` rewrites them.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from itemadapter import ItemAdapter
from scrapy.utils.test import get_crawler
from scrapy.utils.url import url_is_from_any_domain

from newscrawl import stages
from newscrawl.addon import NEWSCRAWL_SETTINGS
from newscrawl.commands.sites import README_END, README_START, markdown_table
from newscrawl.crawl.spiderloader import is_shipped, site_spiders, source_file
from newscrawl.items import Page
from newscrawl.testing.golden import Fixture, diff_fields, expected_fields, load_fixtures

ROOT = Path(__file__).parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "sites"
SITES = {name: spider for name, spider in site_spiders().items() if is_shipped(spider)}
SITE_FIXTURES = load_fixtures(FIXTURES)
MIN_WORDS = NEWSCRAWL_SETTINGS["NEWSCRAWL_MIN_WORDS"]

#: Lines (not blank) a site's file may have: a site is data, not code.
MAX_SITE_LINES = 40
#: Sites allowed more, each with the reason. Empty so far; keep it short.
LONGER_SITES: dict[str, str] = {}


def _by_id(fixture: Fixture) -> str:
    return fixture.id


def _crawl(fixture: Fixture) -> dict[str, object]:
    """The fixture's page through the crawl's stages, in the pipelines' order."""
    spider = SITES[fixture.site]
    rules = spider.cleaning_rules
    page = Page(
        url=fixture.url, html=fixture.text(), spider=spider.name, fetched_at=fixture.fetched_at
    )
    article, _ = stages.extract(page, rules)
    article, _ = stages.remove_chrome(article)
    article, _ = stages.strip_related_tail(article, rules)
    article = stages.validate(article, MIN_WORDS)
    return ItemAdapter(article).asdict()


@pytest.mark.parametrize("fixture", SITE_FIXTURES, ids=_by_id)
def test_site_extracts_its_fixture_as_recorded(fixture: Fixture) -> None:
    assert fixture.site in SITES, f"{FIXTURES / fixture.site} holds fixtures of no site"
    changes = diff_fields(fixture.expected, expected_fields(_crawl(fixture)))
    assert not changes, (
        f"{fixture.id} extracts differently now:\n"
        + "\n".join(changes)
        + f"\nIf the new output is right: newscrawl fixture check {fixture.site} --update"
    )


@pytest.mark.parametrize("fixture", SITE_FIXTURES, ids=_by_id)
def test_fixture_url_is_an_article_of_its_site(fixture: Fixture) -> None:
    spider_class = SITES[fixture.site]
    spider = spider_class.from_crawler(get_crawler(spider_class))

    assert url_is_from_any_domain(fixture.url, spider.allowed_domains)
    # The crawl's own test: canonicalized URL, `article_allow` matches, no `article_deny` does.
    assert spider.article_request(fixture.url) is not None, (
        f"{fixture.url} is not an article URL by {fixture.site}'s rules"
    )
    assert fixture.expected["language"] == spider.language


# Parametrized by site, so that `pytest tests/test_sites.py -k SITE` runs them too.
@pytest.mark.parametrize("name", sorted(SITES))
def test_every_site_has_a_fixture(name: str) -> None:
    assert any(fixture.site == name for fixture in SITE_FIXTURES), (
        f"Site {name!r} has no golden fixture. Save one of its article pages and run:\n"
        f"  newscrawl fixture record {name} ARTICLE_URL --html saved-page.html"
    )


@pytest.mark.parametrize("name", sorted(SITES))
def test_site_module_is_small(name: str) -> None:
    path = source_file(SITES[name])
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert name in LONGER_SITES or len(lines) <= MAX_SITE_LINES, (
        f"{path} has {len(lines)} lines; a site is declarations ({MAX_SITE_LINES} lines at most)"
    )


@pytest.mark.parametrize("name", sorted(SITES))
def test_site_sources_are_https_urls_on_its_own_domains(name: str) -> None:
    spider = SITES[name]
    urls = [*spider.news_sitemap_urls, *spider.sitemap_urls, *spider.feed_urls]
    urls += spider.listing_urls
    assert urls
    for url in urls:
        assert urlsplit(url).scheme == "https", f"{name}: {url} is not https"
        assert url_is_from_any_domain(url, spider.allowed_domains), (
            f"{name}: {url} is not on {spider.allowed_domains}"
        )
    assert spider.language, f"{name}: declare the language of its articles"


def _readme_table() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    _, start, rest = readme.partition(README_START)
    table, end, _ = rest.partition(README_END)
    assert start and end, f"README has no {README_START} ... {README_END} table"
    return table.strip()


_STALE_README = "README's table of shipped sites is stale: run `newscrawl sites --readme README.md`"


@pytest.mark.parametrize("name", sorted(SITES))
def test_site_is_in_the_readme_table(name: str) -> None:
    row = markdown_table([SITES[name]]).splitlines()[-1]
    assert row in _readme_table().splitlines(), _STALE_README


def test_readme_site_table_is_current() -> None:
    assert _readme_table() == markdown_table(SITES.values()), _STALE_README
