"""Near-duplicate detection: which library should `newscrawl.dedup` use?

Builds a synthetic but realistic corpus at run time from real article bodies (by default
the 181 hand-annotated bodies of the Zyte article-extraction benchmark,
`../shared/benchmarks/zyte/ground-truth.json`; nothing of them is stored in the repo):

* each body long enough (>= 120 words) is an agency story, published once as is, and
  re-published as syndicated copies: verbatim (whitespace changed), with a site's intro
  line, with a dateline, with light edits (~3% of the words changed), with a "Read more"
  list appended, truncated to ~70%, with paragraphs reordered slightly, and with several of
  those at once;
* two hard negatives per story, which must NOT be flagged: another story on the same topic
  that shares a third of its sentences, and a follow-up that quotes two of its sentences;
* unrelated distractors (sentences drawn from the whole pool), so the index is not tiny.

All documents are shuffled (fixed seed) and fed one by one to `DuplicateIndex.duplicate_of`,
as a crawl or an export does: a document is truly a duplicate when an earlier document
belongs to the same story. Every candidate runs through the same index code (banding,
verification, storage), so the numbers differ only by how the fingerprint is computed:

* exact hash only (the baseline: `content_hash`),
* MinHash computed by rensa (R-MinHash and C-MinHash) and by datasketch, 128 permutations,
  32 bands of 4, Jaccard of word 3-shingles >= 0.5,
* trafilatura's `Simhash` (64 bits, bag of long words), Hamming distance <= 3 (4 bands of
  16 bits, the classic radius that banding indexes cheaply) and <= 7 (8 bands of 8 bits).

Columns: precision and recall of "is a duplicate" (a flag pointing at another story counts
as a false positive), hard negatives flagged, time to fingerprint one article alone (best of
3 passes; shingling included), time per article (fingerprint + lookup + insert, in memory),
memory per stored article (tracemalloc, in-memory index), and the persistent cost: bytes per
stored article in a `SqliteDuplicateIndex` file and time per article with that index. A
second table gives recall per kind of copy.

    python benchmarks/near_duplicates.py [--ground-truth PATH] [--distractors 5000]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newscrawl.dedup import (
    DuplicateIndex,
    Fingerprint,
    Fingerprinter,
    MemoryDuplicateIndex,
    MinHashFingerprinter,
    SqliteDuplicateIndex,
    content_hash,
    shingles,
)

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRUTH = ROOT.parent / "shared" / "benchmarks" / "zyte" / "ground-truth.json"
_SENTENCE = re.compile(r"(?<=[.!?。])\s+")
_WORD = re.compile(r"\S+")

AGENCIES = ["AP", "Reuters", "AFP", "dpa", "PA Media", "ANP"]
CITIES = ["LONDON", "BERLIN", "NEW YORK", "PARIS", "MADRID", "TOKYO", "NAIROBI"]
INTROS = [
    "This story was supplied by {agency} and has not been edited by our staff.",
    "Updated {hour}:{minute:02d} GMT: adds comment from officials.",
    "Our partners at {agency} report:",
    "Breaking: more to follow.",
]


@dataclass
class Doc:
    key: str
    text: str
    story: int  # documents of one story are copies of each other
    kind: str  # "original", a variant name, or a hard negative name
    source: int  # the story a copy or a hard negative was made from


# --- corpus -----------------------------------------------------------------------------


def load_bodies(path: Path, min_words: int) -> list[str]:
    truth = json.loads(path.read_text("utf-8"))
    bodies = [entry["articleBody"] for _, entry in sorted(truth.items())]
    return [body for body in bodies if len(body.split()) >= min_words]


def _paragraphs(text: str) -> list[str]:
    return [p for p in (line.strip() for line in text.split("\n")) if p]


def _edit_words(text: str, rng: random.Random, rate: float, vocabulary: list[str]) -> str:
    def edit(match: re.Match[str]) -> str:
        word = match.group()
        if rng.random() >= rate:
            return word
        roll = rng.random()
        if roll < 0.4:
            return rng.choice(vocabulary)
        if roll < 0.7:
            return ""
        return f"{word} {rng.choice(vocabulary)}"

    return _WORD.sub(edit, text)


def make_variants(
    body: str, rng: random.Random, vocabulary: list[str], headlines: list[str]
) -> dict[str, str]:
    paragraphs = _paragraphs(body)
    agency, city = rng.choice(AGENCIES), rng.choice(CITIES)

    def intro() -> str:
        line = rng.choice(INTROS).format(
            agency=agency, hour=rng.randrange(24), minute=rng.randrange(60)
        )
        return line + "\n"

    def dateline(paras: list[str]) -> list[str]:
        return [f"{city} ({agency}) — {paras[0]}", *paras[1:]]

    def read_more() -> str:
        return "\nRead more:\n" + "\n".join(f"- {h}" for h in rng.sample(headlines, 5))

    def truncated() -> str:
        words = body.split()
        cut = int(len(words) * rng.uniform(0.65, 0.8))
        return " ".join(words[:cut])

    def reordered() -> str:
        paras = list(paragraphs)
        if len(paras) >= 3:
            i = rng.randrange(len(paras) - 1)
            paras[i], paras[i + 1] = paras[i + 1], paras[i]
            paras.insert(rng.randrange(len(paras)), paras.pop())
            return "\n".join(paras)
        sentences = _SENTENCE.split(body)
        if len(sentences) >= 2:
            i = rng.randrange(len(sentences) - 1)
            sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
        return " ".join(sentences)

    return {
        "verbatim": "\n\n".join(paragraphs) + "\n",
        "intro": intro() + body,
        "dateline": "\n".join(dateline(paragraphs)),
        "edits": _edit_words(body, rng, 0.03, vocabulary),
        "read_more": body + read_more(),
        "truncated": truncated(),
        "reordered": reordered(),
        "combined": intro()
        + _edit_words("\n".join(dateline(paragraphs)), rng, 0.02, vocabulary)
        + read_more(),
    }


def make_negatives(body: str, rng: random.Random, pool: list[str]) -> dict[str, str]:
    sentences = _SENTENCE.split(" ".join(body.split()))
    count = max(len(sentences), 8)
    # Another story on the topic: a third of this story's sentences, the rest new.
    shared = rng.sample(sentences, max(1, len(sentences) // 3))
    same_topic = shared + rng.sample(pool, count - len(shared))
    rng.shuffle(same_topic)
    # A follow-up: new text that quotes two of the story's sentences.
    follow_up = rng.sample(pool, count)
    for quote in rng.sample(sentences, min(2, len(sentences))):
        follow_up.insert(rng.randrange(len(follow_up) + 1), f'As reported earlier, "{quote}"')
    return {"same_topic": " ".join(same_topic), "follow_up": " ".join(follow_up)}


def build_corpus(bodies: list[str], distractors: int, seed: int) -> list[Doc]:
    rng = random.Random(seed)
    pool = [s for body in bodies for s in _SENTENCE.split(" ".join(body.split())) if s]
    vocabulary = sorted({w for body in bodies for w in body.split() if w.isalpha()})
    headlines = [" ".join(s.split()[:12]) for s in pool if len(s.split()) >= 6]
    docs: list[Doc] = []

    def add(text: str, kind: str, source: int, copy: bool) -> None:
        key = f"https://site{rng.randrange(400)}.example/2026/{len(docs)}.html"
        story = source if copy else len(bodies) + len(docs)  # a story of its own
        docs.append(Doc(key, text, story, kind, source))

    for source, body in enumerate(bodies):
        add(body, "original", source, copy=True)
        for kind, text in make_variants(body, rng, vocabulary, headlines).items():
            add(text, kind, source, copy=True)
        for kind, text in make_negatives(body, rng, pool).items():
            add(text, kind, source, copy=False)
    for _ in range(distractors):
        add(" ".join(rng.sample(pool, rng.randint(15, 40))), "distractor", -1, copy=False)
    rng.shuffle(docs)
    return docs


# --- candidates -------------------------------------------------------------------------


class DatasketchMinHash(MinHashFingerprinter):
    """The same MinHash scheme, the signature computed by datasketch."""

    def __init__(self) -> None:
        super().__init__()
        import datasketch

        self._minhash = datasketch.MinHash
        self.name = "minhash-datasketch"

    def fingerprint(self, text: str) -> Fingerprint | None:
        grams = shingles(text, self.shingle_size)
        if len(grams) < self.min_shingles:
            return None
        minhash = self._minhash(num_perm=self.num_perm, seed=self.seed)
        minhash.update_batch([g.encode("utf-8") for g in grams])
        return self.from_values(minhash.hashvalues.tolist())


class RensaCMinHash(MinHashFingerprinter):
    """The same scheme with rensa's C-MinHash (circulant permutations) instead of R-MinHash."""

    def __init__(self) -> None:
        super().__init__()
        from rensa import CMinHash

        self._minhash = CMinHash
        self.name = "minhash-rensa-c"

    def fingerprint(self, text: str) -> Fingerprint | None:
        grams = shingles(text, self.shingle_size)
        if len(grams) < self.min_shingles:
            return None
        minhash = self._minhash(self.num_perm, self.seed)
        minhash.update(grams)
        return self.from_values(minhash.digest())


