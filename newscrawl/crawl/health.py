"""Site health: a canary for cron, so a site whose layout changed shows up in the first run.

A news site redesign rarely breaks a crawl loudly: requests still succeed, and the
extractor quietly returns empty bodies, loses the dates, or the article URLs now lead to
listing pages. `SiteHealth` is an extension that counts, per site, what became of every
page, and at the end of the crawl logs one summary line per site and a WARNING for each
symptom whose share crosses its threshold:

- pages dropped as not articles (`not_article`), among pages that reached extraction;
- pages with empty or too short text (`empty_text`, `too_short`, `unparsable_html`);
- exported articles without a publication date, and without a title;
- for a site spider, no article page at all (its sources or URL rules stopped matching).

Samples smaller than `NEWSCRAWL_HEALTH_MIN_PAGES` are not judged. With
`NEWSCRAWL_HEALTH_FAIL_EXIT` the stat `newscrawl/health/exit` is set when a warning fired,
and `scrapy crawl` exits with code 3, so cron mails the user.

A site is the spider for site spiders, and the page's host for generic spiders that
crawl many sites (`health_by_host`: `urls`, `warc`); there, only hosts with enough pages
get a line and stats of their own, the rest are summed up in one line.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import signals

from newscrawl.addon import SettingError
from newscrawl.core.urls import host_of
from newscrawl.crawl.signals import page_dropped

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.exceptions import DropItem
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

STATS_PREFIX = "newscrawl/health"
EXIT_STAT = f"{STATS_PREFIX}/exit"

#: Drop reasons (see `newscrawl.crawl.pipelines`, `newscrawl.stages`) behind each symptom.
NOT_ARTICLE_REASONS = frozenset({"not_article"})
EMPTY_TEXT_REASONS = frozenset({"empty_text", "too_short", "unparsable_html"})


#: Article URLs found and not fetched on purpose, and sources not read again because they
#: have not changed (newscrawl/crawl/incremental.py): a site that only has these is healthy.
_SKIPPED_ON_PURPOSE = (
    "newscrawl/skipped/too_old",
    "newscrawl/skipped/seen",
    "newscrawl/skipped/seen_dropped",
    "newscrawl/sources/unchanged",
    "newscrawl/sources/not_modified",
)


@dataclass
class SiteCounts:
    """What became of one site's pages in this crawl."""

    #: Pages that reached the item pipelines (each ends exported, dropped or in error).
    extracted: int = 0
    #: Articles exported, and among them those without a date / a title.
    articles: int = 0
    no_date: int = 0
    no_title: int = 0
    #: Drops by reason, in the pipelines and (`page_dropped`) in the spider.
    dropped: Counter[str] = field(default_factory=Counter)
    #: Pages the spider dropped before extraction (not HTML, HTTP errors, ...).
    spider_dropped: int = 0
    #: Characters the cleaning stages removed from its pages, by stage (`removed()`).
    chars_removed: Counter[str] = field(default_factory=Counter)

    @property
    def pages(self) -> int:
        """Article pages fetched (or attempted): extracted or dropped by the spider."""
        return self.extracted + self.spider_dropped

    @property
    def not_article(self) -> int:
        return sum(self.dropped[reason] for reason in NOT_ARTICLE_REASONS)

    @property
    def empty_text(self) -> int:
        return sum(self.dropped[reason] for reason in EMPTY_TEXT_REASONS)

    def add(self, other: SiteCounts) -> None:
        self.extracted += other.extracted
        self.articles += other.articles
        self.no_date += other.no_date
        self.no_title += other.no_title
        self.dropped.update(other.dropped)
        self.spider_dropped += other.spider_dropped
        self.chars_removed.update(other.chars_removed)

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe counts, for the run summary."""
        return {
            "pages": self.pages,
            "extracted": self.extracted,
            "articles": self.articles,
            "not_article": self.not_article,
            "empty_text": self.empty_text,
            "no_date": self.no_date,
            "no_title": self.no_title,
            "dropped": dict(sorted(self.dropped.items())),
            "chars_removed": dict(sorted(self.chars_removed.items())),
        }


@dataclass(frozen=True)
class Thresholds:
    """When a share is a symptom (strictly above the maximum); samples below `min_pages`
    are not judged."""

    min_pages: int = 10
    max_not_article: float = 0.5
    max_empty_text: float = 0.2
    max_no_date: float = 0.5
    max_no_title: float = 0.2

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Thresholds:
        min_pages = settings.getint("NEWSCRAWL_HEALTH_MIN_PAGES")
        if min_pages < 1:
            raise SettingError(f"NEWSCRAWL_HEALTH_MIN_PAGES must be 1 or more, not {min_pages}")
        return cls(
            min_pages=min_pages,
            max_not_article=_share(settings, "NEWSCRAWL_HEALTH_MAX_NOT_ARTICLE"),
            max_empty_text=_share(settings, "NEWSCRAWL_HEALTH_MAX_EMPTY_TEXT"),
            max_no_date=_share(settings, "NEWSCRAWL_HEALTH_MAX_NO_DATE"),
            max_no_title=_share(settings, "NEWSCRAWL_HEALTH_MAX_NO_TITLE"),
        )


def _share(settings: BaseSettings, name: str) -> float:
    value = settings.getfloat(name)
    if not 0 <= value <= 1:
        # 20 meaning 20% is the likely mistake: say what to write instead.
        raise SettingError(f"{name} must be a share between 0 and 1 (e.g. 0.2), not {value}")
    return value


@dataclass(frozen=True)
class Symptom:
    """A share of a site's pages or articles above its threshold."""

    #: Stats-friendly name: "not_article", "empty_text", "no_date", "no_title", "no_pages".
    name: str
    count: int
    total: int
    threshold: float
    message: str

    @property
    def share(self) -> float:
        return self.count / self.total if self.total else 0.0


