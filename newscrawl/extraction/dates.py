"""Date normalization lives in `newscrawl.core.dates` (no Scrapy, no trafilatura); this
name stays for code that imports it from here. Importing it runs `newscrawl.extraction`
(trafilatura): light code imports `newscrawl.core.dates`."""

from __future__ import annotations

from newscrawl.core.dates import normalize_date, parse_datetime

__all__ = ["normalize_date", "parse_datetime"]
