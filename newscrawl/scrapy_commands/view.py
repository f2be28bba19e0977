"""`scrapy view`, changing nothing in the data folder (see `newscrawl.scrapy_commands._debug`)."""

from __future__ import annotations

from scrapy.commands.view import Command as ScrapyViewCommand

from newscrawl.scrapy_commands._debug import DebugCommand


class Command(DebugCommand, ScrapyViewCommand):
    pass
