"""`newscrawl report` at scale: does memory stay flat as the data folder grows?

Generates a data folder as cron leaves it (a run of each spider every 6 hours: a summary
next to each run's feed), for 8 site spiders and a `urls` spider over 5 hosts, with drops,
cleaning per site, and one site whose layout changes part-way (its runs then log
`empty_text` warnings and export almost nothing). Then runs `newscrawl report` on it in a
subprocess under `/usr/bin/time -v` (peak RSS of that process), for two sizes of the same
folder shape: the days stay, articles per run grow. Flat memory: the larger folder's peak
RSS is about the smaller one's, however many more articles it reads.

    python benchmarks/report_scale.py [--days 14] [--sizes 20,200] [--work DIR] [--keep]

`--sizes` are articles per site spider run. `--keep` leaves the folders (and the reports)
in `--work` for a look in a browser.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

SPIDERS = {
    "harbourgazette": "en",
    "rivertimes": "en",
    "northpost": "en",
    "dailyledger": "en",
    "metroherald": "en",
    "lemonde": "fr",
    "spiegel": "de",
    "elpais": "es",
}
#: The site whose layout changes, and from which day.
BROKEN, BROKEN_FROM = "metroherald", 9
URL_HOSTS = ["wire.example", "citydesk.example", "ruralvoice.example", "techbrief.example"]
URL_HOSTS += ["smallpaper.example"]
STAGES = {"furniture": 900, "chrome_blocks": 180, "hidden": 20, "chrome": 40}
TAIL_STAGES = {"related_lists": 160, "teaser_links": 30, "tail": 90}
_MAXRSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
WORDS = [
    "harbour", "council", "ferry", "budget", "storm", "quay", "school", "rail", "housing",
    "market", "energy", "court", "election", "museum", "festival", "river", "bridge",
    "hospital", "police", "weather",
]  # fmt: skip


def generate(folder: Path, days: int, per_run: int, seed: int = 3) -> int:
    """Write the data folder; return the number of articles written."""
    rng = random.Random(seed)
    start = datetime(2026, 11, 1, tzinfo=UTC)
    written = 0
    for day in range(days):
        for hour in (1, 7, 13, 19):
            at = start + timedelta(days=day, hours=hour)
            for spider, language in SPIDERS.items():
                written += _run(folder, rng, spider, at, per_run, {spider: language}, day)
            written += _run(folder, rng, "urls", at, per_run // 4, dict.fromkeys(URL_HOSTS), day)
    return written


def _run(
    folder: Path,
    rng: random.Random,
    spider: str,
    at: datetime,
    per_run: int,
    sites: dict[str, str | None],
    day: int,
) -> int:
    stem = at.strftime("%Y-%m-%dT%H-%M-%S+00-00")
    feed = folder / spider / f"{stem}.jsonl"
    feed.parent.mkdir(parents=True, exist_ok=True)
    by_host = spider == "urls"
    summary_sites: dict[str, dict[str, Any]] = {}
    exported = 0
    dropped_total: dict[str, int] = {}
    chars_total: dict[str, int] = {}
    with feed.open("w", encoding="utf-8") as out:
        for site, language in sites.items():
            broken = site == BROKEN and day >= BROKEN_FROM
            pages = max(1, int(rng.gauss(per_run, per_run / 4)))
            dropped = {
                "not_article": rng.randint(0, 2),
                "http_404": rng.randint(0, 1),
                "duplicate": rng.randint(0, 2),
            }
            if broken:
                dropped["empty_text"] = pages - 1
            articles = max(0, pages - sum(dropped.values()))
            chars = {
                stage: mean * articles * rng.randint(80, 120) // 100
                for stage, mean in {**STAGES, **TAIL_STAGES}.items()
            }
            for number in range(articles):
                out.write(json.dumps(_article(rng, spider, site, language, at, number)) + "\n")
            exported += articles
            for reason, count in dropped.items():
                dropped_total[reason] = dropped_total.get(reason, 0) + count
            for stage, count in chars.items():
                chars_total[stage] = chars_total.get(stage, 0) + count
            summary_sites[site if by_host else spider] = {
                "pages": pages,
                "extracted": pages - dropped["http_404"],
                "articles": articles,
                "not_article": dropped["not_article"],
                "empty_text": dropped.get("empty_text", 0),
                "no_date": 0,
                "no_title": 0,
                "dropped": {k: v for k, v in dropped.items() if v},
                "chars_removed": chars,
                "warnings": ["empty_text"] if broken else [],
            }
    pages_fetched = sum(s["pages"] for s in summary_sites.values())
    summary = {
        "spider": spider,
        "run_id": at.strftime("%Y%m%dT%H%M%SZ") + f"-{rng.randrange(16**6):06x}",
        "finish_reason": "finished",
        "started_at": at.isoformat(timespec="seconds"),
        "finished_at": (at + timedelta(minutes=3)).isoformat(timespec="seconds"),
        "duration_seconds": 180.0,
        "requests": pages_fetched + 12,
        "pages_fetched": pages_fetched,
        "articles_exported": exported,
        "skipped_as_seen": rng.randint(50, 400),
        "dropped": {k: v for k, v in dropped_total.items() if v},
        "dropped_total": sum(dropped_total.values()),
        "chars_removed": chars_total,
        "chars_removed_total": sum(chars_total.values()),
        "feeds": [str(feed)],
        "sites_by": "host" if by_host else "spider",
        "sites": summary_sites,
    }
    feed.with_name(f"{stem}.summary.json").write_text(json.dumps(summary, indent=2))
    return exported


def _article(
    rng: random.Random, spider: str, site: str, language: str | None, at: datetime, n: int
) -> dict[str, object]:
    host = site if spider == "urls" else f"www.{site}.example"
    published = at - timedelta(hours=rng.uniform(0, 30))
    words = max(60, int(rng.lognormvariate(6.2, 0.45)))
    text = " ".join(rng.choices(WORDS, k=words))
    return {
        "url": f"https://{host}/{published:%Y/%m/%d}/story-{at:%H}-{n}.html",
        "canonical_url": f"https://{host}/{published:%Y/%m/%d}/story-{at:%H}-{n}.html",
        "site": host.removeprefix("www."),
        "title": f"Story {n}",
        "authors": ["A. Writer"],
        "published": published.isoformat(timespec="seconds") if rng.random() > 0.03 else None,
        "language": language or rng.choice(["en", "en", "en", "de", "nl"]),
        "text": text,
        "word_count": words,
        "fetched_at": at.isoformat(timespec="seconds"),
        "spider": spider,
    }


def _report(folder: Path, output: Path) -> tuple[float, int]:
    command = [sys.executable, "-m", "newscrawl.cli", "report", str(folder), "-o", str(output)]
    time_v = ["/usr/bin/time", "-v"] if Path("/usr/bin/time").exists() else []
    started = time.perf_counter()
    process = subprocess.run(time_v + command, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    match = _MAXRSS.search(process.stderr)
    return seconds, int(match.group(1)) // 1024 if match else -1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--sizes", default="20,200", help="articles per site spider run")
    parser.add_argument("--work", type=Path)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="newscrawl-report-"))
    print("| articles per run | articles | data folder (MB) | report time (s) | peak RSS (MB) |")
    print("|---:|---:|---:|---:|---:|")
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            folder = work / f"data-{size}"
            shutil.rmtree(folder, ignore_errors=True)
            articles = generate(folder, args.days, size)
            megabytes = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6
            seconds, rss = _report(folder, work / f"report-{size}.html")
            print(f"| {size} | {articles:,} | {megabytes:.0f} | {seconds:.1f} | {rss} |")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept in {work}")


if __name__ == "__main__":
    main()
