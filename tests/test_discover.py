"""`newscrawl discover`: sources found and checked on local sites, the article URL rule,
stubs that load and crawl, and bad input as clear messages."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import socket
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from build_demo import article_url, load_content
from conftest import run_crawl
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.cli import main
from newscrawl.discovery import (
    Discovery,
    DiscoveryError,
    Source,
    discover,
    render_python,
    render_toml,
    site_name,
)
from newscrawl.discovery.fetch import Fetcher
from newscrawl.discovery.patterns import Proposal, propose_article_allow
from newscrawl.discovery.settings import crawl_settings
from newscrawl.discovery.sources import ATOM, NEWS_SITEMAP, RSS, SITEMAP, SITEMAP_INDEX, start_url
from newscrawl.spiders import NewsSpider
from newscrawl.spiders.config import load_sites

ROOT = Path(__file__).parents[1]
DEMO_SITE = ROOT / "newscrawl" / "demo" / "site"
TEMPLATE = ROOT / "newscrawl" / "templates" / "spiders" / "news.tmpl"
DATE_RULE = r"/\d{4}/\d{2}/\d{2}/[\w-]+\.html$"
COMPARED = (
    "name",
    "allowed_domains",
    "news_sitemap_urls",
    "sitemap_urls",
    "feed_urls",
    "listing_urls",
    "source_order",
    "article_allow",
    "article_deny",
    "listing_follow",
)


# Test sites are served on loopback, which the address guard refuses by default.
LOCAL = ["-s", "NEWSCRAWL_ALLOW_PRIVATE_HOSTS=127.0.0.1"]


def _local(**settings: str) -> Any:
    """A crawl's settings, loopback allowed (and `settings`)."""
    return crawl_settings({"NEWSCRAWL_ALLOW_PRIVATE_HOSTS": "127.0.0.1", **settings})


def _import_spider(path: Path) -> type[NewsSpider]:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (spider,) = [
        v for v in vars(module).values() if isinstance(v, type) and v.__module__ == path.stem
    ]
    assert issubclass(spider, NewsSpider)
    return spider


# The demo site: robots.txt, a sitemap index with a news sitemap, RSS and Atom


def test_demo_site_sources_are_found_and_classified(serve) -> None:
    base = serve(DEMO_SITE)
    found = discover(base, settings=_local())
    kinds = {urlsplit(s.url).path: s.kind for s in found.sources}
    assert kinds == {
        "/sitemap_index.xml": SITEMAP_INDEX,
        "/sitemaps/news.xml": NEWS_SITEMAP,
        "/sitemaps/archive-2026-10.xml.gz": SITEMAP,
        "/sitemaps/pages.xml": SITEMAP,
        "/feeds/rss.xml": RSS,
        "/feeds/atom.xml": ATOM,
    }
    by_path = {urlsplit(s.url).path: s for s in found.sources}
    assert by_path["/sitemap_index.xml"].found_by == "listed in robots.txt"
    assert by_path["/feeds/rss.xml"].found_by == "linked from the home page's <head>"
    assert by_path["/sitemaps/news.xml"].newest == "2026-11-19"
    assert [urlsplit(s.url).path for s in found.sitemaps] == ["/sitemap_index.xml"]
    assert found.proposal.allow == (DATE_RULE,)
    assert found.proposal.matched == found.proposal.sampled > 10
    assert not [p for p in found.problems if p.declared]


def test_demo_stubs_load_validate_and_declare_the_same_spider(serve, tmp_path: Path) -> None:
    base = serve(DEMO_SITE)
    found = discover(base, settings=_local())
    toml_file = tmp_path / "gazette.toml"
    toml_file.write_text(render_toml(found, "gazette"), encoding="utf-8")
    (from_toml,) = load_sites(toml_file)
    python_file = tmp_path / "gazette_site.py"
    python_file.write_text(render_python(found, "gazette"), encoding="utf-8")
    from_python = _import_spider(python_file)
    assert from_python.__name__ == "GazetteSpider"
    for attribute in COMPARED:
        assert tuple(getattr(from_python, attribute)) == tuple(getattr(from_toml, attribute))
    assert from_toml.news_sitemap_urls == (f"{base}/sitemaps/news.xml",)
    assert from_toml.feed_urls == (f"{base}/feeds/rss.xml", f"{base}/feeds/atom.xml")
    assert from_toml.listing_urls == (f"{base}/",)
    # Every article of the news sitemap passes the proposed rule.
    articles = [f"{base}{article_url(a)}" for a in load_content()["articles"]]
    assert all(re.search(DATE_RULE, url) for url in articles)


