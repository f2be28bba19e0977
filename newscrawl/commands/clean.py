"""Run newscrawl's text cleaners over a JSON Lines dataset made by any tool.

    newscrawl clean IN.jsonl -o OUT.jsonl [--field text] [--title-field title]
                                          [--authors-field authors]

Streams: one record in memory at a time, whatever the file's size; OUT is replaced only
once complete, so it may be IN. `-` reads standard input or writes standard output;
`.gz` files are read and written compressed. Lines that are not JSON objects, or whose
field is not a string, are copied unchanged and counted, so no record is ever lost; the
counts are printed at the end.

A record's authors (a list of names or of objects with a "name", or one string of names
parted by ";" as trafilatura writes them; `authors`, else `author`, unless
`--authors-field` names the field) let the cleaners remove their byline at the top and
their bio at the end, as the crawl does.

A file is read twice: first for its records' titles (`KnownHeadlines`, a few dozen bytes
a title), since a related-headline tail is made of other articles' titles and many of
them are in the same dataset; such a tail goes whatever its format. Standard input is
read once, without them; `--no-known-headlines` skips them for a file too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, cast

from newscrawl.cleaning import KnownHeadlines, clean_text
from newscrawl.core.atomic import replaced


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="JSON Lines file (.jsonl or .jsonl.gz), or - for stdin")
    parser.add_argument("-o", "--output", required=True, help="file to write, or - for stdout")
    parser.add_argument("--field", default="text", help="field holding the text (default: text)")
    parser.add_argument(
        "--title-field",
        default="title",
        help="field holding the headline, removed when it repeats as the first line "
        "(default: title; '' to disable)",
    )
    parser.add_argument(
        "--authors-field",
        default=None,
        help="field holding the authors: a list of names or of objects with a 'name', or "
        "one string parted by ';' (default: authors, else author; '' to disable)",
    )
    parser.add_argument(
        "--no-known-headlines",
        dest="known_headlines",
        action="store_false",
        help="do not read the file's titles first to recognise them in tails",
    )


def run(args: argparse.Namespace) -> int:
    counts: Counter[str] = Counter()
    try:
        known = _titles(args.input, args.title_field) if _reads_titles(args) else None
        with (
            _open(args.input, "r") as source,
            _replaced(args.output) as output,
            _open(output, "w", compressed=args.output.endswith(".gz")) as target,
        ):
            for line in source:
                target.write(
                    _clean_line(
                        line, args.field, args.title_field, counts, known, args.authors_field
                    )
                )
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        # A .gz cut short (a copy that did not finish): say so; the output is untouched.
        print(
            f"newscrawl clean: {args.input} is not a whole gzip file ({error}); "
            f"{counts['records']} records were read before it ended, and "
            f"{args.output} was not written",
            file=sys.stderr,
        )
        return 1
    print(_summary(counts, args.field), file=sys.stderr)
    return 0


@contextmanager
def _replaced(path: str) -> Iterator[str]:
    """Write to a temporary file next to `path`, moved over it only once complete (with
    the file's permissions): the output may be the input (`clean data.jsonl -o
    data.jsonl`), and a failed run must not leave half a dataset behind."""
    if path == "-":
        yield path
        return
    with replaced(path) as partial:
        yield str(partial)


def _reads_titles(args: argparse.Namespace) -> bool:
    return bool(args.known_headlines and args.title_field and args.input != "-")


def _titles(path: str, title_field: str) -> KnownHeadlines:
    """The titles of the file's records (a first pass; lines that are not records skipped)."""
    known = KnownHeadlines()
    with _open(path, "r") as source:
        for line in source:
            try:
                record: Any = json.loads(line, strict=False)
            except ValueError:
                continue
            title = record.get(title_field) if isinstance(record, dict) else None
            if isinstance(title, str):
                known.add(title)
    return known


def _clean_line(
    line: str,
    field: str,
    title_field: str,
    counts: Counter[str],
    known: KnownHeadlines | None = None,
    authors_field: str | None = None,
) -> str:
    if not line.strip():
        return line
    counts["records"] += 1
    try:
        # strict=False: a raw control character (a CR) inside a string is still text.
        record: Any = json.loads(line, strict=False)
    except ValueError:
        counts["not JSON, copied unchanged"] += 1
        return line if line.endswith("\n") else line + "\n"
    if not isinstance(record, dict) or not isinstance(record.get(field), str):
        counts[f"no string {field!r}, copied unchanged"] += 1
        return line if line.endswith("\n") else line + "\n"
    title = record.get(title_field) if title_field else None
    cleaned = clean_text(
        record[field],
        title=title if isinstance(title, str) else None,
        known=known,
        authors=_authors(record, authors_field),
    )
    if cleaned != record[field]:
        counts["cleaned"] += 1
        counts["characters removed"] += len(record[field]) - len(cleaned)
        record[field] = cleaned
    return json.dumps(record, ensure_ascii=False) + "\n"


#: Where datasets keep their authors when `--authors-field` does not say: newscrawl and
#: news-please write a list under "authors", trafilatura one string under "author".
_AUTHORS_FIELDS = ("authors", "author")


def _authors(record: dict[str, Any], field: str | None) -> list[str]:
    """The record's author names: a list of names or of objects with a "name" (schema.org's
    Person, Zyte API's authors), or one string of names parted by ";" (trafilatura's "Jane
    Doe; John Roe"); anything else names nobody."""
    value = record.get(field) if field else None
    if field is None:
        value = next((record[f] for f in _AUTHORS_FIELDS if record.get(f)), None)
    if isinstance(value, str):
        value = value.split(";")
    if not isinstance(value, list):
        return []
    # `clean_text` strips the names and drops what names nobody.
    names = (item.get("name") if isinstance(item, dict) else item for item in value)
    return [name for name in names if isinstance(name, str)]


def _summary(counts: Counter[str], field: str) -> str:
    parts = [f"{counts['records']} records", f"{counts['cleaned']} cleaned"]
    parts.append(f"{counts['characters removed']} characters removed from {field!r}")
    parts += [f"{n} {what}" for what, n in counts.items() if "unchanged" in what]
    return "newscrawl clean: " + ", ".join(parts)


@contextmanager
def _open(path: str, mode: str, compressed: bool | None = None) -> Iterator[IO[str]]:
    """Records are split at "\\n" only (newline="\\n"): a raw CR or U+2028 inside a
    record does not split it."""
    compressed = path.endswith(".gz") if compressed is None else compressed
    if path == "-":
        stream = sys.stdin if mode == "r" else sys.stdout
        stream.reconfigure(newline="\n")  # type: ignore[union-attr]
        yield stream
    elif compressed:
        with gzip.open(path, mode + "t", encoding="utf-8", newline="\n") as handle:
            yield cast("IO[str]", handle)
    else:
        with Path(path).open(mode, encoding="utf-8", newline="\n") as handle:
            yield handle
