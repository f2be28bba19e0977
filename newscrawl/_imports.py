"""Optional dependencies, imported in one place.

A feature that needs an optional package calls `require(...)` when it starts (not at
import time), so newscrawl installs and runs without it, and a user who asks for the
feature gets one line naming the extra to install instead of a `ModuleNotFoundError`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

#: top-level package -> (extra that installs it, what needs it)
EXTRAS: dict[str, tuple[str, str]] = {
    "warcio": ("warc", "reading WARC files"),
    "pyarrow": ("parquet", "Parquet output"),
    "plotly": ("report", "newscrawl report"),
    "redis": ("redis", "distributed crawling (NEWSCRAWL_REDIS_URL)"),
    "scrapy_redis": ("redis", "distributed crawling (NEWSCRAWL_REDIS_URL)"),
}


class MissingExtraError(ImportError):
    """An optional dependency is not installed; the message says which extra installs it."""


def require(module: str) -> ModuleType:
    """Import `module` from an optional dependency, or raise `MissingExtraError`."""
    package = module.partition(".")[0]
    extra, feature = EXTRAS[package]
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtraError(
            f"{feature} needs the optional package {package!r}: pip install 'newscrawl[{extra}]'"
        ) from error


def pyarrow() -> tuple[ModuleType, ModuleType]:
    """`pyarrow` and `pyarrow.parquet`, for Parquet output (extra `parquet`)."""
    return require("pyarrow"), require("pyarrow.parquet")
