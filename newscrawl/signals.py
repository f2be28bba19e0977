"""newscrawl's own Scrapy signals, so components that record a run (crawl state, summary)
learn about feed files and dropped pages without knowing who produced them.

Connect bound methods of live objects (`crawler.signals.connect(obj.method, signal=...)`):
Scrapy holds signal receivers weakly.
"""

from __future__ import annotations

#: A local feed file was opened for writing, before its first line is written.
#: Arguments: `path` (absolute `Path`), `format` (the feed format, "jsonlines"),
#: `line_safe` (True when every exported item is written as one whole line at once, so a
#: killed run leaves complete lines and at most one cut-off last line), `start` (the
#: file's size when opened: this run's lines come after it).
feed_file_opened = object()

#: The spider dropped an article request or response itself (not an item pipeline): a 404,
#: a non-HTML body. Arguments: `reason` (as in `newscrawl/dropped/<reason>`), `request`,
#: `response` (None when there was none).
page_dropped = object()
