"""Read a data folder's run summaries and feeds into the numbers the report shows.

Streaming, in flat memory: summaries are read one at a time (each is a few kilobytes), and
feeds record by record (`newscrawl.dataset.inputs.read_records`, which survives the cut-off
last line a killed run leaves). What is kept grows with what the report draws (runs,
sites, days with articles, word-count bins), never with the number of articles.

A *site* is what site health judges (`newscrawl.crawl.health`): the spider for a site spider,
each host for a spider that crawls many sites (`urls`, `warc`; the summary says which,
as `sites_by`). A feed record whose spider no summary names counts under its host.
Summaries written before summaries had per-site numbers count under their spider.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscrawl.core.urls import host_of
from newscrawl.dataset.inputs import find_run_files, read_records
from newscrawl.dataset.select import parse_instant, word_count

if TYPE_CHECKING:
    from collections.abc import Iterable

logger = logging.getLogger(__name__)

#: Width of a word-count bin, and the count from which articles share the last bin.
WORD_BIN = 50
WORD_CAP = 3000

#: Cleaning stages (see `newscrawl.cleaning.html`, `newscrawl.stages`) by what they remove:
#: the related-headline tail, and page furniture the extractor drops anyway (navigation,
#: footers, scripts). Every other stage removes chrome.
TAIL_STAGES = frozenset(
    {"tail", "related_lists", "inline_teasers", "link_paragraphs", "teaser_links"}
)
FURNITURE_STAGES = frozenset({"furniture"})
REMOVAL_KINDS = ("furniture", "chrome", "tail")


def removal_kind(stage: str) -> str:
    if stage in TAIL_STAGES:
        return "tail"
    return "furniture" if stage in FURNITURE_STAGES else "chrome"


@dataclass
class Run:
    """One run, from its summary."""

    spider: str
    run_id: str
    started_at: str
    finish_reason: str
    requests: int
    pages_fetched: int
    articles_exported: int
    skipped_as_seen: int
    dropped: dict[str, int]
    duration_seconds: float


@dataclass
class HealthWarning:
    """A site-health warning of one run."""

    at: str
    site: str
    symptom: str
    spider: str


@dataclass
class Site:
    """Everything the report knows about one site."""

    # From the run summaries.
    runs: int = 0
    pages: int = 0
    extracted: int = 0
    articles_exported: int = 0
    no_date: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    chars_removed: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    last_warning: str | None = None
    # From the feeds.
    records: int = 0
    per_day: Counter[str] = field(default_factory=Counter)
    undated: int = 0
    first_published: str | None = None
    last_published: str | None = None
    words: Counter[int] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)

    def removed_by_kind(self) -> dict[str, int]:
        kinds = dict.fromkeys(REMOVAL_KINDS, 0)
        for stage, chars in self.chars_removed.items():
            kinds[removal_kind(stage)] += chars
        return kinds

    def median_words(self) -> int | None:
        """The median word count, to the bin (`WORD_BIN` words)."""
        return median_of_bins(self.words)


@dataclass
class ReportData:
    """What the report shows, gathered from a data folder."""

    runs: list[Run] = field(default_factory=list)
    sites: dict[str, Site] = field(default_factory=dict)
    warnings: list[HealthWarning] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)
    words: Counter[int] = field(default_factory=Counter)
    feeds: int = 0
    records: int = 0
    summaries: int = 0
    #: Lines of feeds that were not records, and summaries that could not be read, by reason.
    skipped: Counter[str] = field(default_factory=Counter)
    #: spider -> "host" or "spider": how its summaries name sites.
    sites_by: dict[str, str] = field(default_factory=dict)

    def site(self, name: str) -> Site:
        return self.sites.setdefault(name, Site())

    # Summaries

    def add_summary(self, summary: dict[str, Any]) -> None:
        spider = str(summary.get("spider") or "?")
        started = str(summary.get("started_at") or summary.get("finished_at") or "")
        self.summaries += 1
        self.runs.append(
            Run(
                spider=spider,
                run_id=str(summary.get("run_id") or ""),
                started_at=started,
                finish_reason=str(summary.get("finish_reason") or ""),
                requests=_int(summary.get("requests")),
                pages_fetched=_int(summary.get("pages_fetched")),
                articles_exported=_int(summary.get("articles_exported")),
                skipped_as_seen=_int(summary.get("skipped_as_seen")),
                dropped=_counts(summary.get("dropped")),
                duration_seconds=float(summary.get("duration_seconds") or 0),
            )
        )
        sites = summary.get("sites")
        if isinstance(sites, dict):
            self.sites_by[spider] = "host" if summary.get("sites_by") == "host" else "spider"
        else:  # an older summary: the whole run under its spider
            self.sites_by.setdefault(spider, "spider")
            sites = {
                spider: {
                    "pages": summary.get("pages_fetched"),
                    "articles": summary.get("articles_exported"),
                    "dropped": summary.get("dropped"),
                    "chars_removed": summary.get("chars_removed"),
                }
            }
        for name, counts in sites.items():
            if isinstance(counts, dict):
                self._add_site_run(str(name), counts, started, spider)

    def _add_site_run(self, name: str, counts: dict[str, Any], at: str, spider: str) -> None:
        site = self.site(name)
        site.runs += 1
        site.pages += _int(counts.get("pages"))
        site.extracted += _int(counts.get("extracted"))
        site.articles_exported += _int(counts.get("articles"))
        site.no_date += _int(counts.get("no_date"))
        site.dropped.update(_counts(counts.get("dropped")))
        site.chars_removed.update(_counts(counts.get("chars_removed")))
        for symptom in counts.get("warnings") or ():
            site.warnings[str(symptom)] += 1
            site.last_warning = max(site.last_warning or at, at)
            self.warnings.append(HealthWarning(at, name, str(symptom), spider))

    # Feeds

    def site_of(self, record: dict[str, Any]) -> str:
        """The site a record counts under (see the module docstring)."""
        spider = record.get("spider")
        by = self.sites_by.get(spider) if isinstance(spider, str) else None
        if by == "spider" and isinstance(spider, str):
            return spider
        if by == "host":  # as site health names it: the host of the URL fetched
            return host_of(record.get("url")) or "(no host)"
        return str(record.get("site") or "unknown")

    def add_record(self, record: dict[str, Any]) -> None:
        site = self.site(self.site_of(record))
        self.records += 1
        site.records += 1
        published = parse_instant(record.get("published"))
        if published is None:
            site.undated += 1
        else:
            day = published.date().isoformat()
            site.per_day[day] += 1
            stamp = published.isoformat(timespec="seconds")
            site.first_published = min(site.first_published or stamp, stamp)
            site.last_published = max(site.last_published or stamp, stamp)
        words = word_bin(word_count(record))
        site.words[words] += 1
        self.words[words] += 1
        language = str(record.get("language") or "unknown")
        site.languages[language] += 1
        self.languages[language] += 1


def collect(paths: Iterable[str | Path]) -> ReportData:
    """Read every `*.summary.json` and every feed (`*.jsonl`, `*.jsonl.gz`) under `paths`
    (folders searched recursively, or files): summaries first, so records are counted
    under the sites the summaries name."""
    folders_and_files = [Path(p) for p in paths]
    data = ReportData()
    for path in _summary_files(folders_and_files):
        summary = _read_summary(path, data.skipped)
        # A distributed round's summary adds up its workers' summaries, read here too.
        if summary is not None and "workers" not in summary:
            data.add_summary(summary)
    data.runs.sort(key=lambda run: (run.started_at, run.spider))
    data.warnings.sort(key=lambda warning: (warning.at, warning.site))
    feeds = find_run_files([p for p in folders_and_files if p.is_dir() or not _is_summary(p)])
    data.feeds = len(feeds)
    for record in read_records(feeds, data.skipped):
        data.add_record(record)
    return data


def word_bin(words: int) -> int:
    """The lower bound of the bin `words` falls in (`WORD_CAP` and more share one)."""
    return min(words, WORD_CAP) // WORD_BIN * WORD_BIN


def median_of_bins(bins: Counter[int]) -> int | None:
    total = bins.total()
    if not total:
        return None
    seen = 0
    for lower in sorted(bins):
        seen += bins[lower]
        if seen * 2 >= total:
            return lower + WORD_BIN // 2 if lower < WORD_CAP else WORD_CAP
    return None  # pragma: no cover - the loop always reaches half of the total


def _summary_files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.rglob("*.summary.json"))
        elif _is_summary(path):
            found.append(path)
        elif not path.exists():
            raise FileNotFoundError(f"no such file or directory: {path}")
    return found


def _is_summary(path: Path) -> bool:
    return path.name.endswith(".summary.json")


def _read_summary(path: Path, skipped: Counter[str]) -> dict[str, Any] | None:
    try:
        summary = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        logger.warning("%s: not a run summary: %s", path, error)
        skipped["unreadable run summary"] += 1
        return None
    if not isinstance(summary, dict):
        skipped["unreadable run summary"] += 1
        return None
    return summary


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _counts(value: object) -> dict[str, int]:
    if not isinstance(value, dict):
        return {}
    return {str(k): _int(v) for k, v in value.items()}
