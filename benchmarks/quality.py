"""Extraction quality on both development sets, with trafilatura in the same run.

    python benchmarks/quality.py                      # both sets, trafilatura and newscrawl
    python benchmarks/quality.py --sets fundus --worst 10 --dump /tmp/q

The sets (`devsets.py`): the Zyte article-extraction benchmark (181 pages, body gold) and
fundus-dev (112 pages from 77 publishers in 12 languages, body, title, authors, date and
language gold). Both are in-sample for newscrawl: read a page before "fixing" a
difference, and never write a rule whose only evidence is a gold text.

Systems (`--systems`): `trafilatura` (as the Zyte benchmark calls it), `newscrawl`
(`extract_article`), `trafilatura_precision`, `trafilatura_cleaned`: trafilatura's
text through `clean_text` with its title and authors, as `newscrawl clean` cleans a
dataset another tool made (its CPU includes trafilatura's metadata pass for them), and
`newscrawl_no_standfirst`: newscrawl without the standfirst it adds above the body (an
ablation: the two sets' golds disagree on standfirsts).

Body text is scored with the Zyte benchmark's metric (`newscrawl.testing.evaluation`: `\\w+`
4-gram shingles, means of per-page precision and recall, F1 of the means), so its numbers
compare with the published Zyte table. Per set, per system:

* F1, precision, recall (± bootstrap standard deviation), accuracy (exact token match);
* junk tail / head: share of pages with more than 100 non-space characters after the
  article's last (before its first) matched shingle;
* empty: pages with no output at all; and of those, pages where trafilatura had output;
* loss: pages with recall below 0.9;
* CPU: median `time.process_time()` per page of the extraction call (a warm-up call
  first; systems take turns page by page; `--repeat N` keeps each page's least of N
  runs), and its ratio to trafilatura's median in the same run; under the tables, the
  median of the per-page ratios and on how many pages newscrawl took less CPU (the two
  differ where small and large pages do).

`--plain-markup` renames every `class` and `id` value to a meaningless token first (the
same token for the same word across a page): the pages as a site whose markup vocabulary
no rule knows would give them, the way to see what the class-word rules add and how the
structural rules do without them. `--plain-tags` goes further: the sectioning elements
(`<article>`, `<main>`, `<nav>`, `<aside>`, `<header>`, `<footer>`, `<section>`) become
`<div>`s too, as on a site of hand-made or old markup, where only text and layout are
left to go by (for trafilatura as for newscrawl).

Then per language (fundus-dev's gold language) and per script (of the gold text: Latin,
CJK, ...), each system's F1 gain over trafilatura per set, metadata accuracy on fundus-dev
(title exact after whitespace, entity and invisible-character normalization; authors as
a case-folded set, F1 per page, averaged; published on the same day, and the same minute
where the gold has a time; language as ISO 639-1), and the worst pages.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from html import unescape
from pathlib import Path
from typing import Any

from devsets import SETS, SHARED, DevPage, load

from newscrawl.testing.evaluation import (
    SPACE_RE,
    DocScore,
    Metrics,
    aggregate,
    harmonic_mean,
    non_space_len,
    plain_markup,
    plain_tags,
    score_document,
)

BASELINE = "trafilatura"
JUNK_THRESHOLD = 100
LOSS_RECALL = 0.9
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 0


@dataclass
class Output:
    """What a system returns for one page: the body, and the fields it found."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    language: str | None = None


Extractor = Callable[[DevPage], Output]


# --- systems ----------------------------------------------------------------


def _trafilatura(*, favor_precision: bool = False) -> Extractor:
    import trafilatura

    def extract(page: DevPage) -> Output:
        # As the Zyte benchmark's runner calls it: no URL, comments off.
        text = trafilatura.extract(
            page.html, favor_precision=favor_precision, include_comments=False
        )
        return Output(text or "")

    return extract


def _trafilatura_cleaned() -> Extractor:
    """trafilatura's text through `clean_text` (what `newscrawl clean` does to a dataset
    another tool made), with the page's title and authors as `newscrawl clean` reads them
    from trafilatura's output (its "author" field: names parted by ";")."""
    import trafilatura

    from newscrawl import clean_text

    def extract(page: DevPage) -> Output:
        # The text as `_trafilatura` gives it (`bare_extraction`'s text differs from it).
        text = trafilatura.extract(page.html, include_comments=False) or ""
        metadata = trafilatura.extract_metadata(page.html)
        title, author = (metadata.title, metadata.author) if metadata else (None, None)
        return Output(clean_text(text, title=title, authors=(author or "").split(";")))

    return extract


