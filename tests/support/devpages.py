"""The fixed sample of real dev-set pages in `fixtures/devpages/` (see
`tools/copy_dev_sample.py`): Zyte benchmark and fundus-dev pages with their gold bodies."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).parents[1] / "fixtures" / "devpages"
SETS = ("zyte", "fundus")


@dataclass(frozen=True)
class DevPage:
    set: str
    id: str
    url: str
    html: str
    body: str


@cache
def pages(name: str) -> tuple[DevPage, ...]:
    folder = FOLDER / name
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    return tuple(
        DevPage(
            name,
            page_id,
            entry["url"],
            gzip.decompress((folder / entry["file"]).read_bytes()).decode("utf-8"),
            entry["body"],
        )
        for page_id, entry in sorted(gold.items())
    )


def page(page_id: str) -> DevPage:
    """One sampled page by its id in its set."""
    for name in SETS:
        for candidate in pages(name):
            if candidate.id == page_id:
                return candidate
    raise KeyError(page_id)
