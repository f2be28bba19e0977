"""Find a news site's sitemaps and feeds, the way a person would, and check each one.

Where sources are declared first (robots.txt `Sitemap:` lines, the home page's
`<link rel="alternate">` feeds and sitemap links), then the paths CMSs commonly use
(`/sitemap.xml`, `/feed/`, `/rss.xml`, ...). Each candidate is fetched and classified by
parsing it with the crawl's own parsers (`parse_sitemap`, `parse_feed`), never by its
name: a sitemap index, a Google News sitemap, a sitemap, an RSS or an Atom feed, or a
problem (a 404, an HTML error page served as 200, broken XML) that is reported, not
raised. The first few sitemaps of an index are checked too, newest and news ones first.

Discovery runs with the settings a crawl would (`newscrawl.discovery.settings`): the
project's User-Agent, timeout and size limit, the address guard with
`NEWSCRAWL_ALLOW_PRIVATE_HOSTS` (a source on a private address is a problem, never
fetched), and robots.txt read with Protego as the crawl's robots.txt middleware reads it
(`ROBOTSTXT_OBEY`, `ROBOTSTXT_USER_AGENT`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from lxml import etree, html
from scrapy.robotstxt import ProtegoRobotParser

from newscrawl.core.dates import parse_datetime
from newscrawl.discovery.fetch import Fetched, Fetcher, FetchError, Refusal, TooLarge
from newscrawl.discovery.patterns import MIN_SAMPLE, Proposal, propose_article_allow
from newscrawl.discovery.settings import crawl_settings
from newscrawl.extraction.language import language_from_markup
from newscrawl.spiders.feeds import FeedError, parse_feed
from newscrawl.spiders.sitemaps import SitemapError, parse_sitemap

if TYPE_CHECKING:
    from collections.abc import Iterator

    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

SITEMAP_INDEX = "sitemap index"
NEWS_SITEMAP = "news sitemap"
SITEMAP = "sitemap"
RSS = "RSS feed"
ATOM = "Atom feed"

#: Paths news CMSs commonly publish sitemaps and feeds at (WordPress, Drupal, Hugo,
#: Ghost, Arc, custom), probed when nothing declares them.
COMMON_PATHS: tuple[str, ...] = (
    "/sitemap.xml",
    "/sitemap_index.xml",
    "/news-sitemap.xml",
    "/sitemap-news.xml",
    "/sitemap_news.xml",
    "/sitemaps/news.xml",
    "/feed/",
    "/rss",
    "/rss.xml",
    "/feed.xml",
    "/atom.xml",
    "/feeds/rss.xml",
    "/feeds/atom.xml",
    "/index.xml",
)
#: Sitemaps of an index that are checked (news and newest first); the index itself goes
#: into the stub, so the crawl reaches the others.
MAX_INDEX_CHILDREN = 4
#: Article URLs kept per source for the URL rule heuristics.
MAX_LINKS = 200

#: Where a candidate was found (`Source.found_by`, `Problem.found_by`).
ROBOTS = "listed in robots.txt"
HOME_HEAD = "linked from the home page's <head>"
HOME_LINK = "linked from the home page"
GUESSED = "at a common path"

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+xml")
_SOURCE_LINK = re.compile(
    r"(sitemap[^/]*\.xml(\.gz)?|/feeds?/?|/rss/?|\.rss|/atom\.xml|/rss\.xml)$", re.IGNORECASE
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html)", re.IGNORECASE | re.DOTALL)
_ATOM_ROOT = re.compile(rb"<(\w+:)?feed[\s>]")
_NEWS_NAMESPACE = b"google.com/schemas/sitemap-news"


class DiscoveryError(ValueError):
    """The site cannot be discovered at all (bad URL, unreachable host)."""


@dataclass(frozen=True)
class Source:
    """A sitemap or feed that parses, and what it lists."""

    url: str
    kind: str
    #: Where it was found, as a phrase: "listed in robots.txt", "at a common path", ...
    found_by: str
    entries: int
    #: The newest date among its entries (YYYY-MM-DD), None if it gives none.
    newest: str | None = None
    #: Child sitemaps (an index) or article URLs (the rest), at most `MAX_LINKS`.
    links: tuple[str, ...] = ()

    def describe(self) -> str:
        unit = "sitemaps" if self.kind == SITEMAP_INDEX else "entries"
        newest = f", newest {self.newest}" if self.newest else ""
        return f"{self.kind}: {self.entries} {unit}{newest}; {self.found_by}"


@dataclass(frozen=True)
class Problem:
    """A candidate that is not a usable source, and why."""

    url: str
    found_by: str
    problem: str
    #: True when the site itself points at it (robots.txt, home page, an index): worth
    #: telling the user. Guessed common paths are expected to be missing.
    declared: bool


@dataclass
class Discovery:
    """What `discover()` found: enough to write a site stub."""

    url: str
    home_url: str
    domain: str
    sources: list[Source] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    proposal: Proposal = field(default_factory=lambda: Proposal((), 0, 0, ""))
    #: The home page's declared language (`<html lang>`, `og:locale`), if any.
    language: str | None = None
    requests: int = 0
    #: Hosts the address guard refused (a site listing internal URLs), by host.
    refused: dict[str, Refusal] = field(default_factory=dict)

    def of_kind(self, *kinds: str) -> list[Source]:
        return [s for s in self.sources if s.kind in kinds]

    @property
    def news_sitemaps(self) -> list[Source]:
        return self.of_kind(NEWS_SITEMAP)

    @property
    def sitemaps(self) -> list[Source]:
        """Indexes, and sitemaps no index found here already lists (the crawl follows
        an index by itself)."""
        indexed = {link for s in self.of_kind(SITEMAP_INDEX) for link in s.links}
        return [
            s
            for s in self.of_kind(SITEMAP_INDEX, SITEMAP)
            if s.kind == SITEMAP_INDEX or s.url not in indexed
        ]

    @property
    def feeds(self) -> list[Source]:
        return self.of_kind(RSS, ATOM)


def discover(
    url: str,
    timeout: float | None = None,
    fetcher: Fetcher | None = None,
    settings: BaseSettings | None = None,
) -> Discovery:
    """Find and check the sources of the site at `url`; raise `DiscoveryError` only when
    the site cannot be reached at all.

    `settings` are a crawl's (default: `crawl_settings()`, the project's); `timeout`
    replaces their `DOWNLOAD_TIMEOUT`. A `fetcher` given replaces the one they make."""
    start = start_url(url)
    if fetcher is None:
        settings = settings if settings is not None else crawl_settings()
        fetcher = Fetcher.from_settings(settings, timeout)
    # The crawl's robots.txt middleware asks for ROBOTSTXT_USER_AGENT, else the User-Agent.
    robots_agent = settings.get("ROBOTSTXT_USER_AGENT") if settings is not None else None
    obey = settings.getbool("ROBOTSTXT_OBEY") if settings is not None else True
    try:
        home = fetcher.get(start)
    except TooLarge as error:
        # The site answers: its robots.txt and sitemaps may still be fine.
        home = Fetched(start, 200, "", b"")
        notes = [f"the home page is not read: {error}"]
    except FetchError as error:
        raise DiscoveryError(str(error)) from None
    else:
        notes = []
    host = urlsplit(home.url).hostname or ""
    result = Discovery(url=start, home_url=home.url, domain=host.removeprefix("www."), notes=notes)
    if not home.ok:
        result.notes.append(f"the home page {home.url} answers HTTP {home.status}")
    else:
        result.language = _home_language(home.body)
    robots = _robots(fetcher, home.url, result, robots_agent or fetcher.user_agent, obey)
    if not robots.allows(home.url):
        result.notes.append("robots.txt disallows the home page for newscrawl")
    candidates = [
        *((u, ROBOTS) for u in robots.sitemaps),
        *_home_links(home.body if home.ok else b"", home.url),
        *((urljoin(home.url, p), GUESSED) for p in COMMON_PATHS),
    ]
    checked: set[str] = set()
    for candidate, found_by in candidates:
        for found in _check_tree(fetcher, robots, candidate, found_by, checked):
            if isinstance(found, Source):
                result.sources.append(found)
            else:
                result.problems.append(found)
    result.proposal = propose_article_allow(_article_sample(result))
    result.requests = fetcher.requests
    result.refused = dict(fetcher.refused)
    return result


def start_url(url: str) -> str:
    """The URL to start from: `example.com` means `https://example.com/`."""
    url = url.strip()
    if "://" not in url:
        url = f"https://{url}"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise DiscoveryError(f"{url}: only http and https sites can be discovered")
    if not parts.hostname:
        raise DiscoveryError(f"{url}: no host name in the URL")
    return url if parts.path else f"{url}/"


@dataclass
class Robots:
    """robots.txt as a crawl reads it: Scrapy's Protego parser (`ROBOTSTXT_PARSER`'s
    default), asked for the crawl's robots user agent; `obey=False` as
    `ROBOTSTXT_OBEY = False`."""

    parser: ProtegoRobotParser
    agent: str
    obey: bool = True

    def allows(self, url: str) -> bool:
        return not self.obey or self.parser.allowed(url, self.agent)

    @property
    def sitemaps(self) -> list[str]:
        """The `Sitemap:` lines."""
        return list(self.parser.rp.sitemaps)


def _robots(fetcher: Fetcher, home_url: str, result: Discovery, agent: str, obey: bool) -> Robots:
    """robots.txt, parsed; a missing or unreadable one allows everything (as in a crawl)."""
    robots_url = urljoin(home_url, "/robots.txt")
    body = b""
    try:
        robots = fetcher.get(robots_url)
    except FetchError as error:
        result.notes.append(f"robots.txt: {error}")
    else:
        if robots.ok and not _HTML_START.match(robots.body[:1024]):
            body = robots.body
    return Robots(ProtegoRobotParser(body, None), agent, obey)


def _home_language(body: bytes) -> str | None:
    """The language the home page declares, as an ISO 639-1 code."""
    try:
        tree = html.fromstring(body) if body.strip() else None
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    if tree is None:
        return None
    locale = tree.xpath("string(//meta[@property='og:locale']/@content)")
    return language_from_markup(tree.get("lang"), str(locale) or None)


def _home_links(body: bytes, base: str) -> list[tuple[str, str]]:
    """Feeds and sitemaps the home page links to."""
    if not body.strip():
        return []
    try:
        tree = html.fromstring(body, base_url=base)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return []
    links: list[tuple[str, str]] = []
    for link in tree.iterfind(".//link[@href]"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if ("alternate" in rel and kind in _FEED_TYPES) or "sitemap" in rel:
            links.append((urljoin(base, link.get("href", "").strip()), HOME_HEAD))
    for anchor in tree.iterfind(".//a[@href]"):
        href = urljoin(base, anchor.get("href", "").strip())
        if _SOURCE_LINK.search(urlsplit(href).path):
            links.append((href, HOME_LINK))
    return links


def _check_tree(
    fetcher: Fetcher, robots: Robots, url: str, found_by: str, checked: set[str]
) -> Iterator[Source | Problem]:
    """Check a candidate; for an index, check its first few sitemaps as well."""
    if url in checked or not url.startswith(("http://", "https://")):
        return
    checked.add(url)
    declared = found_by != GUESSED
    if not robots.allows(url):
        yield Problem(url, found_by, "disallowed by robots.txt", declared)
        return
    found = _check(fetcher, url, found_by, declared)
    if isinstance(found, Source) and found.url != url:
        if found.url in checked:
            return  # a redirect to a source already seen (/rss -> /feed/)
        checked.add(found.url)
    if not (isinstance(found, Source) and found.kind == SITEMAP_INDEX):
        yield found
        return
    children = [
        result
        for child in _children_to_check(found)
        for result in _check_tree(fetcher, robots, child, f"listed in {found.url}", checked)
    ]
    if children and not any(isinstance(result, Source) for result in children):
        # An index whose sitemaps are all broken or gone leads the crawl nowhere.
        yield Problem(
            found.url,
            found_by,
            f"none of the {len(children)} sitemaps checked could be read",
            declared,
        )
    else:
        yield found
    yield from children


def _check(fetcher: Fetcher, url: str, found_by: str, declared: bool) -> Source | Problem:
    try:
        if not declared:
            # Guessed paths are mostly missing: a HEAD says so without a body.
            probe = fetcher.head(url)
            if probe.status in (404, 410):
                return Problem(url, found_by, f"HTTP {probe.status}", declared)
        response = fetcher.get(url)
    except FetchError as error:
        return Problem(url, found_by, str(error), declared)
    if not response.ok:
        return Problem(url, found_by, f"HTTP {response.status}", declared)
    try:
        return classify(response.body, response.url, found_by)
    except NotASource as error:
        return Problem(response.url, found_by, str(error), declared)


class NotASource(ValueError):
    """The body is neither a sitemap nor a feed."""


def classify(body: bytes, url: str, found_by: str = "") -> Source:
    """Parse `body` as a sitemap, then as a feed; raise `NotASource` saying what it is."""
    if not body.strip():
        raise NotASource("empty body")
    if _HTML_START.match(body[:1024]):
        raise NotASource("an HTML page, not a sitemap or feed")
    try:
        document = parse_sitemap(body)
    except SitemapError as sitemap_error:
        try:
            entries = parse_feed(body, base_url=url)
        except FeedError:
            raise NotASource(f"not a sitemap or feed ({sitemap_error})") from None
        kind = ATOM if _ATOM_ROOT.search(body[:4096]) else RSS
        dates = [e.published or e.updated for e in entries]
        links = [urljoin(url, e.link) for e in entries]
        return Source(url, kind, found_by, len(entries), _newest(dates), _first(links))
    if document.kind == "sitemapindex":
        kind = SITEMAP_INDEX
    elif _NEWS_NAMESPACE in body[:4096] or any(
        e.news_published or e.news_title for e in document.entries
    ):
        kind = NEWS_SITEMAP
    else:
        kind = SITEMAP
    dates = [e.news_published or e.lastmod for e in document.entries]
    links = [urljoin(url, e.loc) for e in document.entries]
    return Source(url, kind, found_by, len(document.entries), _newest(dates), _first(links))


def _first(links: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(links))[:MAX_LINKS]


def _newest(dates: list[str | None]) -> str | None:
    parsed = [d for d in (parse_datetime(x) for x in dates if x) if d is not None]
    return max(parsed).date().isoformat() if parsed else None


def _children_to_check(index: Source) -> list[str]:
    """News sitemaps first (by name), then the index's own order (usually newest first)."""
    ranked = sorted(index.links, key=lambda u: "news" not in u.lower())
    return ranked[:MAX_INDEX_CHILDREN]


def _article_sample(result: Discovery) -> list[str]:
    """Article URLs of this site: from news sitemaps and feeds (they list articles), and
    from plain sitemaps (which list sections and pages too) only when those are silent."""

    def same_site(url: str) -> bool:
        host = urlsplit(url).hostname or ""
        return host == result.domain or host.endswith(f".{result.domain}")

    primary = [u for s in result.news_sitemaps + result.feeds for u in s.links if same_site(u)]
    if len(set(primary)) >= MIN_SAMPLE:
        return primary
    return primary + [u for s in result.of_kind(SITEMAP) for u in s.links if same_site(u)]
