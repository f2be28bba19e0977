"""`scrapy crawl`, with what cron needs: clear errors and meaningful exit codes.

- A bad spider argument, setting or site file (`-a max_age=soon`, a typo in a TOML key),
  or a missing optional package (`scrapy crawl warc` without warcio) is one line,
  `error: ...`, and exit code 2, not a traceback.
- A crawl whose site health check failed (see `newscrawl.crawl.health`, opt-in with
  `NEWSCRAWL_HEALTH_FAIL_EXIT`) exits with code 3, so cron mails the user.
- A run started while another run of the same spider is going (see `newscrawl.crawl.runlock`)
  logs one ERROR line and exits with code 4, before touching the crawl state or a feed.
- A crawl state that cannot be used (locked for too long, corrupt, unwritable) is one
  `error: ...` line and exit code 1, before anything is crawled: crawling everything
  again without it would be worse.
- Articles that could not be written to a feed (an exporter error, a full disk; see
  `newscrawl.crawl.feeds`) give exit code 5: they are not recorded as exported, and the next
  run fetches them again.
- `-o out.jsonl.gz` (also `.jl.gz`, `.json.gz`, `.csv.gz`, `.xml.gz`) writes the format
  before `.gz`, compressed, where Scrapy would refuse the format "gz".
"""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import TYPE_CHECKING, Any

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError
from twisted.internet.defer import Deferred

from newscrawl._imports import MissingExtraError
from newscrawl.addon import SettingError
from newscrawl.crawl.feeds import GZIP_PLUGIN, GZIP_SUFFIXES
from newscrawl.crawl.runlock import AlreadyRunning
from newscrawl.spiders.args import ArgumentError
from newscrawl.spiders.config import SiteConfigError, spider_name_problem
from newscrawl.state import StateUnavailable

if TYPE_CHECKING:
    import argparse


logger = logging.getLogger(__name__)

EXIT_BAD_ARGUMENTS = 2
EXIT_UNHEALTHY = 3
EXIT_ALREADY_RUNNING = 4
EXIT_NOT_WRITTEN = 5
_USER_ERRORS = (ArgumentError, MissingExtraError, SettingError, SiteConfigError)


class Command(ScrapyCrawlCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        compressed = []
        for option in ("output", "overwrite_output"):
            outputs = getattr(opts, option, None) or []
            for number, output in enumerate(outputs):
                fmt = _gzip_format(output)
                if fmt is not None:
                    outputs[number] = f"{output}:{fmt}"
                    compressed.append(output)
        super().process_options(args, opts)
        if compressed:
            assert self.settings is not None
            feeds = self.settings.getdict("FEEDS")
            for uri in compressed:
                options = feeds.get(uri)
                if isinstance(options, dict):
                    options.setdefault("postprocessing", [GZIP_PLUGIN])
            self.settings.set("FEEDS", feeds, priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("run one spider: scrapy crawl NAME")
        problem = spider_name_problem(args[0])
        if problem:  # a name becomes folder and file names: a newline is never one
            self._report(problem)
            return
        assert self.crawler_process
        try:
            crawler = self.crawler_process.create_crawler(args[0])
        except KeyError:
            broken = getattr(self.crawler_process.spider_loader, "broken", {})
            if broken:  # the spider may be in a site file that did not load
                self._report("; ".join([f"no spider named {args[0]!r}", *broken.values()]))
                return
            raise UsageError(f"no spider named {args[0]!r}; see `scrapy list`") from None
        running = self.crawler_process.crawl(crawler, **opts.spargs)
        if isinstance(running, asyncio.Future):
            running.add_done_callback(self._finished)
        elif isinstance(running, Deferred):
            running.addErrback(self._failed)
        self.crawler_process.start()
        if self.exitcode == 0 and self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        if (
            self.exitcode == 0
            and crawler.stats
            and crawler.stats.get_value("finish_reason") == "redis_unavailable"
        ):
            self.exitcode = 1  # a distributed worker lost Redis (newscrawl.distributed)
        if (
            self.exitcode == 0
            and crawler.stats
            and crawler.stats.get_value("newscrawl/export_failed")
        ):
            self.exitcode = EXIT_NOT_WRITTEN
        if (
            self.exitcode == 0
            and crawler.stats
            and crawler.stats.get_value("newscrawl/health/exit")
        ):
            self.exitcode = EXIT_UNHEALTHY

    def _finished(self, task: asyncio.Future[Any]) -> None:
        if task.cancelled() or (error := task.exception()) is None:
            return
        if isinstance(error, _USER_ERRORS):
            self._report(error)
        elif isinstance(error, AlreadyRunning):
            self.exitcode = EXIT_ALREADY_RUNNING  # the lock logged why
        elif isinstance(error, StateUnavailable):
            logger.error("%s", error)
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = 1
        else:
            # Retrieving the exception above keeps asyncio from reporting it: say it here.
            logger.error("The crawl could not start", exc_info=error)

    def _failed(self, failure: Any) -> Any:
        if failure.check(*_USER_ERRORS):
            self._report(failure.value)
            return None
        if failure.check(AlreadyRunning):
            self.exitcode = EXIT_ALREADY_RUNNING
            return None
        if failure.check(StateUnavailable):
            logger.error("%s", failure.value)
            print(f"error: {failure.value}", file=sys.stderr)
            self.exitcode = 1
            return None
        return failure

    def _report(self, error: BaseException | str | None) -> None:
        print(f"error: {error}", file=sys.stderr)
        self.exitcode = EXIT_BAD_ARGUMENTS


def _gzip_format(output: str) -> str | None:
    """The feed format of `-o NAME.jsonl.gz` (no explicit `:format`), else None."""
    lowered = output.lower()
    for suffix, fmt in GZIP_SUFFIXES.items():
        if lowered.endswith(suffix):
            return fmt
    return None
