"""Distributed crawling: throughput with 1, 2 and 4 worker processes sharing one Redis.

A synthetic news site of 2,000 articles (`newscrawl.testing.synthetic`) is served from its own
process (`python -m newscrawl.testing.localsite`) with 100-200 ms added to every page (100 ms plus
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

CPU: the machine this was written on has 2 cores, shared with other people's work. With
newscrawl's full extraction (trafilatura, tens of ms of CPU per page) 4 workers would
measure the CPU, not the crawl. By default (`--extraction cheap`) extraction is three
regular expressions over the synthetic pages (`benchmarks/cheap_extract.py`, in place of
ExtractPipeline); the rest of the chain is newscrawl's (chrome and tail cleaning,
validation, the duplicate index with MinHash, the state, the feed). Each worker runs it
inline (`NEWSCRAWL_WORKERS=0`, no process pool per worker). `--extraction full` runs
newscrawl's extraction, inline. The table gives the workers' CPU seconds and the load
average, to show how busy the machine was.

    python benchmarks/distributed.py [--articles 2000] [--workers 1 2 4] [--concurrency 2]
        [--extraction cheap|full] [--memory-articles 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import redis

from newscrawl.testing.localsite import serve_in_subprocess
from newscrawl.testing.services import redis_server
from newscrawl.testing.synthetic import build_site

SPIDER = "bench"
HERE = Path(__file__).resolve().parent


def settings(concurrency: int, redis_url: str | None, cheap: bool) -> dict[str, str]:
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
    if cheap:
        found["ITEM_PIPELINES"] = json.dumps(
            {
                "newscrawl.crawl.pipelines.ExtractPipeline": None,
                "cheap_extract.CheapExtractPipeline": 100,
            }
        )
    return found


def crawl(workers: int, cwd: Path, options: dict[str, str]) -> float:
    """Run `workers` workers together; the wall time until the last one ends."""
    env = {
        **os.environ,
        "SCRAPY_SETTINGS_MODULE": "newscrawl.settings",
        # benchmarks/cheap_extract.py, for --extraction cheap
        "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")])),
    }
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


def dedup_memory_per_article(url: str, articles: int) -> float:
    """Bytes of Redis per article kept in the duplicate index (near copies on)."""
    from newscrawl.distributed.dedup import RedisDuplicateIndex
    from newscrawl.testing.synthetic import prose

    client = redis.Redis.from_url(url)
    client.flushall()
    before = int(client.info("memory")["used_memory"])
    index = RedisDuplicateIndex(client)
    for number in range(articles):
        text = "\n".join(prose(f"memory-{number}"))
        index.duplicate_of(f"https://www.example-news-site.com/story-{number}.html", text)
    return (int(client.info("memory")["used_memory"]) - before) / articles


def load() -> float:
    return os.getloadavg()[0]


def _children_cpu() -> float:
    """CPU seconds (user + system) of the workers that ended so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Row:
    backend: str
    workers: int
    seconds: float
    wall: float
    exported: int
    duplicates: int
    lost: int
    memory: int
    cpu: float
    load: float


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--memory-articles", type=int, default=100_000)
    parser.add_argument("--dedup-articles", type=int, default=20_000)
    parser.add_argument(
        "--extraction",
        choices=["cheap", "full"],
        default="cheap",
        help="cheap: regular expressions on the synthetic pages (benchmarks/cheap_extract.py); "
        "full: newscrawl's extraction, inline",
    )
    parser.add_argument("--keep", type=Path, help="keep the data folders and logs here")
    args = parser.parse_args()

    top = Path(args.keep or tempfile.mkdtemp(prefix="newscrawl-distributed-"))
    top.mkdir(parents=True, exist_ok=True)
    spec = build_site(top / "site", args.articles)
    site, base = serve_in_subprocess(
        top / "site", "--delay", "0.1", "--jitter", "0.1", stderr=(top / "site.log").open("w")
    )
    expected = {base + a.path for a in spec.articles}
    rows: list[Row] = []
    try:
        with redis_server() as redis_service:
            client = redis.Redis.from_url(redis_service.url)
            runs = [("sqlite", 1)] + [("redis", n) for n in args.workers]
            for backend, workers in runs:
                cwd = top / f"{backend}-{workers}"
                shutil.rmtree(cwd, ignore_errors=True)
                (cwd / "sites").mkdir(parents=True)
                (cwd / "sites" / f"{SPIDER}.toml").write_text(spec.site_file(SPIDER, base))
                client.flushall()
                empty = int(client.info("memory")["used_memory"])
                cpu_before = _children_cpu()
                options = settings(
                    args.concurrency,
                    redis_service.url if backend == "redis" else None,
                    cheap=args.extraction == "cheap",
                )
                wall = crawl(workers, cwd, options)
                cpu = _children_cpu() - cpu_before
                seconds = crawl_seconds(cwd)
                exported, duplicates, lost = outcome(cwd, expected)
                used = int(client.info("memory")["used_memory"]) - empty
                row = Row(
                    backend,
                    workers,
                    seconds,
                    wall,
                    exported,
                    duplicates,
                    lost,
                    used if backend == "redis" else 0,
                    cpu,
                    load(),
                )
                rows.append(row)
                print(
                    f"{backend} x{workers}: {exported} articles in {seconds:.1f} s "
                    f"({exported / seconds:.1f}/s), wall {wall:.1f} s, CPU {cpu:.0f} s, "
                    f"load {row.load:.1f}",
                    flush=True,
                )
            per_million, used = memory_per_million(redis_service.url, args.memory_articles)
            per_article = dedup_memory_per_article(redis_service.url, args.dedup_articles)
    finally:
        site.terminate()
        site.wait()
    one = next(r for r in rows if r.backend == "redis" and r.workers == 1)
    sqlite = next(r for r in rows if r.backend == "sqlite")
    print()
    print(
        f"{args.articles} articles, 100-200 ms per page, {args.concurrency} requests at once "
        f"per worker, extraction {args.extraction}, {os.cpu_count()} cores"
    )
    print(
        "| backend | workers | articles/s | vs N x one | crawl s | exported | duplicates "
        "| lost | Redis memory | worker CPU s | load (1 min) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        rate = r.exported / r.seconds
        ratio = (
            f"{rate / (r.workers * one.exported / one.seconds):.2f}"
            if r.backend == "redis"
            else "-"
        )
        memory = f"{r.memory / 1e6:.1f} MB" if r.backend == "redis" else "-"
        print(
            f"| {r.backend} | {r.workers} | {rate:.1f} | {ratio} | {r.seconds:.1f} "
            f"| {r.exported} | {r.duplicates} | {r.lost} | {memory} | {r.cpu:.0f} | {r.load:.1f} |"
        )
    overhead = one.seconds / sqlite.seconds - 1
    print(f"\nRedis backend vs SQLite on one worker: {overhead:+.1%} crawl time (target <= +10%)")
    print(
        f"Redis memory per million seen URLs: {per_million / 1e6:.0f} MB "
        f"({used / 1e6:.1f} MB for {2 * args.memory_articles:,} URLs of "
        f"{args.memory_articles:,} exported articles)"
    )
    print(
        f"Duplicate index (near copies on): {per_article / 1e3:.1f} kB per article "
        f"({args.dedup_articles:,} articles)"
    )
    if not args.keep:
        shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    main()
