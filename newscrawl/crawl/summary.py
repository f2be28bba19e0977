"""The run summary: what one run did, as JSON next to its feed and as a screenful of log.

Cron mails the end of the log and keeps the files: the summary makes both useful without
reading Scrapy's stats dump. `<feed stem>.summary.json` goes next to the run's first
local feed file (`data/<spider>/<run time>.summary.json` next to the default feed,
`out.summary.json` next to `-o out.jsonl`); a run without a local feed file (stdout, S3)
writes it to `data/<spider>/<run id>.summary.json`. It is written when the engine stops,
after the feeds are closed, so a graceful stop (SIGTERM, Ctrl-C, CLOSESPIDER_*) writes
one too; a killed run does not (the next run's recovery logs what it found).

`summarize(stats)` and `format_summary(summary)` are plain functions over Scrapy's stats,
for tools that read old runs.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

from newscrawl.crawl import signals as newscrawl_signals
from newscrawl.crawl.health import SiteHealth
from newscrawl.state import data_dir, state_path
from newscrawl.state.extension import run_id

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

_COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")


def summarize(stats: dict[str, Any]) -> dict[str, Any]:
    """The summary fields from a finished crawl's stats."""
    dropped = _prefixed(stats, "newscrawl/dropped/")
    skipped = _prefixed(stats, "newscrawl/skipped/")
    chars = {
        stage.removesuffix("/chars"): count
        for stage, count in _prefixed(stats, "newscrawl/cleaned/").items()
        if stage.endswith("/chars")
    }
    summary: dict[str, Any] = {
        "run_id": stats.get("newscrawl/run_id"),
        "finish_reason": stats.get("finish_reason"),
        "started_at": _iso(stats.get("start_time")),
        "finished_at": _iso(stats.get("finish_time")),
        "duration_seconds": round(float(stats.get("elapsed_time_seconds") or 0), 3),
        "requests": int(stats.get("downloader/request_count", 0)),
        "pages_fetched": int(stats.get("newscrawl/fetched/articles", 0)),
        # Written to the feed (`newscrawl/exported`), not merely scraped.
        "articles_exported": int(
            stats.get("newscrawl/exported", stats.get("item_scraped_count", 0))
        ),
        "articles_not_written": int(stats.get("newscrawl/export_failed", 0)),
        "skipped_as_seen": int(skipped.get("seen", 0) + skipped.get("seen_dropped", 0)),
        "refreshed": _prefixed(stats, "newscrawl/refreshed/"),
        "dropped": dropped,
        "dropped_total": sum(dropped.values()),
        # Dropped (exact and near copies), or kept with `duplicate_of` (NEWSCRAWL_DUPLICATES=keep).
        "duplicates": int(dropped.get("duplicate", 0) + dropped.get("near_duplicate", 0))
        + sum(_prefixed(stats, "newscrawl/duplicates/").values()),
        "skipped": skipped,
        # Sitemaps and feeds not read again (newscrawl/crawl/incremental.py): a 304 to a
        # conditional GET, or not requested since their index's lastmod did not move.
        "sources": {
            "not_modified": int(stats.get("newscrawl/sources/not_modified", 0)),
            "unchanged": int(stats.get("newscrawl/sources/unchanged", 0)),
        },
        "tails_stripped": int(stats.get("newscrawl/cleaned/tail/articles", 0)),
        "chars_removed": chars,
        "chars_removed_total": sum(chars.values()),
        "errors": int(stats.get("log_count/ERROR", 0)),
        "warnings": int(stats.get("log_count/WARNING", 0)),
    }
    if stats.get("newscrawl/state/recovered_runs"):
        summary["recovered"] = {
            "runs": int(stats["newscrawl/state/recovered_runs"]),
            "articles": int(stats.get("newscrawl/state/recovered_articles", 0)),
        }
    return summary


