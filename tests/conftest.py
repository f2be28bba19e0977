"""Shared fixtures: a loopback site server and a real `scrapy crawl` in a subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newscrawl.localsite import LocalSite

FIXTURES = Path(__file__).parent / "fixtures"

# Settings every test crawl uses: fast and quiet on loopback, nothing listening.
TEST_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": "0",
    "TELNETCONSOLE_ENABLED": "0",
    "REMOTE_CONTROL_ENABLED": "0",
    "LOG_LEVEL": "INFO",
    "RETRY_TIMES": "0",
}
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
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for name, value in (args or {}).items():
        command += ["-a", f"{name}={value}"]
    for name, value in {**TEST_SETTINGS, **(settings or {})}.items():
        command += ["-s", f"{name}={value}"]
    if output:
        command += ["-O", output]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", "PYTHONWARNINGS": ""}
    process = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    items = []
    if output and (cwd / output).exists():
        items = [json.loads(line) for line in (cwd / output).read_text("utf-8").splitlines()]
    stats = {key: float(value) for key, value in _STAT.findall(process.stderr)}
    return CrawlResult(items, stats, process.stderr, process.returncode)


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
