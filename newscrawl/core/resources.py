"""Package data as real folders, wherever newscrawl is installed.

newscrawl ships data (the demo site, its TOML sites) inside the package and reads it with
`importlib.resources`, never `Path(__file__)`: scrapyd runs a project from a zipped egg,
where a module's `__file__` is a path inside a zip file. Files are read through the
resource API; a whole folder that another program must serve from disk (the demo site's
HTTP server) is copied out to a temporary folder when it is not on disk already.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from importlib.resources.abc import Traversable


def resource(package: str, *parts: str) -> Traversable:
    """A file or folder of a package's data."""
    found = files(package)
    for part in parts:
        found = found / part
    return found


@contextmanager
def as_folder(folder: Traversable) -> Iterator[Path]:
    """`folder` as a folder on disk: itself when installed as files, else a temporary copy
    (removed on exit). `importlib.resources.as_file` copies folders only from Python 3.12."""
    if isinstance(folder, Path):
        yield folder
        return
    if not folder.is_dir():
        raise FileNotFoundError(f"package folder not found: {folder}")
    temporary = Path(tempfile.mkdtemp(prefix="newscrawl-"))
    try:
        _copy(folder, temporary)
        yield temporary
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _copy(source: Traversable, target: Path) -> None:
    for entry in source.iterdir():
        if entry.is_dir():
            (target / entry.name).mkdir()
            _copy(entry, target / entry.name)
        else:
            (target / entry.name).write_bytes(entry.read_bytes())