def symptoms(counts: SiteCounts, thresholds: Thresholds) -> list[Symptom]:
    """The symptoms of one site; pure, so the judgement is testable without a crawl."""
    found: list[Symptom] = []
    page_checks = (
        ("not_article", counts.not_article, thresholds.max_not_article, _NOT_ARTICLE),
        ("empty_text", counts.empty_text, thresholds.max_empty_text, _EMPTY_TEXT),
    )
    article_checks = (
        ("no_date", counts.no_date, thresholds.max_no_date, _NO_DATE),
        ("no_title", counts.no_title, thresholds.max_no_title, _NO_TITLE),
    )
    # Shares of articles are judged on enough articles, not enough pages: 3 articles out
    # of 50 pages say little about dates (and the drops above already speak).
    for checks, total, unit in (
        (page_checks, counts.extracted, "pages"),
        (article_checks, counts.articles, "articles"),
    ):
        if total < thresholds.min_pages:
            continue
        for name, count, threshold, text in checks:
            if count / total > threshold:
                found.append(_symptom(name, count, total, threshold, text, unit))
    return found


_NOT_ARTICLE = ("dropped as not articles", "do the article URL rules now match listing pages?")
_EMPTY_TEXT = ("with empty or too short text", "has the page layout changed?")
_NO_DATE = ("without a publication date", "has the page stopped declaring it?")
_NO_TITLE = ("without a title", "has the page stopped declaring it?")


def _symptom(
    name: str, count: int, total: int, threshold: float, text: tuple[str, str], unit: str
) -> Symptom:
    what, question = text
    message = (
        f"{name}: {count} of {total} {unit} ({count / total:.0%}) {what} "
        f"(threshold {threshold:.0%}): {question}"
    )
    return Symptom(name, count, total, threshold, message)


def summary(site: str, counts: SiteCounts) -> str:
    """One line: what became of the site's pages."""
    line = (
        f"{site}: {counts.pages} pages fetched, {counts.extracted} extracted, "
        f"{counts.articles} articles exported"
    )
    if counts.extracted:
        line += (
            f"; not article {counts.not_article / counts.extracted:.0%}, "
            f"empty text {counts.empty_text / counts.extracted:.0%}"
        )
    if counts.articles:
        line += (
            f"; no date {counts.no_date / counts.articles:.0%}, "
            f"no title {counts.no_title / counts.articles:.0%}"
        )
    if counts.dropped:
        line += "; dropped: " + ", ".join(f"{r} {n}" for r, n in sorted(counts.dropped.items()))
    return line