def test_python_stub_has_the_shape_of_the_genspider_template(serve) -> None:
    def attributes(source: str) -> list[str]:
        (cls,) = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ClassDef)]
        assigned = [t for n in cls.body if isinstance(n, ast.Assign) for t in n.targets]
        return [t.id for t in assigned if isinstance(t, ast.Name)]

    template = TEMPLATE.read_text("utf-8").replace("$classname", "X")
    stub = render_python(discover(serve(DEMO_SITE), settings=_local()), "gazette")
    assert attributes(stub) == attributes(template)


def test_toml_stub_crawls_the_demo_site(serve, tmp_path: Path) -> None:
    base = serve(DEMO_SITE)
    (tmp_path / "sites").mkdir()
    stub = render_toml(discover(base, settings=_local()), "found")
    (tmp_path / "sites" / "found.toml").write_text(stub, encoding="utf-8")
    result = run_crawl("found", tmp_path)
    assert result.returncode == 0, result.log[-3000:]
    exported = {urlsplit(i["url"]).path for i in result.items}
    assert exported == {article_url(a) for a in load_content()["articles"]}


def test_console_script_prints_the_stub_and_a_report(serve, tmp_path: Path) -> None:
    base = serve(DEMO_SITE)
    process = subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "discover", base, "--format", "toml", *LOCAL],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    assert process.stdout.startswith("# site_127_0_0_1: articles of 127.0.0.1.")
    (tmp_path / "stub.toml").write_text(process.stdout, encoding="utf-8")
    assert load_sites(tmp_path / "stub.toml")[0].name == "site_127_0_0_1"
    assert f"found {base}/sitemaps/news.xml: news sitemap: 13 entries" in process.stderr


# A site with every kind of bad source


def _bad_site(root: Path) -> None:
    (root / "robots.txt").write_text(
        "User-agent: *\nDisallow: /private/\n\n"
        "Sitemap: {{BASE}}/missing-sitemap.xml\nSitemap: {{BASE}}/sitemap.xml\n"
        "Sitemap: {{BASE}}/dead-index.xml\n"
    )
    (root / "dead-index.xml").write_text(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>{{BASE}}/gone-1.xml</loc></sitemap>"
        "<sitemap><loc>{{BASE}}/gone-2.xml</loc></sitemap></sitemapindex>"
    )
    (root / "index.html").write_text(
        "<!doctype html><html><head>"
        '<link rel="alternate" type="application/rss+xml" href="/feeds/error.xml">'
        '<link rel="alternate" type="application/atom+xml" href="/private/feed.atom">'
        '</head><body><a href="/news-sitemap.xml">Sitemap</a></body></html>'
    )
    stories = "".join(
        f"<url><loc>{{{{BASE}}}}/story/{slug}</loc></url>"
        for slug in ("harbour-strike-ends", "ferry-cuts", "council-budget", "new-bridge")
    )
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{stories}<url><loc>{{{{BASE}}}}/about</loc></url></urlset>"
    )
    (root / "feeds").mkdir()
    (root / "feeds" / "error.xml").write_text("<html><body>Sorry, not found</body></html>")
    (root / "private").mkdir()
    (root / "private" / "feed.atom").write_text("<feed></feed>")
    (root / "news-sitemap.xml").write_text('<?xml version="1.0"?><<<>>> not xml at all')
    (root / "rss.xml").write_bytes(os.urandom(4096))
    (root / "feed.xml").write_text("<rss>" + "<item><title>x</title></item>" * 2000 + "</rss>")


