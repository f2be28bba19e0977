"""Settings shared by Scrapy's debug commands (`parse`, `shell`, `fetch`, `view`, `check`):
look at a page, change nothing.

A crawl records what it did: the crawl state (so the next run skips what this one saw),
the duplicate index, a run lock, a feed file and its summary under `data/`. A debug
command fetching one page must leave all of that as it found it, or `scrapy parse URL`
would mark an article as exported and the next hourly crawl would skip it. Extraction runs
inline (`NEWSCRAWL_WORKERS = 0`): starting the worker pool for one page costs seconds.

The settings are set above a spider's `custom_settings` (a site file's `[settings]`) and
below the command line, as Scrapy's `check` does for its feeds: `-s NAME=VALUE` and `-o`
still win.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy.settings import SETTINGS_PRIORITIES

if TYPE_CHECKING:
    import argparse

    from scrapy.settings import Settings

#: Above "spider", below "cmdline".
PRIORITY = (SETTINGS_PRIORITIES["spider"] + SETTINGS_PRIORITIES["cmdline"]) // 2

DEBUG_SETTINGS: dict[str, Any] = {
    "NEWSCRAWL_STATE": "",
    "NEWSCRAWL_DEDUP_PATH": "",
    "NEWSCRAWL_LOCK": False,
    "NEWSCRAWL_SUMMARY": False,
    "NEWSCRAWL_PROGRESS_INTERVAL": 0,
    "NEWSCRAWL_WORKERS": 0,
    "FEEDS": {},
}

#: Extensions that judge a whole run: one debugged page would read as a broken site.
DEBUG_OFF_EXTENSIONS = ("newscrawl.crawl.health.SiteHealth",)


def apply_debug_settings(settings: Settings) -> None:
    """Turn off everything that would write to the data folder (see the module doc)."""
    for name, value in DEBUG_SETTINGS.items():
        settings.set(name, value, priority=PRIORITY)
    extensions = settings.getdict("EXTENSIONS")
    for name in DEBUG_OFF_EXTENSIONS:
        extensions.setdefault(name, None)  # the add-on then leaves it out
    settings.set("EXTENSIONS", extensions, priority=PRIORITY)


class DebugCommand:
    """Mixin for a Scrapy command class: apply `DEBUG_SETTINGS` after the options."""

    settings: Settings | None

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)  # type: ignore[misc]
        assert self.settings is not None
        apply_debug_settings(self.settings)
