"""The Guardian (theguardian.com): UK and international news in English.

Sources as the Guardian publishes them: its Google News sitemap, and the RSS feed that
every section has at `<section>/rss`. Article URLs carry the date as `/2024/jan/15/`;
live blogs, galleries, videos, audio and interactives share that shape and are denied.
Opinion pieces end `og:title` with " | Author", so the title is read from the `<h1>`.
Fixture: a 2019 editorial from the Zyte article-extraction benchmark (MIT).
"""

from __future__ import annotations

from newscrawl.cleaning.html import SiteRules
from newscrawl.spiders import NewsSpider


class GuardianSpider(NewsSpider):
    name = "guardian"
    allowed_domains = ["theguardian.com"]
    language = "en"

    news_sitemap_urls = ("https://www.theguardian.com/sitemaps/news.xml",)
    feed_urls = (
        "https://www.theguardian.com/international/rss",
        "https://www.theguardian.com/world/rss",
    )
    listing_urls = ("https://www.theguardian.com/international",)

    article_allow = (r"^https://www\.theguardian\.com/[\w/-]+/\d{4}/[a-z]{3}/\d{2}/[\w-]+$",)
    article_deny = (r"/(live|gallery|video|audio|picture|ng-interactive)/",)

    cleaning_rules = SiteRules(fields=(("title", "css:h1"),))
