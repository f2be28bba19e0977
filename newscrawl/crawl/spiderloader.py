"""Scrapy's spider loader, plus sites declared in TOML files.

Python site modules are found in `SPIDER_MODULES` as usual; TOML site files are read
from the folders in `NEWSCRAWL_SITE_DIRS` (newscrawl's own `newscrawl/sites/`, and
`sites/` in the working directory by default). Both end up as `NewsSpider` classes, so
`scrapy list` shows them together and `scrapy crawl NAME` runs either.

Tools that run outside a crawl (`newscrawl fixture`, `newscrawl sites`) find sites here too:
`site_spiders()` lists the sites a project knows, the same way `scrapy list` does.
"""

from __future__ import annotations

import builtins
import inspect
import logging
import os
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import ENVVAR, get_project_settings

from newscrawl.spiders.base import NewsSpider
from newscrawl.spiders.config import SiteConfigError, load_sites

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.settings import BaseSettings, Settings

logger = logging.getLogger(__name__)

PACKAGE_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_SITES = PACKAGE_ROOT / "sites"
SITE_MODULES = PACKAGE_ROOT / "spiders" / "sites"
#: The same folder as a package resource: read through `importlib.resources`, so the
#: sites newscrawl ships load from a zipped egg too (scrapyd runs projects as eggs).
SHIPPED_SITES = files("newscrawl") / "sites"


class SiteSpiderLoader:
    """Scrapy's spider loader (`SPIDER_MODULES`) plus the TOML site files, through Scrapy's
    public spider loader interface (`SpiderLoaderProtocol`): Python spiders come from a
    `scrapy.spiderloader.SpiderLoader` it holds, site files are read here. A site file
    may not reuse a Python spider's name (or another file's)."""

    def __init__(self, settings: BaseSettings) -> None:
        # Read before the add-on applies its defaults (`scrapy list` never applies them).
        folders = settings.getlist("NEWSCRAWL_SITE_DIRS", ["sites"])
        self.site_dirs: list[Path | Traversable] = [
            SHIPPED_SITES,
            *(Path(d).expanduser() for d in folders),
        ]
        #: Why each site file that could not be loaded was left out, by file.
        self.broken: dict[Path | Traversable, str] = {}
        self.modules = SpiderLoader.from_settings(settings)
        self.sites: dict[str, type[Spider]] = {}
        self._load_sites()

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Self:
        return cls(settings)

    def load(self, spider_name: str) -> type[Spider]:
        if spider_name in self.sites:
            return self.sites[spider_name]
        return self.modules.load(spider_name)  # KeyError when unknown, as Scrapy's

    def list(self) -> list[str]:
        return [*self.modules.list(), *self.sites]

    def find_by_request(self, request: Request) -> builtins.list[str]:
        return [
            *self.modules.find_by_request(request),
            *(name for name, spider in self.sites.items() if spider.handles_request(request)),
        ]

    def _load_sites(self) -> None:
        python = set(self.modules.list())
        for path in site_files(self.site_dirs):
            # One broken file must not take every other site (and `scrapy list`) down
            # with it: it is logged and left out, and `scrapy crawl` names it when the
            # spider asked for is missing.
            try:
                spiders = load_sites(path)
            except SiteConfigError as error:
                self._leave_out(path, str(error))
                continue
            for spider in spiders:
                if spider.name in python or spider.name in self.sites:
                    existing = self.load(spider.name)
                    self._leave_out(
                        path,
                        f"{path}: site {spider.name!r} is already defined by "
                        f"{getattr(existing, 'config_source', existing.__module__)}",
                    )
                    continue
                self.sites[spider.name] = spider

    def _leave_out(self, path: Path | Traversable, reason: str) -> None:
        self.broken[path] = reason
        logger.error("Site file left out: %s", reason)


def site_files(folders: list[Path | Traversable]) -> list[Path | Traversable]:
    """TOML files in `folders` (paths or package resources), in a stable order; missing
    folders are skipped."""
    return [
        path
        for folder in folders
        if folder.is_dir()
        for path in sorted(folder.iterdir(), key=lambda p: p.name)
        if path.name.endswith(".toml") and path.is_file()
    ]


def project_settings() -> Settings:
    """The settings of the Scrapy project in the working directory (`scrapy.cfg` or
    `SCRAPY_SETTINGS_MODULE`); newscrawl's own outside any project."""
    settings = get_project_settings()
    if not os.environ.get(ENVVAR):
        settings.setmodule("newscrawl.settings", priority="project")
    return settings


def site_spiders(settings: BaseSettings | None = None) -> dict[str, type[NewsSpider]]:
    """The news sites the project knows, by name: Python site modules and TOML site files.

    A site is a `NewsSpider` that declares at least one source; generic spiders (`urls`,
    `site`, `demo`) get theirs from arguments or at run time, and are left out.
    """
    loader = SiteSpiderLoader.from_settings(settings or project_settings())
    found = {}
    for name in sorted(loader.list()):
        spider = loader.load(name)
        if issubclass(spider, NewsSpider) and _declares_sources(spider):
            found[name] = spider
    return found


def _declares_sources(spider: type[NewsSpider]) -> bool:
    return any(
        (spider.news_sitemap_urls, spider.sitemap_urls, spider.feed_urls, spider.listing_urls)
    )


def source_file(spider: type[NewsSpider]) -> Path:
    """The file that declares a site: its TOML file or its Python module."""
    config = getattr(spider, "config_source", None)
    return Path(config if config else inspect.getfile(spider)).resolve()


def is_shipped(spider: type[NewsSpider]) -> bool:
    """Whether newscrawl itself ships the site (`newscrawl/spiders/sites/`, `newscrawl/sites/`)."""
    path = source_file(spider)
    return path.parent in (PACKAGE_SITES, SITE_MODULES)
