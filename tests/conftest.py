"""Shared fixtures: a loopback site server, a synthetic news site, and a real
`scrapy crawl` in a subprocess."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newscrawl.testing.localsite import LocalSite
from newscrawl.testing.synthetic import SyntheticSite, build_site

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two test workers per core. Most of the suite's time is crawls in
    subprocesses and local servers, which wait on each other as much as they compute; on
    2 cores, 4 workers took the suite from 194 s to 129 s."""
    return 2 * (os.cpu_count() or 1)


# Settings every test crawl uses: fast and quiet on loopback, nothing listening.
TEST_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": "0",
    "TELNETCONSOLE_ENABLED": "0",
    "REMOTE_CONTROL_ENABLED": "0",
    "LOG_LEVEL": "INFO",
    "RETRY_TIMES": "0",
    # Test sites are served on loopback, which the address guard refuses by default.
    "NEWSCRAWL_ALLOW_PRIVATE_HOSTS": "127.0.0.1",
}
#: Extraction inline, in the crawl process: most crawl tests are about something else than
#: the worker pool, and starting it costs every crawl seconds (a forkserver importing the
#: extraction stack, then each worker). `crawl_command` adds it unless a test says otherwise.
INLINE = {"NEWSCRAWL_WORKERS": "0"}
#: For the tests about the pool, or that kill and resume a crawl, or bound its in-flight
#: work, and for the demo's end-to-end crawl: extraction in worker processes, as in
#: production (two workers, whatever the machine's cores).
POOL = {"NEWSCRAWL_WORKERS": "2"}
#: Held while a test crawls the demo, which serves its site on port 8377 when it is free
#: (another port otherwise): tests that crawl it twice expect the same URLs both times, so
#: crawls of the demo from parallel test workers (pytest-xdist) take turns. The port is
#: the machine's, and so is the lock.
DEMO_PORT_LOCK = Path(tempfile.gettempdir()) / "newscrawl-demo-port.lock"
_STAT = re.compile(r"^\s*'([^']+)': (-?\d+(?:\.\d+)?),?$", re.MULTILINE)


@dataclass
class CrawlResult:
    items: list[dict[str, Any]]
    stats: dict[str, float]
    log: str
    returncode: int

    def stat(self, key: str) -> float:
        return self.stats.get(key, 0)


