"""Scrapy settings module of the newscrawl project (`scrapy.cfg` points here).

All defaults live in `newscrawl.addon` and are applied by the add-on enabled below; put
your own overrides here, in `custom_settings` of a spider, or on the command line. The
few settings below are read by Scrapy before add-ons run, so they must be here.
"""

from pathlib import Path

BOT_NAME = "newscrawl"
# Scrapy walks subpackages: `newscrawl.spiders` includes the site modules in `.sites`
# (listing both would load every site twice).
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders.sites"
ADDONS = {"newscrawl.addon.NewscrawlAddon": 0}
# Python site modules and TOML site files, listed and run alike.
SPIDER_LOADER_CLASS = "newscrawl.crawl.spiderloader.SiteSpiderLoader"
# `crawl` (clear argument errors, exit codes for cron) and `genspider -t news`.
COMMANDS_MODULE = "newscrawl.scrapy_commands"
TEMPLATES_DIR = str(Path(__file__).resolve().parent / "templates")
