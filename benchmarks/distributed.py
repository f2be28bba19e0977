"""Distributed crawling: throughput with 1, 2 and 4 worker processes sharing one Redis.

A synthetic news site of 2,000 articles (`newscrawl.synthetic`) is served from its own
process (`python -m newscrawl.localsite`) with 100-200 ms added to every page (100 ms plus
up to 100 ms at random), and each worker's concurrency is capped (`--concurrency`, 2
requests at once), so one worker is latency-bound, as a polite crawl of a real site is.
For N = 1, 2, 4, a fresh Redis (a real `redis-server` on a free loopback port) and a fresh
data folder, N `scrapy crawl` workers started together; measured:

- throughput: articles exported / the round's duration (first worker's start to the last
  worker's end, from the workers' run summaries), and the ratio to N x one worker's
  (target >= 0.9);
- duplicates exported (target 0) and articles lost (target 0), from the feed files;
- Redis memory after the run (`INFO memory`, used_memory, minus the empty server's);
- and, on one worker, the same crawl with the default SQLite backend (no Redis): the
  overhead of the Redis backend (target <= 10%).

Then Redis memory per million seen URLs: `--memory-articles` articles recorded through
`RedisState` as a crawl records them (each under 2 URLs, with a content hash), and the
memory per URL scaled to a million.

CPU: the machine this was written on has 2 cores, shared. Extraction is kept cheap so
that the crawl stays latency-bound: extraction runs inline (`NEWSCRAWL_WORKERS=0`, no
process pool per worker) on the synthetic site's small pages (~3 kB of text), and
AutoThrottle is off. With 4 workers at 2 requests each, about 50 pages/s are extracted
in all. The table says how busy the CPU was (load average over the run).

    python benchmarks/distributed.py [--articles 2000] [--workers 1 2 4] [--concurrency 2]
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
from pathlib import Path

import redis

from newscrawl.synthetic import build_site
from newscrawl.testing_services import redis_server

SPIDER = "bench"


def settings(concurrency: int, redis_url: str | None) -> dict[str, str]:
    found = {
        "AUTOTHROTTLE_ENABLED": "0",
        "NEWSCRAWL_ALLOW_PRIVATE_HOSTS": "127.0.0.1",
        "CONCURRENT_REQUESTS": str(concurrency),
        "CONCURRENT_REQUESTS_PER_DOMAIN": str(concurrency),
        "NEWSCRAWL_WORKERS": "0",
        "TELNETCONSOLE_ENABLED": "0",
        "REMOTE_CONTROL_ENABLED": "0",
        "LOG_LEVEL": "INFO",
        "NEWSCRAWL_PROGRESS_INTERVAL": "10",
    }
    if redis_url:
        found["NEWSCRAWL_REDIS_URL"] = redis_url
    return found


def serve(root: Path, log: Path) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newscrawl.localsite",
            str(root),
            "--delay",
            "0.1",
            "--jitter",
            "0.1",
        ],
        stdout=subprocess.PIPE,
        stderr=log.open("w"),
        text=True,
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def crawl(workers: int, cwd: Path, options: dict[str, str]) -> float:
    """Run `workers` workers together; the wall time until the last one ends."""
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"}
    command = [sys.executable, "-m", "scrapy", "crawl", SPIDER]
    for name, value in options.items():
        command += ["-s", f"{name}={value}"]
    started = time.monotonic()
    processes = []
    for number in range(workers):
        with (cwd / f"worker{number}.log").open("w") as log:
            processes.append(
                subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
            )
    codes = [p.wait() for p in processes]
    wall = time.monotonic() - started
    if any(codes):
        raise SystemExit(f"a worker failed ({codes}); see {cwd}/worker*.log")
    return wall


def crawl_seconds(cwd: Path) -> float:
    """The round's duration: earliest start to latest finish of the worker summaries."""
    from datetime import datetime

    starts, ends = [], []
    for path in (cwd / "data" / SPIDER).glob("*.summary.json"):
        summary = json.loads(path.read_text())
        if summary.get("workers"):
            continue  # the round's own summary
        starts.append(datetime.fromisoformat(summary["started_at"]))
        ends.append(datetime.fromisoformat(summary["finished_at"]))
    return (max(ends) - min(starts)).total_seconds()


def outcome(cwd: Path, expected: set[str]) -> tuple[int, int, int]:
    urls: Counter[str] = Counter()
    for path in (cwd / "data" / SPIDER).glob("*.jsonl"):
        for line in path.read_text("utf-8").splitlines():
            urls[json.loads(line)["url"]] += 1
    duplicates = sum(count - 1 for count in urls.values())
    return sum(urls.values()), duplicates, len(expected - set(urls))