def run_crawl(
    spider: str,
    cwd: Path,
    args: dict[str, str] | None = None,
    settings: dict[str, str] | None = None,
    output: str | None = "out.jsonl",
    timeout: float = 180,
) -> CrawlResult:
    """Run `scrapy crawl` for real, in a subprocess, from `cwd`; return what it exported."""
    command = crawl_command(spider, args, settings)
    if output:
        command += ["-O", output]
    process = subprocess.run(
        command,
        cwd=cwd,
        env=CRAWL_ENV,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    items = []
    if output and output.endswith((".jsonl", ".jl")) and (cwd / output).exists():
        items = [json.loads(line) for line in (cwd / output).read_text("utf-8").splitlines()]
    return CrawlResult(items, crawl_stats(process.stderr), process.stderr, process.returncode)


def crawl_stats(log: str) -> dict[str, float]:
    """The numeric stats Scrapy dumps at the end of a crawl's log."""
    return {key: float(value) for key, value in _STAT.findall(log)}


#: Crawls in subprocesses: deprecations are errors there too, as in the test process.
CRAWL_ENV = {
    **os.environ,
    "SCRAPY_SETTINGS_MODULE": "newscrawl.settings",
    "PYTHONWARNINGS": "error::DeprecationWarning,error::scrapy.exceptions.ScrapyDeprecationWarning",
}


def crawl_command(
    spider: str, args: dict[str, str] | None = None, settings: dict[str, str] | None = None
) -> list[str]:
    """`scrapy crawl SPIDER -a ... -s ...` with the test settings, extraction inline unless
    `settings` holds `POOL` (run it with CRAWL_ENV)."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for name, value in (args or {}).items():
        command += ["-a", f"{name}={value}"]
    for name, value in {**TEST_SETTINGS, **INLINE, **(settings or {})}.items():
        command += ["-s", f"{name}={value}"]
    return command


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def feed_files(cwd: Path, spider: str) -> list[Path]:
    """The default feed files of `spider` under `cwd`, oldest first."""
    return sorted((cwd / "data" / spider).glob("*.jsonl"))


@dataclass
class ServedSite:
    """A synthetic site being served: rebuild it in place with `build(...)`."""

    root: Path
    server: LocalSite
    spec: SyntheticSite

    @property
    def base_url(self) -> str:
        return self.server.base_url

    def build(self, articles: int, **options: Any) -> SyntheticSite:
        self.spec = build_site(self.root, articles, **options)
        return self.spec

    def install(self, cwd: Path, name: str = "synthetic") -> str:
        """Write `sites/NAME.toml` under `cwd` so `scrapy crawl NAME` runs there."""
        (cwd / "sites").mkdir(parents=True, exist_ok=True)
        (cwd / "sites" / f"{name}.toml").write_text(self.spec.site_file(name, self.base_url))
        return name

    def article_requests(self, since: int = 0) -> list[str]:
        """Paths of article pages requested (after the first `since` requests)."""
        return [p for p in self.server.requests[since:] if p.startswith("/news/")]


@pytest.fixture
def synthetic(tmp_path: Path) -> Iterator[Any]:
    """Build and serve a synthetic news site: `site = synthetic(articles, delay=0, ...)`."""
    servers: list[LocalSite] = []

    def start(articles: int, delay: float = 0.0, **options: Any) -> ServedSite:
        root = tmp_path / f"site{len(servers)}"
        spec = build_site(root, articles, **options)
        server = LocalSite(root, delay=delay).start()
        servers.append(server)
        return ServedSite(root, server, spec)

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def serve() -> Iterator[Any]:
    """Start a loopback server for a folder: `base_url = serve(path)`."""
    sites: list[LocalSite] = []

    def start(root: Path) -> str:
        site = LocalSite(root).start()
        sites.append(site)
        return site.base_url

    yield start
    for site in sites:
        site.stop()


@contextlib.contextmanager
def demo_port_lock() -> Iterator[None]:
    """Wait for, then hold, the demo's port (`DEMO_PORT_LOCK`): one demo crawl at a time."""
    with DEMO_PORT_LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        yield


@pytest.fixture
def demo_port() -> Iterator[None]:
    """For a test that runs `scrapy crawl demo`: no other demo crawl runs meanwhile."""
    with demo_port_lock():
        yield


# Real services: Redis and scrapyd. In CI (`CI` set) a missing one is an error, never a
# skip: .ci/run installs both. Elsewhere the skip says what to install.
def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI must run this test: install {what}")
    pytest.skip(f"needs {what}")


@pytest.fixture
def redis_url(redis_service: Any) -> str:
    """The URL of a fresh Redis server on a free loopback port."""
    return str(redis_service.url)


@pytest.fixture
def redis_service() -> Iterator[Any]:
    """A fresh Redis server on a free loopback port (`.url`, `.stop()`), stopped after
    the test."""
    from newscrawl.testing.services import REDIS_HINT, redis_binary, redis_server

    if redis_binary() is None:
        _missing(REDIS_HINT)
    try:
        import redis  # noqa: F401
        import scrapy_redis  # noqa: F401
    except ImportError:
        _missing("newscrawl[redis] (pip install -e '.[test]')")
    with redis_server() as server:
        yield server


@pytest.fixture
def scrapyd_url(tmp_path: Path) -> Iterator[str]:
    """A real scrapyd on a free loopback port, working in `tmp_path / "scrapyd"`."""
    from newscrawl.testing.services import SCRAPYD_HINT, scrapyd_available, scrapyd_server

    if not scrapyd_available():
        _missing(SCRAPYD_HINT)
    with scrapyd_server(tmp_path / "scrapyd") as url:
        yield url
