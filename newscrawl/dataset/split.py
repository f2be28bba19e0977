"""Train/valid/test splits that do not move between exports.

* by hash: the SHA-1 of the canonical URL, read as a number in [0, 1), falls in one share;
  the same article lands in the same split in every export, whatever else the export holds.
* by date: records in publication order, the oldest share to the first split (train), the
  newest to the last (test); cut points are the shares of the record count, rounded.
  Records without a date count as the oldest.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from newscrawl.dataset.inputs import Record

_NAME = re.compile(r"^[A-Za-z0-9_]+$")


@dataclass(frozen=True)
class Split:
    """Named shares, in order (e.g. train 0.8, valid 0.1, test 0.1)."""

    names: tuple[str, ...]
    shares: tuple[float, ...]

    @classmethod
    def parse(cls, text: str) -> Split:
        """`train=0.8,valid=0.1,test=0.1`: names (letters, digits, `_`) and shares summing to 1."""
        names: list[str] = []
        shares: list[float] = []
        for part in text.split(","):
            name, _, share = part.partition("=")
            name = name.strip()
            try:
                value = float(share)
            except ValueError:
                raise ValueError(f"bad split {part!r}: write NAME=SHARE, e.g. train=0.8") from None
            if not _NAME.match(name) or name in names or not 0 < value <= 1:
                raise ValueError(f"bad split {part!r}: a new name and a share in (0, 1]")
            names.append(name)
            shares.append(value)
        if abs(sum(shares) - 1) > 1e-6:
            raise ValueError(f"split shares add up to {sum(shares):g}, not 1: {text!r}")
        return cls(tuple(names), tuple(shares))

    def by_hash(self, record: Record) -> str:
        url = record.get("canonical_url") or record["url"]
        digest = hashlib.sha1(str(url).encode("utf-8")).digest()
        point = int.from_bytes(digest[:8], "big") / 2**64
        total = 0.0
        for name, share in zip(self.names, self.shares, strict=True):
            total += share
            if point < total:
                return name
        return self.names[-1]

    def cut_points(self, count: int) -> list[int]:
        """For `count` records in date order: the index where each split ends."""
        cuts, total = [], 0.0
        for share in self.shares:
            total += share
            cuts.append(round(count * total))
        cuts[-1] = count
        return cuts

    def by_date(
        self, records: Iterable[Record], folder: str | Path | None = None
    ) -> Iterator[tuple[str, Record]]:
        """(split, record) for records already in date order. The cut points need the count,
        so the records are spilled to a temporary file once and read back."""
        spill = tempfile.mkdtemp(prefix="newscrawl-split-", dir=folder)  # see sorting.py
        try:
            path = Path(spill) / "records.jsonl"
            count = 0
            with path.open("w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    count += 1
            cuts = self.cut_points(count)
            part = 0
            with path.open(encoding="utf-8") as handle:
                for index, line in enumerate(handle):
                    while index >= cuts[part]:
                        part += 1
                    yield self.names[part], json.loads(line)
        finally:
            shutil.rmtree(spill, ignore_errors=True)