class TrafilaturaSimhash:
    """trafilatura's 64-bit Simhash; `max_distance + 1` bands find every hash within that
    Hamming distance (pigeonhole)."""

    def __init__(self, max_distance: int) -> None:
        from trafilatura.deduplication import Simhash

        self._simhash = Simhash
        self.blocks = max_distance + 1
        self.width = 64 // self.blocks
        self.threshold = (64 - max_distance) / 64
        self.name = f"simhash-trafilatura-d{max_distance}"

    def fingerprint(self, text: str) -> Fingerprint | None:
        value = self._simhash(text).hash
        mask = (1 << self.width) - 1
        bands = tuple(
            (block << 32) | ((value >> (block * self.width)) & mask) for block in range(self.blocks)
        )
        return Fingerprint(value.to_bytes(8, "little"), bands)

    def similarity(self, a: bytes, b: bytes) -> float:
        distance = (int.from_bytes(a, "little") ^ int.from_bytes(b, "little")).bit_count()
        return (64 - distance) / 64


CANDIDATES: dict[str, Callable[[], bool | Fingerprinter]] = {
    "exact hash (baseline)": lambda: False,
    "MinHash, rensa R-MinHash (chosen)": MinHashFingerprinter,
    "MinHash, rensa C-MinHash": RensaCMinHash,
    "MinHash, datasketch": DatasketchMinHash,
    "Simhash, trafilatura, d<=3": lambda: TrafilaturaSimhash(3),
    "Simhash, trafilatura, d<=7": lambda: TrafilaturaSimhash(7),
}