class SiteHealth:
    """The extension: counts per site from signals, judges at `spider_closed`."""

    def __init__(self, crawler: Crawler, thresholds: Thresholds, fail_exit: bool) -> None:
        self.crawler = crawler
        self.thresholds = thresholds
        self.fail_exit = fail_exit
        self.sites: dict[str, SiteCounts] = {}
        #: Symptoms found per site at the end of the crawl (names: "empty_text", ...).
        self.warnings: dict[str, list[str]] = {}
        self.by_host = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls(
            crawler,
            Thresholds.from_settings(crawler.settings),
            crawler.settings.getbool("NEWSCRAWL_HEALTH_FAIL_EXIT"),
        )
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(extension.item_error, signal=signals.item_error)
        crawler.signals.connect(extension.page_dropped, signal=page_dropped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    # Counting

    def item_scraped(self, item: Any, spider: Spider) -> None:
        adapter = ItemAdapter(item)
        counts = self._site(spider, adapter.get("url"))
        counts.extracted += 1
        counts.articles += 1
        counts.no_date += not adapter.get("published")
        counts.no_title += not adapter.get("title")

    def item_dropped(self, item: Any, exception: DropItem, spider: Spider) -> None:
        counts = self._site(spider, ItemAdapter(item).get("url"))
        counts.extracted += 1
        counts.dropped[getattr(exception, "reason", None) or _reason(str(exception))] += 1

    def item_error(self, item: Any, spider: Spider) -> None:
        counts = self._site(spider, ItemAdapter(item).get("url"))
        counts.extracted += 1
        counts.dropped["item_error"] += 1

    def page_dropped(self, reason: str, url: str, spider: Spider) -> None:
        counts = self._site(spider, url)
        counts.spider_dropped += 1
        counts.dropped[reason] += 1

    def removed(self, spider: Spider, url: str, stage: str, chars: int) -> None:
        """A cleaning stage removed `chars` characters from the page at `url` (called by the
        pipelines: the removed text never reaches a signal)."""
        self._site(spider, url).chars_removed[stage] += chars

    def _site(self, spider: Spider, url: object) -> SiteCounts:
        return self.sites.setdefault(self.site_name(spider, url), SiteCounts())

    @staticmethod
    def site_name(spider: Spider, url: object) -> str:
        if not getattr(spider, "health_by_host", False):
            return spider.name
        return (host_of(url) if isinstance(url, str) else None) or "(no host)"

    # Judging

    def spider_closed(self, spider: Spider, reason: str) -> None:
        by_host = self.by_host = bool(getattr(spider, "health_by_host", False))
        judged, small = self._split(spider, by_host)
        warnings = 0
        for site, counts in judged.items():
            found = symptoms(counts, self.thresholds)
            if not by_host and counts.pages == 0 and self._expected_pages(reason):
                found.append(_no_pages())
            note = "" if found or counts.pages >= self.thresholds.min_pages else " (not judged)"
            logger.info("Site health: %s%s", summary(site, counts), note)
            for symptom in found:
                logger.warning("Site health: %s: %s", site, symptom.message)
            warnings += len(found)
            self._record(site, counts, found)
            if found:
                self.warnings[site] = [symptom.name for symptom in found]
        if small:
            total = SiteCounts()
            for counts in small.values():
                total.add(counts)
            logger.info(
                "Site health: %d more sites with fewer than %d pages each (not judged): %s",
                len(small),
                self.thresholds.min_pages,
                summary("together", total),
            )
        stats = self.crawler.stats
        assert stats is not None
        stats.set_value(f"{STATS_PREFIX}/warnings", warnings)
        if warnings and self.fail_exit:
            stats.set_value(EXIT_STAT, 1)
            logger.warning(
                "Site health: %d warning(s) and NEWSCRAWL_HEALTH_FAIL_EXIT is on: "
                "the crawl exits with code 3",
                warnings,
            )

    def report(self) -> dict[str, dict[str, Any]]:
        """Every site's counts and warnings (also the small hosts that get no log line),
        for the run summary; call after the spider closed."""
        sites = self.sites
        if not sites and self.crawler.spider is not None and not self.by_host:
            sites = {self.crawler.spider.name: SiteCounts()}
        return {
            site: {**counts.as_dict(), "warnings": self.warnings.get(site, [])}
            for site, counts in sorted(sites.items())
        }

    def _split(
        self, spider: Spider, by_host: bool
    ) -> tuple[dict[str, SiteCounts], dict[str, SiteCounts]]:
        """Sites reported on their own, and (generic spiders) hosts too small to report."""
        if not by_host:
            return self.sites or {spider.name: SiteCounts()}, {}
        judged: dict[str, SiteCounts] = {}
        small: dict[str, SiteCounts] = {}
        for site, counts in sorted(self.sites.items()):
            enough = counts.pages >= self.thresholds.min_pages
            (judged if enough else small)[site] = counts
        return judged, small

    def _expected_pages(self, reason: str) -> bool:
        """A site spider that fetched no article page is broken, unless the crawl was cut
        short, or its sources did list articles that it skipped on purpose: older than
        `max_age`, or seen by an earlier run (a quiet hour for an incremental crawl), or
        its sources have not changed since a run read them."""
        stats = self.crawler.stats
        assert stats is not None
        if stats.get_value("newscrawl/round_id"):
            # A worker of a distributed crawl may fetch no page while the others fetch
            # them all: the round is judged as a whole (newscrawl.distributed.summary).
            return False
        skipped = sum(stats.get_value(key, 0) for key in _SKIPPED_ON_PURPOSE)
        return reason == "finished" and not skipped

    def _record(self, site: str, counts: SiteCounts, found: list[Symptom]) -> None:
        stats = self.crawler.stats
        assert stats is not None
        prefix = f"{STATS_PREFIX}/{site}"
        for name in ("pages", "extracted", "articles", "not_article", "empty_text"):
            stats.set_value(f"{prefix}/{name}", getattr(counts, name))
        stats.set_value(f"{prefix}/no_date", counts.no_date)
        stats.set_value(f"{prefix}/no_title", counts.no_title)
        for symptom in found:
            stats.set_value(f"{prefix}/warning/{symptom.name}", 1)


def _no_pages() -> Symptom:
    return Symptom(
        "no_pages",
        0,
        0,
        0.0,
        "no_pages: no article page was fetched: are its sources still there, "
        "and do its article URL rules still match?",
    )


def _reason(message: str) -> str:
    """The reason of a drop another pipeline made, from its message: "too_short: URL
    (detail)" -> "too_short" (newscrawl's own drops carry `reason`)."""
    head, sep, _ = message.partition(":")
    return head if sep and head.isidentifier() else "other"
