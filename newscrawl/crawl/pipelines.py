"""Item pipelines: thin Scrapy adapters around the stages in `newscrawl.stages`.

In crawl order (see `addon.PIPELINES`): extract (Page -> Article) -> remove chrome ->
strip the related-headline tail -> validate -> drop duplicates (in the run, across runs
and sites, near copies too). The CPU-bound stages
run in the crawl's `WorkerPool`, off the reactor. Every drop is counted in the stats as
`newscrawl/dropped/<reason>` and logged once, with the page's URL; every cleaning stage
counts the articles it touched and the characters it removed (in the stats, and per site
in `SiteHealth`, for the run summary).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeoutError
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from pebble import ProcessExpired
from scrapy import signals
from scrapy.exceptions import DropItem

from newscrawl import stages
from newscrawl.addon import SettingError
from newscrawl.cleaning.html import SiteRules
from newscrawl.core.datadir import under_data_dir
from newscrawl.crawl.health import SiteHealth
from newscrawl.crawl.offload import WorkerPool
from newscrawl.dedup import (
    DuplicateIndex,
    MemoryDuplicateIndex,
    Probe,
    SqliteDuplicateIndex,
    make_probe,
)
from newscrawl.distributed import redis_url
from newscrawl.items import Article, Page
from newscrawl.state.extension import CrawlStateExtension

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Drops are logged at INFO: a non-article page in a crawl is expected, not a warning.
DROP_LOG_LEVEL = "INFO"


class Dropped(DropItem):
    """`DropItem` that carries its reason (the `newscrawl/dropped/<reason>` key), so the
    crawl state can tell a final drop (not an article) from a transient one (a timeout)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message, log_level=DROP_LOG_LEVEL)
        self.reason = reason


class _Stage:
    """Shared plumbing: where stages run, drop accounting, cleaning stats."""

    #: Texts shorter than this many characters are cleaned inline, longer ones in the
    #: worker pool. The text-level cleaners cost ~0.7 ms on an article, less than the trip
    #: to a worker and back (pickling both ways, thread hand-offs, an in-flight slot):
    #: measured by benchmarks/crawl_throughput.py, inline text cleaning gave 88 pages/s
    #: against 77 offloaded. A very long text still goes to a worker. 0: always offload.
    inline_below: ClassVar[int] = 0

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.pool = crawler.get_extension(WorkerPool)
        self.health = crawler.get_extension(SiteHealth)
        self.debug = crawler.settings.getbool("NEWSCRAWL_DEBUG_CLEANING")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    @property
    def rules(self) -> SiteRules | None:
        rules = getattr(self.crawler.spider, "cleaning_rules", None)
        return rules if isinstance(rules, SiteRules) else None

    async def run(self, url: str, function: Callable[..., T], *args: Any, size: int = 0) -> T:
        """Run a stage (in the pool if there is one, unless the input is `size` characters,
        below `inline_below`); turn every failure into a counted drop."""
        try:
            if self.pool is None or size < self.inline_below:
                return function(*args)
            return await self.pool.run(function, *args)
        except stages.Rejected as rejected:
            raise self.drop(rejected.reason, url, rejected.detail) from None
        except FutureTimeoutError:
            raise self.drop(
                "timeout", url, f"over {self.pool.timeout if self.pool else 0}s"
            ) from None
        except ProcessExpired as error:
            raise self.drop("worker_crashed", url, str(error)) from None
        except Exception as error:  # a bug or a pathological page: never stop the crawl
            logger.exception("Stage %s failed on %s", function.__name__, url)
            raise self.drop("stage_error", url, f"{type(error).__name__}: {error}") from None

    def drop(self, reason: str, url: str, detail: str = "") -> Dropped:
        self.stats.inc_value(f"newscrawl/dropped/{reason}")
        message = f"{reason}: {url}" + (f" ({detail})" if detail else "")
        return Dropped(reason, message)

    def record(self, article: Article, removed: dict[str, list[str]]) -> Article:
        """Count what a cleaning stage removed; keep it on the item when debugging."""
        for stage, pieces in removed.items():
            chars = sum(len(p) for p in pieces)
            self.stats.inc_value(f"newscrawl/cleaned/{stage}/articles")
            self.stats.inc_value(f"newscrawl/cleaned/{stage}/chars", chars)
            if self.health is not None and self.crawler.spider is not None:
                # Per site, for the run summary and `newscrawl report`.
                self.health.removed(self.crawler.spider, article.url, stage, chars)
        if self.debug and removed:
            previous = article.removed if hasattr(article, "removed") else {}
            article.removed = {**previous, **removed}
        elif self.debug and not hasattr(article, "removed"):
            article.removed = {}
        return article


class ExtractPipeline(_Stage):
    """Page -> Article: HTML-level chrome removal, trafilatura, structured data."""

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, Page):
            return item
        self.stats.inc_value("newscrawl/pages")
        article, removed = await self.run(item.url, stages.extract, item, self.rules)
        return self.record(article, removed)


class ChromePipeline(_Stage):
    """Drop chrome lines (share prompts, newsletter boxes, credits) and a repeated headline."""

    inline_below = 50_000

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        article, removed = await self.run(item.url, stages.remove_chrome, item, size=len(item.text))
        return self.record(article, removed)


