"""External merge sort of records: memory bounded by a chunk size, not by the input.

Records are serialized once, collected into a chunk until it holds `chunk_bytes` of JSON,
sorted by a string key (ties keep arrival order), and spilled to a temporary file; the
sorted chunks are then streamed back through `heapq.merge`. A lone chunk never touches the
disk. Chunks are spilled uncompressed: the sort is CPU-bound, and temporary disk space
(about the input's uncompressed size) is cheaper than compressing it.
"""

from __future__ import annotations

import heapq
import json
import logging
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from newscrawl.dataset.inputs import Record

logger = logging.getLogger(__name__)

DEFAULT_CHUNK_BYTES = 64 * 1024 * 1024


def external_sort(
    records: Iterable[Record],
    key: Callable[[Record], str],
    folder: str | Path | None = None,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
) -> Iterator[Record]:
    """`records` sorted by `key` (stable), spilling sorted chunks under `folder`."""
    # mkdtemp + rmtree rather than TemporaryDirectory: a generator abandoned mid-way is
    # closed whenever it is collected, maybe after `folder` itself is gone.
    spill = tempfile.mkdtemp(prefix="newscrawl-sort-", dir=folder)
    try:
        chunks: list[Path] = []
        chunk: list[tuple[str, int, str]] = []
        size = 0
        for seq, record in enumerate(records):
            line = json.dumps(record, ensure_ascii=False)
            chunk.append((_clean_key(key(record)), seq, line))
            size += len(line) + 64
            if size >= chunk_bytes:
                chunks.append(_spill(chunk, Path(spill) / f"{len(chunks):06d}.txt"))
                chunk, size = [], 0
        if not chunks:
            chunk.sort()
            for _, _, line in chunk:
                yield json.loads(line)
            return
        if chunk:
            chunks.append(_spill(chunk, Path(spill) / f"{len(chunks):06d}.txt"))
        del chunk
        logger.info("merging %d sorted chunks", len(chunks))
        for line in heapq.merge(*(_lines(path) for path in chunks)):
            yield json.loads(line.split("\t", 2)[2])
    finally:
        shutil.rmtree(spill, ignore_errors=True)


# Spilled lines are "key TAB seq TAB record" and are merged as whole strings: a key must not
# hold a character that sorts before the tab (control characters become spaces).
_CONTROL = str.maketrans({code: " " for code in range(0x20)})


def _clean_key(key: str) -> str:
    return key.translate(_CONTROL)


def _spill(chunk: list[tuple[str, int, str]], path: Path) -> Path:
    chunk.sort()
    with path.open("w", encoding="utf-8") as handle:
        for key, seq, line in chunk:
            # The sequence number is fixed-width, so whole lines sort like (key, seq).
            handle.write(f"{key}\t{seq:012d}\t{line}\n")
    return path


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        yield from handle
