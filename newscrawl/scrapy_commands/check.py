"""`scrapy check`, changing nothing in the data folder (see `newscrawl.scrapy_commands._debug`).

Scrapy's own `check` already turns feeds and item pipelines off; newscrawl's crawl state,
run lock and summary are extensions, turned off here.
"""

from __future__ import annotations

from scrapy.commands.check import Command as ScrapyCheckCommand

from newscrawl.scrapy_commands._debug import DebugCommand


class Command(DebugCommand, ScrapyCheckCommand):
    pass
