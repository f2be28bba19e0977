"""newscrawl's own Scrapy signals.

Scrapy's `item_dropped` only sees pages that reached the item pipelines. Pages a spider
gives up on before that (not HTML, an HTTP 404, a download error, a truncated WARC record)
are announced with `page_dropped`, so per-site accounting (`newscrawl.health`) sees every
page, not only the ones that were extracted.
"""

from __future__ import annotations

#: Sent by `NewsSpider.drop_page(reason, url)`; receivers get `reason`, `url`, `spider`.
page_dropped = object()
