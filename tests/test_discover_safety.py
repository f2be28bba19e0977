"""`newscrawl discover` behind the crawl's address guard, with the crawl's settings and its
robots.txt parser: internal URLs a site lists, redirects and names that lead to loopback
are refused, counted and reported, never fetched; requests introduce themselves and wait
as the project's crawls do; robots.txt is read as Scrapy's middleware reads it."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from support.faultsite import Canary

from newscrawl import __version__
from newscrawl.cli import main
from newscrawl.core.addresses import AddressPolicy
from newscrawl.discovery import DiscoveryError, discover
from newscrawl.discovery.fetch import AddressGuard, Fetcher, Refused
from newscrawl.discovery.settings import crawl_settings
from newscrawl.discovery.sources import RSS, SITEMAP

URLSET = (
    '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>'
)
RSS_FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
    "<item><title>a</title><link>{base}/story/a</link></item></channel></rss>"
)


class Site:
    """A loopback site of fixed answers (`routes`: path -> status, headers, body) that
    records each request's path and User-Agent."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[str] = []
        self.agents: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._answer(body=True)

            def do_HEAD(self) -> None:
                self._answer(body=False)

            def _answer(self, body: bool) -> None:
                site.requests.append(self.path)
                site.agents.append(self.headers.get("User-Agent", ""))
                status, headers, content = site.routes.get(
                    self.path, (404, {"Content-Type": "text/html"}, b"<html>gone</html>")
                )
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                if body:
                    self.wfile.write(content)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        self.base = f"http://127.0.0.1:{self.port}"
        # A short poll: `stop` waits for the serving loop to look up.
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def page(self, path: str, body: str, content_type: str = "text/html") -> None:
        self.routes[path] = (200, {"Content-Type": content_type}, body.encode())

    def redirect(self, path: str, target: str) -> None:
        self.routes[path] = (302, {"Location": target}, b"")

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    yield served
    served.stop()


@pytest.fixture
def canary() -> Iterator[Canary]:
    """Listens on every local address at one port: no request of discovery may reach it."""
    listening = Canary()
    yield listening
    listening.stop()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # A proxy from the environment would resolve names itself: these tests are about ours.
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)


def _only(site: Site, **settings: str) -> Any:
    """A crawl's settings that allow the site's own host and port, nothing else."""
    return crawl_settings({"NEWSCRAWL_ALLOW_PRIVATE_HOSTS": f"127.0.0.1:{site.port}", **settings})


def _articles(site: Site) -> str:
    return URLSET.format(
        "".join(f"<url><loc>{site.base}/story/{n}</loc></url>" for n in ("a", "b", "c"))
    )


# The address guard


def test_internal_urls_a_site_lists_are_refused_reported_and_never_fetched(
    site: Site, canary: Canary, capsys: pytest.CaptureFixture[str]
) -> None:
    port = canary.port
    internal = [
        f"http://127.0.0.2:{port}/sitemap.xml",
        f"http://2130706433:{port}/sitemap.xml",
        f"http://[::ffff:127.0.0.1]:{port}/sitemap.xml",
        f"http://127.0.0.1:{port}/sitemap.xml",  # the site's host, another port
        "http://169.254.169.254/latest/meta-data/",
    ]
    site.page(
        "/robots.txt",
        "User-agent: *\nAllow: /\n\n"
        + "".join(f"Sitemap: {url}\n" for url in internal)
        + f"Sitemap: {site.base}/sitemap.xml\n",
        "text/plain",
    )
    site.page(
        "/",
        "<html><head>"
        f'<link rel="alternate" type="application/rss+xml" href="http://0x7f000001:{port}/f">'
        f'</head><body><a href="http://localhost:{port}/sitemap.xml">Sitemap</a>'
        f'<a href="http://[::1]:{port}/rss.xml">RSS</a>'
        f'<a href="http://0.0.0.0:{port}/feed/">Feed</a></body></html>',
    )
    site.page("/sitemap.xml", _articles(site), "application/xml")
    allow = f"NEWSCRAWL_ALLOW_PRIVATE_HOSTS=127.0.0.1:{site.port}"

    assert main(["discover", site.base, "--format", "toml", "-s", allow]) == 0

    assert canary.hits == []
    out, err = capsys.readouterr()
    assert f'sitemaps = [\n    # sitemap: 3 entries; listed in robots.txt\n    "{site.base}/' in out
    assert str(port) not in out and "169.254" not in out
    refused = {
        "127.0.0.2": "loopback address",
        "2130706433": "127.0.0.1 is loopback",
        "::ffff:127.0.0.1": "loopback address",
        "127.0.0.1": "loopback address",
        "169.254.169.254": "link-local address",
        "0x7f000001": "127.0.0.1 is loopback",
        "localhost": "it resolves to",
        "::1": "loopback address",
        "0.0.0.0": "unspecified address",
    }
    for host, why in refused.items():
        assert f"  refused {host}: {why}" in err, host
    assert f"problem {internal[0]} (listed in robots.txt): refused to connect to 127.0.0.2" in err
    assert "Traceback" not in err


