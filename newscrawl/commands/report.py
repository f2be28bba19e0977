"""Write one HTML report of a data folder's runs and articles.

    newscrawl report [DATA_DIR_OR_FILES...] -o report.html

Reads every run summary (`*.summary.json`) and feed (`*.jsonl`, `*.jsonl.gz`) under the
folders given (default: `data`), streaming, and writes one self-contained HTML file (no
network needed to open it): articles per site per day, pages, articles and drops per run,
characters of chrome and tail removed per site, site-health warnings over time, word
counts, languages, and a table per site. Needs Plotly: pip install 'newscrawl[report]'.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newscrawl import _imports


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="*",
        default=["data"],
        help="data folders (searched recursively) or files (default: data)",
    )
    parser.add_argument("-o", "--output", required=True, help="HTML file to write")


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    _imports.require("plotly")  # before reading everything: say what is missing first
    from newscrawl.report.collect import collect
    from newscrawl.report.render import render

    data = collect(args.inputs)
    page = render(data, args.inputs)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(f".{output.name}.tmp")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(output)  # a reader never opens half a report
    print(
        f"newscrawl report: {len(data.runs):,} runs, {data.records:,} articles from "
        f"{data.feeds:,} feed files, {len(data.sites):,} sites -> {output} "
        f"({len(page.encode('utf-8')) / 1e6:.1f} MB) in {time.perf_counter() - started:.1f}s",
        file=sys.stderr,
    )
    return 0
