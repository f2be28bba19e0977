"""Leftover lines: what the cleaners let through, by the sites it is found on.

    python benchmarks/quality.py --dump /tmp/q/raw
    python benchmarks/quality.py --plain-markup --dump /tmp/q/pm
    python benchmarks/leftovers.py /tmp/q/raw /tmp/q/pm            # lines of 100 chars at most
    python benchmarks/leftovers.py /tmp/q/raw --min-sites 2 --where top

Reads the per-page outputs that `quality.py --dump` writes (any systems, any of its modes)
and lists the output lines that are in no gold body's text: the site chrome, bylines,
dates and widget labels that got through. Lines are grouped as written, digits aside
("Updated 3 min ago" and "Updated 12 min ago" are one), with the sites they were found on
and the dumps that held them, most sites first.

This is where a generic rule starts, not its proof: a line on one site belongs in that
site's module, a kind of line needs at least three sites (`rule_usage.py` counts them
once the rule exists), and a line some gold body keeps elsewhere is left out here for
that reason. `--where` picks the lines above the article's first line ("top", the first
four lines), between its paragraphs ("middle") or after them ("end", the last six).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from devsets import SETS, load

_WHERE = ("any", "top", "middle", "end")
_TOP_LINES = 4
_END_LINES = 6
_NOT_WORD = re.compile(r"\W+")
_DIGITS = re.compile(r"\d+")


def _normal(text: str) -> str:
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def _placed(index: int, count: int, where: str) -> bool:
    if where == "top":
        return index < _TOP_LINES
    if where == "end":
        return index >= count - _END_LINES
    if where == "middle":
        return _TOP_LINES <= index < count - _END_LINES
    return True


def leftovers(
    dumps: Sequence[Path], *, max_chars: int, where: str
) -> dict[str, tuple[str, set[str], set[str]]]:
    """Each leftover line's key: an example of it, its sites, the dumps that held it."""
    pages = {page.id: page for name in SETS for page in load(name)}
    golds = {page_id: _normal(page.truth) for page_id, page in pages.items()}
    found: dict[str, tuple[str, set[str], set[str]]] = {}
    for dump in dumps:
        for path in sorted(dump.glob("*.jsonl")):
            for row in path.read_text("utf-8").splitlines():
                record = json.loads(row)
                page = pages.get(record["id"])
                if page is None:
                    continue
                lines = [line.strip() for line in record["text"].split("\n") if line.strip()]
                for index, line in enumerate(lines):
                    normal = _normal(line)
                    if (
                        len(line) > max_chars
                        or not normal
                        or normal in golds[page.id]
                        or not _placed(index, len(lines), where)
                    ):
                        continue
                    key = _DIGITS.sub("0", normal)
                    _, sites, sources = found.setdefault(key, (line, set(), set()))
                    sites.add(page.site)
                    sources.add(f"{dump.name}/{path.stem}")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dumps", nargs="+", type=Path, help="directories quality.py dumped to")
    parser.add_argument("--max-chars", type=int, default=100, help="longest line to list")
    parser.add_argument("--min-sites", type=int, default=1, help="list lines on this many sites")
    parser.add_argument("--where", choices=_WHERE, default="any")
    args = parser.parse_args(argv)
    found = leftovers(args.dumps, max_chars=args.max_chars, where=args.where)
    rows = sorted(found.values(), key=lambda row: (-len(row[1]), row[0]))
    print("| sites | line | found on | dumps |")
    print("|---|---|---|---|")
    for example, sites, sources in rows:
        if len(sites) < args.min_sites:
            continue
        shown = example.replace("|", "\\|")
        on, held = ", ".join(sorted(sites)), ", ".join(sorted(sources))
        print(f"| {len(sites)} | {shown} | {on} | {held} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
