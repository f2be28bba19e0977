"""Hourly runs against a sitemap archive: how many sitemaps the second run requests.

A news site's robots.txt names a sitemap index over its whole archive, one sitemap per
few days, oldest first, each with its `lastmod` in the index; new articles go to the last
sitemap. An hourly crawl that downloads every sitemap of the index every run pays for the
archive every hour. newscrawl keeps what it read (`newscrawl.crawl.incremental`): a sitemap
whose `lastmod` in the index did not move is not requested, and the others are asked
whether they changed (a conditional GET, answered 304 with no body when they did not).

The benchmark builds a synthetic site (`newscrawl.testing.synthetic`: an index of 200 sitemaps of
6 articles by default, the last one half full, and a feed of the newest 50) served from
its own process (`python -m newscrawl.testing.localsite`, which answers conditional GETs as a
static web server does, and logs every request with its status). It runs `scrapy crawl`
once over it, as cron would, and keeps that data folder. Then, from a copy of that folder
each time, it runs the second hour in each `NEWSCRAWL_UNCHANGED_SOURCES` mode, the
baseline first:

- `fetch`: every sitemap every run (what newscrawl did before: the baseline);
- `ask`: a conditional GET for each sitemap read before (304 when unchanged);
- `skip` (the default): no request for a sitemap whose index `lastmod` did not move,
  a conditional GET for the others;

for two second hours: a quiet one (nothing published), and one with new articles
(`--new`, 3 by default, which fill the last sitemap). Requests are counted by the
server, not by the crawler measured. Target (issue 12): the second hourly run requests
at most 3 sitemaps, in the default mode, with new articles.

    python benchmarks/sitemap_archive.py [--sitemaps 200] [--per-sitemap 6] [--new 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newscrawl.testing.localsite import serve_in_subprocess
from newscrawl.testing.synthetic import build_site

SPIDER = "archive"
SETTINGS = {
    "AUTOTHROTTLE_ENABLED": "0",
    # The site is served on loopback, which the address guard refuses by default.
    "NEWSCRAWL_ALLOW_PRIVATE_HOSTS": "127.0.0.1",
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "TELNETCONSOLE_ENABLED": "0",
    "REMOTE_CONTROL_ENABLED": "0",
    "LOG_LEVEL": "INFO",
}
MODES = ("fetch", "ask", "skip")
TARGET_SITEMAPS = 3


@dataclass
class Run:
    name: str
    wall: float
    #: (kind, status) -> requests, as the server answered them.
    answers: Counter[tuple[str, int]]
    sitemap_bytes: int
    exported: int

    def count(self, kind: str, status: int | None = None) -> int:
        return sum(n for (k, s), n in self.answers.items() if k == kind and status in (None, s))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sitemaps", type=int, default=200)
    parser.add_argument("--per-sitemap", type=int, default=6)
    parser.add_argument("--new", type=int, default=3, help="articles published in the hour")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args.keep, args.sitemaps, args.per_sitemap, args.new)
    with tempfile.TemporaryDirectory(prefix="newscrawl-sitemaps-") as folder:
        return run(Path(folder), args.sitemaps, args.per_sitemap, args.new)


def run(work: Path, sitemaps: int, per_sitemap: int, new: int) -> int:
    # The last sitemap half full: new articles go to it, as to today's sitemap.
    articles = sitemaps * per_sitemap - per_sitemap // 2
    site_root = work / "site"
    site = build_site(site_root, articles, per_sitemap=per_sitemap, feed_size=50)
    log = work / "requests.log"
    log.write_text("")
    server, base_url = serve_in_subprocess(site_root, "--request-log", str(log))
    try:
        crawl_dir = work / "crawl"
        (crawl_dir / "sites").mkdir(parents=True, exist_ok=True)
        (crawl_dir / "sites" / f"{SPIDER}.toml").write_text(site.site_file(SPIDER, base_url))
        print(
            f"site: {articles:,} articles in {sitemaps} sitemaps at {base_url}; "
            f"crawling from {crawl_dir}",
            flush=True,
        )
        first = crawl("first hour", crawl_dir, log, "skip")
        snapshot = work / "after-first-hour"
        shutil.copytree(crawl_dir / "data", snapshot)
        runs = [first]
        for hour, published in (("quiet hour", 0), (f"+{new} articles", new)):
            build_site(site_root, articles + published, per_sitemap=per_sitemap, feed_size=50)
            for mode in MODES:
                shutil.rmtree(crawl_dir / "data")
                shutil.copytree(snapshot, crawl_dir / "data")
                runs.append(crawl(f"2nd, {hour}, {mode}", crawl_dir, log, mode))
    finally:
        server.terminate()
        server.wait(timeout=10)
    return report(runs, new)


def crawl(name: str, cwd: Path, log: Path, mode: str) -> Run:
    before = len(log.read_text().splitlines())
    command = [sys.executable, "-m", "scrapy", "crawl", SPIDER]
    for setting, value in {**SETTINGS, "NEWSCRAWL_UNCHANGED_SOURCES": mode}.items():
        command += ["-s", f"{setting}={value}"]
    command += ["-s", f"LOG_FILE={'-'.join(name.replace(',', '').split())}.log"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"}
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True)
    wall = time.perf_counter() - started
    answers: Counter[tuple[str, int]] = Counter()
    sitemap_bytes = 0
    for line in log.read_text().splitlines()[before:]:
        path, status = line.rsplit(" ", 1)
        answers[(_kind(path), int(status))] += 1
        if _kind(path) == "sitemaps" and status == "200":
            sitemap_bytes += (log.parent / "site" / path.lstrip("/")).stat().st_size
    newest = max((cwd / "data" / SPIDER).glob("*.summary.json"), key=lambda p: p.stat().st_mtime)
    summary = json.loads(newest.read_text())
    return Run(name, wall, answers, sitemap_bytes, summary["articles_exported"])


def _kind(path: str) -> str:
    if path == "/robots.txt":
        return "robots.txt"
    if path.startswith(("/sitemap", "/sitemaps/")):
        return "sitemaps"
    if path == "/feed.xml":
        return "feed"
    return "articles"


def report(runs: list[Run], new: int) -> int:
    header = (
        f"{'run':<26} {'wall s':>7} {'sitemaps':>9} {'of them 304':>12} {'sitemap kB':>11} "
        f"{'feed':>5} {'articles':>9} {'exported':>9}"
    )
    print()
    print(header)
    print("-" * len(header))
    for r in runs:
        print(
            f"{r.name:<26} {r.wall:>7.1f} {r.count('sitemaps'):>9,} "
            f"{r.count('sitemaps', 304):>12,} {r.sitemap_bytes / 1024:>11,.0f} "
            f"{r.count('feed'):>5} {r.count('articles'):>9,} {r.exported:>9,}"
        )
    by_name = {r.name: r for r in runs}
    target = by_name[f"2nd, +{new} articles, skip"]
    baseline = by_name[f"2nd, +{new} articles, fetch"]
    print()
    print(
        f"second hour with {new} new articles: {target.count('sitemaps')} sitemap requests "
        f"(baseline, every sitemap: {baseline.count('sitemaps')}); target <= {TARGET_SITEMAPS}"
    )
    ok = target.count("sitemaps") <= TARGET_SITEMAPS and all(
        r.exported == new for r in runs if r.name.startswith("2nd, +")
    )
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
