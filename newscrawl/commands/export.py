"""Build a dataset from many run files: merge, filter, deduplicate, split, sort, write.

    newscrawl export RUN_FILES_OR_DIRS... -o OUT [--format jsonl|jsonl.gz|parquet]
        [--dedup exact|near|none] [--keep-duplicates] [--site S ...] [--language L ...]
        [--since DATE] [--until DATE] [--min-words N] [--sort published|url|none]
        [--split train=0.8,valid=0.1,test=0.1] [--split-by hash|date] [--card CARD.md]

Streams: records flow one at a time through filters, the duplicate index (a SQLite file in
a temporary folder) and the writers; the sorts are external merge sorts over temporary
files; so memory stays flat however large the input. Filters run before deduplication, so
a record left out never hides a copy that is kept. The first copy of a story is the
earliest published (ties and undated records: in reading order), so deduplication reads the
records in publication order; the output is then in that order unless `--sort url` asks
otherwise.
"""

from __future__ import annotations

import argparse
import logging
import os
import shlex
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from newscrawl import __version__
from newscrawl.core.atomic import replaced
from newscrawl.dataset.card import CardFacts, Tally, render
from newscrawl.dataset.inputs import find_run_files, read_records
from newscrawl.dataset.probes import probed
from newscrawl.dataset.select import Selection, instant_key
from newscrawl.dataset.sorting import external_sort
from newscrawl.dataset.split import Split
from newscrawl.dataset.writers import SUFFIXES, Outputs, infer_format
from newscrawl.dedup import SqliteDuplicateIndex

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from newscrawl.dataset.inputs import Record
    from newscrawl.dedup import DuplicateIndex, Probe

logger = logging.getLogger(__name__)

#: How each kind of duplicate match is named in counts and in the card.
DUPLICATE_KINDS = {"key": "same URL", "exact": "same text", "near": "near-duplicate text"}
# Working fields carried on a record between stages; never written.
_SPLIT, _KIND = "\x00split", "\x00duplicate_kind"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "inputs", nargs="+", help="run files (.jsonl, .jsonl.gz) or folders searched recursively"
    )
    parser.add_argument("-o", "--output", required=True, help="file to write (see --split)")
    parser.add_argument(
        "--format", choices=list(SUFFIXES), help="default: from OUT's suffix, else jsonl"
    )
    parser.add_argument(
        "--dedup",
        choices=["near", "exact", "none"],
        default="near",
        help="near: same URL, same text or near-duplicate text (default); exact: same URL "
        "or same text; none: keep everything",
    )
    parser.add_argument(
        "--keep-duplicates",
        action="store_true",
        help="keep duplicates, with duplicate_of set to the first copy's canonical URL",
    )
    parser.add_argument("--site", nargs="+", action="extend", help="keep only these sites")
    parser.add_argument(
        "--language", nargs="+", action="extend", help="keep only these languages (ISO 639-1)"
    )
    parser.add_argument("--since", help="keep articles published at or after this (ISO 8601)")
    parser.add_argument(
        "--until", help="keep articles published at or before this (a bare date: that whole day)"
    )
    parser.add_argument("--min-words", type=int, default=0, help="keep articles this long")
    parser.add_argument(
        "--sort",
        choices=["published", "url", "none"],
        default="published",
        help="order of records in each file (default: published, undated last)",
    )
    parser.add_argument(
        "--split", help="write one file per split, e.g. train=0.8,valid=0.1,test=0.1"
    )
    parser.add_argument(
        "--split-by",
        choices=["hash", "date"],
        default="hash",
        help="hash: by canonical URL, stable across exports (default); date: oldest to the "
        "first split, newest to the last",
    )
    parser.add_argument("--card", help="write a Markdown dataset card here")
    parser.add_argument("--temp-dir", help="folder for temporary files (default: the system's)")
    parser.add_argument(
        "--jobs",
        type=int,
        default=max((os.cpu_count() or 1) - 1, 0),
        help="worker processes that fingerprint texts for --dedup near "
        "(default: one per core but one; 0: none)",
    )


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if args.min_words < 0 or args.jobs < 0:
        raise ValueError("--min-words and --jobs must be 0 or more")
    selection = Selection.from_arguments(
        args.site, args.language, args.since, args.until, args.min_words
    )
    split = Split.parse(args.split) if args.split else None
    fmt = args.format or infer_format(args.output)
    outputs = Outputs(args.output, fmt)
    # A folder search never picks up this export's own output (a file named as an input
    # is read: it is replaced only once the export is complete).
    own = outputs.all_paths(tuple(split.names) if split else None)
    named = {Path(p).resolve() for p in args.inputs}
    files = [f for f in find_run_files(args.inputs) if f.resolve() not in own - named]
    if not files:
        raise FileNotFoundError(f"no run files (*.jsonl, *.jsonl.gz) in {' '.join(args.inputs)}")

    skipped: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    per_file: dict[str, int] = {}
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="newscrawl-export-", dir=args.temp_dir) as tmp:
        index = (
            None
            if args.dedup == "none"
            else SqliteDuplicateIndex(
                Path(tmp) / "dedup.sqlite", near=args.dedup == "near", batch_size=10_000
            )
        )
        try:
            records = _select(read_records(files, skipped, per_file), selection, dropped)
            in_date_order = False
            if index is not None:
                records = external_sort(records, _published, tmp)
                in_date_order = True
                pairs = probed(records, index.fingerprinter, args.jobs)
                records = _deduplicate(pairs, index, args.keep_duplicates, dropped)
            if split is not None and args.split_by == "date":
                if not in_date_order:
                    records = external_sort(records, _published, tmp)
                    in_date_order = True
                records = _mark(split.by_date(records, tmp))
            elif split is not None:
                records = _mark((split.by_hash(r), r) for r in records)
            if args.sort == "url":
                records = external_sort(records, _url, tmp)
            elif args.sort == "published" and not in_date_order:
                records = external_sort(records, _published, tmp)
            for record in records:
                kind = record.pop(_KIND, None)
                tally.add(record, _published(record), kind)
                outputs.write(record, record.pop(_SPLIT, None))
        except BaseException:
            outputs.abort()
            raise
        else:
            outputs.close()
        finally:
            if index is not None:
                index.close()

    paths = outputs.paths()
    written = {  # in the split's order, not the order files were opened
        part: (str(paths[part]), outputs.counts[part])
        for part in (split.names if split else (None,))
        if part in paths
    }
    print(
        _summary(per_file, written, skipped, dropped, time.perf_counter() - started),
        file=sys.stderr,
    )
    if args.card:
        facts = CardFacts(
            command=shlex.join(getattr(args, "command_line", None) or ["newscrawl", *sys.argv[1:]]),
            version=__version__,
            made_at=datetime.now(UTC).isoformat(timespec="seconds"),
            inputs=per_file,
            outputs=written,
            skipped=skipped,
            dropped=dropped,
            tally=tally,
            method=_method(args, fmt, selection, split),
            card=args.card,
        )
        with replaced(args.card) as card:
            card.write_text(render(facts), encoding="utf-8")
    return 0