# --- measurement ------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    precision: float
    recall: float
    negatives_flagged: int
    negatives: int
    us_per_fingerprint: float
    us_per_article: float
    memory_per_stored: float
    disk_per_stored: float
    us_per_article_sqlite: float
    recall_by_kind: dict[str, float]


def score(index: DuplicateIndex, docs: list[Doc]) -> tuple[float, dict[str, object]]:
    story_of = {doc.key: doc.story for doc in docs}
    seen: set[int] = set()
    tp = fp = fn = 0
    negatives_flagged = 0
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    start = time.perf_counter()
    for doc in docs:
        match = index.duplicate_of(doc.key, doc.text)
        truly = doc.story in seen
        seen.add(doc.story)
        right = match is not None and story_of[match.first] == doc.story
        if truly:
            total[doc.kind] += 1
            if right:
                tp += 1
                found[doc.kind] += 1
            else:
                fn += 1
        if match is not None and not right:
            fp += 1
            if doc.kind in ("same_topic", "follow_up"):
                negatives_flagged += 1
    elapsed = time.perf_counter() - start
    return elapsed, {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "negatives_flagged": negatives_flagged,
        "recall_by_kind": {kind: found[kind] / total[kind] for kind in sorted(total)},
    }


def memory_per_stored(make: Callable[[], bool | Fingerprinter], docs: list[Doc]) -> float:
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    index = MemoryDuplicateIndex(make())
    for doc in docs:
        index.duplicate_of(doc.key, doc.text)
    gc.collect()
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return used / len(index)


def sqlite_cost(make: Callable[[], bool | Fingerprinter], docs: list[Doc]) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dedup.sqlite"
        start = time.perf_counter()
        with SqliteDuplicateIndex(path, make()) as index:
            for doc in docs:
                index.duplicate_of(doc.key, doc.text)
            stored = len(index)
            index.flush()
            index._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        elapsed = time.perf_counter() - start
        size = sum(p.stat().st_size for p in Path(folder).iterdir())
    return size / stored, elapsed / len(docs) * 1e6


