"""newscrawl's own Scrapy signals, so components that record a run (crawl state, summary,
site health) learn about feed files and dropped pages without knowing who produced them.

Connect bound methods of live objects (`crawler.signals.connect(obj.method, signal=...)`):
Scrapy holds signal receivers weakly, and passes each receiver only the arguments it takes.
"""

from __future__ import annotations

#: A local feed file was opened for writing, before its first line is written.
#: Arguments: `path` (absolute `Path`), `format` (the feed format, "jsonlines"),
#: `line_safe` (True when every exported item is written as one whole line at once, so a
#: killed run leaves complete lines and at most one cut-off last line), `start` (the
#: file's size when opened: this run's lines come after it).
feed_file_opened = object()

#: A page the spider gave up on before the item pipelines (Scrapy's `item_dropped` only
#: sees those): a 404, a non-HTML body, a download error, a truncated WARC record.
#: Arguments: `reason` (as in `newscrawl/dropped/<reason>`), `url`, `request` and
#: `response` (None when there was none: archived pages), `spider`.
page_dropped = object()

#: The feeds hold an exported item: every feed that takes it has written it (a local
#: file), or has been stored with it (gzip, S3, stdout: at the end of the run). Only now
#: does it count as exported. Arguments: `url` (the item's `url`).
item_stored = object()

#: A feed could not write an item, or store the file holding it (the exporter raised, the
#: disk is full, the upload failed): it is not exported, and the next run fetches it
#: again. Arguments: `url`, `error` (the exception).
item_store_failed = object()

#: A sitemap, feed or listing page that could not be read whole: its download failed, or
#: it is not a valid sitemap or feed, or it was read only in part (the sitemap limits).
#: Arguments: `reason` ("http_503", "download_error", "invalid_sitemap",
#: "sitemap_truncated", ...), `url`, `request`. The crawl state then does not keep it as
#: read, nor the sources that led to it, so the next run reads them again.
source_failed = object()
