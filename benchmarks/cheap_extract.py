"""A cheap stand-in for newscrawl's extraction, for `benchmarks/distributed.py` only.

The distributed benchmark measures the crawl machinery (queue, leases, state, duplicate
index, coordination) of up to 4 worker processes on a 2-core machine shared with others.
trafilatura costs tens of milliseconds of CPU per page; 4 workers would be measuring the
CPU, not the crawl. This pipeline (ITEM_PIPELINES order 100, in place of ExtractPipeline)
reads the synthetic site's pages with three regular expressions: title, publication
date, paragraphs of `<article>`. Everything after it is newscrawl's own: chrome and tail
cleaning, validation (word count, content hash) and the duplicate index with MinHash.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any
from urllib.parse import urlsplit

from newscrawl.items import Article, Page

_TITLE = re.compile(r"<h1>(.*?)</h1>", re.S)
_PUBLISHED = re.compile(r'"datePublished": "([^"]+)"')
_ARTICLE = re.compile(r"<article>(.*?)</article>", re.S)
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


class CheapExtractPipeline:
    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Page):
            return item
        html = item.html
        body = _ARTICLE.search(html)
        title = _TITLE.search(html)
        published = _PUBLISHED.search(html)
        text = "\n".join(unescape(p) for p in _PARAGRAPH.findall(body.group(1) if body else ""))
        return Article(
            url=item.url,
            canonical_url=item.url,
            site=urlsplit(item.url).hostname or "",
            title=unescape(title.group(1)) if title else None,
            published=published.group(1) if published else None,
            language="en",
            text=text,
            fetched_at=item.fetched_at,
            spider=item.spider,
        )