def memory_per_million(url: str, articles: int) -> tuple[float, int]:
    """Bytes of Redis per seen URL (scaled to a million), recording articles as a crawl does."""
    from newscrawl.state.redis import RedisState

    client = redis.Redis.from_url(url)
    client.flushall()
    before = int(client.info("memory")["used_memory"])
    state = RedisState(client, "memory")
    for number in range(articles):
        article = f"https://www.example-news-site.com/world/2026/11/24/story-number-{number}-headline-words.html"
        state.record_pending(
            [article, f"https://example-news-site.com/s/{number}"],
            article_url=article,
            lastmod="2026-11-24T07:00:00+00:00",
            published="2026-11-24T06:30:00+00:00",
            content_hash=f"{number:040x}",
            run_id="20261124T070003Z-3fa2c1-crawler-1-48213",
        )
        state.confirm_exported(article, "20261124T070003Z-3fa2c1-crawler-1-48213")
    state.finish_run(
        "20261124T070003Z-3fa2c1-crawler-1-48213", status="finished", reason="finished"
    )
    used = int(client.info("memory")["used_memory"]) - before
    return used / (2 * articles) * 1_000_000, used


def load() -> float:
    return os.getloadavg()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--memory-articles", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the data folders and logs here")
    args = parser.parse_args()

    top = Path(args.keep or tempfile.mkdtemp(prefix="newscrawl-distributed-"))
    top.mkdir(parents=True, exist_ok=True)
    spec = build_site(top / "site", args.articles)
    server, base = serve(top / "site", top / "site.log")
    expected = {base + a.path for a in spec.articles}
    rows = []
    try:
        with redis_server() as server:
            url = server.url
            client = redis.Redis.from_url(url)
            runs = [("sqlite", 1)] + [("redis", n) for n in args.workers]
            for backend, workers in runs:
                cwd = top / f"{backend}-{workers}"
                shutil.rmtree(cwd, ignore_errors=True)
                (cwd / "sites").mkdir(parents=True)
                (cwd / "sites" / f"{SPIDER}.toml").write_text(spec.site_file(SPIDER, base))
                client.flushall()
                empty = int(client.info("memory")["used_memory"])
                load_before = load()
                wall = crawl(
                    workers, cwd, settings(args.concurrency, url if backend == "redis" else None)
                )
                seconds = crawl_seconds(cwd)
                exported, duplicates, lost = outcome(cwd, expected)
                memory = (
                    int(client.info("memory")["used_memory"]) - empty if backend == "redis" else 0
                )
                rows.append(
                    (backend, workers, seconds, wall, exported, duplicates, lost, memory, load())
                )
                print(
                    f"{backend} x{workers}: {exported} articles in {seconds:.1f} s "
                    f"({exported / seconds:.1f}/s), wall {wall:.1f} s, "
                    f"load {load_before:.1f}->{load():.1f}",
                    flush=True,
                )
            per_million, used = memory_per_million(url, args.memory_articles)
    finally:
        server.terminate()
        server.wait()
    one = next(r for r in rows if r[0] == "redis" and r[1] == 1)
    sqlite = next(r for r in rows if r[0] == "sqlite")
    print()
    print(
        f"{args.articles} articles, 100-200 ms per page, "
        f"{args.concurrency} requests at once per worker, {os.cpu_count()} cores"
    )
    print(
        "| backend | workers | articles/s | vs N x one | crawl s | wall s | exported "
        "| duplicates | lost | Redis memory | load avg (1 min) at end |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for backend, workers, seconds, wall, exported, duplicates, lost, memory, load_end in rows:
        rate = exported / seconds
        ratio = rate / (workers * one[4] / one[2]) if backend == "redis" else float("nan")
        print(
            f"| {backend} | {workers} | {rate:.1f} | {ratio:.2f} | {seconds:.1f} | {wall:.1f} "
            f"| {exported} | {duplicates} | {lost} | {memory / 1e6:.1f} MB | {load_end:.1f} |"
        )
    overhead = one[2] / sqlite[2] - 1
    print(f"\nRedis backend vs SQLite on one worker: {overhead:+.1%} crawl time (target <= +10%)")
    print(
        f"Redis memory per million seen URLs: {per_million / 1e6:.0f} MB "
        f"({used / 1e6:.1f} MB for {2 * args.memory_articles:,} URLs of "
        f"{args.memory_articles:,} exported articles)"
    )
    if not args.keep:
        shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    main()