def _published(record: Record) -> str:
    return instant_key(record.get("published"))


def _url(record: Record) -> str:
    return str(record.get("canonical_url") or record["url"])


def _select(
    records: Iterable[Record], selection: Selection, dropped: Counter[str]
) -> Iterator[Record]:
    for record in records:
        reason = selection.reject(record)
        if reason is None:
            yield record
        else:
            dropped[reason] += 1


def _deduplicate(
    pairs: Iterable[tuple[Record, Probe]],
    index: DuplicateIndex,
    keep: bool,
    dropped: Counter[str],
) -> Iterator[Record]:
    for record, probe in pairs:
        match = index.duplicate_of(_url(record), record["text"], probe=probe)
        if match is None:
            record["duplicate_of"] = None
            yield record
        elif keep:
            record["duplicate_of"] = match.first
            record[_KIND] = DUPLICATE_KINDS[match.kind]
            yield record
        else:
            dropped[f"duplicate: {DUPLICATE_KINDS[match.kind]}"] += 1


def _mark(pairs: Iterable[tuple[str, Record]]) -> Iterator[Record]:
    for name, record in pairs:
        record[_SPLIT] = name
        yield record


def _summary(
    per_file: dict[str, int],
    written: dict[str | None, tuple[str, int]],
    skipped: Counter[str],
    dropped: Counter[str],
    seconds: float,
) -> str:
    read = sum(per_file.values())
    lines = [
        f"newscrawl export: {read} records read from {len(per_file)} files, "
        f"{sum(n for _, n in written.values())} written in {seconds:.1f}s"
    ]
    lines += [f"  {path}: {count}" for path, count in written.values()]
    lines += [f"  skipped, {reason}: {count}" for reason, count in sorted(skipped.items())]
    lines += [f"  dropped, {reason}: {count}" for reason, count in sorted(dropped.items())]
    return "\n".join(lines)


def _method(
    args: argparse.Namespace, fmt: str, selection: Selection, split: Split | None
) -> list[str]:
    steps = [
        "Read the input files in order (arguments as given, folders searched recursively, "
        "files sorted by path); lines that are not JSON objects with a string `url` and "
        "`text`, and last lines cut short by a killed run, are skipped and counted.",
    ]
    filters = []
    if selection.sites:
        filters.append("site in " + ", ".join(sorted(selection.sites)))
    if selection.languages:
        filters.append("language in " + ", ".join(sorted(selection.languages)))
    if selection.since:
        filters.append(f"published at or after {selection.since.isoformat()}")
    if selection.until:
        filters.append(f"published at or before {selection.until.isoformat()}")
    if selection.min_words:
        filters.append(f"at least {selection.min_words} words")
    steps.append("Kept: " + ("; ".join(filters) if filters else "every record") + ".")
    if args.dedup == "none":
        steps.append("No deduplication.")
    else:
        what = "the same canonical URL or the same normalized text (`content_hash`)"
        if args.dedup == "near":
            what += (
                ", or near-duplicate text (MinHash of word 3-shingles, estimated Jaccard "
                "similarity at least 0.5; see `newscrawl.dedup`)"
            )
        fate = (
            "kept with `duplicate_of` set to the first copy's canonical URL"
            if args.keep_duplicates
            else "dropped"
        )
        steps.append(
            f"Duplicates — {what} — {fate}. The first copy is the earliest published "
            "(ties and undated records: in reading order)."
        )
    if split is not None:
        shares = ", ".join(f"{n} {s:g}" for n, s in zip(split.names, split.shares, strict=True))
        how = (
            "by the SHA-1 of the canonical URL (stable across exports)"
            if args.split_by == "hash"
            else "by publication date, oldest first"
        )
        steps.append(f"Split {how}: {shares}.")
    order = {"published": "publication time (UTC), undated last", "url": "canonical URL"}
    steps.append(f"Sorted by {order.get(args.sort, 'nothing (reading order)')}; format {fmt}.")
    return steps
