"""A local feed storage that survives `kill -9`: every item reaches the file whole, at once.

Scrapy's `FileFeedStorage` writes through an 8 KiB buffer, so a run killed mid-way loses
the buffered items and may leave half a JSON line in the file. This storage flushes after
every write the exporter makes; the JSON Lines exporter makes one write per item, so the
file only ever ends between lines, or (killed inside that one write) in a cut-off last
line that the next run's recovery removes (`newscrawl.state.recovery`).

It also announces every file it opens (`newscrawl.crawl.signals.feed_file_opened`), so the crawl
state knows which file holds which run's articles, and the run summary where to go.
The add-on installs it for `file://` URIs and plain paths.
"""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter, is_item
from scrapy import signals as scrapy_signals
from scrapy.exporters import (
    CsvItemExporter,
    JsonItemExporter,
    JsonLinesItemExporter,
    XmlItemExporter,
)
from scrapy.extensions.feedexport import FeedExporter as ScrapyFeedExporter
from scrapy.extensions.feedexport import FeedSlot, FileFeedStorage, apply_uri_params
from scrapy.utils.defer import deferred_from_coro, ensure_awaitable

from newscrawl.crawl import signals

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

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


# Exporters: the Article schema in every format.


def _fields(item: Any) -> Any:
    """The item as a plain dict of the fields it has: an `Article`'s optional fields
    (`removed`, `duplicate_of`) are unset attributes, which itemadapter's `in` does not
    survive once `FEED_EXPORT_FIELDS` names them (every CSV row failed on 'removed')."""
    return ItemAdapter(item).asdict() if is_item(item) and not isinstance(item, dict) else item


class JsonLinesExporter(JsonLinesItemExporter):
    def export_item(self, item: Any) -> None:
        super().export_item(_fields(item))


class JsonExporter(JsonItemExporter):
    def export_item(self, item: Any) -> None:
        super().export_item(_fields(item))


class XmlExporter(XmlItemExporter):
    """Lists as `<value>` elements (Scrapy's XML), `removed` as an element per stage; a
    null field is an empty element, not the text "None"."""

    def export_item(self, item: Any) -> None:
        super().export_item(_fields(item))

    def serialize_field(self, field: Any, name: str, value: Any) -> Any:
        return "" if value is None else super().serialize_field(field, name, value)


class CsvExporter(CsvItemExporter):
    """One row per article, the columns of `FEED_EXPORT_FIELDS`; lists (authors, tags)
    joined with "; " (names hold commas: "Holt, Maren"), `removed` as JSON."""

    def __init__(self, file: Any, **kwargs: Any) -> None:
        kwargs.setdefault("join_multivalued", LIST_SEPARATOR)
        super().__init__(file, **kwargs)

    def export_item(self, item: Any) -> None:
        super().export_item(_fields(item))

    def serialize_field(self, field: Any, name: str, value: Any) -> Any:
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False)
        return super().serialize_field(field, name, value)


#: How the CSV exporter joins a list field.
LIST_SEPARATOR = "; "

#: Feed format -> exporter (the add-on installs them; a project's own win).
EXPORTERS = {
    "jsonlines": JsonLinesExporter,
    "jsonl": JsonLinesExporter,
    "jl": JsonLinesExporter,
    "json": JsonExporter,
    "xml": XmlExporter,
    "csv": CsvExporter,
}

#: Output suffixes `scrapy crawl -o` reads a format from, compressed with gzip when
#: followed by `.gz` (`-O out.jsonl.gz`).
GZIP_SUFFIXES = {
    ".jsonl.gz": "jsonlines",
    ".jl.gz": "jsonlines",
    ".json.gz": "json",
    ".csv.gz": "csv",
    ".xml.gz": "xml",
}
GZIP_PLUGIN = "scrapy.extensions.postprocessing.GzipPlugin"


# Written, or not: what counts as exported.


