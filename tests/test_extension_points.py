"""newscrawl plugs into Scrapy through its public extension points only: an add-on, a spider
loader implementing Scrapy's protocol, `CrawlerRunner.create_crawler`, spider and
downloader middlewares, extensions, pipelines, a log formatter. Private hooks change
without notice between Scrapy releases."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from scrapy import Request
from scrapy.settings import Settings
from scrapy.utils.misc import load_object

from newscrawl.addon import NewscrawlAddon
from newscrawl.crawl.incremental import IncrementalMiddleware
from newscrawl.crawl.spiderloader import SiteSpiderLoader

if TYPE_CHECKING:
    from collections.abc import Iterator

PACKAGE = Path(__file__).parents[1] / "newscrawl"
#: Private Scrapy methods newscrawl once overrode or called, and the spider attribute
#: the crawl state used to be handed over through.
PRIVATE = re.compile(r"\b(_load_all_spiders|_create_crawler|crawl_state)\b")


def _sources() -> Iterator[tuple[Path, str]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, path.read_text("utf-8")


def test_no_private_scrapy_hooks() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{number}"
        for path, text in _sources()
        for number, line in enumerate(text.splitlines(), start=1)
        if PRIVATE.search(line)
    ]
    assert found == []


def test_the_incremental_policy_is_a_spider_middleware_the_addon_enables() -> None:
    settings = Settings()
    NewscrawlAddon().update_settings(settings)
    middlewares = settings.getdict("SPIDER_MIDDLEWARES")
    classes = [load_object(m) if isinstance(m, str) else m for m in middlewares]
    assert IncrementalMiddleware in classes


def test_the_spider_loader_keeps_to_scrapys_protocol(tmp_path: Path) -> None:
    (tmp_path / "gazette.toml").write_text(
        'name = "gazette"\ndomains = ["gazette.example"]\n'
        '[sources]\nfeeds = ["https://gazette.example/rss.xml"]\n'
    )
    (tmp_path / "broken.toml").write_text('name = "broken"\n')
    settings = Settings(
        {"SPIDER_MODULES": ["newscrawl.spiders"], "NEWSCRAWL_SITE_DIRS": [str(tmp_path)]}
    )
    loader = SiteSpiderLoader.from_settings(settings)
    names = loader.list()
    assert {"gazette", "demo", "urls", "bbc", "lemonde"} <= set(names)
    assert len(names) == len(set(names))
    assert loader.load("gazette").name == "gazette"  # a site file
    assert loader.load("demo").name == "demo"  # a Python module
    with pytest.raises(KeyError):
        loader.load("nowhere")
    assert list(loader.broken) == [tmp_path / "broken.toml"]
    assert loader.find_by_request(Request("https://gazette.example/2026/a.html")) == ["gazette"]
