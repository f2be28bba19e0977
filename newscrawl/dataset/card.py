"""The dataset card: a Markdown file saying what a dataset holds and how it was made.

It opens with a Hugging Face dataset-card YAML header (languages, size category, licence,
and `configs` naming the data files of each split), so the folder uploads as a dataset
repository with the card as its `README.md`, and `datasets.load_dataset` finds the splits.
The licence is `other`: newscrawl's licence covers the code, while the texts belong to
their publishers, and the card says so.

Then: counts per site (the largest `TOP_SITES`, then the rest in one row), language and
month, the publication date range, the share of records that have each field, what was
left out and why, the fields' meanings and how the dataset was made. Field descriptions
come from one place, the `#:` comments on `newscrawl.items.Article` (read from its source,
as Sphinx does), so the card never drifts from the schema.
"""

from __future__ import annotations

import inspect
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newscrawl import items
from newscrawl.dataset.select import UNDATED
from newscrawl.dataset.writers import EXPORT_FIELDS, infer_format, project

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from newscrawl.dataset.inputs import Record

_FIELD = re.compile(r"^\s{4}(\w+):")
_DOC = re.compile(r"^\s{4}#:\s?(.*)$")

#: Fields the export adds to `Article`.
EXPORT_ONLY_FIELDS = {
    "duplicate_of": "Only with `--keep-duplicates`: URL (canonical) of the first copy of this "
    "article in the dataset (earliest published, else first read); null for a first copy.",
}


def field_descriptions() -> dict[str, str]:
    """Field name -> description, from the `#:` comments of `Article`."""
    descriptions: dict[str, str] = {}
    comment: list[str] = []
    for line in inspect.getsource(items.Article).splitlines():
        if doc := _DOC.match(line):
            comment.append(doc.group(1).strip())
        elif name := _FIELD.match(line):
            if comment:
                descriptions[name.group(1)] = " ".join(comment)
            comment = []
        else:
            comment = []
    return descriptions


#: Sites listed one by one in the card; the others share one row.
TOP_SITES = 25

#: Hugging Face's `size_categories`, by upper bound (exclusive) of the record count.
SIZE_CATEGORIES = (
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
    (100_000_000, "10M<n<100M"),
    (1_000_000_000, "100M<n<1B"),
)

LICENCE_NOTE = (
    "The texts, titles and images belong to their publishers: the licence of the code "
    "that collected them (newscrawl, MIT) does not extend to them. Check each site's terms "
    "before you share or train on this dataset."
)


@dataclass
class Tally:
    """Counts over the written records."""

    sites: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    months: Counter[str] = field(default_factory=Counter)
    duplicates_kept: Counter[str] = field(default_factory=Counter)
    #: Records with a value (not null, empty text or empty list) in each exported field.
    fields: Counter[str] = field(default_factory=Counter)
    records: int = 0
    #: Earliest and latest publication instant (`instant_key` form), None when no dates.
    first: str | None = None
    last: str | None = None

    def add(self, record: Record, instant_key: str, duplicate_kind: str | None) -> None:
        self.records += 1
        self.sites[str(record.get("site") or "unknown")] += 1
        self.languages[str(record.get("language") or "unknown")] += 1
        self.months[instant_key[:7] if instant_key[:1].isdigit() else "undated"] += 1
        if duplicate_kind:
            self.duplicates_kept[duplicate_kind] += 1
        # As written: on the export schema (a word count computed, a lone tag a list).
        for name, value in project(record).items():
            if value not in (None, "", []):
                self.fields[name] += 1
        if instant_key != UNDATED:
            self.first = min(self.first or instant_key, instant_key)
            self.last = max(self.last or instant_key, instant_key)


@dataclass
class CardFacts:
    command: str
    version: str
    made_at: str
    inputs: Mapping[str, int]
    outputs: Mapping[str | None, tuple[str, int]]
    skipped: Mapping[str, int]
    dropped: Mapping[str, int]
    tally: Tally
    method: Iterable[str]
    #: Where the card is written: data file paths in it are relative to its folder.
    card: str | None = None


