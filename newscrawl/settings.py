"""Scrapy settings module of the newscrawl project (`scrapy.cfg` points here).

All defaults live in `newscrawl.addon` and are applied by the add-on enabled below; put
your own overrides here, in `custom_settings` of a spider, or on the command line.
"""

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders", "newscrawl.spiders.sites"]
NEWSPIDER_MODULE = "newscrawl.spiders.sites"
ADDONS = {"newscrawl.addon.NewscrawlAddon": 0}
