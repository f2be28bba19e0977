"""Record and check a site's golden fixtures: saved article pages, and what newscrawl
extracts from them.

    newscrawl fixture record SITE URL [--html FILE] [--fetched-at ISO] [--name SLUG]
                             [--note TEXT] [--update]
    newscrawl fixture check [SITE] [--update]

`record` reads the page from FILE (a page saved from a browser: works offline) or fetches
URL, runs newscrawl's article chain with the site's cleaning rules, and writes
`tests/fixtures/sites/SITE/SLUG.html.gz` and `SLUG.json` (see `newscrawl.testing.golden`). Read
the JSON before committing it: it is what the site's test demands from then on, so a
wrong value there must be fixed in the site's rules or in newscrawl, not in the JSON.

`check` runs every fixture (or one site's) again and prints what newscrawl extracts
differently now; `--update` then rewrites the expected fields, keeping the page, its URL
and its fetch date.
"""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from newscrawl.addon import NewscrawlAddon
from newscrawl.api import extract_article
from newscrawl.crawl.spiderloader import project_settings, site_spiders
from newscrawl.discovery.fetch import Fetcher, FetchError, TooLarge
from newscrawl.testing.golden import (
    FIXTURES_DIR,
    Fixture,
    FixtureError,
    diff_fields,
    expected_fields,
    fixture_paths,
    load_fixture,
    load_fixtures,
    save_fixture,
    slug_for,
)

if TYPE_CHECKING:
    import argparse

    from scrapy.settings import BaseSettings

    from newscrawl.spiders import NewsSpider

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    record = actions.add_parser("record", help="save an article page of a site as a fixture")
    record.add_argument("site", help="the site's spider name (see `newscrawl sites`)")
    record.add_argument("url", help="the article's URL")
    record.add_argument("--html", type=Path, help="read the page from this file, not the web")
    record.add_argument(
        "--fetched-at", help="when the page was fetched or saved, ISO 8601 (default: now)"
    )
    record.add_argument("--name", help="the fixture's file name (default: from the URL)")
    record.add_argument("--note", help="where the page comes from, kept in the fixture")
    record.add_argument("--update", action="store_true", help="replace an existing fixture")
    check = actions.add_parser("check", help="compare fixtures with what newscrawl extracts now")
    check.add_argument("site", nargs="?", help="only this site's fixtures")
    check.add_argument(
        "--update", action="store_true", help="rewrite the expected fields of fixtures that differ"
    )


def run(args: argparse.Namespace) -> int:
    settings = project_settings()
    NewscrawlAddon().update_settings(settings)  # the crawl's user agent, timeout, size limit
    root = Path.cwd() / FIXTURES_DIR
    if args.action == "record":
        return _record(args, settings, root)
    return _check(args.site, args.update, settings, root)


def _record(args: argparse.Namespace, settings: BaseSettings, root: Path) -> int:
    spider = _site(args.site, settings)
    fetched_at = _iso(args.fetched_at) if args.fetched_at else None
    slug = args.name or slug_for(args.url)
    if not _SLUG.match(slug):
        raise ValueError(f"--name {slug!r}: use lower-case letters, digits and -")
    json_path, _ = fixture_paths(root, spider.name, slug)
    if json_path.exists() and not args.update:
        raise ValueError(f"{json_path} exists; pass --update to replace it")
    for warning in _url_warnings(spider, args.url):
        print(f"newscrawl fixture: warning: {warning}", file=sys.stderr)
    if args.html is not None:
        html, encoding = _read_page(args.html, settings), None
    else:
        html, encoding = _fetch(args.url, settings)
    fixture = Fixture(
        site=spider.name,
        slug=slug,
        url=args.url,
        fetched_at=fetched_at or _now(),
        html=html,
        expected={},
        extra=_kept_extra(json_path),
    )
    if encoding:
        fixture.extra["encoding"] = encoding
    if args.note:
        fixture.extra["note"] = args.note
    fixture.expected = _extract(fixture, spider)
    for path in save_fixture(root, fixture):
        print(f"wrote {path}")
    print(_summary(fixture.expected))
    test = (
        f"pytest tests/test_sites.py -k {spider.name}"
        if Path("tests", "test_sites.py").exists()  # a checkout of newscrawl
        else f"newscrawl fixture check {spider.name}"
    )
    print(f"Read it before you commit it, then run: {test}")
    return 0