def test_a_redirect_to_127_0_0_2_is_refused(site: Site, canary: Canary) -> None:
    secret = f"http://127.0.0.2:{canary.port}/latest/meta-data/"
    site.page("/robots.txt", f"Sitemap: {site.base}/news-sitemap.xml\n", "text/plain")
    site.page("/", "<html><body>Home</body></html>")
    site.redirect("/news-sitemap.xml", secret)  # declared in robots.txt
    site.redirect("/feed/", secret)  # a common path, guessed
    site.page("/sitemap.xml", _articles(site), "application/xml")

    found = discover(site.base, settings=_only(site))

    assert canary.hits == []
    assert [(s.url, s.kind) for s in found.sources] == [(f"{site.base}/sitemap.xml", SITEMAP)]
    problems = {p.url: p.problem for p in found.problems}
    assert problems[f"{site.base}/news-sitemap.xml"] == (
        "refused to connect to 127.0.0.2: loopback address"
    )
    assert found.refused["127.0.0.2"].requests == 2  # both redirects; logged once

    site.redirect("/go", secret)
    with pytest.raises(DiscoveryError, match=r"refused to connect to 127\.0\.0\.2"):
        discover(f"{site.base}/go", settings=_only(site))
    assert canary.hits == []


def test_a_name_that_resolves_to_loopback_is_refused(
    site: Site, canary: Canary, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolve = socket.getaddrinfo

    def fake_dns(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host in ("news.internal.example", "intranet.example"):
            return resolve("127.0.0.1", port, *args, **kwargs)
        return resolve(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_dns)
    loopback = crawl_settings({"NEWSCRAWL_ALLOW_PRIVATE_HOSTS": "127.0.0.1"})

    for url in (f"http://news.internal.example:{canary.port}/", f"http://localhost:{canary.port}/"):
        with pytest.raises(DiscoveryError, match=r"resolves to (127\.0\.0\.1|::1) \(loopback\)"):
            discover(url, settings=loopback)
    assert canary.hits == []

    # A name the setting lists is allowed, whatever it resolves to.
    site.page("/", "<html><body>Intranet</body></html>")
    allowed = crawl_settings({"NEWSCRAWL_ALLOW_PRIVATE_HOSTS": "intranet.example"})
    found = discover(f"http://intranet.example:{site.port}/", settings=allowed)
    assert found.domain == "intranet.example" and not found.refused
    assert site.requests[0] == "/"


class _SiteIsPublic(AddressPolicy):
    """Treats 127.0.0.1 as a public address: the site stands for a public server."""

    def check(self, host: str, port: int | None, address: Any) -> str | None:
        return None if str(address) == "127.0.0.1" else super().check(host, port, address)


def test_dns_rebinding_cannot_get_round_the_guard(
    site: Site, canary: Canary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name resolves to the site first, then to 127.0.0.2: each connection resolves
    it again and checks the address it connects to."""
    site.page("/", '<html><body><a href="/sitemap.xml">Sitemap</a></body></html>')
    resolve = socket.getaddrinfo
    answers = [("127.0.0.1", site.port)]

    def rebinding_dns(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "news.example":
            return resolve(host, port, *args, **kwargs)
        address, real_port = answers[0]
        answers[0] = ("127.0.0.2", canary.port)  # every later answer
        return resolve(address, real_port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_dns)
    fetcher = Fetcher(timeout=5)
    fetcher.guard.policy = _SiteIsPublic()

    found = discover("http://news.example/", fetcher=fetcher)

    assert site.requests == ["/"]
    assert canary.hits == []
    assert found.refused["news.example"].why == "it resolves to 127.0.0.2 (loopback)"
    assert found.refused["news.example"].requests > 1  # robots.txt, the sitemap, ...


def test_through_a_proxy_only_ip_literals_are_checked(
    site: Site, canary: Canary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The proxy the environment names is connected to as configured (it resolves the
    names), as in a crawl; a target written as a refused IP literal is still refused."""
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", site.base)
    site.page("http://news.example/", "<html><body>Through the proxy</body></html>")

    found = discover("http://news.example/", settings=crawl_settings())

    assert found.domain == "news.example" and not found.refused
    assert site.requests[0] == "http://news.example/"
    with pytest.raises(DiscoveryError, match=r"refused to connect to 127\.0\.0\.2"):
        discover(f"http://127.0.0.2:{canary.port}/", settings=crawl_settings())
    assert canary.hits == []


def test_the_guard_keeps_only_the_answers_it_allows() -> None:
    guard = AddressGuard()
    tcp = (socket.AF_INET, socket.SOCK_STREAM, 6, "")
    public = (*tcp, ("93.184.216.34", 80))
    loopback = (*tcp, ("127.0.0.1", 80))
    metadata = (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("::ffff:169.254.169.254", 80, 0, 0))

    assert guard.usable("news.example", 80, [loopback, public, metadata]) == [public]
    with pytest.raises(Refused, match=r"news\.example: it resolves to 127\.0\.0\.1"):
        guard.usable("news.example", 80, [loopback])
    allowed = AddressGuard(["news.example:80"])
    assert allowed.usable("news.example", 80, [loopback]) == [loopback]
    assert allowed.usable("news.example", 8080, [public]) == [public]
    with pytest.raises(Refused):
        allowed.usable("news.example", 8080, [loopback])  # another port


def test_a_bad_allow_entry_is_a_setting_error(site: Site) -> None:
    with pytest.raises(ValueError, match="NEWSCRAWL_ALLOW_PRIVATE_HOSTS: not a host"):
        discover(site.base, settings=crawl_settings({"NEWSCRAWL_ALLOW_PRIVATE_HOSTS": "a b"}))


# The project's settings


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Scrapy project whose settings module sets the contact URL and the timeout."""
    package = tmp_path / "discoverproject"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "settings.py").write_text(
        "from newscrawl.settings import *  # noqa: F403\n"
        'NEWSCRAWL_CONTACT_URL = "https://example.org/our-crawler"\n'
        'NEWSCRAWL_ALLOW_PRIVATE_HOSTS = ["127.0.0.1"]\n'
        "DOWNLOAD_TIMEOUT = 0.5\n"
    )
    (tmp_path / "scrapy.cfg").write_text("[settings]\ndefault = discoverproject.settings\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("SCRAPY_SETTINGS_MODULE", "discoverproject.settings")
    return tmp_path


def test_discover_runs_with_the_project_settings(
    project: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.page("/", "<html><body>Home</body></html>")
    site.page("/sitemap.xml", _articles(site), "application/xml")

    assert main(["discover", site.base]) == 0
    agent = f"newscrawl/{__version__} (+https://example.org/our-crawler)"
    assert set(site.agents) == {agent} and len(site.agents) > 10  # robots.txt, HEADs, GETs

    with socket.socket() as silent:  # accepts connections (backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        capsys.readouterr()
        assert main(["discover", url]) == 2  # DOWNLOAD_TIMEOUT of the project
        assert "no answer within 0.5 s" in capsys.readouterr().err
        assert main(["discover", url, "-s", "DOWNLOAD_TIMEOUT=0.2"]) == 2
        assert "no answer within 0.2 s" in capsys.readouterr().err
        assert main(["discover", url, "-s", "DOWNLOAD_TIMEOUT=5", "--timeout", "0.3"]) == 2
        assert "no answer within 0.3 s" in capsys.readouterr().err


def test_the_command_line_settings_win_as_in_a_crawl(site: Site) -> None:
    site.page("/", "<html><body>Home</body></html>")
    allow = "NEWSCRAWL_ALLOW_PRIVATE_HOSTS=127.0.0.1"
    contact = "NEWSCRAWL_CONTACT_URL=https://example.net/about"

    assert main(["discover", site.base, "-s", allow, "-s", contact]) == 0
    assert set(site.agents) == {f"newscrawl/{__version__} (+https://example.net/about)"}

    site.agents.clear()
    assert main(["discover", site.base, "-s", allow, "-s", "USER_AGENT=OurBot/2.0"]) == 0
    assert set(site.agents) == {"OurBot/2.0"}


def test_a_setting_that_is_not_name_value_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["discover", "example.com", "-s", "DOWNLOAD_TIMEOUT"])
    assert "'DOWNLOAD_TIMEOUT' is not NAME=VALUE" in capsys.readouterr().err


# robots.txt, as the crawl reads it


def _robots_site(site: Site) -> None:
    site.page(
        "/robots.txt",
        # Google's rules, which Protego follows: the longest match wins (Allow beats a
        # shorter Disallow), and * and $ are wildcards. urllib's parser reads neither.
        "User-agent: *\nDisallow: /feeds/\nAllow: /feeds/rss.xml\nDisallow: /*.atom$\n\n"
        "User-agent: otherbot\nDisallow: /\n",
        "text/plain",
    )
    site.page(
        "/",
        "<html><head>"
        '<link rel="alternate" type="application/rss+xml" href="/feeds/rss.xml">'
        '<link rel="alternate" type="application/rss+xml" href="/feeds/old.xml">'
        '<link rel="alternate" type="application/atom+xml" href="/news/feed.atom">'
        "</head><body>Home</body></html>",
    )
    site.page("/feeds/rss.xml", RSS_FEED.format(base=site.base), "application/rss+xml")
    site.page("/feeds/old.xml", RSS_FEED.format(base=site.base), "application/rss+xml")
    site.page("/news/feed.atom", RSS_FEED.format(base=site.base), "application/rss+xml")


def test_robots_txt_is_read_with_protego_as_in_a_crawl(site: Site) -> None:
    _robots_site(site)

    found = discover(site.base, settings=_only(site))

    assert [(s.url, s.kind) for s in found.sources] == [(f"{site.base}/feeds/rss.xml", RSS)]
    problems = {p.url.removeprefix(site.base): p.problem for p in found.problems if p.declared}
    assert problems == {
        "/feeds/old.xml": "disallowed by robots.txt",
        "/news/feed.atom": "disallowed by robots.txt",
    }
    assert "/feeds/old.xml" not in site.requests and "/news/feed.atom" not in site.requests
    assert not found.notes


def test_robots_txt_user_agent_and_obey_settings(site: Site) -> None:
    _robots_site(site)

    other = discover(site.base, settings=_only(site, ROBOTSTXT_USER_AGENT="otherbot"))
    assert other.notes == ["robots.txt disallows the home page for newscrawl"]
    assert not other.sources

    ignoring = discover(site.base, settings=_only(site, ROBOTSTXT_OBEY="False"))
    assert {s.url.removeprefix(site.base) for s in ignoring.sources} == {
        "/feeds/rss.xml",
        "/feeds/old.xml",
        "/news/feed.atom",
    }