class FeedExporter(ScrapyFeedExporter):
    """Scrapy's feed exporter, saying which articles the feed storage holds.

    An article counts as exported once its line is in the feed, not when it is scraped:
    after each item, `newscrawl.crawl.signals.item_stored` (every feed that takes it holds it)
    or `item_store_failed` (a feed could not write it: the exporter raised, the disk is
    full). A local file written through this module's storage holds an item as soon as
    the exporter has written it; any other feed (gzip, S3, FTP, stdout) only once it is
    closed and stored, so its items are announced then, stored or failed together.

    A failure is logged as an ERROR with the item's URL and counted
    (`newscrawl/feed/failed`), never lets one feed's error skip another feed, and an
    error of the storage (OSError: a full disk) stops the crawl: every later article
    would be fetched for nothing.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        #: id(slot) -> URLs of the items a buffering feed holds until it is stored.
        self._unstored: dict[int, list[str]] = {}
        self._storage_failed = False

    def item_scraped(self, item: Any, spider: Spider) -> None:
        url = str(getattr(item, "url", "") or ItemAdapter(item).get("url") or "")
        error: BaseException | None = None
        buffered = []
        slots = []
        for slot in self.slots:
            if not slot.filter.accepts(item):
                slots.append(slot)
                continue
            try:
                slot.start_exporting()
                assert slot.exporter is not None
                slot.exporter.export_item(item)
            except Exception as failure:
                error = error or failure
                self._failed(slot, url, failure)
                slots.append(slot)
                continue
            slot.itemcount += 1
            if not _writes_through(slot):
                buffered.append(slot)
            slots.append(self._next_batch(slot, spider))
        self.slots = slots
        if error is not None:
            self._announce(signals.item_store_failed, url, error)
        elif buffered:
            for slot in buffered:
                self._unstored.setdefault(id(slot), []).append(url)
        else:
            self._announce(signals.item_stored, url)

    def _next_batch(self, slot: FeedSlot, spider: Spider) -> FeedSlot:
        """`FEED_EXPORT_BATCH_ITEM_COUNT`: close a full batch and start the next one."""
        count = self.feeds[slot.uri_template]["batch_item_count"]
        if not count or slot.itemcount < count:
            return slot
        params = self._get_uri_params(spider, self.feeds[slot.uri_template]["uri_params"], slot)
        self._schedule_slot_close(slot, spider)
        return self._start_new_batch(
            batch_id=slot.batch_id + 1,
            uri=apply_uri_params(slot.uri_template, params),
            feed_options=self.feeds[slot.uri_template],
            spider=spider,
            uri_template=slot.uri_template,
        )

    async def _close_slot(self, slot: FeedSlot, spider: Spider) -> None:
        """Scrapy's slot closing (2.19), which logs a failed store and goes on; here its
        outcome also decides whether the items the feed buffered count as exported."""
        urls = self._unstored.pop(id(slot), [])
        if slot.itemcount:
            slot.finish_exporting()
        elif slot.store_empty and slot.batch_id == 1:
            slot.start_exporting()
            slot.finish_exporting()
        else:
            return
        logmsg = f"{slot.format} feed ({slot.itemcount} items) in: {slot.uri}"
        slot_type = type(slot.storage).__name__
        assert self.crawler.stats is not None
        try:
            await ensure_awaitable(slot.storage.store(self._get_file(slot)))
        except Exception as error:
            logger.error("Error storing %s", logmsg, exc_info=True, extra={"spider": spider})
            self.crawler.stats.inc_value(f"feedexport/failed_count/{slot_type}")
            for url in urls:
                self._announce(signals.item_store_failed, url, error)
        else:
            logger.info("Stored %s", logmsg, extra={"spider": spider})
            self.crawler.stats.inc_value(f"feedexport/success_count/{slot_type}")
            for url in urls:
                self._announce(signals.item_stored, url)
        await self.crawler.signals.send_catch_log_async(scrapy_signals.feed_slot_closed, slot=slot)

    def _failed(self, slot: FeedSlot, url: str, error: Exception) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("newscrawl/feed/failed")
        logger.error(
            "Could not write %s to the feed %s (%s: %s): it is not exported, and the next "
            "run fetches it again",
            url,
            slot.uri,
            type(error).__name__,
            error,
            exc_info=not isinstance(error, OSError),
        )
        if isinstance(error, OSError) and not self._storage_failed:
            self._storage_failed = True
            logger.error("The feed storage failed: stopping the crawl")
            assert self.crawler.engine is not None
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="feed_storage_failed"))

    def _announce(self, signal: object, url: str, error: BaseException | None = None) -> None:
        kwargs: dict[str, Any] = {"url": url}
        if error is not None:
            kwargs["error"] = error
        self.crawler.signals.send_catch_log(signal=signal, **kwargs)


def _writes_through(slot: FeedSlot) -> bool:
    """Whether the slot's file holds an item as soon as the exporter wrote it."""
    return isinstance(slot.storage, LineFileFeedStorage) and not slot.feed_options.get(
        "postprocessing"
    )
