"""BBC News (bbc.com, bbc.co.uk): world and UK news in English.

Sources: the top-stories RSS feeds at feeds.bbci.co.uk (public and long-standing) and the
news sitemap index that robots.txt names (`/sitemaps/https-index-com-news.xml`: our best
knowledge of the path, followed from robots.txt as well). Story URLs are
`/news/<section>-<8 digits>` (older) or `/news/articles/<id>` (since 2023); video (`/av/`)
and live pages are denied. Fixtures: two 2019 stories from the Zyte benchmark (MIT).
"""

from __future__ import annotations

from newscrawl.spiders import NewsSpider


class BbcSpider(NewsSpider):
    name = "bbc"
    allowed_domains = ["bbc.com", "bbc.co.uk", "feeds.bbci.co.uk"]
    language = "en"

    news_sitemap_urls = ("https://www.bbc.com/sitemaps/https-index-com-news.xml",)
    sitemap_urls = ("https://www.bbc.com/robots.txt",)
    feed_urls = (
        "https://feeds.bbci.co.uk/news/rss.xml",
        "https://feeds.bbci.co.uk/news/world/rss.xml",
    )

    article_allow = (
        r"^https://www\.bbc\.(com|co\.uk)/news/[a-z_-]+-\d{8}$",
        r"^https://www\.bbc\.(com|co\.uk)/news/articles/c[a-z0-9]{10,}$",
    )
    article_deny = (r"/(av|live|videos)/",)
