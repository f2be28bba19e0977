"""Feed parts that fail on purpose, for `test_feeds.py` (loaded by the crawl subprocess
from `tests/`, with `PYTHONPATH`)."""

from __future__ import annotations

from typing import Any

from newscrawl.crawl.feeds import JsonLinesExporter


class FailingExporter(JsonLinesExporter):
    """Fails on every article whose URL contains "-1.html" (one of five): a bug in an
    exporter, or a value it cannot write."""

    def export_item(self, item: Any) -> None:
        if "-1.html" in item.url:
            raise AttributeError("'Article' object has no attribute 'removed'")
        super().export_item(item)
