"""Article-text extraction quality on the Zyte article-extraction benchmark.

Runs one or more extractors over the 181 pages of the Zyte (Scrapinghub)
article-extraction benchmark and scores their text against the hand-annotated
``articleBody``. The score re-implements the benchmark's ``evaluate.py`` from
its description (the original code is not vendored), so numbers are
comparable with the published table:

* Texts are tokenized with the Unicode regex ``\\w+``; no lower-casing.
* Shingles are token 4-grams. A text with 1-3 tokens yields one shingle made
  of all its tokens; an empty text yields none.
* Per document, TP/FP/FN are multiset overlaps (``Counter`` intersection and
  differences) of predicted and true shingles.
* Each document weighs the same: precision and recall are the means of the
  per-page values and F1 is the harmonic mean of those two means (not a mean
  of per-page F1). Per page, precision = TP/(TP+FP) and recall = TP/(TP+FN);
  both are 1 when both texts are empty and 0 when only one of them is.
  Why means rather than the alternative of summing each page's TP/FP/FN
  after dividing them by their total: the benchmark describes its P and R as
  "means of the per-document values", and only the means reproduce both
  reference runs on this data (trafilatura 2.3.1 0.960/0.942/0.978 and
  readability-lxml 0.954/0.935/0.974 F1/P/R; the summed form gives the same
  trafilatura numbers but 0.957/0.937/0.979 for readability-lxml).
* Accuracy = share of documents whose ``\\w+`` token sequences are identical.
* ``±`` is the standard deviation of each metric over 1000 bootstrap
  resamples of the documents (fixed seed).

Extra columns that drive cleaner work:

* junk after / before: non-whitespace characters of the prediction after the
  end of its last (before the start of its first) true-positive shingle.
  True positives are found as in the multiset overlap: a predicted shingle
  matches only while the truth has an unused copy of it, consumed left to
  right for the end, then right to left from that end for the start. Plain
  set membership would stop the "article" at any repeated phrase, e.g. a
  related-stories headline that quotes the article. If no predicted shingle
  matches, the whole prediction is junk after and nothing is junk before.
  The table reports the share of pages with more than 100 such characters.
* loss: share of pages with per-page recall below 0.9.
* CPU: median per-page ``time.process_time()`` around the extraction call
  only (a warm-up call on one page comes first), and its ratio to
  trafilatura's median.

Runs sequentially in one process so CPU times compare fairly; a full run of
the default systems takes well under a minute.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newscrawl.evaluation import (
    SPACE_RE,
    DocScore,
    Metrics,
    aggregate,
    non_space_len,
    score_document,
)

Extractor = Callable[[str, str], str]

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "benchmarks" / "zyte"
BASELINE = "trafilatura"
JUNK_THRESHOLD = 100
LOSS_RECALL = 0.9
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 0


def bootstrap(
    scores: Sequence[DocScore], samples: int = BOOTSTRAP_SAMPLES, seed: int = BOOTSTRAP_SEED
) -> Metrics:
    """Standard deviation of each metric over document resamples with replacement."""
    rng = random.Random(seed)
    runs = [aggregate(rng.choices(scores, k=len(scores))) for _ in range(samples)]
    return Metrics(
        *(
            statistics.pstdev(getattr(r, field) for r in runs)
            for field in ("f1", "precision", "recall", "accuracy")
        )
    )


# --- systems ----------------------------------------------------------------


def _trafilatura(*, favor_precision: bool = False, pass_url: bool = False) -> Extractor:
    import trafilatura

    def extract(html: str, url: str) -> str:
        text = trafilatura.extract(
            html,
            url=url if pass_url else None,
            favor_precision=favor_precision,
            include_comments=False,
        )
        return text or ""

    return extract


BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li"),
        *("main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th"),
        *("thead", "tr", "ul"),
    }
)


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment with block elements on their own lines.

    Plain ``text_content()`` would glue adjacent paragraphs into one token
    ("end.Next" is fine, but "end</p><p>Next" becomes "endNext").
    """
    import lxml.html

    root = lxml.html.fromstring(fragment)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
        elif el.tag == "br":
            el.tail = "\n" + (el.tail or "")
    lines = (SPACE_RE.sub(" ", line).strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _readability() -> Extractor:
    from readability import Document

    def extract(html: str, url: str) -> str:
        return fragment_text(Document(html).summary(html_partial=True))

    return extract


def _newscrawl() -> Extractor:
    try:
        from newscrawl import extract_article
    except ImportError:
        # Not installed into the venv: use the checkout this script lives in.
        sys.path[:0] = [str(REPO_ROOT / "src"), str(REPO_ROOT)]
        from newscrawl import extract_article

    def extract(html: str, url: str) -> str:
        return (extract_article(html, url) or {}).get("text") or ""

    return extract


SYSTEMS: dict[str, Callable[[], Extractor]] = {
    "trafilatura": _trafilatura,
    "trafilatura_precision": lambda: _trafilatura(favor_precision=True),
    "trafilatura_url": lambda: _trafilatura(pass_url=True),
    "readability": _readability,
    "newscrawl": _newscrawl,
}


def load_system(name: str) -> Extractor | None:
    """Build an extractor, or explain and return None when it cannot be imported."""
    try:
        return SYSTEMS[name]()
    except Exception as exc:  # a broken package should skip, not abort the run
        print(f"note: skipping system {name!r}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None


# --- running ----------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    html: str
    truth: str


@dataclass(frozen=True)
class SystemRun:
    name: str
    predictions: dict[str, str]
    scores: dict[str, DocScore]
    cpu_seconds: list[float]

    @property
    def median_cpu_ms(self) -> float:
        return statistics.median(self.cpu_seconds) * 1000


def load_pages(data: Path, ids: Sequence[str] | None) -> list[Page]:
    """Decompress the pages and pair them with their ground truth."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    wanted = ids or sorted(truth)
    missing = [i for i in wanted if i not in truth]
    if missing:
        raise SystemExit(f"unknown ids: {', '.join(missing)}")
    return [
        Page(
            id=i,
            url=truth[i]["url"],
            html=gzip.decompress((data / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8"),
            truth=truth[i]["articleBody"],
        )
        for i in wanted
    ]


def run_system(name: str, extract: Extractor, pages: Sequence[Page]) -> SystemRun:
    """Extract every page, timing only the extractor call."""
    extract(pages[0].html, pages[0].url)  # warm-up: lazy imports, caches
    predictions: dict[str, str] = {}
    cpu: list[float] = []
    for n, page in enumerate(pages, 1):
        print(f"\r{name}: {n}/{len(pages)}", end="", file=sys.stderr, flush=True)
        start = time.process_time()
        text = extract(page.html, page.url)
        cpu.append(time.process_time() - start)
        predictions[page.id] = text
    print(file=sys.stderr)
    scores = {p.id: score_document(p.truth, predictions[p.id]) for p in pages}
    return SystemRun(name, predictions, scores, cpu)


# --- reporting --------------------------------------------------------------


def share(scores: Sequence[DocScore], test: Callable[[DocScore], bool]) -> str:
    return f"{100 * sum(map(test, scores)) / len(scores):.0f}%"


def table(runs: Sequence[SystemRun]) -> str:
    """The Markdown summary table."""
    baseline = next((r.median_cpu_ms for r in runs if r.name == BASELINE), None)
    rows = [
        "| system | F1 | precision | recall | accuracy | junk after >100 | junk before >100 "
        "| pages with recall<0.9 | median CPU ms/page | CPU × trafilatura |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        scores = list(run.scores.values())
        m, sd = aggregate(scores), bootstrap(scores)
        ratio = f"{run.median_cpu_ms / baseline:.2f}" if baseline else "n/a"
        cells = [
            run.name,
            *(
                f"{getattr(m, f):.3f} ± {getattr(sd, f):.3f}"
                for f in ("f1", "precision", "recall", "accuracy")
            ),
            share(scores, lambda s: non_space_len(s.junk_after) > JUNK_THRESHOLD),
            share(scores, lambda s: non_space_len(s.junk_before) > JUNK_THRESHOLD),
            share(scores, lambda s: s.recall < LOSS_RECALL),
            f"{run.median_cpu_ms:.1f}",
            ratio,
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def snippet(text: str, width: int = 100) -> str:
    flat = SPACE_RE.sub(" ", text).strip()
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def worst(run: SystemRun, n: int) -> str:
    """The n lowest-F1 pages of a run, with a glimpse of their junk."""
    lines = [f"\n### {run.name}: {n} worst pages by F1\n"]
    for doc_id, s in sorted(run.scores.items(), key=lambda kv: kv[1].f1)[:n]:
        lines.append(f"- `{doc_id[:12]}` F1 {s.f1:.3f} P {s.precision:.3f} R {s.recall:.3f}")
        if s.junk_before:
            lines.append(f"  - before ({non_space_len(s.junk_before)}): {snippet(s.junk_before)}")
        if s.junk_after:
            lines.append(f"  - after ({non_space_len(s.junk_after)}): {snippet(s.junk_after)}")
    return "\n".join(lines)


def dump(run: SystemRun, directory: Path) -> None:
    """Write predictions in the benchmark's form plus per-page diagnostics."""
    directory.mkdir(parents=True, exist_ok=True)
    predictions = {i: {"articleBody": t} for i, t in run.predictions.items()}
    (directory / f"{run.name}.json").write_text(
        json.dumps(predictions, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    with (directory / f"{run.name}-per-doc.jsonl").open("w", encoding="utf-8") as out:
        for doc_id, s in run.scores.items():
            record = {
                "id": doc_id,
                "P": round(s.precision, 4),
                "R": round(s.recall, 4),
                "F1": round(s.f1, 4),
                "junk_after_chars": non_space_len(s.junk_after),
                "junk_before_chars": non_space_len(s.junk_before),
                "junk_after": s.junk_after[:600],
                "junk_before": s.junk_before[:300],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark data directory")
    parser.add_argument(
        "--systems", default="trafilatura,newscrawl", help=f"comma-separated: {','.join(SYSTEMS)}"
    )
    parser.add_argument("--dump", type=Path, help="write predictions and per-page diagnostics here")
    parser.add_argument(
        "--worst", type=int, default=0, metavar="N", help="list the N worst pages per system"
    )
    parser.add_argument("--ids", help="comma-separated page ids to restrict the run to")
    args = parser.parse_args(argv)

    if not (args.data / "ground-truth.json").is_file():
        raise SystemExit(
            f"benchmark data not found at {args.data} "
            "(expected ground-truth.json and html/); pass --data"
        )
    names = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [s for s in names if s not in SYSTEMS]
    if unknown:
        raise SystemExit(
            f"unknown systems: {', '.join(unknown)} (choose from {', '.join(SYSTEMS)})"
        )
    pages = load_pages(args.data, args.ids.split(",") if args.ids else None)

    runs = []
    for name in names:
        extract = load_system(name)
        if extract is not None:
            runs.append(run_system(name, extract, pages))
    if not runs:
        raise SystemExit("no system could be run")

    print(f"Zyte article-extraction benchmark, {len(pages)} pages\n")
    print(table(runs))
    if args.worst:
        shown = [r for r in runs if r.name != BASELINE] or runs
        for run in shown:
            print(worst(run, args.worst))
    if args.dump:
        for run in runs:
            dump(run, args.dump)


if __name__ == "__main__":
    main()
