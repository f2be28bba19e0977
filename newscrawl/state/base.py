"""What a crawl state stores, and the interface every backend implements.

A crawl state is the memory that makes hourly runs incremental: which article URLs a
spider already exported (with the date its source gave and the text's hash) or dropped
for good, which sitemaps and feeds it read whole (`SourceRecord`: how to ask whether they
changed), and which runs are under way. One backend instance serves one spider's run;
everything except `by_content_hash` is scoped to that spider. Backends: SQLite
(`newscrawl.state.sqlite`, the default); anything with the methods below and a
`from_crawler(crawler)` class method can be plugged in with `NEWSCRAWL_STATE`.

URLs given to and returned by a backend are canonical (`newscrawl.core.urls.canonicalize`);
callers canonicalize, backends compare strings.

**An article counts as exported only once the feed storage holds its line.** It goes
through two steps, both in this interface so that every backend keeps the rule:

1. `record_pending`, when the article leaves the item pipelines and before its line is
   written: from now on deduplication in other runs and spiders sees it (`by_content_hash`),
   so two spiders running at once do not both export it.
2. `confirm_exported` once the feed holds the line (`newscrawl.crawl.signals.item_stored`), or
   `release` when it could not be written (`item_store_failed`: an exporter error, a full
   disk): the record goes, and the next run fetches the article again.

A run killed between the steps leaves pending records, which the next run of the spider
settles from its feed file (`newscrawl.state.recovery`): a line in the file confirms its
article, anything else is released. Pending records are never a reason to skip a URL
for another run of the same spider: recovery has settled them before it starts.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal, Protocol

from newscrawl.core.dates import parse_datetime

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

#: Drop reasons that will not change by fetching the page again: recorded, and skipped
#: on later runs (unless `-a refresh=dropped` or `-a full=1`). Everything else (timeouts,
#: 5xx, 403/429, worker crashes, bugs) is transient: not recorded, so fetched again.
FINAL_DROP_REASONS = frozenset(
    {
        "not_article",
        "too_short",
        "empty_text",
        "not_html",
        "invalid_bytes",
        "unparsable_html",
        "http_404",
        "http_410",
        "duplicate",
        "near_duplicate",
        # Published before `-a max_age`'s cutoff. Recorded with its publication date as
        # `lastmod`: a later run whose cutoff is older than that date fetches it again.
        "too_old",
    }
)

#: "pending": on its way to the feed; "exported": the feed holds it; "dropped": for good.
Status = Literal["pending", "exported", "dropped"]


class StateUnavailable(RuntimeError):
    """The crawl state cannot be used (locked for too long, corrupt, unwritable, written by
    a newer newscrawl): the run stops rather than crawl everything again without it."""


@dataclass(frozen=True)
class Seen:
    """What the state knows about one URL."""

    url: str
    status: Status
    run_id: str
    seen_at: str
    #: The newest date known for the page when it was recorded (its source's lastmod or
    #: publication date, the page's own dates), ISO 8601 UTC; None when none was known.
    lastmod: str | None = None
    published: str | None = None
    content_hash: str | None = None
    #: Drop reason (status "dropped").
    reason: str | None = None
    #: The exported article this URL is an alias of (its `url`, canonicalized).
    article_url: str | None = None
    spider: str | None = None


@dataclass(frozen=True)
class SourceRecord:
    """A sitemap or feed as the last run that read it whole left it: how to ask the site
    whether it changed since (`newscrawl.crawl.incremental`).

    Recorded only when the source and every page and sitemap it led to were read (a
    timeout on one of its articles, a truncated file, a run cut short: not recorded, so
    the next run reads it again)."""

    url: str
    #: The response's `ETag` and `Last-Modified` headers, as sent (conditional GET).
    etag: str | None = None
    last_modified: str | None = None
    #: Its `lastmod` in the sitemap index that listed it, ISO 8601 UTC: a later index
    #: giving no newer one means it has not changed.
    lastmod: str | None = None
    #: `-a max_age`'s cutoff when it was read, ISO 8601 UTC (None: no cutoff): entries
    #: older than this were not requested, so a run with an older cutoff reads it again.
    cutoff: str | None = None
    read_at: str = ""
    run_id: str = ""


@dataclass(frozen=True)
class FeedFile:
    """A local feed file a run writes to."""

    path: str
    format: str
    #: Items are written as whole lines, so the file can be repaired after a kill.
    line_safe: bool
    #: Where this run's lines start (a file appended to by several runs, `-o`).
    start: int = 0


@dataclass
class Run:
    """One run of a spider, as recorded at its start and updated at its end."""

    run_id: str
    spider: str
    pid: int
    host: str
    started_at: str
    status: Literal["running", "finished", "interrupted"] = "running"
    finished_at: str | None = None
    #: Scrapy's close reason ("finished", "shutdown", "closespider_itemcount"), or what
    #: recovery found for an interrupted run.
    reason: str | None = None
    feeds: list[FeedFile] = field(default_factory=list)


class CrawlState(Protocol):
    """The interface of a crawl state backend, bound to one spider."""

    spider: str
    #: Where the state lives, for logs and the run summary.
    location: str

    def get(self, url: str) -> Seen | None:
        """The record for `url`, or None when this spider never exported or dropped it."""
        ...

    def record_pending(
        self,
        urls: Iterable[str],
        *,
        article_url: str,
        lastmod: str | None,
        published: str | None,
        content_hash: str | None,
        run_id: str,
    ) -> None:
        """Record an article on its way to the feed under all its URLs (requested,
        fetched, canonical), durably, before its line is written. It does not count as
        exported until `confirm_exported`."""
        ...

    def confirm_exported(self, article_url: str, run_id: str) -> None:
        """The feed holds the line of this run's pending article: it is exported."""
        ...

    def release(self, article_url: str, run_id: str) -> None:
        """This run's pending article could not be written: forget it (every URL), so the
        next run fetches it again."""
        ...

    def record_exported(
        self,
        urls: Iterable[str],
        *,
        article_url: str,
        lastmod: str | None,
        published: str | None,
        content_hash: str | None,
        run_id: str,
    ) -> None:
        """Record an article whose line is known to be in a feed (recovery reads it
        there) as exported, in one step."""
        ...

    def record_dropped(
        self, urls: Iterable[str], reason: str, *, lastmod: str | None, run_id: str
    ) -> None:
        """Record a page dropped for a final reason. Never overwrites an exported record:
        a URL once exported stays exported (its line is in some run's file)."""
        ...

    def by_content_hash(self, content_hash: str) -> list[Seen]:
        """Every exported or pending record with this text hash, across all spiders
        (exact duplicates across runs and sites, and articles another run is exporting)."""
        ...

    def get_source(self, url: str) -> SourceRecord | None:
        """How this spider last read the sitemap or feed at `url` whole, or None."""
        ...

    def record_sources(self, records: Iterable[SourceRecord]) -> None:
        """Keep these sources (by `url`, replacing what was kept), in one transaction."""
        ...

    def start_run(self, run: Run) -> None: ...

    def add_feed(self, run_id: str, feed: FeedFile) -> None: ...

    def finish_run(self, run_id: str, *, status: str, reason: str) -> None: ...

    def unfinished_runs(self) -> list[Run]:
        """This spider's runs recorded as running. Called under the spider's run lock,
        so none of them is alive: they were killed."""
        ...

    def exported_by_run(self, run_id: str) -> Mapping[str, str]:
        """URL -> article URL of every record a run exported or left pending."""
        ...

    def forget(self, urls: Iterable[str], run_id: str) -> None:
        """Delete these URLs' records, where `run_id` wrote them."""
        ...

    def close(self) -> None: ...


