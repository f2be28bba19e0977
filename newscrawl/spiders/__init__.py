"""Spiders: the `NewsSpider` base, generic spiders (`urls`, `warc`, `demo`) and, in `sites`, one
module per news site."""

from newscrawl.spiders.base import NewsSpider

__all__ = ["NewsSpider"]
