"""Show the summary of a run, added up over every worker of a distributed crawl.

    newscrawl summary ROUND [DIR ...] [-o ROUND.summary.json]
    newscrawl summary ROUND --redis redis://host:6379/0 --spider SITE

Each worker of a distributed crawl writes its own summary next to its own feed
(`data/SITE/<round>-<host>-<pid>-<tag>.summary.json`). This command reads every worker summary
of ROUND found under the folders given (default `data`; copy the data folders of every
machine to one place, or point at a shared one), or, with `--redis`, the copies the
workers stored in Redis (kept 30 days), and prints their totals and per-site health, as
the last worker logged them. `-o FILE` also writes them as JSON. ROUND is a round id
("20261124T070003Z-3fa2c1"), as in the feed file names.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscrawl.distributed.summary import format_round, merge_summaries

if TYPE_CHECKING:
    import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("round", metavar="ROUND", help="the round id (feed files start with it)")
    parser.add_argument("dirs", nargs="*", type=Path, help="folders to search (default: data)")
    parser.add_argument("--redis", metavar="URL", help="read the worker summaries from Redis")
    parser.add_argument("--spider", help="the spider (with --redis)")
    parser.add_argument("--prefix", default="newscrawl", help="NEWSCRAWL_REDIS_PREFIX")
    parser.add_argument("-o", "--output", type=Path, help="also write the summary as JSON")


def run(args: argparse.Namespace) -> int:
    summaries = _from_redis(args) if args.redis else _from_files(args)
    if not summaries:
        where = "Redis" if args.redis else ", ".join(str(d) for d in args.dirs or [Path("data")])
        print(f"newscrawl summary: no worker summary of {args.round} in {where}", file=sys.stderr)
        return 1
    merged = merge_summaries(summaries)
    print(format_round(merged))
    if args.output:
        args.output.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0


def _from_files(args: argparse.Namespace) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for folder in args.dirs or [Path("data")]:
        for path in sorted(folder.rglob(f"{args.round}-*.summary.json")):
            summary = json.loads(path.read_text("utf-8"))
            if isinstance(summary, dict) and summary.get("run_id"):
                found.setdefault(str(summary["run_id"]), summary)
    return list(found.values())


def _from_redis(args: argparse.Namespace) -> list[dict[str, Any]]:
    from newscrawl.distributed import Keys, connect

    if not args.spider:
        raise ValueError("--redis needs --spider SITE")
    client = connect(args.redis)
    key = Keys(args.prefix, args.spider).summaries(args.round)
    return [json.loads(raw) for raw in client.hvals(key)]
