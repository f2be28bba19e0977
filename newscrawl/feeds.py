"""A local feed storage that survives `kill -9`: every item reaches the file whole, at once.

Scrapy's `FileFeedStorage` writes through an 8 KiB buffer, so a run killed mid-way loses
the buffered items and may leave half a JSON line in the file. This storage flushes after
every write the exporter makes; the JSON Lines exporter makes one write per item, so the
file only ever ends between lines, or (killed inside that one write) in a cut-off last
line that the next run's recovery removes (`newscrawl.state.recovery`).

It also announces every file it opens (`newscrawl.signals.feed_file_opened`), so the crawl
state knows which file holds which run's articles, and the run summary where to go.
The add-on installs it for `file://` URIs and plain paths.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy.extensions.feedexport import FileFeedStorage

from newscrawl import signals

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler

#: Feed formats whose exporter writes one whole line per item.
LINE_FORMATS = frozenset({"jsonlines", "jsonl", "jl"})


class _FlushingWriter(io.BufferedWriter):
    """A buffered file that empties its buffer after every write: one item, one write(2)
    (the buffer still turns a partial write into a retry, which a raw file would not)."""

    def write(self, data: Any) -> int:
        written = super().write(data)
        self.flush()
        return written


class LineFileFeedStorage(FileFeedStorage):
    """`FileFeedStorage` that writes each item through to the file and announces it."""

    def __init__(
        self,
        uri: str,
        *,
        feed_options: dict[str, Any] | None = None,
        crawler: Crawler | None = None,
    ) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.feed_options = feed_options or {}
        self.crawler = crawler

    @classmethod
    def from_crawler(
        cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None
    ) -> Self:
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def open(self, spider: Spider) -> Any:
        path = Path(self.path).resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = "w" if self.write_mode.startswith("w") else "a"
        file = _FlushingWriter(io.FileIO(path, mode))
        if self.crawler is not None:
            format_ = str(self.feed_options.get("format", ""))
            self.crawler.signals.send_catch_log(
                signal=signals.feed_file_opened,
                path=path,
                format=format_,
                # Post-processing (gzip, ...) buffers inside the compressor: not line-safe.
                line_safe=format_ in LINE_FORMATS and not self.feed_options.get("postprocessing"),
                start=file.seek(0, io.SEEK_END),
            )
        return file