def _check(site: str | None, update: bool, settings: BaseSettings, root: Path) -> int:
    fixtures = load_fixtures(root, site)
    if not fixtures:
        raise ValueError(f"no fixtures in {root / (site or '')}")
    sites = site_spiders(settings)
    failed = 0
    for fixture in fixtures:
        spider = sites.get(fixture.site)
        try:
            if spider is None:
                raise ValueError(f"no site {fixture.site!r} in this project")
            actual = _extract(fixture, spider)
        except ValueError as error:
            print(f"FAIL {fixture.id}: {error}")
            failed += 1
            continue
        changes = diff_fields(fixture.expected, actual)
        if not changes:
            print(f"ok   {fixture.id}")
        elif update:
            fixture.expected = actual
            save_fixture(root, fixture)
            print(f"updated {fixture.id}:", *changes, sep="\n  ")
        else:
            print(f"DIFF {fixture.id}:", *changes, sep="\n  ")
            failed += 1
    if failed:
        print(f"{failed} of {len(fixtures)} fixtures differ", file=sys.stderr)
    return 1 if failed else 0


def _site(name: str, settings: BaseSettings) -> type[NewsSpider]:
    sites = site_spiders(settings)
    if name not in sites:
        raise ValueError(f"no site {name!r}; the sites are: {', '.join(sites) or 'none'}")
    return sites[name]


def _extract(fixture: Fixture, spider: type[NewsSpider]) -> dict[str, Any]:
    """The page's article as the crawl exports it, minus the crawl's own fields."""
    article = extract_article(fixture.text(), fixture.url, rules=spider.cleaning_rules)
    if article is None:
        raise ValueError(
            f"{fixture.url}: newscrawl extracts no article from this page (it reads as a "
            "listing or profile page, or its text is too short): pick an article page"
        )
    return expected_fields(article)


def _kept_extra(json_path: Path) -> dict[str, str]:
    """What a re-recorded fixture keeps of the one it replaces: its note and license."""
    try:
        old = load_fixture(json_path)
    except FixtureError:
        return {}
    return {k: v for k, v in old.extra.items() if k != "encoding"}


def _url_warnings(spider: type[NewsSpider], url: str) -> list[str]:
    """Why `url` would not be crawled as an article of the site (the site's test fails so)."""
    warnings = []
    host = urlsplit(url).hostname or ""
    if not any(host == d or host.endswith(f".{d}") for d in spider.allowed_domains):
        warnings.append(f"{url} is not on the site's domains ({', '.join(spider.allowed_domains)})")
    if spider.article_allow and not any(re.search(p, url) for p in spider.article_allow):
        warnings.append(f"{url} matches none of the site's article_allow rules")
    if any(re.search(p, url) for p in spider.article_deny):
        warnings.append(f"{url} matches one of the site's article_deny rules")
    return warnings


def _read_page(path: Path, settings: BaseSettings) -> bytes:
    with path.open("rb") as handle:
        return _checked_page(handle.read(_max_size(settings) + 1), str(path), settings)


def _fetch(url: str, settings: BaseSettings) -> tuple[bytes, str | None]:
    """The page's bytes and the charset its server declares; one request, no retries."""
    # The crawl's user agent, timeout, size limit and address guard.
    fetcher = Fetcher.from_settings(settings)
    try:
        page = fetcher.get(url)
    except TooLarge:
        raise ValueError(f"{url} is over {_max_size(settings)} bytes: not a news page") from None
    except FetchError as error:
        raise ValueError(
            f"{error}. Offline? Save the page from a browser and record it with --html FILE"
        ) from None
    if not page.ok:
        raise ValueError(f"cannot fetch {url}: HTTP {page.status}")
    if page.content_type not in _HTML_TYPES:
        raise ValueError(f"{url} is {page.content_type}, not an HTML page")
    return _checked_page(page.body, url, settings), page.charset


def _checked_page(body: bytes, source: str, settings: BaseSettings) -> bytes:
    if not body.strip():
        raise ValueError(f"{source} is empty")
    if len(body) > _max_size(settings):
        raise ValueError(f"{source} is over {_max_size(settings)} bytes: not a news page")
    if b"\x00" in body[:4096]:
        raise ValueError(f"{source} is binary, not an HTML page")
    return body


def _max_size(settings: BaseSettings) -> int:
    # 0 means "no limit" to Scrapy; a fixture page over 16 MB is a mistake all the same.
    return settings.getint("DOWNLOAD_MAXSIZE") or 16 * 1024 * 1024


def _iso(value: str) -> str:
    """`--fetched-at` as ISO 8601 in UTC, to the second; a time without offset is UTC."""
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"--fetched-at {value!r} is not an ISO 8601 date or time") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="seconds")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _summary(expected: dict[str, Any]) -> str:
    shown = ("title", "authors", "published", "language", "section", "word_count")
    lines = [f"  {key}: {expected.get(key)!r}" for key in shown]
    first = expected.get("text", "").split("\n", 1)[0]
    lines.append(f"  text: {first[:100]!r}{'…' if len(first) > 100 else ''}")
    return "\n".join(lines)
