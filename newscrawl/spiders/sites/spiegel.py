"""DER SPIEGEL (spiegel.de): German news magazine, in German.

Sources: the headline feeds Spiegel publishes (`/schlagzeilen/index.rss`, `/index.rss`)
and its Google News sitemap (`/sitemaps/news-de.xml`: our best knowledge of the path).
Article URLs end in `-a-<uuid>` (older ones in `-a-<number>.html`); videos, photo
galleries and audio have their own paths. The page shows its headline as kicker plus
title in an `<h2>` of the article's intro, worded unlike the metadata's: dropped here.
Fixture: a hand-made page in Spiegel's article layout, with prose written for newscrawl.
"""

from __future__ import annotations

from newscrawl.cleaning.html import SiteRules
from newscrawl.spiders import NewsSpider


class SpiegelSpider(NewsSpider):
    name = "spiegel"
    allowed_domains = ["spiegel.de"]
    language = "de"

    feed_urls = (
        "https://www.spiegel.de/schlagzeilen/index.rss",
        "https://www.spiegel.de/index.rss",
    )
    news_sitemap_urls = ("https://www.spiegel.de/sitemaps/news-de.xml",)
    source_order = ("feed", "news_sitemap")

    article_allow = (
        r"^https://www\.spiegel\.de/[\w/-]+-a-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$",
        r"^https://www\.spiegel\.de/[\w/-]+-a-\d+\.html$",
    )
    article_deny = (r"/(video|fotostrecke|audio)/",)

    cleaning_rules = SiteRules(drop=('header[data-area="intro"] h2',))
