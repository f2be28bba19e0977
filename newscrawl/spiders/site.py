"""`site`: crawl a site declared in a TOML file, without adding it to the project.

    scrapy crawl site -a config=sites/example.toml [-a site=NAME] -O out.jsonl

`-a site=NAME` picks one site from a file that declares several. The crawl runs under
the site's own name (feeds go to `data/<name>/`). Site files in `NEWSCRAWL_SITE_DIRS`
need none of this: `scrapy crawl NAME` runs them directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newscrawl.spiders.args import ArgumentError
from newscrawl.spiders.base import NewsSpider
from newscrawl.spiders.config import load_sites, name_problem

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class SiteSpider(NewsSpider):
    name = "site"

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:  # type: ignore[override]
        path = kwargs.pop("config", None)
        if not path:
            raise ArgumentError("the site spider needs a site file: -a config=sites/NAME.toml")
        sites = {spider.name: spider for spider in load_sites(path)}
        wanted = kwargs.pop("site", None)
        problem = name_problem(wanted, "-a site") if wanted is not None else None
        if problem:
            raise ArgumentError(problem)
        if wanted is None and len(sites) > 1:
            raise ArgumentError(f"{path} declares {len(sites)} sites; pick one with -a site=NAME")
        name = wanted or next(iter(sites))
        if name not in sites:
            raise ArgumentError(f"{path} has no site {name!r}; it has {', '.join(sites)}")
        return sites[name].from_crawler(crawler, *args, **kwargs)