def test_bad_sources_are_reported_not_raised(serve, tmp_path: Path) -> None:
    _bad_site(tmp_path)
    base = serve(tmp_path)
    found = discover(
        base, fetcher=Fetcher(timeout=5, max_bytes=20_000, allow_private_hosts=["127.0.0.1"])
    )
    assert [(urlsplit(s.url).path, s.kind) for s in found.sources] == [("/sitemap.xml", SITEMAP)]
    problems = {urlsplit(p.url).path: (p.problem, p.declared) for p in found.problems}
    assert problems["/missing-sitemap.xml"] == ("HTTP 404", True)
    assert problems["/dead-index.xml"] == ("none of the 2 sitemaps checked could be read", True)
    assert problems["/gone-1.xml"] == problems["/gone-2.xml"] == ("HTTP 404", True)
    assert problems["/feeds/error.xml"] == ("an HTML page, not a sitemap or feed", True)
    assert problems["/private/feed.atom"] == ("disallowed by robots.txt", True)
    assert problems["/news-sitemap.xml"] == ("not a sitemap or feed (not XML)", True)
    assert problems["/rss.xml"][0].startswith("not a sitemap or feed")
    assert "larger than 19 kB, skipped" in problems["/feed.xml"][0]
    assert problems["/atom.xml"] == ("HTTP 404", False)
    # Four of five sitemap URLs are stories: the shared first segment is the rule.
    assert found.proposal.allow == (r"/story/[^/?#]+",)
    assert found.proposal.explain().startswith("4 of 5 sampled article URLs match")


def test_bad_sources_in_the_cli_report(serve, tmp_path: Path, capsys) -> None:
    _bad_site(tmp_path)
    base = serve(tmp_path)
    assert main(["discover", base, "--format", "toml", "--name", "badsite", *LOCAL]) == 0
    out, err = capsys.readouterr()
    (tmp_path / "stub.toml").write_text(out, encoding="utf-8")
    assert load_sites(tmp_path / "stub.toml")[0].sitemap_urls == (f"{base}/sitemap.xml",)
    assert f"problem {base}/missing-sitemap.xml (listed in robots.txt): HTTP 404" in err
    assert "/rss.xml" not in err  # a guessed path that is no feed is not news
    assert "Traceback" not in err


def test_site_without_sources_gets_a_listing_only_stub(serve, tmp_path: Path, capsys) -> None:
    (tmp_path / "index.html").write_text("<html><body><a href='/a'>A</a></body></html>")
    base = serve(tmp_path)
    assert main(["discover", base, "--format", "toml", *LOCAL]) == 0
    out, err = capsys.readouterr()
    (tmp_path / "stub.toml").write_text(out, encoding="utf-8")
    (spider,) = load_sites(tmp_path / "stub.toml")
    assert spider.listing_urls == (f"{base}/",)
    assert spider.article_allow == ()
    assert "no sitemap or feed found" in err


def test_huge_home_page_is_a_note_and_the_rest_is_still_found(serve, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body>" + "<p>x</p>" * 10_000 + "</body></html>")
    empty_sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>'
    )
    (tmp_path / "sitemap.xml").write_text(empty_sitemap)
    found = discover(
        serve(tmp_path),
        fetcher=Fetcher(timeout=5, max_bytes=20_000, allow_private_hosts=["127.0.0.1"]),
    )
    assert found.notes == [
        f"the home page is not read: {found.home_url}: larger than 19 kB, skipped"
    ]
    assert [s.kind for s in found.sources] == [SITEMAP]


# Unreachable and silent hosts, bad arguments


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_unreachable_host_is_one_error_line(capsys) -> None:
    url = f"http://127.0.0.1:{_free_port()}/"
    assert main(["discover", url, *LOCAL]) == 2
    _, err = capsys.readouterr()
    assert err == f"newscrawl discover: error: cannot reach {url}: connection refused\n"


def test_silent_host_times_out() -> None:
    with socket.socket() as silent:  # accepts connections (backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        with pytest.raises(DiscoveryError, match=r"no answer within 0.3 s"):
            discover(url, timeout=0.3, settings=_local())


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("example.com", "https://example.com/"),
        ("http://example.com/news/", "http://example.com/news/"),
    ],
)
def test_start_url(url: str, expected: str) -> None:
    assert start_url(url) == expected


def test_bad_urls_and_names(capsys) -> None:
    with pytest.raises(DiscoveryError, match="only http and https"):
        start_url("ftp://example.com/")
    with pytest.raises(SystemExit):
        main(["discover", "example.com", "--name", "Bad Name"])
    assert "spider name 'Bad Name' must be lower-case letters" in capsys.readouterr().err


# The heuristics alone


