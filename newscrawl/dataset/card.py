"""The dataset card: a Markdown file saying what a dataset holds and how it was made.

Field descriptions come from one place, the `#:` comments on `newscrawl.items.Article`
(read from its source, as Sphinx does), so the card never drifts from the schema.
"""

from __future__ import annotations

import inspect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newscrawl import items
from newscrawl.dataset.writers import EXPORT_FIELDS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

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


@dataclass
class Tally:
    """Counts over the written records."""

    sites: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    months: Counter[str] = field(default_factory=Counter)
    duplicates_kept: Counter[str] = field(default_factory=Counter)

    def add(self, record: Mapping[str, Any], instant_key: str, duplicate_kind: str | None) -> None:
        self.sites[str(record.get("site") or "unknown")] += 1
        self.languages[str(record.get("language") or "unknown")] += 1
        self.months[instant_key[:7] if instant_key[:1].isdigit() else "undated"] += 1
        if duplicate_kind:
            self.duplicates_kept[duplicate_kind] += 1


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


def render(facts: CardFacts) -> str:
    total = sum(count for _, count in facts.outputs.values())
    out = [
        "# Dataset card",
        "",
        f"{total:,} news articles, made by newscrawl {facts.version} on {facts.made_at}.",
        "",
        "## Files",
        "",
        "| split | file | articles |",
        "|---|---|---:|",
    ]
    for split, (path, count) in facts.outputs.items():
        out.append(f"| {split or '(all)'} | `{path}` | {count:,} |")
    for label, counter in (("site", facts.tally.sites), ("language", facts.tally.languages)):
        out += ["", f"## Articles per {label}", "", *_table(counter.most_common(), label)]
    months = sorted(facts.tally.months.items())
    out += ["", "## Articles per month (UTC)", "", *_table(months, "month")]
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


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(rows: Iterable[tuple[str, int]], label: str) -> list[str]:
    lines = [f"| {label} | count |", "|---|---:|"]
    lines += [f"| {_cell(name)} | {count:,} |" for name, count in rows]
    return lines if len(lines) > 2 else ["(none)"]
