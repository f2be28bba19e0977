"""newscrawl's defaults as a Scrapy add-on: every `NEWSCRAWL_*` setting and every Scrapy
setting newscrawl changes, in one place.

Enabled by `newscrawl.settings` (`ADDONS`); another Scrapy project can enable it too. The
values are set with the "addon" priority, so a project's settings, a spider's
`custom_settings` and `-s NAME=VALUE` on the command line all still win.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.misc import load_object

from newscrawl import __version__
from newscrawl.core.datadir import data_dir
from newscrawl.items import ARTICLE_FIELDS, OPTIONAL_FIELDS

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings, Settings

#: newscrawl's own settings, with their defaults.
NEWSCRAWL_SETTINGS: dict[str, Any] = {
    # Where feeds, the crawl state, run locks and summaries go: relative to the working
    # directory (cron: `cd` there first).
    "NEWSCRAWL_DATA_DIR": "data",
    # The default feed: one JSON Lines file per spider per run, so cron runs never
    # overwrite each other. `-o`/`-O` replace it, as in any Scrapy project.
    "NEWSCRAWL_FEED_URI": "%(data_dir)s/%(name)s/%(time)s.jsonl",
    # Who to contact about the crawler: goes into the User-Agent. Set it to your own page.
    "NEWSCRAWL_CONTACT_URL": "https://github.com/newscrawl/newscrawl",
    # Worker processes for extraction and cleaning: "auto" (one per core) or a number;
    # 0 runs them inline, on the reactor thread (debugging only: it stalls downloads).
    "NEWSCRAWL_WORKERS": "auto",
    # Tasks queued or running in the pool at once (back-pressure); 0 = 4 per worker (2
    # left workers idle between tasks: benchmarks/crawl_throughput.py).
    "NEWSCRAWL_MAX_IN_FLIGHT": 0,
    # A worker is replaced after this many tasks, so memory it gained is given back.
    "NEWSCRAWL_WORKER_MAX_TASKS": 1000,
    # Seconds one page may take in a worker before it is dropped as `timeout` (0 = no limit).
    "NEWSCRAWL_TASK_TIMEOUT": 60,
    # Bodies shorter than this many words are dropped as `too_short`: a news brief of two
    # or three sentences is an article (each character counts as a word in Chinese and
    # Japanese); a stub page ("Live: updates soon.") is not.
    "NEWSCRAWL_MIN_WORDS": 25,
    # Skip sitemap and feed entries older than this ("2d", "12h", an ISO date); spider
    # argument `-a max_age=...` overrides it. Empty: no limit.
    "NEWSCRAWL_MAX_AGE": "",
    # Keep the text each cleaning stage removed in the item's `removed` field.
    "NEWSCRAWL_DEBUG_CLEANING": False,
    # Folders of TOML site files (see newscrawl/spiders/config.py); relative to the
    # working directory. newscrawl's own site files are always read.
    "NEWSCRAWL_SITE_DIRS": ["sites"],
    # Site health (newscrawl/crawl/health.py): at the end of a crawl, a summary line per site and
    # a WARNING when a share below crosses its maximum. Sites with fewer pages (articles,
    # for the date and title shares) than this are not judged: small samples are noise.
    "NEWSCRAWL_HEALTH_MIN_PAGES": 10,
    # Largest share of extracted pages dropped as not articles (listing or profile pages).
    "NEWSCRAWL_HEALTH_MAX_NOT_ARTICLE": 0.5,
    # Largest share of extracted pages with empty or too short text: a layout change.
    "NEWSCRAWL_HEALTH_MAX_EMPTY_TEXT": 0.2,
    # Largest share of exported articles without a publication date.
    "NEWSCRAWL_HEALTH_MAX_NO_DATE": 0.5,
    # Largest share of exported articles without a title.
    "NEWSCRAWL_HEALTH_MAX_NO_TITLE": 0.2,
    # When a health warning fired, set the stat `newscrawl/health/exit`: `scrapy crawl`
    # then exits with code 3, so cron mails you.
    "NEWSCRAWL_HEALTH_FAIL_EXIT": False,
    # Duplicates (newscrawl/dedup.py): "drop" them, or "keep" them with `duplicate_of` set
    # to the first copy's URL. Across the run, earlier runs and sites.
    "NEWSCRAWL_DUPLICATES": "drop",
    # Also find near copies (syndicated stories with a new intro, light edits, cut short).
    "NEWSCRAWL_NEAR_DUPLICATES": True,
    # The duplicate index, a SQLite file relative to NEWSCRAWL_DATA_DIR; "" keeps it in
    # memory for one run.
    "NEWSCRAWL_DEDUP_PATH": "dedup.sqlite3",
    # Crawl state (incremental runs, see newscrawl/state/): "sqlite", a dotted path to a
    # backend class, or "" to crawl without memory of earlier runs.
    "NEWSCRAWL_STATE": "sqlite",
    # The SQLite state file, shared by all spiders; relative to NEWSCRAWL_DATA_DIR.
    "NEWSCRAWL_STATE_PATH": "state.sqlite3",
    # Sitemaps and feeds a run read whole before (newscrawl/crawl/incremental.py): "skip" one
    # whose lastmod in its sitemap index did not move, and ask the others whether they
    # changed (If-None-Match / If-Modified-Since: a 304 costs nothing); "ask" only asks
    # (a site whose index lastmod is not to be trusted); "fetch" reads every one, every run.
    "NEWSCRAWL_UNCHANGED_SOURCES": "skip",
    # One run per spider at a time (<data dir>/<spider>.lock); a second run exits with 4.
    "NEWSCRAWL_LOCK": True,
    # Write <feed stem>.summary.json next to the feed and a summary to the log at the end.
    "NEWSCRAWL_SUMMARY": True,
    # Seconds between progress lines (pages/min, articles/min, queue); 0 turns them off.
    # Replaces Scrapy's LogStats (and LOGSTATS_INTERVAL).
    "NEWSCRAWL_PROGRESS_INTERVAL": 60,
    # The address guard (newscrawl/crawl/guard.py) refuses every request to a loopback, private,
    # link-local, CGNAT, multicast, reserved or unspecified address; these hosts ("name",
    # "name:port", "10.0.0.5", "[::1]:8080", exactly as URLs write them) are allowed anyway.
    "NEWSCRAWL_ALLOW_PRIVATE_HOSTS": [],
    # Sitemap limits: entries and bytes (once decompressed) read from one sitemap file (the
    # protocol's own 50,000 and 50 MB) and in one run; the rest is not read, and counted
    # (newscrawl/sources/sitemap_truncated, .../sitemap_run_limit).
    "NEWSCRAWL_SITEMAP_MAX_ENTRIES": 50_000,
    "NEWSCRAWL_SITEMAP_MAX_BYTES": 50 * 1024 * 1024,
    "NEWSCRAWL_SITEMAP_MAX_ENTRIES_PER_RUN": 1_000_000,
    "NEWSCRAWL_SITEMAP_MAX_BYTES_PER_RUN": 1024 * 1024 * 1024,
    # Distributed crawling (newscrawl/distributed/, pip install 'newscrawl[redis]'): a Redis
    # URL ("redis://host:6379/0") makes this crawl one worker of a run shared by every
    # worker pointed at the same Redis: scrapy-redis's scheduler with leased requests, the
    # crawl state and duplicate index in Redis, run coordination instead of the run lock.
    "NEWSCRAWL_REDIS_URL": "",
    # Prefix of every Redis key newscrawl writes.
    "NEWSCRAWL_REDIS_PREFIX": "newscrawl",
    # Seconds without a heartbeat after which a worker on another machine counts as dead
    # and the requests it held go back to the queue (on its own machine: at once).
    "NEWSCRAWL_REDIS_WORKER_TIMEOUT": 30,
    # Each worker's feed: `worker_run` is "<round id>-<host>-<pid>-<tag>".
    "NEWSCRAWL_REDIS_FEED_URI": "%(data_dir)s/%(name)s/%(worker_run)s.jsonl",
}

#: The item pipelines, in order: each stage small and testable alone.
PIPELINES: dict[str, int] = {
    "newscrawl.crawl.pipelines.ExtractPipeline": 100,
    "newscrawl.crawl.pipelines.ChromePipeline": 200,
    "newscrawl.crawl.pipelines.TailPipeline": 300,
    "newscrawl.crawl.pipelines.ValidatePipeline": 400,
    "newscrawl.crawl.pipelines.DuplicatesPipeline": 500,
}

EXTENSIONS: dict[str, int] = {
    # Negative orders: built before Scrapy's own extensions. The lock first (a second run
    # stops before anything opens the state or a feed); the state before FeedExporter (an
    # export is recorded before its line is written; see newscrawl/state/extension.py).
    "newscrawl.crawl.runlock.RunLockExtension": -100,
    "newscrawl.state.extension.CrawlStateExtension": -90,
    "newscrawl.crawl.offload.WorkerPool": 0,
    "newscrawl.crawl.summary.RunSummary": 0,
    "newscrawl.crawl.progress.Progress": 0,
    "newscrawl.crawl.health.SiteHealth": 500,
    # Scrapy's feed exporter, saying which articles the feeds hold (newscrawl/crawl/feeds.py):
    # an article counts as exported only then. After the state, which records it first.
    "newscrawl.crawl.feeds.FeedExporter": 0,
}

#: newscrawl's downloader middlewares. The address guard comes last on the way out (after
#: the proxy middleware: it sees the request as it will be sent) and first on the way back
#: (before retries and redirects: a refusal is final).
DOWNLOADER_MIDDLEWARES: dict[str, int] = {
    "newscrawl.crawl.guard.AddressGuardMiddleware": 900,
    # Just before Scrapy's decompression (590) on the way back: a gzip body cut short is
    # flagged "truncated" (newscrawl/crawl/integrity.py).
    "newscrawl.crawl.integrity.BodyIntegrityMiddleware": 595,
}

#: newscrawl's spider middlewares. The incremental policy (newscrawl/crawl/incremental.py)
#: sits next to the spider: it sees every request the spider yields, before Scrapy's own
#: middlewares. The progress middleware (newscrawl/crawl/progress.py) notes when `start()` is
#: read to its end.
SPIDER_MIDDLEWARES: dict[str, int] = {
    "newscrawl.crawl.incremental.IncrementalMiddleware": 950,
    "newscrawl.crawl.progress.ProgressMiddleware": 960,
}

#: Scrapy extensions newscrawl replaces: LogStats by newscrawl.crawl.progress.Progress, the feed
#: exporter by newscrawl.crawl.feeds.FeedExporter.
REPLACED_EXTENSIONS = (
    "scrapy.extensions.logstats.LogStats",
    "scrapy.extensions.feedexport.FeedExporter",
)

#: Scrapy downloader middlewares newscrawl replaces with a fixed subclass, by order.
REPLACED_DOWNLOADER_MIDDLEWARES: dict[str, tuple[str, int]] = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": (
        "newscrawl.crawl.robots.RobotsTxtMiddleware",
        100,
    ),
}

#: Local feed files are written item by item, so a killed run leaves whole lines.
FEED_STORAGE = "newscrawl.crawl.feeds.LineFileFeedStorage"
#: Exporters that write the Article schema in every format (newscrawl/crawl/feeds.py).
FEED_EXPORTERS = {
    fmt: f"newscrawl.crawl.feeds.{cls}"
    for fmt, cls in {
        "jsonlines": "JsonLinesExporter",
        "jsonl": "JsonLinesExporter",
        "jl": "JsonLinesExporter",
        "json": "JsonExporter",
        "xml": "XmlExporter",
        "csv": "CsvExporter",
    }.items()
}

#: Scrapy settings newscrawl changes: polite, robust crawling of news sites.
SCRAPY_SETTINGS: dict[str, Any] = {
    "ROBOTSTXT_OBEY": True,
    "AUTOTHROTTLE_ENABLED": True,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 2.0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
    "RETRY_ENABLED": True,
    "RETRY_TIMES": 3,
    "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
    "DOWNLOAD_TIMEOUT": 30,
    # Scrapy's, counting a request against CONCURRENT_REQUESTS_PER_DOMAIN from the moment
    # it is started (Scrapy 2.19's can start more at once: newscrawl/crawl/downloader.py).
    "DOWNLOADER": "newscrawl.crawl.downloader.Downloader",
    # News pages are 50-500 kB; a 16 MB "page" is a mistake or a trap.
    "DOWNLOAD_MAXSIZE": 16 * 1024 * 1024,
    "DOWNLOAD_WARNSIZE": 4 * 1024 * 1024,
    "FEED_EXPORT_ENCODING": "utf-8",
    # A dropped page is one log line naming its reason and URL (Scrapy's adds the item).
    "LOG_FORMATTER": "newscrawl.crawl.logformatter.LogFormatter",
    # The exported columns: the Article schema, in order (a CSV feed has them all; JSON
    # formats leave out the optional `removed` and `duplicate_of` when unset).
    "FEED_EXPORT_FIELDS": [*ARTICLE_FIELDS, *sorted(OPTIONAL_FIELDS, reverse=True)],
    "LOG_LEVEL": "INFO",
    "TELNETCONSOLE_ENABLED": False,
    # Scrapy 2.19's remote-control HTTP server (runs Python code sent to it) is for
    # interactive debugging: an unattended hourly run needs no listening port and no job
    # file in $HOME. -s REMOTE_CONTROL_ENABLED=1 turns it back on.
    "REMOTE_CONTROL_ENABLED": False,
}


class SettingError(ValueError):
    """A `NEWSCRAWL_*` setting has a value newscrawl cannot use; the message says what to
    write instead (`scrapy crawl` prints it as one line and exits with code 2)."""


def user_agent(contact: str = NEWSCRAWL_SETTINGS["NEWSCRAWL_CONTACT_URL"]) -> str:
    """newscrawl's User-Agent: crawls and `newscrawl discover` introduce themselves alike."""
    return f"newscrawl/{__version__} (+{contact})"