class RecordingBackend(ABC):
    """What both backends share: an article recorded pending or exported is one write of
    the same fields with another status (`_record`, the backend's own)."""

    def record_pending(
        self,
        urls: Iterable[str],
        *,
        article_url: str,
        lastmod: str | None,
        published: str | None,
        content_hash: str | None,
        run_id: str,
    ) -> None:
        self._record(urls, "pending", article_url, lastmod, published, content_hash, run_id)

    def record_exported(
        self,
        urls: Iterable[str],
        *,
        article_url: str,
        lastmod: str | None,
        published: str | None,
        content_hash: str | None,
        run_id: str,
    ) -> None:
        self._record(urls, "exported", article_url, lastmod, published, content_hash, run_id)

    @abstractmethod
    def _record(
        self,
        urls: Iterable[str],
        status: Status,
        article_url: str,
        lastmod: str | None,
        published: str | None,
        content_hash: str | None,
        run_id: str,
    ) -> None:
        """Write the records of `urls` (each URL once) with `status`."""


def utc_now() -> str:
    """Now, ISO 8601 UTC to the second: how the state writes times."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def newest_date(*values: object) -> str | None:
    """The latest of these dates, ISO 8601 in UTC (so that stored dates compare with a
    source's next `lastmod` whatever offsets either was written with); None when none
    parses. A bare day counts as its midnight UTC."""
    parsed = [d for d in (parse_datetime(v) for v in values if v) if d is not None]
    if not parsed:
        return None
    return max(parsed).astimezone(UTC).isoformat(timespec="seconds")