@pytest.mark.parametrize(
    ("paths", "rule"),
    [
        (["/world/2026/11/03/a-b.html", "/uk/2026/11/02/c.html", "/2026/10/01/d.html"], DATE_RULE),
        (["/2026/11/a-story/", "/2026/10/b/", "/2025/01/c-d/"], r"/\d{4}/\d{2}/[\w-]+/?$"),
        (["/news/world-europe-12345678", "/news/uk-87654321", "/sport/1234567"], r"[/_-]\d{6,}"),
        (["/article/ferry", "/article/strike", "/article/budget?page=2"], r"/article/[^/?#]+"),
        (["/a", "/b/c", "/d/e/f"], None),
        (["/2026/11/03/a.html"], None),
    ],
)
def test_article_rule_heuristics(paths: list[str], rule: str | None) -> None:
    proposal = propose_article_allow([f"https://news.example{p}" for p in paths])
    assert proposal.allow == ((rule,) if rule else ())
    assert proposal.explain()


@pytest.mark.parametrize(
    ("domain", "name"),
    [
        ("www.theguardian.com", "theguardian"),
        ("news.bbc.co.uk", "bbc"),
        ("harbourgazette.example", "harbourgazette"),
        ("my-paper.de", "my_paper"),
        ("127.0.0.1", "site_127_0_0_1"),
        ("localhost", "localhost"),
        ("20min.ch", "site_20min"),
    ],
)
def test_site_name(domain: str, name: str) -> None:
    assert site_name(domain) == name


# Stubs for any URL (hypothesis): everything in a stub comes from the site

_TEXT = st.text(max_size=60)
_KINDS = st.sampled_from([NEWS_SITEMAP, SITEMAP_INDEX, SITEMAP, RSS, ATOM])
_SOURCES = st.lists(
    st.builds(
        Source,
        url=_TEXT,
        kind=_KINDS,
        found_by=_TEXT,
        entries=st.integers(0, 10**6),
        newest=st.none() | _TEXT,
    ),
    max_size=4,
)
_DISCOVERIES = st.builds(
    lambda url, domain, sources, allow, reason, language: Discovery(
        url=url,
        home_url=url,
        domain=domain,
        sources=sources,
        proposal=Proposal(tuple(allow), len(allow), len(allow), reason),
        language=language,
    ),
    url=_TEXT | st.just('https://news.example/"""\\N{x}\\'),
    domain=_TEXT,
    sources=_SOURCES,
    allow=st.lists(_TEXT, max_size=2),
    reason=_TEXT,
    language=st.none() | st.text(max_size=5),
)


def _class_values(source: str) -> dict[str, Any]:
    (cls,) = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ClassDef)]
    return {
        target.id: ast.literal_eval(node.value)
        for node in cls.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id != "cleaning_rules"
    }


@given(found=_DISCOVERIES)
@settings(max_examples=200, deadline=None)
def test_the_python_stub_compiles_and_says_what_the_site_said(found: Discovery) -> None:
    name = site_name(found.domain)
    source = render_python(found, name)
    compile(source, "<stub>", "exec")  # warnings are errors: no invalid escape either
    module = ast.parse(source)
    docstring = ast.get_docstring(module, clean=False) or ""
    assert docstring.startswith(f"{name}: articles of {found.domain}.")
    values = _class_values(source)
    assert values["name"] == name
    assert values["allowed_domains"] == [found.domain]
    assert values["language"] == (found.language or None)
    assert values["listing_urls"] == (found.home_url,)
    assert values["news_sitemap_urls"] == tuple(s.url for s in found.news_sitemaps)
    assert values["sitemap_urls"] == tuple(s.url for s in found.sitemaps)
    assert values["feed_urls"] == tuple(s.url for s in found.feeds)
    assert values["article_allow"] == found.proposal.allow


@given(found=_DISCOVERIES)
@settings(max_examples=200, deadline=None)
def test_the_toml_stub_loads_and_says_what_the_site_said(found: Discovery) -> None:
    name = site_name(found.domain)
    data = tomllib.loads(render_toml(found, name))
    assert data["name"] == name
    assert data["domains"] == [found.domain]
    assert data.get("language") == (found.language or None)
    sources = data["sources"]
    assert sources["listings"] == [found.home_url]
    assert sources.get("news_sitemaps", []) == [s.url for s in found.news_sitemaps]
    assert sources.get("sitemaps", []) == [s.url for s in found.sitemaps]
    assert sources.get("feeds", []) == [s.url for s in found.feeds]
    assert data["articles"]["allow"] == list(found.proposal.allow)
