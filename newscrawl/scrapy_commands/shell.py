"""`scrapy shell`, changing nothing in the data folder (see `newscrawl.scrapy_commands._debug`)."""

from __future__ import annotations

from scrapy.commands.shell import Command as ScrapyShellCommand

from newscrawl.scrapy_commands._debug import DebugCommand


class Command(DebugCommand, ScrapyShellCommand):
    pass