class TailPipeline(_Stage):
    """Cut the related-headline tail after the last paragraph."""

    inline_below = 50_000

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        article, removed = await self.run(
            item.url, stages.strip_related_tail, item, self.rules, size=len(item.text)
        )
        return self.record(article, removed)


class ValidatePipeline(_Stage):
    """Drop empty and too short bodies, and (`-a max_age`) articles published before the
    cutoff, wherever they were found (a section page gives no date before the page is
    fetched); fill word count and content hash."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.min_words = crawler.settings.getint("NEWSCRAWL_MIN_WORDS")

    def process_item(self, item: Any) -> Any:
        # Cheap (a word count and a hash): not worth a trip to a worker.
        if not isinstance(item, Article):
            return item
        cutoff = getattr(self.crawler.spider, "max_age_cutoff", None)
        try:
            article = stages.validate(stages.check_age(item, cutoff), self.min_words)
        except stages.Rejected as rejected:
            raise self.drop(rejected.reason, item.url, rejected.detail) from None
        self.stats.inc_value("newscrawl/articles")
        return article


class DuplicatesPipeline(_Stage):
    """One article, one record: across the URLs of a run, across runs, across sites.

    Sitemaps, feeds and listings link one story under several URLs; later runs meet it
    again; agencies syndicate it to many sites with a new intro or a "Read more" list.
    The `newscrawl.dedup` index finds exact copies (same canonical URL, same text hash) and
    near copies (MinHash of word shingles). `NEWSCRAWL_DUPLICATES = "drop"` drops them
    (`newscrawl/dropped/duplicate`, `.../near_duplicate`); `"keep"` exports them with
    `duplicate_of` set to the first copy's URL. The index lives in
    `NEWSCRAWL_DEDUP_PATH` (under the data folder), so it spans runs; empty: this run only.

    An article whose own canonical URL an *earlier* run kept passes when its text changed
    (an update, fetched again by `-a refresh=modified`) and under `-a full=1`; otherwise,
    with the same text, it is a duplicate, whichever spider met it.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.keep = _duplicates_mode(settings.get("NEWSCRAWL_DUPLICATES")) == "keep"
        near = settings.getbool("NEWSCRAWL_NEAR_DUPLICATES")
        path = settings.get("NEWSCRAWL_DEDUP_PATH")
        url = redis_url(settings)
        if url:
            # A distributed crawl: one index for every worker (newscrawl/distributed/).
            from newscrawl.distributed import connect, prefix
            from newscrawl.distributed.dedup import RedisDuplicateIndex

            self.index: DuplicateIndex = RedisDuplicateIndex(connect(url), near, prefix(settings))
        elif path:
            path = under_data_dir(settings, path)
            path.parent.mkdir(parents=True, exist_ok=True)
            # batch_size=1: the crawl state commits each export; the index keeps pace, so
            # a killed run forgets no article it exported.
            self.index = SqliteDuplicateIndex(path, near, batch_size=1)
        else:
            self.index = MemoryDuplicateIndex(near)
        self.this_run: set[str] = set()
        crawler.signals.connect(self.close, signal=signals.spider_closed)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        key = item.canonical_url
        probe = make_probe(self.index.fingerprinter, item.text, item.content_hash)
        match = self.index.duplicate_of(key, item.text, probe=probe)
        if (
            match is not None
            and match.kind == "key"
            and self._is_update(key, probe, item.content_hash)
        ):
            match = None
        if match is None:
            self.this_run.add(key)
            return item
        reason = "near_duplicate" if match.kind == "near" else "duplicate"
        if self.keep:
            self.stats.inc_value(f"newscrawl/duplicates/{reason}")
            item.duplicate_of = match.first
            return item
        detail = f"copy of {match.first}" + (
            f", similarity {match.similarity:.2f}" if match.kind == "near" else ""
        )
        raise self.drop(reason, item.url, detail)

    def _is_update(self, key: str, probe: Probe, content_hash: str | None) -> bool:
        """An article whose canonical URL an earlier run kept, met again: an update when its
        text changed, or when no run on record wrote it (killed before the line was
        written: the crawl state forgot it, and so must deduplication)."""
        if key in self.this_run:
            return False
        if getattr(self.crawler.spider, "full", False):
            return True  # -a full=1: export every article again, as if never seen
        same_text = self.index.match(probe)
        if same_text is None or same_text.kind != "exact":
            return True
        states = self.crawler.get_extension(CrawlStateExtension)
        state = states.state if states is not None else None
        if state is None:
            return False  # no crawl state: the index alone remembers, and it has this text
        seen = state.get(key)
        if seen is not None and seen.status in ("exported", "pending"):
            return False
        # This spider has no export of it; any spider's export of the same text on record
        # makes it a duplicate (the state is per spider, the index is shared).
        return not (content_hash and state.by_content_hash(content_hash))

    def close(self) -> None:
        self.index.close()


def _duplicates_mode(value: object) -> str:
    mode = str(value or "drop").strip().lower()
    if mode not in {"drop", "keep"}:
        raise SettingError(f"NEWSCRAWL_DUPLICATES must be 'drop' or 'keep', not {value!r}")
    return mode
