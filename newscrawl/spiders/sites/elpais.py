"""EL PAÍS (elpais.com): Spanish daily, in Spanish.

Sources: the front-page MRSS feed at feeds.elpais.com (`/mrss-s/pages/ep/site/elpais.com/
portada`), and the sitemaps robots.txt names. Article URLs carry the date as
`/2024-01-15/<slug>.html`, on elpais.com itself: the English and Brazilian editions
(english.elpais.com, brasil.elpais.com) are other languages. Videos are denied.
Fixture: a hand-made page in El País's article layout, with prose written for newscrawl.
"""

from __future__ import annotations

from newscrawl.spiders import NewsSpider


class ElpaisSpider(NewsSpider):
    name = "elpais"
    allowed_domains = ["elpais.com"]
    language = "es"

    feed_urls = ("https://feeds.elpais.com/mrss-s/pages/ep/site/elpais.com/portada",)
    sitemap_urls = ("https://elpais.com/robots.txt",)
    source_order = ("feed", "sitemap")

    article_allow = (r"^https://elpais\.com/[\w/-]+/\d{4}-\d{2}-\d{2}/[\w-]+\.html$",)
    article_deny = (r"^https://elpais\.com/videos/",)
