"""Deccan Herald (deccanherald.com): news from Bengaluru, Karnataka and India, in English.

Sources: robots.txt's sitemaps, the site's RSS feed (`/stories.rss`, the standard feed of
Quintype, the platform the site runs on: our best knowledge of the path), and the home
and India pages. Article URLs end in the story's numeric id: `-777916.html` on the older
site (the fixtures' shape), `-3012345` since the move to Quintype. Fixtures: two 2019
stories from the Zyte article-extraction benchmark (MIT).
"""

from __future__ import annotations

from newscrawl.spiders import NewsSpider


class DeccanheraldSpider(NewsSpider):
    name = "deccanherald"
    allowed_domains = ["deccanherald.com"]
    language = "en"

    sitemap_urls = ("https://www.deccanherald.com/robots.txt",)
    feed_urls = ("https://www.deccanherald.com/stories.rss",)
    listing_urls = ("https://www.deccanherald.com/", "https://www.deccanherald.com/india")

    article_allow = (r"^https://www\.deccanherald\.com/[a-z-]+/([\w-]+/)*[\w-]+-\d{6,}(\.html)?$",)
    article_deny = (r"/(videos?|photos?|podcasts?)/",)
