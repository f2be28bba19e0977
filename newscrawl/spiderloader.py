"""Scrapy's spider loader, plus sites declared in TOML files.

Python site modules are found in `SPIDER_MODULES` as usual; TOML site files are read
from the folders in `NEWSCRAWL_SITE_DIRS` (newscrawl's own `newscrawl/sites/`, and
`sites/` in the working directory by default). Both end up as `NewsSpider` classes, so
`scrapy list` shows them together and `scrapy crawl NAME` runs either.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.spiderloader import SpiderLoader

from newscrawl.spiders.config import load_sites

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

PACKAGE_SITES = Path(__file__).resolve().parent / "sites"


class SiteSpiderLoader(SpiderLoader):
    def __init__(self, settings: BaseSettings) -> None:
        # Read before the add-on applies its defaults (`scrapy list` never applies them).
        folders = settings.getlist("NEWSCRAWL_SITE_DIRS", ["sites"])
        self.site_dirs = [PACKAGE_SITES, *(Path(d).expanduser() for d in folders)]
        super().__init__(settings)

    def _load_all_spiders(self) -> None:
        super()._load_all_spiders()
        for path in site_files(self.site_dirs):
            for spider in load_sites(path):
                if spider.name in self._spiders:
                    existing = self._spiders[spider.name]
                    raise ValueError(
                        f"{path}: site {spider.name!r} is already defined by "
                        f"{getattr(existing, 'config_source', existing.__module__)}"
                    )
                self._spiders[spider.name] = spider


def site_files(folders: list[Path]) -> list[Path]:
    """TOML files in `folders`, in a stable order; missing folders are skipped."""
    return [path for folder in folders if folder.is_dir() for path in sorted(folder.glob("*.toml"))]