def trafilatura_metadata(page: DevPage) -> Output:
    """trafilatura's fields for a page (not timed: the body call is the comparison)."""
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        page.html,
        url=page.url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={
            "extensive_search": True,
            "original_date": True,
            "outputformat": "%Y-%m-%dT%H:%M:%S%z",
        },
    )
    if not isinstance(document, Document):  # None: nothing found (a dict only with as_dict)
        return Output("")
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    return Output(
        document.text or "",
        title=document.title,
        authors=authors,
        published=document.date,
        language=document.language,
    )


def _newscrawl() -> Extractor:
    from newscrawl import extract_article

    def extract(page: DevPage) -> Output:
        article = extract_article(page.html, page.url) or {}
        return Output(
            article.get("text") or "",
            title=article.get("title"),
            authors=list(article.get("authors") or []),
            published=article.get("published"),
            language=article.get("language"),
        )

    return extract


def _newscrawl_no_standfirst() -> Extractor:
    """newscrawl without the standfirst it puts above the body where trafilatura's text
    lacks it: an ablation, to see what that choice does to each set's score (fundus's
    gold keeps standfirsts, the Zyte gold leaves them out; the issue keeps them)."""
    from unittest import mock

    from newscrawl import extraction

    extract = _newscrawl()

    def without_standfirst(page: DevPage) -> Output:
        with mock.patch.object(extraction, "find_standfirst", return_value=None):
            return extract(page)

    return without_standfirst


SYSTEMS: dict[str, Callable[[], Extractor]] = {
    "trafilatura": _trafilatura,
    "trafilatura_precision": lambda: _trafilatura(favor_precision=True),
    "trafilatura_cleaned": _trafilatura_cleaned,
    "newscrawl": _newscrawl,
    "newscrawl_no_standfirst": _newscrawl_no_standfirst,
}


# --- running ----------------------------------------------------------------


@dataclass
class Run:
    system: str
    set: str
    outputs: dict[str, Output]
    scores: dict[str, DocScore]
    cpu: list[float]

    @property
    def median_cpu_ms(self) -> float:
        return statistics.median(self.cpu) * 1000


def run_systems(
    extractors: dict[str, Extractor], pages: Sequence[DevPage], repeat: int = 1
) -> list[Run]:
    """Extract every page with every system, timing only the extractor calls.

    Systems take turns page by page, so that a machine whose load changes during the run
    (other jobs) slows each system alike and the CPU ratio stays fair; with `repeat`, each
    page's time is the least of its runs (what other processes added, filtered out).
    """
    for extract in extractors.values():
        extract(pages[0])  # warm-up: lazy imports, caches
    outputs: dict[str, dict[str, Output]] = {name: {} for name in extractors}
    cpu: dict[str, list[float]] = {name: [] for name in extractors}
    for n, page in enumerate(pages, 1):
        if sys.stderr.isatty():
            print(f"\r{page.set}: {n}/{len(pages)}", end="", file=sys.stderr, flush=True)
        best: dict[str, float] = {}
        for _ in range(repeat):
            for name, extract in extractors.items():
                start = time.process_time()
                output = extract(page)
                spent = time.process_time() - start
                best[name] = min(best.get(name, spent), spent)
                outputs[name][page.id] = output
        for name in extractors:
            cpu[name].append(best[name])
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return [
        Run(
            name,
            pages[0].set,
            outputs[name],
            {p.id: score_document(p.truth, outputs[name][p.id].text) for p in pages},
            cpu[name],
        )
        for name in extractors
    ]


# --- body metrics -----------------------------------------------------------


def bootstrap(scores: Sequence[DocScore]) -> Metrics:
    """Standard deviation of each metric over document resamples with replacement."""
    rng = random.Random(BOOTSTRAP_SEED)
    runs = [aggregate(rng.choices(scores, k=len(scores))) for _ in range(BOOTSTRAP_SAMPLES)]
    return Metrics(
        *(
            statistics.pstdev(getattr(r, f) for r in runs)
            for f in ("f1", "precision", "recall", "accuracy")
        )
    )


def junk_tail(score: DocScore) -> bool:
    return non_space_len(score.junk_after) > JUNK_THRESHOLD


