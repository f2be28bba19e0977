"""Article-text quality metric: the Zyte article-extraction benchmark's, and junk measures.

Shared by `benchmarks/quality.py` (the benchmark) and the quality floor test over a
sample of the same pages (`tests/test_quality_floor.py`), so both score alike:

* Texts are tokenized with the Unicode regex ``\\w+``; shingles are token 4-grams (a text
  with 1-3 tokens yields one shingle of all its tokens; an empty text none).
* Per document, TP/FP/FN are multiset overlaps of predicted and true shingles; precision
  and recall are the means of the per-document values, F1 the harmonic mean of the means.
* Accuracy: share of documents whose ``\\w+`` token sequences are identical.
* Junk after / before: non-whitespace characters of the prediction after the article's last
  true-positive shingle (before its first), true positives consumed in order, so a
  related headline that quotes the article is junk, not "more article".

`plain_markup` renames a page's class and id values, to score a page as a site whose
markup vocabulary no rule knows would give it; `plain_tags` also turns its sectioning
elements (`<article>`, `<main>`, `<nav>`, `<aside>`, ...) into `<div>`s, as an old or
hand-made site writes them.
"""

from __future__ import annotations

import hashlib
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

NGRAM = 4
TOKEN_RE = re.compile(r"\w+")
SPACE_RE = re.compile(r"\s+")

Shingle = tuple[str, ...]


def tokenize(text: str) -> list[str]:
    """Split into ``\\w+`` tokens, the benchmark's language-agnostic tokenizer."""
    return TOKEN_RE.findall(text or "")


def shingles(tokens: Sequence[str], n: int = NGRAM) -> list[Shingle]:
    """Token n-grams in order; short texts give one shorter shingle, empty none."""
    return [
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    ]


@dataclass(frozen=True)
class DocScore:
    """Raw shingle counts and junk measurements for one page."""

    tp: int
    fp: int
    fn: int
    exact: bool
    junk_after: str
    junk_before: str

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)


def harmonic_mean(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def non_space_len(text: str) -> int:
    return len(SPACE_RE.sub("", text))


def matched_positions(pred: Sequence[Shingle], true: Counter[Shingle]) -> list[int]:
    """Indices of predicted shingles that are true positives, consuming the truth in order.

    A shingle matches only while the truth still has an unused copy, so an
    article phrase repeated in a related-headline list after the article is
    junk, not "more article".
    """
    left = true.copy()
    hits = []
    for i, shingle in enumerate(pred):
        if left[shingle] > 0:
            left[shingle] -= 1
            hits.append(i)
    return hits


def junk_spans(pred: str, true: Counter[Shingle]) -> tuple[str, str]:
    """Prediction text after the article's end and before its start.

    The end is the last true-positive shingle when matching left to right; the
    start is the first one when matching right to left from that end, so a
    headline or standfirst that repeats the lead before the article is junk,
    and a page extracted twice counts its second copy once, as junk after.
    Works on character offsets of the ``\\w+`` matches so the junk reads as
    the extractor emitted it.
    """
    matches = list(TOKEN_RE.finditer(pred or ""))
    pred_sh = shingles([m.group() for m in matches])
    forward = matched_positions(pred_sh, true)
    if not forward:
        return pred or "", ""
    last = forward[-1]
    first = last - matched_positions(pred_sh[last::-1], true)[-1]
    end = matches[min(last + NGRAM, len(matches)) - 1].end()
    return pred[end:].strip(), pred[: matches[first].start()].strip()


def score_document(true: str, pred: str) -> DocScore:
    """Score one prediction against its ground truth (see module docstring)."""
    true_tokens, pred_tokens = tokenize(true), tokenize(pred)
    true_sh, pred_sh = Counter(shingles(true_tokens)), Counter(shingles(pred_tokens))
    tp = sum((true_sh & pred_sh).values())
    after, before = junk_spans(pred, true_sh)
    return DocScore(
        tp=tp,
        fp=sum(pred_sh.values()) - tp,
        fn=sum(true_sh.values()) - tp,
        exact=true_tokens == pred_tokens,
        junk_after=after,
        junk_before=before,
    )


@dataclass(frozen=True)
class Metrics:
    f1: float
    precision: float
    recall: float
    accuracy: float


def aggregate(scores: Sequence[DocScore]) -> Metrics:
    """Benchmark metrics: means of per-page precision and recall, F1 of the means."""
    if not scores:
        return Metrics(0.0, 0.0, 0.0, 0.0)
    precision = statistics.fmean(s.precision for s in scores)
    recall = statistics.fmean(s.recall for s in scores)
    accuracy = statistics.fmean(s.exact for s in scores)
    return Metrics(harmonic_mean(precision, recall), precision, recall, accuracy)


_CLASS_OR_ID = re.compile(r"""(\s(?:class|id)\s*=\s*)("[^"]*"|'[^']*')""", re.IGNORECASE)


def plain_markup(html: str) -> str:
    """`html` with every word of its `class` and `id` values replaced by a token derived
    from it ("share-bar" -> "c3f9a1b"): the structure stays, the vocabulary goes."""

    def rename(match: re.Match[str]) -> str:
        words = match.group(2)[1:-1].split()
        tokens = " ".join("c" + hashlib.md5(w.encode()).hexdigest()[:6] for w in words)
        return f'{match.group(1)}"{tokens}"'

    return _CLASS_OR_ID.sub(rename, html)


_SECTIONING_TAG = re.compile(
    r"<(/?)(article|main|section|header|footer|nav|aside)(?=[\s>/])", re.IGNORECASE
)


def plain_tags(html: str) -> str:
    """`plain_markup(html)` with its sectioning elements written as `<div>`s: the page as a
    site that names nothing, in class names or in tags, would give it."""
    return _SECTIONING_TAG.sub(r"<\1div", plain_markup(html))
