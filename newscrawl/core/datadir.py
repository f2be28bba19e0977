"""Where a crawl keeps its files: one rule for feeds, state, duplicates, locks and summaries."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings


def data_dir(settings: BaseSettings) -> Path:
    """`NEWSCRAWL_DATA_DIR` (relative to the working directory, as cron runs it)."""
    return Path(settings.get("NEWSCRAWL_DATA_DIR") or "data").expanduser()


def under_data_dir(settings: BaseSettings, path: str | Path) -> Path:
    """`path` itself when absolute (or `~/...`), else under the data folder."""
    resolved = Path(path).expanduser()
    return resolved if resolved.is_absolute() else data_dir(settings) / resolved
