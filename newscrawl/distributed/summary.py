"""The summary of a distributed run (a round): every worker's run summary, added up.

Each worker writes its own summary next to its feed (`<round>-<host>-<pid>-<tag>.summary.json`,
`newscrawl.crawl.summary`) and stores it in Redis; the last worker to stop writes the round's,
`<round>.summary.json`. `merge_summaries` is a plain function, so `newscrawl summary
ROUND` can rebuild it from the files of every machine (copied to one place) or from Redis.
Site health is judged again on the added-up counts: a site judged on 1/3 of its pages by
each worker is judged on all of them here.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscrawl.crawl.health import SiteCounts, Thresholds, _no_pages, symptoms
from newscrawl.crawl.summary import format_summary

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

_SUMS = (
    "requests",
    "pages_fetched",
    "articles_exported",
    "articles_not_written",
    "skipped_as_seen",
    "dropped_total",
    "duplicates",
    "tails_stripped",
    "chars_removed_total",
    "errors",
    "warnings",
)
_COUNTS = ("refreshed", "dropped", "skipped", "chars_removed")


def merge_summaries(
    summaries: list[dict[str, Any]], thresholds: Thresholds | None = None
) -> dict[str, Any]:
    """One summary for the round the worker summaries belong to."""
    thresholds = thresholds or Thresholds()
    summaries = sorted(summaries, key=lambda s: str(s.get("run_id")))
    first = summaries[0] if summaries else {}
    started = [s["started_at"] for s in summaries if s.get("started_at")]
    finished = [s["finished_at"] for s in summaries if s.get("finished_at")]
    reasons = Counter(str(s.get("finish_reason")) for s in summaries)
    merged: dict[str, Any] = {
        "spider": first.get("spider"),
        "run_id": round_of(summaries),
        "workers": [s.get("run_id") for s in summaries],
        "finish_reason": "finished" if set(reasons) == {"finished"} else _counts(reasons),
        "started_at": min(started) if started else None,
        "finished_at": max(finished) if finished else None,
        "duration_seconds": _span(min(started), max(finished)) if started and finished else 0.0,
    }
    for name in _SUMS:
        merged[name] = sum(int(s.get(name) or 0) for s in summaries)
    for name in _COUNTS:
        total: Counter[str] = Counter()
        for summary in summaries:
            total.update(summary.get(name) or {})
        merged[name] = dict(sorted(total.items(), key=lambda kv: (-kv[1], kv[0])))
    merged["feeds"] = [feed for s in summaries for feed in s.get("feeds", [])]
    recovered = [s["recovered"] for s in summaries if s.get("recovered")]
    if recovered:
        merged["recovered"] = {
            "runs": sum(r["runs"] for r in recovered),
            "articles": sum(r["articles"] for r in recovered),
        }
    sites: dict[str, SiteCounts] = {}
    for summary in summaries:
        for site, data in (summary.get("sites") or {}).items():
            sites.setdefault(site, SiteCounts()).add(_site_counts(data))
    merged["sites_by"] = first.get("sites_by", "spider")
    merged["sites"] = {}
    for site, counts in sorted(sites.items()):
        found = symptoms(counts, thresholds)
        merged["sites"][site] = {
            **counts.as_dict(),
            # Names, as in a run summary (`newscrawl report` reads them); and the log lines.
            "warnings": [symptom.name for symptom in found],
            "warning_messages": [symptom.message for symptom in found],
        }
    spider = merged["spider"]
    if (
        merged["sites_by"] == "spider"
        and spider in merged["sites"]
        and merged["sites"][spider]["pages"] == 0
        and merged["finish_reason"] == "finished"
        and not merged["skipped_as_seen"]
        and not merged["skipped"].get("too_old")
    ):
        # No worker fetched an article page (each worker leaves this to the round).
        merged["sites"][spider]["warnings"].append(_no_pages().name)
        merged["sites"][spider]["warning_messages"].append(_no_pages().message)
    return merged


def round_of(summaries: list[dict[str, Any]]) -> str | None:
    """The round id the worker run ids ("<round>-<host>-<pid>-<tag>") share."""
    ids = [str(s.get("run_id") or "") for s in summaries]
    rounds = {"-".join(i.split("-")[:2]) for i in ids if i}
    return rounds.pop() if len(rounds) == 1 else None


def _site_counts(data: dict[str, Any]) -> SiteCounts:
    counts = SiteCounts(
        extracted=int(data.get("extracted", 0)),
        articles=int(data.get("articles", 0)),
        no_date=int(data.get("no_date", 0)),
        no_title=int(data.get("no_title", 0)),
        dropped=Counter(data.get("dropped") or {}),
        chars_removed=Counter(data.get("chars_removed") or {}),
    )
    counts.spider_dropped = int(data.get("pages", 0)) - counts.extracted
    return counts


def format_round(merged: dict[str, Any]) -> str:
    """The round's screenful for the log: the run summary's lines, over all workers, and
    one line per site with a health warning."""
    text = format_summary(merged).replace("Run summary:", "Round summary:", 1)
    lines = [text, f"  workers           {len(merged.get('workers', []))}"]
    for site, data in merged.get("sites", {}).items():
        for warning in data.get("warning_messages", []):
            lines.append(f"  health            {site}: {warning}")
    return "\n".join(lines)


def round_summary_path(
    settings: BaseSettings, spider: str, round_id: str, summary: dict[str, Any] | None = None
) -> Path:
    """`<round>.summary.json` next to this worker's feed (else in `data/SPIDER/`)."""
    from newscrawl.core.datadir import data_dir

    feeds = (summary or {}).get("feeds") or []
    folder = Path(feeds[0]).parent if feeds else data_dir(settings).resolve() / spider
    return folder / f"{round_id}.summary.json"


def _span(start: str, end: str) -> float:
    try:
        return round(
            (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds(), 3
        )
    except ValueError:
        return 0.0


def _counts(counts: Counter[str]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counts.most_common())
