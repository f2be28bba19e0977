"""`scrapy fetch`, changing nothing in the data folder (see `newscrawl.scrapy_commands._debug`)."""

from __future__ import annotations

from scrapy.commands.fetch import Command as ScrapyFetchCommand

from newscrawl.scrapy_commands._debug import DebugCommand


class Command(DebugCommand, ScrapyFetchCommand):
    pass