class NewscrawlAddon:
    """Applies newscrawl's defaults; anything set with a higher priority wins."""

    def update_settings(self, settings: Settings) -> None:
        for name, value in {**NEWSCRAWL_SETTINGS, **SCRAPY_SETTINGS}.items():
            settings.set(name, value, priority="addon")
        # Pass classes: Scrapy finds an entry already there by `load_object(entry) == cls`,
        # so an import string never matches it, and a user's `-s 'ITEM_PIPELINES=
        # {"newscrawl.crawl.pipelines.ExtractPipeline": null}'` (or other order) is set back.
        for name, order in PIPELINES.items():
            settings.setdefault_in_component_priority_dict(
                "ITEM_PIPELINES", load_object(name), order
            )
        for name, order in EXTENSIONS.items():
            settings.setdefault_in_component_priority_dict("EXTENSIONS", load_object(name), order)
        for name, order in DOWNLOADER_MIDDLEWARES.items():
            settings.setdefault_in_component_priority_dict(
                "DOWNLOADER_MIDDLEWARES", load_object(name), order
            )
        for name, order in SPIDER_MIDDLEWARES.items():
            settings.setdefault_in_component_priority_dict(
                "SPIDER_MIDDLEWARES", load_object(name), order
            )
        for name in REPLACED_EXTENSIONS:
            settings.setdefault_in_component_priority_dict("EXTENSIONS", load_object(name), None)
        for name, (replacement, order) in REPLACED_DOWNLOADER_MIDDLEWARES.items():
            original = load_object(name)
            project = settings.getdict("DOWNLOADER_MIDDLEWARES")
            if any(_is(key, original) and value is None for key, value in project.items()):
                continue  # the project turned it off: leave it off
            settings.setdefault_in_component_priority_dict("DOWNLOADER_MIDDLEWARES", original, None)
            settings.setdefault_in_component_priority_dict(
                "DOWNLOADER_MIDDLEWARES", load_object(replacement), order
            )
        settings.set(
            "USER_AGENT", user_agent(settings.get("NEWSCRAWL_CONTACT_URL")), priority="addon"
        )
        distributed = bool(str(settings.get("NEWSCRAWL_REDIS_URL") or "").strip())
        if distributed:
            _distributed(settings)
        feed_uri = settings.get(
            "NEWSCRAWL_REDIS_FEED_URI" if distributed else "NEWSCRAWL_FEED_URI"
        ).replace("%(data_dir)s", data_dir(settings).as_posix())
        settings.set(
            "FEEDS",
            {feed_uri: {"format": "jsonlines", "encoding": "utf-8"}},
            priority="addon",
        )
        exporters = settings.getdict("FEED_EXPORTERS")
        for fmt, exporter in FEED_EXPORTERS.items():
            exporters.setdefault(fmt, exporter)  # a project's own exporter wins
        settings.set(
            "FEED_EXPORTERS",
            exporters,
            priority=max(settings.getpriority("FEED_EXPORTERS") or 0, SETTINGS_PRIORITIES["addon"]),
        )
        storages = settings.getdict("FEED_STORAGES")
        for scheme in ("", "file"):
            storages.setdefault(scheme, FEED_STORAGE)  # a project's own storage wins
        settings.set(
            "FEED_STORAGES",
            storages,
            priority=max(settings.getpriority("FEED_STORAGES") or 0, SETTINGS_PRIORITIES["addon"]),
        )

    @classmethod
    def update_pre_crawler_settings(cls, settings: BaseSettings) -> None:
        # TOML sites next to Python ones (`scrapy list` reads settings.py only: it sets
        # this too).
        settings.set(
            "SPIDER_LOADER_CLASS", "newscrawl.crawl.spiderloader.SiteSpiderLoader", "addon"
        )
        # Lets any project that enables the add-on run newscrawl's spiders (and, as Scrapy
        # walks subpackages, its site modules) by name.
        if "newscrawl.spiders" not in settings.getlist("SPIDER_MODULES"):
            settings.set(
                "SPIDER_MODULES",
                [*settings.getlist("SPIDER_MODULES"), "newscrawl.spiders"],
                priority=settings.getpriority("SPIDER_MODULES") or "addon",
            )


