"""Find run files and read their records, surviving what crashed runs leave behind.

A crawl killed mid-write leaves a last line cut short (or a gzip stream without its end);
an old or foreign file may hold lines that are not JSON objects. None of that stops a
read: the line (or the rest of the gzip stream) is skipped and counted by reason, and the
counts end up in the export summary and the dataset card.
"""

from __future__ import annotations

import gzip
import json
import logging
import zlib
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from collections import Counter
    from collections.abc import Iterable, Iterator

logger = logging.getLogger(__name__)

#: File names read from directories (files named on the command line are read whatever
#: their name; `.gz` means gzip).
RUN_FILE_SUFFIXES = (".jsonl", ".jsonl.gz", ".jl", ".jl.gz")

Record = dict[str, Any]


def find_run_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to read, in a deterministic order: arguments in the order given, each
    directory searched recursively with its files sorted by path. A file reached twice is
    read once."""
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = sorted(
                p for p in path.rglob("*") if p.is_file() and p.name.endswith(RUN_FILE_SUFFIXES)
            )
        elif path.is_file():
            candidates = [path]
        else:
            raise FileNotFoundError(f"no such file or directory: {path}")
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append(candidate)
    return found


def read_records(
    files: Iterable[Path], skipped: Counter[str], per_file: dict[str, int] | None = None
) -> Iterator[Record]:
    """Every JSON object with a string `url` and `text`, file after file; everything else
    is skipped and counted in `skipped` by reason. `per_file` receives records read per file."""
    for path in files:
        count = 0
        with _open(path) as handle:
            try:
                for raw in handle:
                    record = _parse(raw, skipped)
                    if record is not None:
                        count += 1
                        yield record
            except (EOFError, zlib.error, gzip.BadGzipFile) as error:
                skipped["gzip stream cut short or corrupt (rest of file)"] += 1
                logger.warning("%s: %s; records before it were read", path, error)
        if per_file is not None:
            per_file[str(path)] = count
        logger.info("%s: %d records", path, count)


def _parse(raw: bytes, skipped: Counter[str]) -> Record | None:
    if not raw.strip():
        return None
    complete = raw.endswith(b"\n")
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        skipped["not UTF-8"] += 1
        return None
    except ValueError:
        skipped["invalid JSON" if complete else "truncated last line"] += 1
        return None
    if not isinstance(record, dict):
        skipped["not a JSON object"] += 1
        return None
    if not isinstance(record.get("url"), str) or not isinstance(record.get("text"), str):
        skipped["no string url or text"] += 1
        return None
    return record


def _open(path: Path) -> IO[bytes]:
    if path.name.endswith(".gz"):
        return cast("IO[bytes]", gzip.open(path, "rb"))
    return path.open("rb")