def fingerprint_time(scheme: bool | Fingerprinter, docs: list[Doc]) -> float:
    """µs per article to hash or fingerprint the text alone, best of 3 passes."""
    compute = content_hash if isinstance(scheme, bool) else scheme.fingerprint
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for doc in docs:
            compute(doc.text)
        best = min(best, time.perf_counter() - start)
    return best / len(docs) * 1e6


def measure(name: str, make: Callable[[], bool | Fingerprinter], docs: list[Doc]) -> Result:
    index = MemoryDuplicateIndex(make())
    index.duplicate_of("warm-up", docs[0].text)  # imports, caches
    index = MemoryDuplicateIndex(make())
    elapsed, scores = score(index, docs)
    disk, sqlite_us = sqlite_cost(make, docs)
    negatives = sum(doc.kind in ("same_topic", "follow_up") for doc in docs)
    return Result(
        name=name,
        precision=float(scores["precision"]),  # type: ignore[arg-type]
        recall=float(scores["recall"]),  # type: ignore[arg-type]
        negatives_flagged=int(scores["negatives_flagged"]),  # type: ignore[call-overload]
        negatives=negatives,
        us_per_fingerprint=fingerprint_time(make(), docs),
        us_per_article=elapsed / len(docs) * 1e6,
        memory_per_stored=memory_per_stored(make, docs),
        disk_per_stored=disk,
        us_per_article_sqlite=sqlite_us,
        recall_by_kind=scores["recall_by_kind"],  # type: ignore[arg-type]
    )


def jaccard_table(docs: list[Doc]) -> str:
    """True Jaccard of 3-shingle sets between each copy and its story's original: why 0.5."""
    originals = {doc.source: set(shingles(doc.text)) for doc in docs if doc.kind == "original"}
    by_kind: dict[str, list[float]] = defaultdict(list)
    for doc in docs:
        if doc.kind in ("original", "distractor"):
            continue
        own, original = set(shingles(doc.text)), originals.get(doc.source, set())
        if own and original:
            by_kind[doc.kind].append(len(own & original) / len(own | original))
    lines = ["| copy kind | n | min | median | max |", "|---|---:|---:|---:|---:|"]
    for kind, values in sorted(by_kind.items()):
        values.sort()
        lines.append(
            f"| {kind} | {len(values)} | {values[0]:.2f} | "
            f"{values[len(values) // 2]:.2f} | {values[-1]:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ground-truth", type=Path, default=DEFAULT_TRUTH)
    parser.add_argument("--min-words", type=int, default=120)
    parser.add_argument("--distractors", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=20261124)
    args = parser.parse_args(argv)
    if not args.ground_truth.exists():
        print(f"no ground truth at {args.ground_truth}", file=sys.stderr)
        return 2

    bodies = load_bodies(args.ground_truth, args.min_words)
    docs = build_corpus(bodies, args.distractors, args.seed)
    kinds = Counter(doc.kind for doc in docs)
    print(f"{len(docs)} documents from {len(bodies)} stories: {dict(sorted(kinds.items()))}\n")
    print("Jaccard of word 3-shingles, copy vs. its original (negatives: vs. the story they")
    print("borrow from):\n")
    print(jaccard_table(docs) + "\n")

    results = []
    for name, make in CANDIDATES.items():
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        results.append(measure(name, make, docs))

    print(
        "| method | precision | recall | hard negatives flagged | µs/fingerprint "
        "| µs/article (memory) "
        "| bytes/stored article (memory) | bytes/stored article (SQLite) | µs/article (SQLite) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r.name} | {r.precision:.3f} | {r.recall:.3f} | "
            f"{r.negatives_flagged}/{r.negatives} | {r.us_per_fingerprint:,.0f} | "
            f"{r.us_per_article:,.0f} | "
            f"{r.memory_per_stored:,.0f} | {r.disk_per_stored:,.0f} | "
            f"{r.us_per_article_sqlite:,.0f} |"
        )
    kinds_seen = sorted({kind for r in results for kind in r.recall_by_kind})
    print("\nRecall by kind of copy:\n")
    print("| method | " + " | ".join(kinds_seen) + " |")
    print("|---|" + "---:|" * len(kinds_seen))
    for r in results:
        cells = " | ".join(f"{r.recall_by_kind.get(kind, 0):.2f}" for kind in kinds_seen)
        print(f"| {r.name} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
