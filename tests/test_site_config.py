"""Sites without Python: TOML declarations, their validation, the loader, the generic
`site` spider, field rules, and `scrapy genspider -t news`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_crawl

from newscrawl.cleaning.html import SiteRules
from newscrawl.extraction import extract_page
from newscrawl.spiders import NewsSpider
from newscrawl.spiders.config import SiteConfigError, load_sites

DEMO_SITE = Path(__file__).parents[1] / "newscrawl" / "demo" / "site"

GAZETTE = """
name = "gazette"
domains = ["127.0.0.1"]
description = "The Harbour Gazette, declared in TOML."
language = "en"

[sources]
feeds = ["{base}/feeds/rss.xml"]
news_sitemaps = ["{base}/sitemaps/news.xml"]

[articles]
allow = ['/\\d{{4}}/\\d{{2}}/\\d{{2}}/[\\w-]+\\.html$']
deny = ['/sport/']

[cleaning]
drop = ["div.nonexistent"]
tail_headers = ["More from the Gazette"]

[fields]
section = "css:nav.breadcrumbs a:last-child"
"""


def _write(tmp_path: Path, text: str, name: str = "site.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_toml_site_becomes_the_same_class_python_would_write(tmp_path: Path) -> None:
    (spider,) = load_sites(_write(tmp_path, GAZETTE.format(base="http://h")))
    assert issubclass(spider, NewsSpider)
    assert spider.name == "gazette"
    assert spider.allowed_domains == ["127.0.0.1"]
    assert spider.language == "en"
    assert spider.feed_urls == ("http://h/feeds/rss.xml",)
    # TOML order of [sources] is the order to try.
    assert spider.source_order == ("feed", "news_sitemap")
    assert spider.cleaning_rules == SiteRules(
        drop=("div.nonexistent",),
        tail_headers=("More from the Gazette",),
        fields=(("section", "css:nav.breadcrumbs a:last-child"),),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'name = "x"\ndomains = ["a"]\n[sources]\nfeedz = ["http://a/"]',
            "unknown key sources.'feedz'",
        ),
        ('name = "x"\ndomain = ["a"]\n[sources]\nfeeds = ["http://a/"]', "unknown key 'domain'"),
        ('name = "x"\n[sources]\nfeeds = ["http://a/"]', "missing required key 'domains'"),
        ('name = "X Y"\ndomains = ["a"]\n[sources]\nfeeds = ["u"]', "must be lower-case"),
        ('name = "x"\ndomains = "a"\n[sources]\nfeeds = ["u"]', "domains must be a list"),
        (
            'name = "x"\ndomains = ["a"]\nlanguage = "English"\n[sources]\nfeeds = ["u"]',
            "language 'English' must be an ISO 639-1 code",
        ),
        ('name = "x"\ndomains = ["a"]\n[sources]\nfeeds = []', "at least one URL"),
        (
            'name = "x"\ndomains = ["a"]\n[sources]\nfeeds = ["u"]\n[articles]\nallow = ["("]',
            "articles.allow: bad regular expression",
        ),
        (
            'name = "x"\ndomains = ["a"]\n[sources]\nfeeds = ["u"]\n[fields]\nauthors = "byline"',
            "fields.authors: rule 'byline' must be one of",
        ),
        (
            'name = "x"\ndomains = ["a"]\n[sources]\nfeeds = ["u"]\n[fields]\nauthor = "css:a"',
            "unknown key fields.'author'",
        ),
        (
            'name = "x"\ndomains = ["a"]\n[sources]\nfeeds = ["u"]\n'
            '[cleaning]\ndrop = ["div >> p"]',
            "cleaning.drop: invalid CSS selector 'div >> p'",
        ),
        ("name = ", "not valid TOML"),
    ],
)
def test_invalid_site_files_name_the_bad_key(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(SiteConfigError, match=message) as error:
        load_sites(path)
    assert str(path) in str(error.value)


def test_one_file_may_declare_many_sites(tmp_path: Path) -> None:
    text = "\n".join(
        f'[[sites]]\nname = "{n}"\ndomains = ["{n}.example"]\nsources.feeds = ["http://{n}/f"]'
        for n in ("one", "two")
    )
    assert [s.name for s in load_sites(_write(tmp_path, text))] == ["one", "two"]


def test_field_rules_override_what_extraction_found() -> None:
    html = (DEMO_SITE / "city" / "2026" / "11" / "03" / "harbour-strike-ends.html").read_text()
    rules = SiteRules(
        fields=(
            ("section", "jsonld:articleSection"),
            ("authors", "css:a[rel=author]"),
            ("tags", "meta:article:tag"),
            ("title", "xpath://h1"),
            ("published", "css:time.no-such-class"),  # finds nothing: extraction's value stays
        )
    )
    plain = extract_page(html, "http://h/x.html").fields
    ruled = extract_page(html, "http://h/x.html", rules=rules).fields
    assert ruled["authors"] == ["Maren Holt", "Tobias Achebe"]
    assert ruled["title"] == plain["title"]
    assert ruled["published"] == plain["published"]
    assert ruled["tags"]


def test_toml_and_python_sites_are_listed_and_crawled_alike(tmp_path: Path, serve) -> None:
    base = serve(DEMO_SITE)
    sites = tmp_path / "sites"
    sites.mkdir()
    _write(sites, GAZETTE.format(base=base), "gazette.toml")
    listed = _scrapy(tmp_path, "list").stdout.split()
    assert {"gazette", "demo", "urls", "site"} <= set(listed)

    by_name = run_crawl("gazette", tmp_path, output="a.jsonl")
    # Both runs are the spider "gazette" in one data folder: the second ignores the crawl
    # state (full=1), or it would skip every article the first exported.
    by_file = run_crawl(
        "site", tmp_path, args={"config": "sites/gazette.toml", "full": "1"}, output="b.jsonl"
    )
    assert by_name.returncode == by_file.returncode == 0, by_name.log[-2000:]
    urls = sorted(i["url"] for i in by_name.items)
    assert urls and urls == sorted(i["url"] for i in by_file.items)
    assert not any("/sport/" in u for u in urls)  # the deny rule
    assert {i["spider"] for i in by_file.items} == {"gazette"}


def test_bad_site_file_is_one_error_line_and_exit_2(tmp_path: Path) -> None:
    path = _write(tmp_path, 'name = "x"\ndomains = ["a"]\n[sources]\nfeedz = ["http://a/"]')
    result = run_crawl("site", tmp_path, args={"config": str(path)})
    assert result.returncode == 2
    assert "error: " in result.log and "unknown key sources.'feedz'" in result.log
    assert "Traceback" not in result.log


def test_a_broken_site_file_leaves_the_other_sites_working(tmp_path: Path, serve) -> None:
    base = serve(DEMO_SITE)
    sites = tmp_path / "sites"
    sites.mkdir()
    _write(sites, GAZETTE.format(base=base), "gazette.toml")
    _write(sites, 'name = "broken"\ndomains = ["a"]\n[sources]\nfeedz = ["u"]', "broken.toml")
    listed = _scrapy(tmp_path, "list")
    assert "gazette" in listed.stdout.split()
    assert "Site file left out: sites/broken.toml: unknown key sources.'feedz'" in listed.stderr

    working = run_crawl("gazette", tmp_path, output="a.jsonl")
    assert working.returncode == 0 and working.items, working.log[-2000:]

    missing = run_crawl("broken", tmp_path)
    assert missing.returncode == 2
    assert "error: no spider named 'broken'; sites/broken.toml: unknown key" in missing.log
    assert "Traceback" not in missing.log


def test_bad_spider_argument_is_one_error_line_and_exit_2(tmp_path: Path) -> None:
    result = run_crawl("demo", tmp_path, args={"max_age": "soon"})
    assert result.returncode == 2
    assert "error: max_age='soon' is not a duration or a date" in result.log
    assert "Traceback" not in result.log


def test_misspelled_spider_argument_is_refused_not_ignored(tmp_path: Path) -> None:
    result = run_crawl("urls", tmp_path, args={"file": "urls.txt", "ful": "1", "_job": "j1"})
    assert result.returncode == 2
    assert (
        "error: unknown argument for urls: -a ful "
        "(known: -a debug_cleaning=..., -a file=..., -a full=..., -a max_age=..., -a refresh=...)"
    ) in result.log
    assert "Traceback" not in result.log


def test_genspider_news_template_writes_a_site_module_and_fixture_folder(tmp_path: Path) -> None:
    package = tmp_path / "mysites"
    package.mkdir()
    (package / "__init__.py").write_text("")
    settings = ["-s", "NEWSPIDER_MODULE=mysites", "-s", "SPIDER_MODULES=newscrawl.spiders,mysites"]
    on_path = {"PYTHONPATH": str(tmp_path)}
    _scrapy(
        tmp_path,
        "genspider",
        "-t",
        "news",
        *settings,
        "dailyplanet",
        "dailyplanet.example",
        **on_path,
    )
    module = (package / "dailyplanet.py").read_text("utf-8")
    assert "class DailyplanetSpider(NewsSpider):" in module
    assert 'allowed_domains = ["dailyplanet.example"]' in module
    assert len(module.splitlines()) <= 40
    assert (tmp_path / "tests" / "fixtures" / "sites" / "dailyplanet" / "README.md").exists()
    listed = _scrapy(tmp_path, "list", *settings[2:], **on_path).stdout.split()
    assert "dailyplanet" in listed


def test_genspider_will_not_write_into_an_installed_package(tmp_path: Path) -> None:
    # scrapy's own spiders package stands for a pip-installed (not editable) newscrawl.
    result = _scrapy(
        tmp_path,
        *("genspider", "-t", "news", "-s", "NEWSPIDER_MODULE=scrapy.spiders"),
        *("dailyplanet", "dailyplanet.example"),
        check=False,
    )
    assert result.returncode == 2
    assert "error: the spider module would go into the installed package" in result.stderr
    assert "TOML file in ./sites/" in result.stderr
    assert not list(tmp_path.iterdir())


def _scrapy(
    cwd: Path, *args: str, check: bool = True, **env: str
) -> subprocess.CompletedProcess[str]:
    """`scrapy ARGS` in a subprocess from `cwd`, with newscrawl's settings."""
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=cwd,
        env={**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", **env},
        capture_output=True,
        text=True,
        check=check,
    )
