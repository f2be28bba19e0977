"""URL helpers live in `newscrawl.core.urls` (no Scrapy, no trafilatura); this name stays
for code that imports them from here."""

from __future__ import annotations

from newscrawl.core.urls import MAX_URL_LENGTH, canonicalize, host_of, http_url_problem

__all__ = ["MAX_URL_LENGTH", "canonicalize", "host_of", "http_url_problem"]