def junk_head(score: DocScore) -> bool:
    return non_space_len(score.junk_before) > JUNK_THRESHOLD


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def body_table(runs: Sequence[Run], pages: Sequence[DevPage]) -> str:
    baseline = next((r for r in runs if r.system == BASELINE), None)
    rows = [
        "| system | F1 | precision | recall | accuracy | junk tail | junk head | empty "
        "(trafilatura not) | recall<0.9 | median CPU ms | CPU × trafilatura |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        scores = [run.scores[p.id] for p in pages]
        m, sd = aggregate(scores), bootstrap(scores)
        empty = [p.id for p in pages if not run.outputs[p.id].text.strip()]
        empty_vs = sum(1 for i in empty if baseline.outputs[i].text.strip()) if baseline else 0
        ratio = f"{run.median_cpu_ms / baseline.median_cpu_ms:.2f}" if baseline else "n/a"
        cells = [
            run.system,
            *(f"{getattr(m, f):.3f} ± {getattr(sd, f):.3f}" for f in ("f1", "precision", "recall")),
            f"{m.accuracy:.3f}",
            percent(sum(map(junk_tail, scores)), len(scores)),
            percent(sum(map(junk_head, scores)), len(scores)),
            f"{len(empty)} ({empty_vs})",
            percent(sum(1 for s in scores if s.recall < LOSS_RECALL), len(scores)),
            f"{run.median_cpu_ms:.1f}",
            ratio,
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def group_table(runs: Sequence[Run], pages: Sequence[DevPage], key: str) -> str:
    """F1 and junk tail per language or script, one column pair per system."""
    groups: dict[str, list[DevPage]] = defaultdict(list)
    for page in pages:
        groups[getattr(page, key) or "?"].append(page)
    header = f"| {key} | pages | " + " | ".join(f"{r.system} F1 | {r.system} tail" for r in runs)
    rows = [header + " |", "|---|---|" + "---|---|" * len(runs)]
    for name, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        cells = [name, str(len(members))]
        for run in runs:
            scores = [run.scores[p.id] for p in members]
            cells += [
                f"{aggregate(scores).f1:.3f}",
                percent(sum(map(junk_tail, scores)), len(scores)),
            ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


# --- metadata metrics -------------------------------------------------------


def _norm(text: str | None) -> str:
    """Whitespace collapsed, entities decoded, invisible format characters (soft hyphen,
    zero-width space: Unicode category Cf) dropped: two titles that read the same match."""
    visible = "".join(c for c in unescape(text or "") if unicodedata.category(c) != "Cf")
    return " ".join(visible.split())


def title_exact(gold: str, found: str | None) -> bool:
    return _norm(gold) == _norm(found)


def authors_f1(gold: Sequence[str], found: Sequence[str]) -> float:
    truth = {_norm(a).casefold() for a in gold if _norm(a)}
    got = {_norm(a).casefold() for a in found if _norm(a)}
    if not truth and not got:
        return 1.0
    hits = len(truth & got)
    precision = hits / len(got) if got else 0.0
    recall = hits / len(truth) if truth else 0.0
    return harmonic_mean(precision, recall)


def _parse(value: str | None) -> tuple[datetime, bool] | None:
    """(datetime, has a time of day) or None."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    has_time = len(text) > 10
    return parsed, has_time


def same_day(gold: str | None, found: str | None) -> bool:
    g, f = _parse(gold), _parse(found)
    if g is None or f is None:
        return g is None and f is None
    (gd, gt), (fd, ft) = g, f
    if gt and ft and gd.tzinfo and fd.tzinfo:
        # Either calendar: the page's local day or UTC's.
        return gd.astimezone(UTC).date() == fd.astimezone(UTC).date() or gd.date() == fd.date()
    return gd.date() == fd.date()


def same_minute(gold: str | None, found: str | None) -> bool:
    g, f = _parse(gold), _parse(found)
    if g is None or f is None:
        return g is None and f is None
    (gd, gt), (fd, ft) = g, f
    if not gt:
        return same_day(gold, found)
    if not ft:
        return False
    if gd.tzinfo and fd.tzinfo:
        gd, fd = gd.astimezone(UTC), fd.astimezone(UTC)
    else:
        gd, fd = gd.replace(tzinfo=None), fd.replace(tzinfo=None)
    return gd.replace(second=0, microsecond=0) == fd.replace(second=0, microsecond=0)


def language_right(gold: str, found: str | None) -> bool:
    return (found or "").lower().split("-")[0] == gold.lower()


@dataclass
class MetaScores:
    title: list[bool] = field(default_factory=list)
    authors: list[float] = field(default_factory=list)
    day: list[bool] = field(default_factory=list)
    minute: list[bool] = field(default_factory=list)
    language: list[bool] = field(default_factory=list)
    misses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def score_metadata(pages: Sequence[DevPage], outputs: dict[str, Output]) -> MetaScores:
    scores = MetaScores()
    for page in pages:
        gold, out = page.meta, outputs[page.id]
        if gold is None:
            continue
        checks = {
            "title": title_exact(gold.title, out.title),
            "day": same_day(gold.published, out.published),
            "minute": same_minute(gold.published, out.published),
            "language": language_right(gold.language, out.language),
        }
        scores.title.append(checks["title"])
        scores.day.append(checks["day"])
        scores.minute.append(checks["minute"])
        scores.language.append(checks["language"])
        scores.authors.append(authors_f1(gold.authors, out.authors))
        if scores.authors[-1] < 1:
            checks["authors"] = False
        found = {
            "title": (gold.title, out.title),
            "authors": (list(gold.authors), out.authors),
            "minute": (gold.published, out.published),
            "day": (gold.published, out.published),
            "language": (gold.language, out.language),
        }
        for name, ok in checks.items():
            if not ok:
                want, got = found[name]
                scores.misses[name].append(f"`{page.id}` gold {want!r}, found {got!r}")
    return scores


def metadata_table(named: Sequence[tuple[str, MetaScores]]) -> str:
    rows = [
        "| system | title exact | authors set F1 | date same day | date same minute | language |",
        "|---|---|---|---|---|---|",
    ]
    for name, s in named:
        n = len(s.title)
        rows.append(
            f"| {name} | {percent(sum(s.title), n)} | {statistics.fmean(s.authors):.3f} | "
            f"{percent(sum(s.day), n)} | {percent(sum(s.minute), n)} | "
            f"{percent(sum(s.language), n)} |"
        )
    return "\n".join(rows)


# --- reporting --------------------------------------------------------------


def snippet(text: str, width: int = 110) -> str:
    flat = SPACE_RE.sub(" ", text).strip()
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def worst(run: Run, n: int) -> str:
    lines = [f"\n### {run.system} on {run.set}: {n} worst pages by F1\n"]
    for page_id, s in sorted(run.scores.items(), key=lambda kv: kv[1].f1)[:n]:
        cpu = ""
        lines.append(f"- `{page_id}` F1 {s.f1:.3f} P {s.precision:.3f} R {s.recall:.3f}{cpu}")
        if junk_head(s):
            lines.append(f"  - head ({non_space_len(s.junk_before)}): {snippet(s.junk_before)}")
        if junk_tail(s):
            lines.append(f"  - tail ({non_space_len(s.junk_after)}): {snippet(s.junk_after)}")
    return "\n".join(lines)


def slowest(run: Run, pages: Sequence[DevPage], n: int) -> str:
    ranked = sorted(zip(pages, run.cpu, strict=True), key=lambda pc: -pc[1])[:n]
    cells = ", ".join(f"`{p.id[:24]}` {c * 1000:.0f} ms" for p, c in ranked)
    return f"- {run.system} on {run.set}, slowest: {cells}"


def paired_cpu(run: Run, baseline: Run) -> str:
    """CPU page by page against the baseline timed with it: the median of the per-page
    ratios, which shows where small and large pages differ (the table's ratio is that of
    the two medians)."""
    ratios = [c / b for c, b in zip(run.cpu, baseline.cpu, strict=True) if b > 0]
    faster = sum(r < 1 for r in ratios)
    return (
        f"- {run.system} on {run.set}, CPU page by page: median ratio to {baseline.system} "
        f"{statistics.median(ratios):.2f}, less CPU on {faster} of {len(ratios)} pages"
    )


def dump(run: Run, pages: Sequence[DevPage], directory: Path) -> None:
    """Per-page outputs and scores, for reading differences page by page."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{run.system}-{run.set}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for page, cpu in zip(pages, run.cpu, strict=True):
            s, o = run.scores[page.id], run.outputs[page.id]
            record: dict[str, Any] = {
                "id": page.id,
                "url": page.url,
                "P": round(s.precision, 4),
                "R": round(s.recall, 4),
                "F1": round(s.f1, 4),
                "cpu_ms": round(cpu * 1000, 1),
                "junk_after": s.junk_after,
                "junk_before": s.junk_before,
                "text": o.text,
                "title": o.title,
                "authors": o.authors,
                "published": o.published,
                "language": o.language,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED, help="folder holding the sets")
    parser.add_argument("--sets", default="zyte,fundus", help=f"comma-separated: {','.join(SETS)}")
    parser.add_argument(
        "--systems", default="trafilatura,newscrawl", help=f"comma-separated: {','.join(SYSTEMS)}"
    )
    parser.add_argument("--worst", type=int, default=8, metavar="N", help="N worst pages per set")
    parser.add_argument("--misses", action="store_true", help="list every metadata miss")
    parser.add_argument("--ids", help="comma-separated page ids to restrict the run to")
    parser.add_argument("--dump", type=Path, help="write per-page outputs and scores here")
    parser.add_argument(
        "--repeat", type=int, default=1, help="time each page this many times, keep the least"
    )
    parser.add_argument(
        "--plain-markup",
        action="store_true",
        help="rename every class and id value to a meaningless token first",
    )
    parser.add_argument(
        "--plain-tags",
        action="store_true",
        help="as --plain-markup, and write <article>, <main>, <nav>, <aside>, ... as <div>",
    )
    args = parser.parse_args(argv)

    names = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [s for s in names if s not in SYSTEMS]
    if unknown:
        raise SystemExit(
            f"unknown systems: {', '.join(unknown)} (choose from {', '.join(SYSTEMS)})"
        )
    ids = set(args.ids.split(",")) if args.ids else None
    extractors = {name: SYSTEMS[name]() for name in names}

    gains: dict[str, dict[str, float]] = {}  # per system, per set
    for set_name in [s.strip() for s in args.sets.split(",") if s.strip()]:
        pages = load(set_name, args.data, ids)
        if not pages:
            continue
        if args.plain_tags:
            pages = [replace(page, html=plain_tags(page.html)) for page in pages]
        elif args.plain_markup:
            pages = [replace(page, html=plain_markup(page.html)) for page in pages]
        runs = run_systems(extractors, pages, args.repeat)
        print(f"\n## {set_name}: {len(pages)} pages from {len({p.site for p in pages})} sites\n")
        print(body_table(runs, pages))
        if set_name == "fundus":
            print(f"\n### {set_name}: per language\n")
            print(group_table(runs, pages, "language"))
        print(f"\n### {set_name}: per script\n")
        print(group_table(runs, pages, "script"))
        by_name = {r.system: r for r in runs}
        if BASELINE in by_name:
            baseline_f1 = aggregate(list(by_name[BASELINE].scores.values())).f1
            for run in runs:
                if run.system != BASELINE:
                    f1 = aggregate(list(run.scores.values())).f1
                    gains.setdefault(run.system, {})[set_name] = f1 - baseline_f1
        if any(p.meta for p in pages):
            named = [
                (r.system, score_metadata(pages, r.outputs)) for r in runs if r.system != BASELINE
            ]
            if BASELINE in by_name:
                baseline_meta = {p.id: trafilatura_metadata(p) for p in pages}
                named.insert(0, (f"{BASELINE} (metadata)", score_metadata(pages, baseline_meta)))
            print(f"\n### {set_name}: metadata\n")
            print(metadata_table(named))
            if args.misses:
                for name, scores in named:
                    for field_name, misses in scores.misses.items():
                        print(f"\n#### {name}: {field_name} misses ({len(misses)})\n")
                        print("\n".join(f"- {m}" for m in misses))
        print()
        for run in runs:
            print(slowest(run, pages, 3))
        if BASELINE in by_name:
            for run in runs:
                if run.system != BASELINE:
                    print(paired_cpu(run, by_name[BASELINE]))
        if args.worst:
            for run in runs:
                if run.system != BASELINE or len(runs) == 1:
                    print(worst(run, args.worst))
        if args.dump:
            for run in runs:
                dump(run, pages, args.dump)
    for system, by_set in gains.items():
        print(f"\n## {system}'s F1 gain over trafilatura\n")
        for set_name, gain in by_set.items():
            print(f"- {set_name}: {gain:+.4f}")
        if len(by_set) == 2:
            a, b = by_set.values()
            print(f"- difference between the sets: {abs(a - b):.4f} (target ≤ 0.010)")


if __name__ == "__main__":
    main()