#: What `NEWSCRAWL_REDIS_URL` changes (see newscrawl/distributed/).
DISTRIBUTED_SETTINGS: dict[str, Any] = {
    "SCHEDULER": "newscrawl.distributed.scheduler.LeasedScheduler",
    "NEWSCRAWL_STATE": "redis",
}
DISTRIBUTED_EXTENSIONS: dict[str, int | None] = {
    # Run coordination in Redis replaces the run lock of one machine.
    "newscrawl.crawl.runlock.RunLockExtension": None,
    "newscrawl.distributed.coordinator.RunCoordinator": -100,
}
DISTRIBUTED_SPIDER_MIDDLEWARES: dict[str, int] = {
    # Only the round's seeder requests the sources.
    "newscrawl.distributed.coordinator.SeedOnce": 10,
}


def _distributed(settings: Settings) -> None:
    """Make the crawl a worker of a distributed one; fails with the extra to install when
    scrapy-redis is missing."""
    from newscrawl._imports import require

    require("redis")
    require("scrapy_redis")
    for name, value in DISTRIBUTED_SETTINGS.items():
        settings.set(name, value, priority="addon")
    for name, order in DISTRIBUTED_EXTENSIONS.items():
        if order is None:
            settings.setdefault_in_component_priority_dict("EXTENSIONS", load_object(name), None)
            # setdefault keeps the order the add-on gave it above: replace it.
            extensions = settings.getdict("EXTENSIONS")
            for key in list(extensions):
                if _is(key, load_object(name)):
                    extensions[key] = None
            priority = settings.getpriority("EXTENSIONS") or SETTINGS_PRIORITIES["addon"]
            settings.set("EXTENSIONS", extensions, priority=priority)
        else:
            settings.setdefault_in_component_priority_dict("EXTENSIONS", load_object(name), order)
    for name, order in DISTRIBUTED_SPIDER_MIDDLEWARES.items():
        settings.setdefault_in_component_priority_dict(
            "SPIDER_MIDDLEWARES", load_object(name), order
        )


def _is(component: Any, cls: type) -> bool:
    """Whether a component-dict key (a class or an import path) names `cls`."""
    return (load_object(component) if isinstance(component, str) else component) is cls
