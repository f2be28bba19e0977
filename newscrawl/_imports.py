"""Optional dependencies, imported in one place with a message naming the extra to install."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType


class MissingExtra(ImportError):
    """A feature needs an optional dependency that is not installed."""


def require(module: str, extra: str, feature: str) -> ModuleType:
    """Import `module` or say which newscrawl extra provides it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtra(
            f"{feature} needs {module.split('.')[0]}: pip install 'newscrawl[{extra}]'"
        ) from error


def pyarrow() -> tuple[ModuleType, ModuleType]:
    """`pyarrow` and `pyarrow.parquet`, for Parquet output (extra `parquet`)."""
    return (
        require("pyarrow", "parquet", "Parquet output"),
        require("pyarrow.parquet", "parquet", "Parquet output"),
    )
