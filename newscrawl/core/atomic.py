"""Write a file whole or not at all: to a temporary file next to it, renamed over it once
complete. A reader never sees half a file, a failed write leaves the old file (or none),
and the output may be one of the inputs (`newscrawl clean data.jsonl -o data.jsonl`).
A file that is replaced keeps its permissions; a new one gets the usual ones (0666
less the umask), not the 0600 of a temporary file."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replaced(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `path`, on an exception it
    is deleted and `path` is left as it was."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    partial = Path(name)
    try:
        yield partial
        partial.chmod(_mode_for(target))
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class PendingFile:
    """`replaced` for a file whose writing spans calls: write `partial`, then `commit()`
    (renamed over `target`) or `abort()` (deleted)."""

    def __init__(self, target: str | Path) -> None:
        self.target = Path(target)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            dir=self.target.parent, prefix=f".{self.target.name}.", suffix=".tmp"
        )
        os.close(handle)
        self.partial = Path(name)

    def commit(self) -> None:
        self.partial.chmod(_mode_for(self.target))
        self.partial.replace(self.target)

    def abort(self) -> None:
        self.partial.unlink(missing_ok=True)
