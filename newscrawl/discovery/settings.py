"""The settings a crawl started here would run with, for tools that fetch outside a crawl.

`newscrawl discover` (and `newscrawl fixture record`) send a few requests with urllib,
not Scrapy, yet they must introduce themselves, wait and refuse addresses as the crawl
does. So they read their settings the way `scrapy crawl` builds them: the project's
settings module (`scrapy.cfg`, `SCRAPY_SETTINGS_MODULE`; newscrawl's own outside a
project), the command line's `-s NAME=VALUE`, then every add-on in `ADDONS` applied by
Scrapy's add-on manager, newscrawl's among them (it sets `USER_AGENT` from
`NEWSCRAWL_CONTACT_URL`, `DOWNLOAD_TIMEOUT`, `DOWNLOAD_MAXSIZE`, ...), so a project's own
value of any of them wins as it would in a crawl.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy import Spider
from scrapy.crawler import Crawler

from newscrawl.crawl.spiderloader import project_settings

if TYPE_CHECKING:
    from collections.abc import Mapping

    from scrapy.settings import Settings


def crawl_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """The project's settings with `overrides` (at the command line's priority) and the
    add-ons applied, as a crawl's settings are before its components are built."""
    settings = project_settings()
    if overrides:
        settings.setdict(dict(overrides), priority="cmdline")
    # A crawler that is never started: Scrapy's own way to apply `ADDONS` (each add-on
    # built with `from_crawler` where it has one), without a reactor or a spider.
    crawler = Crawler(Spider, settings)
    crawler.addons.load_settings(crawler.settings)
    return crawler.settings