def format_summary(summary: dict[str, Any]) -> str:
    """A screenful for the log (and cron's mail)."""
    skipped = summary["skipped"]
    others = {k: v for k, v in skipped.items() if k not in ("seen", "seen_dropped")}
    lines = [
        f"Run summary: {summary.get('spider', '?')} run {summary['run_id']}: "
        f"{summary['finish_reason']} in {_duration(summary['duration_seconds'])}",
        f"  requests          {summary['requests']:,} ({summary['pages_fetched']:,} article "
        "pages, the rest sitemaps, feeds, listings, robots.txt)",
        f"  exported          {summary['articles_exported']:,} articles",
        f"  skipped as seen   {summary['skipped_as_seen']:,} (exported before "
        f"{skipped.get('seen', 0):,}, dropped before {skipped.get('seen_dropped', 0):,})"
        + (f"; also skipped: {_counts(others)}" if others else ""),
        f"  unchanged         {_unchanged(summary.get('sources') or {})}",
        f"  dropped           {summary['dropped_total']:,}"
        + (f": {_counts(summary['dropped'])}" if summary["dropped"] else ""),
        f"  cleaned           tails stripped from {summary['tails_stripped']:,} articles, "
        f"{summary['chars_removed_total']:,} characters removed"
        + (f" ({_counts(summary['chars_removed'])})" if summary["chars_removed"] else ""),
        f"  errors            {summary['errors']:,} (warnings {summary['warnings']:,})",
    ]
    if summary.get("refreshed"):
        lines.insert(3, f"  fetched again     {_counts(summary['refreshed'])}")
    if summary.get("recovered"):
        recovered = summary["recovered"]
        lines.append(
            f"  recovered         {recovered['runs']} killed run(s), "
            f"{recovered['articles']:,} articles kept"
        )
    for feed in summary.get("feeds", []):
        lines.append(f"  feed              {_relative(feed)}")
    if summary.get("summary_file"):
        lines.append(f"  summary           {_relative(summary['summary_file'])}")
    return "\n".join(lines)


def _unchanged(sources: dict[str, int]) -> str:
    not_modified, unchanged = sources.get("not_modified", 0), sources.get("unchanged", 0)
    return (
        f"{not_modified + unchanged:,} sitemaps and feeds not read again ({not_modified:,} "
        f"answered 304, {unchanged:,} not requested)"
    )


class RunSummary:
    """Writes the run summary when the engine stops; `NEWSCRAWL_SUMMARY = False` turns
    it off."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.feeds: list[Path] = []
        #: The summary written at the end of the run (a distributed crawl adds up its
        #: workers' in `newscrawl.distributed.summary`).
        self.summary: dict[str, Any] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("NEWSCRAWL_SUMMARY"):
            raise NotConfigured
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(
            extension.feed_file_opened, signal=newscrawl_signals.feed_file_opened
        )
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def spider_opened(self) -> None:
        run_id(self.crawler)  # the same id as the crawl state's, even if it is off

    def feed_file_opened(self, path: Path) -> None:
        self.feeds.append(path)

    def engine_stopped(self) -> None:
        assert self.crawler.stats is not None and self.crawler.spider is not None
        spider = self.crawler.spider.name
        summary = {"spider": spider, **summarize(self.crawler.stats.get_stats())}
        summary["feeds"] = [str(p) for p in self.feeds]
        health = self.crawler.get_extension(SiteHealth)
        if health is not None:
            # Per site (the spider; each host for `urls` and `warc`): pages, articles,
            # drops, characters removed by stage, health warnings. `newscrawl report`
            # reads them.
            summary["sites_by"] = "host" if health.by_host else "spider"
            summary["sites"] = health.report()
        backend = self.crawler.settings.get("NEWSCRAWL_STATE")
        if backend == "sqlite":
            summary["state"] = str(state_path(self.crawler.settings).resolve())
        elif backend:
            summary["state"] = str(backend)
        path = self.path(spider, summary["run_id"])
        summary["summary_file"] = str(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(path, json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
        except OSError as error:
            logger.error("Could not write the run summary %s: %s", path, error)
            summary.pop("summary_file")
        self.summary = summary
        logger.info("%s", format_summary(summary))

    def path(self, spider: str, run: str) -> Path:
        """Where this run's summary goes."""
        if self.feeds:
            feed = self.feeds[0]
            name = feed.name
            for suffix in _COMPRESSION_SUFFIXES:
                name = name.removesuffix(suffix)
            return feed.with_name(f"{Path(name).stem}.summary.json")
        return data_dir(self.crawler.settings).resolve() / spider / f"{run}.summary.json"


def _write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file and rename it: a reader never sees half a summary."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _prefixed(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    found = {k.removeprefix(prefix): int(v) for k, v in stats.items() if k.startswith(prefix)}
    return dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count:,}" for name, count in counts.items())


def _iso(value: Any) -> str | None:
    return value.isoformat(timespec="seconds") if hasattr(value, "isoformat") else None


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min {rest} s" if minutes < 120 else f"{minutes // 60} h {minutes % 60} min"


def _relative(path: str) -> str:
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path