def render(facts: CardFacts) -> str:
    total = sum(count for _, count in facts.outputs.values())
    files = {split: _relative(path, facts.card) for split, (path, _) in facts.outputs.items()}
    out = [
        *_header(facts, total, files),
        "# Dataset card",
        "",
        f"{total:,} news articles, made by newscrawl {facts.version} on {facts.made_at}.",
        "",
        f"**Licence.** {LICENCE_NOTE}",
        "",
        "Load it with the Hugging Face `datasets` library, from this card's folder:",
        "",
        "```python",
        "from datasets import load_dataset",
        "",
        _load_line(files),
        "```",
        "",
        "## Files",
        "",
        "| split | file | articles |",
        "|---|---|---:|",
    ]
    for split, (path, count) in facts.outputs.items():
        out.append(f"| {split or '(all)'} | `{path}` | {count:,} |")
    tally = facts.tally
    out += ["", "## Articles per site", "", *_table(_top(tally.sites, TOP_SITES), "site")]
    out += ["", "## Articles per language", "", *_table(_ranked(tally.languages), "language")]
    out += ["", "## Publication dates (UTC)", "", _date_range(tally)]
    months = sorted(tally.months.items())
    out += ["", "## Articles per month (UTC)", "", *_table(months, "month")]
    out += ["", "## Field coverage", "", "Share of the records that have a value.", ""]
    out += ["| field | records | share |", "|---|---:|---:|"]
    for name in EXPORT_FIELDS:
        count = tally.fields[name]
        share = count / tally.records if tally.records else 0.0
        out.append(f"| `{name}` | {count:,} | {share:.1%} |")
    out += ["", "## Left out", ""]
    out += ["Input lines skipped:", "", *_table(sorted(facts.skipped.items()), "reason")]
    out += ["", "Records dropped:", "", *_table(sorted(facts.dropped.items()), "reason")]
    if facts.tally.duplicates_kept:
        kept = sorted(facts.tally.duplicates_kept.items())
        out += ["", "Duplicates kept, with `duplicate_of` set:", "", *_table(kept, "kind")]
    out += ["", "## Fields", "", "| field | meaning |", "|---|---|"]
    descriptions = {**field_descriptions(), **EXPORT_ONLY_FIELDS}
    for name in EXPORT_FIELDS:
        out.append(f"| `{name}` | {_cell(descriptions.get(name, ''))} |")
    out += ["", "## How it was made", "", "```sh", facts.command, "```", ""]
    out += [f"- {step}" for step in facts.method]
    out += ["", f"Input files ({len(facts.inputs)}), with the records read from each:", ""]
    out += [f"- `{path}`: {count:,}" for path, count in facts.inputs.items()]
    return "\n".join(out) + "\n"


def _header(facts: CardFacts, total: int, files: Mapping[str | None, str]) -> list[str]:
    """The Hugging Face dataset-card metadata, as YAML front matter. Values are written as
    JSON strings, which YAML reads as they are."""
    languages = sorted(lang for lang in facts.tally.languages if lang != "unknown")
    lines = ["---", "language:", *[f"- {json.dumps(lang)}" for lang in languages]]
    if not languages:
        lines[-1] = "language: []"
    lines += [
        f"multilinguality: {'multilingual' if len(languages) > 1 else 'monolingual'}",
        "size_categories:",
        f"- {json.dumps(size_category(total))}",
        "# The texts belong to their publishers; see the licence note in the card.",
        "license: other",
        'license_name: "publishers-copyright"',
        "task_categories:",
        "- text-generation",
        "tags:",
        "- news",
        "- newscrawl",
        f'pretty_name: "News articles ({total:,})"',
        "configs:",
        "- config_name: default",
        "  data_files:",
    ]
    for split, path in files.items():
        lines += [f"  - split: {split or 'train'}", f"    path: {json.dumps(path)}"]
    return [*lines, "---", ""]


def size_category(count: int) -> str:
    """Hugging Face's size category for `count` records."""
    for bound, name in SIZE_CATEGORIES:
        if count < bound:
            return name
    return "n>1B"


def _load_line(files: Mapping[str | None, str]) -> str:
    builder = "parquet" if all(infer_format(p) == "parquet" for p in files.values()) else "json"
    data_files = {split or "train": path for split, path in files.items()}
    return f"dataset = load_dataset({json.dumps(builder)}, data_files={json.dumps(data_files)})"


def _relative(path: str, card: str | None) -> str:
    """`path` from the card's folder (as written, when there is no card or no common root)."""
    if card is None:
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), Path(card).resolve().parent)).as_posix()
    except ValueError:  # another drive (Windows)
        return path


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    """Largest count first; ties by name, so the same data gives the same card."""
    return sorted(counter.items(), key=lambda row: (-row[1], row[0]))


def _top(counter: Counter[str], n: int) -> list[tuple[str, int]]:
    """The `n` largest sites, then one row for the others."""
    rows = _ranked(counter)[:n]
    rest = counter.total() - sum(count for _, count in rows)
    if len(counter) > n:
        rows.append((f"({len(counter) - n:,} other sites)", rest))
    return rows


def _date_range(tally: Tally) -> str:
    undated = tally.months.get("undated", 0)
    note = f"; {undated:,} without a publication date" if undated else ""
    if tally.first is None or tally.last is None:
        return f"No publication dates{note}."
    return f"From {_instant(tally.first)} to {_instant(tally.last)}{note}."


def _instant(key: str) -> str:
    return key[:19].replace("T", " ")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(rows: Iterable[tuple[str, int]], label: str) -> list[str]:
    lines = [f"| {label} | count |", "|---|---:|"]
    lines += [f"| {_cell(name)} | {count:,} |" for name, count in rows]
    return lines if len(lines) > 2 else ["(none)"]
