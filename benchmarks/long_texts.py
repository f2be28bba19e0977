"""CPU of `clean_text` on long texts with many header-like lines, the cleaner's worst case.

A digest page ("Read more" under each of its items) gives the tail cleaner a header on
every other line: each round of `strip_tail` cuts one layer from the end, and every round
reads the lines under every header. This prints the CPU seconds for texts of N such items,
beside a text of the same length without header lines (the baseline: what the length
alone costs). Run it on two commits to compare them:

    python benchmarks/long_texts.py
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

from newscrawl import clean_text

_FIRST = "The article starts here, with a first paragraph of prose long enough to be one."
_ITEM = "A line of text that goes on for a while and ends with a stop."
_SHAPES = {
    "'Read more' + a line": ("Read more", _ITEM),
    "headline + summary + 'Read more'": ("Ferry service resumes", _ITEM, "Read more"),
    "baseline: lines alone": (_ITEM, _ITEM),
}


def cpu_seconds(text: str) -> float:
    start = time.process_time()
    clean_text(text)
    return time.process_time() - start


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", default="50,100,200,400", help="comma-separated item counts")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.items.split(",")]
    clean_text(_FIRST)  # the phrase lists compile on first use: not the texts' cost
    print("| text | " + " | ".join(f"{n} items" for n in counts) + " |")
    print("|---|" + "---|" * len(counts))
    for name, item in _SHAPES.items():
        seconds = [cpu_seconds("\n".join([_FIRST, *item * n])) for n in counts]
        cells = [f"{s:.2f} s" for s in seconds]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
