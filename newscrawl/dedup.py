"""Duplicate detection across runs and sites: exact copies and near-duplicates.

One story is published many times: the same URL under several links in one run, the same
text re-crawled in a later run, and an agency story syndicated to many sites with a new
intro line, a dateline, light edits, a "Read more" list, cut short, or with paragraphs
moved. A `DuplicateIndex` answers "have I kept this article before, and under which URL?"
for a crawl (in-run or across runs) and for `newscrawl export`, with three kinds of match:

* **key**: the same key (URL) was added before: the same page fetched again, perhaps
  updated; a crawl that wants updates may let this kind through.
* **exact**: the same `content_hash` (SHA-1 of the whitespace- and case-normalized text,
  `content_hash()` below; the crawl fills it in `stages.validate`).
* **near**: estimated Jaccard similarity of word 3-shingles at or above a threshold (0.5 by
  default), found with MinHash and LSH banding: each article's 128-value MinHash signature
  is cut into 32 bands of 4 values, each band hashed to one 64-bit key; articles sharing a
  band key are candidates, and a candidate is a duplicate when the signatures agree on at
  least the threshold's share of values.

Two implementations share all of that logic and differ only in storage:
`MemoryDuplicateIndex` (dicts; one run) and `SqliteDuplicateIndex` (a SQLite file, WAL,
band keys in an indexed table, commits in batches) so a new run checks against every past
run without loading them: memory stays flat at any size, a lookup is one indexed query, and
a process killed mid-batch loses at most the uncommitted batch, never the file.

Only articles that are *not* duplicates are added (`duplicate_of` does both steps), so a
match always names the first copy kept, and "first" means first added to the index.

Why MinHash computed by rensa: measured by `python benchmarks/near_duplicates.py` on 6,848
documents — 168 real article bodies (the Zyte benchmark's, read at run time), 8 syndicated
copies of each (verbatim, intro line, dateline, ~3% of words edited, "Read more" list,
truncated to 65-80%, paragraphs moved, several at once), 2 hard negatives of each (another
story sharing a third of its sentences; a follow-up quoting two), 5,000 unrelated
distractors — every candidate through this module's banding, verification and storage:

    method                      P      R      hard neg.  µs/fingerprint  B/article  B/article
                                              flagged    (best of 3)     in memory  in SQLite
    exact hash (baseline)       1.000  0.126  0/336         71             221        152
    MinHash, rensa R-MinHash    1.000  0.992  0/336        279           3,588        994
    MinHash, rensa C-MinHash    1.000  0.994  0/336        372           3,589        994
    MinHash, datasketch         1.000  0.993  0/336      1,480           3,588        988
    Simhash, trafilatura, d<=3  0.999  0.647  1/336        718             518        220
    Simhash, trafilatura, d<=7  0.985  0.853  1/336        719             400        281

Simhash (trafilatura, already a dependency) hashes a bag of long words: a truncated copy or
an appended "Read more" list moves it past any Hamming radius that bands index cheaply
(recall on truncated copies 0.08 at d<=3, 0.43 at d<=7) and it flags a hard negative. The
three MinHash rows are one scheme, so their quality is the same within noise; rensa's
R-MinHash (Rust, no dependencies, ~1 MB) is the fastest, 5x faster than datasketch (which
brings numpy and scipy, ~200 MB). Shingling in Python is most of the 279 µs. On this corpus
the lowest true Jaccard of a copy was 0.55 (several edits at once) and the highest of a
hard negative 0.42, hence the 0.5 threshold; 32 bands of 4 find a pair at Jaccard 0.5 with
probability 0.87, at 0.6 with 0.99. The time per article including lookup and insert is
printed too but varies ±50% between runs; fingerprints dominate it.

rensa's signature depends on its `ALGORITHM_VERSION`, part of the scheme name stored in a
persistent index: an index built by an incompatible version is refused, not misread.
"""

from __future__ import annotations

import hashlib
import logging
import operator
import re
import sqlite3
import sys
from abc import ABC, abstractmethod
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from rensa import RMinHash

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from types import TracebackType
    from typing import Self

logger = logging.getLogger(__name__)

Kind = Literal["key", "exact", "near"]

# One token per CJK character (those scripts do not separate words with spaces), else runs
# of word characters.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")


def content_hash(text: str) -> str:
    """SHA-1 (hex) of the text with case folded and whitespace runs collapsed: the
    `Article.content_hash` of a text."""
    normalized = " ".join(text.casefold().split())
    return hashlib.sha1(normalized.encode("utf-8")).hexdigest()


def shingles(text: str, size: int = 3) -> list[str]:
    """Word `size`-grams of the case-folded text (one gram of all words when shorter)."""
    tokens = _TOKEN.findall(text.casefold())
    if len(tokens) <= size:
        return [" ".join(tokens)] if tokens else []
    return [" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]


@dataclass(frozen=True)
class Fingerprint:
    """What a near-duplicate index stores for one article."""

    #: Compared with `Fingerprinter.similarity` to confirm a candidate.
    signature: bytes
    #: LSH band keys (signed 64-bit): articles sharing one are candidates.
    bands: tuple[int, ...]


class Fingerprinter(Protocol):
    """A near-duplicate scheme: how to fingerprint a text and compare two fingerprints."""

    #: Identifies the scheme and every parameter that changes a fingerprint; stored in a
    #: persistent index, which refuses to mix schemes.
    name: str
    #: Smallest `similarity` that counts as a duplicate.
    threshold: float

    def fingerprint(self, text: str) -> Fingerprint | None:
        """The text's fingerprint, or None when it is too short to compare reliably."""
        ...

    def similarity(self, a: bytes, b: bytes) -> float:
        """Similarity of two signatures, from 0 to 1."""
        ...


def _little_endian(values: array[int]) -> bytes:
    if sys.byteorder == "big":  # stored signatures and band keys must not depend on the CPU
        values.byteswap()
    return values.tobytes()


class MinHashFingerprinter:
    """MinHash of word shingles, computed by rensa, with LSH banding.

    The stored signature keeps the low 16 bits of each MinHash value ("b-bit MinHash"):
    unequal values then agree by chance once in 65,536 comparisons, a negligible bias, and
    the signature takes 256 bytes instead of 512. Band keys use the full values.
    """

    def __init__(
        self,
        threshold: float = 0.5,
        num_perm: int = 128,
        bands: int = 32,
        shingle_size: int = 3,
        min_shingles: int = 5,
        seed: int = 1,
    ) -> None:
        if num_perm % bands:
            raise ValueError(f"num_perm ({num_perm}) must be a multiple of bands ({bands})")
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands = bands
        self.rows = num_perm // bands
        self.shingle_size = shingle_size
        self.min_shingles = min_shingles
        self.seed = seed
        self.name = (
            f"minhash-rensa{RMinHash.ALGORITHM_VERSION}-perm{num_perm}-bands{bands}"
            f"-shingle{shingle_size}-seed{seed}"
        )

    def fingerprint(self, text: str) -> Fingerprint | None:
        grams = shingles(text, self.shingle_size)
        if len(grams) < self.min_shingles:
            return None
        minhash = RMinHash(self.num_perm, self.seed)
        minhash.update(grams)
        return self.from_values(minhash.digest())

    def from_values(self, values: Sequence[int]) -> Fingerprint:
        """Signature and band keys of a MinHash signature (32-bit values, any library)."""
        full = _little_endian(array("I", values))
        width = 4 * self.rows
        bands = tuple(
            int.from_bytes(
                hashlib.blake2b(
                    full[band * width : (band + 1) * width],
                    digest_size=8,
                    person=band.to_bytes(2, "little"),
                ).digest(),
                "little",
                signed=True,
            )
            for band in range(self.bands)
        )
        return Fingerprint(_little_endian(array("H", [v & 0xFFFF for v in values])), bands)

    def similarity(self, a: bytes, b: bytes) -> float:
        left, right = array("H", a), array("H", b)
        return sum(map(operator.eq, left, right)) / max(len(left), 1)


@dataclass(frozen=True)
class Match:
    """A duplicate found: the first copy's key (URL), and how it matched."""

    first: str
    kind: Kind
    #: 1.0 for an exact match; the estimated similarity for a near one.
    similarity: float


@dataclass(frozen=True)
class Probe:
    """What an index compares: the content hash and the fingerprint of one text. Made by
    `make_probe`, a plain function of the text, so it can be computed in another process."""

    hash: bytes
    fingerprint: Fingerprint | None


def make_probe(fingerprinter: Fingerprinter | None, text: str, hash_hex: str | None) -> Probe:
    """The probe of a text; `hash_hex` is its `content_hash` when already known."""
    digest = _hash_bytes(hash_hex) if hash_hex else bytes.fromhex(content_hash(text))
    return Probe(digest, fingerprinter.fingerprint(text) if fingerprinter else None)


class DuplicateIndex(ABC):
    """Remembers kept articles by key (URL); finds exact and near copies of a new one.

    `near`: True for the default `MinHashFingerprinter`, False for exact matches only, or
    a `Fingerprinter` of your own. Subclasses only store and fetch.
    """

    def __init__(self, near: bool | Fingerprinter = True) -> None:
        if near is True:
            self.fingerprinter: Fingerprinter | None = MinHashFingerprinter()
        elif near is False:
            self.fingerprinter = None
        else:
            self.fingerprinter = near

    @property
    def scheme(self) -> str:
        return self.fingerprinter.name if self.fingerprinter else "exact"

    def check(self, key: str, text: str, content_hash: str | None = None) -> str | None:
        """The key of the first copy of this article (its own key when that key was added
        before), or None."""
        match = self.match(make_probe(self.fingerprinter, text, content_hash), key)
        return match.first if match else None

    def add(self, key: str, text: str, content_hash: str | None = None) -> None:
        """Remember a kept article."""
        self._store_probe(key, make_probe(self.fingerprinter, text, content_hash))

    def duplicate_of(
        self, key: str, text: str, content_hash: str | None = None, *, probe: Probe | None = None
    ) -> Match | None:
        """Check and remember in one step (the text is fingerprinted once, or not at all
        when its `probe` is given): the match when the article is a duplicate, else None
        and the article is added."""
        probe = probe or make_probe(self.fingerprinter, text, content_hash)
        match = self.match(probe, key)
        if match is None:
            self._store_probe(key, probe)
        return match

    def match(self, probe: Probe, key: str | None = None) -> Match | None:
        """The first stored copy of a probed text (without adding it): same key first, then
        same content hash, then the earliest-added near match."""
        if key is not None and self._has_key(key):
            return Match(key, "key", 1.0)
        first = self._exact(probe.hash)
        if first is not None:
            return Match(first, "exact", 1.0)
        if self.fingerprinter is None or probe.fingerprint is None:
            return None
        signature = probe.fingerprint.signature
        for _, candidate, stored in sorted(self._candidates(probe.fingerprint.bands)):
            similarity = self.fingerprinter.similarity(signature, stored)
            if similarity >= self.fingerprinter.threshold:
                return Match(candidate, "near", similarity)
        return None

    def _store_probe(self, key: str, probe: Probe) -> None:
        fingerprint = probe.fingerprint
        self._store(
            key,
            probe.hash,
            fingerprint.signature if fingerprint else None,
            fingerprint.bands if fingerprint else (),
        )

    @abstractmethod
    def flush(self) -> None:
        """Make every added article durable."""

    def close(self) -> None:
        self.flush()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @abstractmethod
    def __len__(self) -> int:
        """Number of articles stored."""

    @abstractmethod
    def _has_key(self, key: str) -> bool:
        """Whether an article was stored under this key."""

    @abstractmethod
    def _exact(self, digest: bytes) -> str | None:
        """Key of the first stored article with this content hash."""

    @abstractmethod
    def _candidates(self, bands: Sequence[int]) -> Iterable[tuple[int, str, bytes]]:
        """(insertion order, key, signature) of stored articles sharing a band key."""

    @abstractmethod
    def _store(
        self, key: str, digest: bytes, signature: bytes | None, bands: Sequence[int]
    ) -> None: ...


def _hash_bytes(hash_hex: str) -> bytes:
    try:
        return bytes.fromhex(hash_hex)
    except ValueError:  # not hex: any string works as a key once hashed
        return hashlib.sha1(hash_hex.encode("utf-8")).digest()


class MemoryDuplicateIndex(DuplicateIndex):
    """Everything in dicts: for one crawl run or a small dataset. About 3.6 kB per stored
    article with near-duplicate detection on (32 band keys), 0.2 kB without: beyond a few
    hundred thousand articles, use `SqliteDuplicateIndex`."""

    def __init__(self, near: bool | Fingerprinter = True) -> None:
        super().__init__(near)
        self._keys: list[str] = []
        self._signatures: list[bytes | None] = []
        self._hashes: dict[bytes, int] = {}
        self._key_set: set[str] = set()
        self._bands: dict[int, int | list[int]] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def flush(self) -> None:
        pass  # nothing to make durable

    def _has_key(self, key: str) -> bool:
        return key in self._key_set

    def _exact(self, digest: bytes) -> str | None:
        doc = self._hashes.get(digest)
        return None if doc is None else self._keys[doc]

    def _candidates(self, bands: Sequence[int]) -> Iterator[tuple[int, str, bytes]]:
        docs: set[int] = set()
        for band in bands:
            found = self._bands.get(band)
            if isinstance(found, int):
                docs.add(found)
            elif found is not None:
                docs.update(found)
        for doc in docs:
            signature = self._signatures[doc]
            if signature is not None:
                yield doc, self._keys[doc], signature

    def _store(
        self, key: str, digest: bytes, signature: bytes | None, bands: Sequence[int]
    ) -> None:
        doc = len(self._keys)
        self._keys.append(key)
        self._key_set.add(key)
        self._signatures.append(signature)
        self._hashes.setdefault(digest, doc)
        for band in bands:
            # Most band keys belong to one article: an int, and a list only on collision,
            # halves the memory per article.
            found = self._bands.setdefault(band, doc)
            if isinstance(found, list):
                found.append(doc)
            elif found != doc:
                self._bands[band] = [found, doc]


_SCHEMA = """
CREATE TABLE IF NOT EXISTS dedup_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dedup_docs (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL, hash BLOB NOT NULL, signature BLOB
);
CREATE INDEX IF NOT EXISTS dedup_docs_hash ON dedup_docs (hash);
CREATE INDEX IF NOT EXISTS dedup_docs_key ON dedup_docs (key);
CREATE TABLE IF NOT EXISTS dedup_bands (
    band INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (band, doc)
) WITHOUT ROWID;
"""


class SqliteDuplicateIndex(DuplicateIndex):
    """A duplicate index in a SQLite file, shared by every run that opens it.

    Tables are prefixed `dedup_`, so the file can be the crawl's state database. Writes
    are grouped in transactions of `batch_size` articles (reads on this connection see
    the open batch); `flush()` or `close()` commits the rest. WAL journal: a process killed
    mid-batch leaves the file as of the last commit. `cache_mb` bounds SQLite's page cache,
    and so this index's memory, at any size.
    """

    def __init__(
        self,
        path: str | Path,
        near: bool | Fingerprinter = True,
        batch_size: int = 1000,
        cache_mb: int = 64,
    ) -> None:
        super().__init__(near)
        self.path = Path(path)
        self.batch_size = batch_size
        self._pending = 0
        # isolation_level=None: transactions are ours (BEGIN ... COMMIT per batch).
        self._db = sqlite3.connect(self.path, isolation_level=None)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=30000")
            self._db.execute(f"PRAGMA cache_size={-1024 * int(cache_mb)}")
            self._db.executescript(_SCHEMA)
            self._check_scheme()
        except Exception:
            self._db.close()
            raise

    def _check_scheme(self) -> None:
        row = self._db.execute("SELECT value FROM dedup_meta WHERE name = 'scheme'").fetchone()
        if row is None:
            self._db.execute(
                "INSERT INTO dedup_meta (name, value) VALUES ('scheme', ?)", (self.scheme,)
            )
        elif row[0] != self.scheme:
            raise ValueError(
                f"{self.path}: duplicate index built with scheme {row[0]!r}, "
                f"not {self.scheme!r}: use another file or the same settings"
            )

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM dedup_docs").fetchone()[0])

    def _has_key(self, key: str) -> bool:
        query = "SELECT 1 FROM dedup_docs WHERE key = ? LIMIT 1"
        return self._db.execute(query, (key,)).fetchone() is not None

    def _exact(self, digest: bytes) -> str | None:
        row = self._db.execute(
            "SELECT key FROM dedup_docs WHERE hash = ? ORDER BY id LIMIT 1", (digest,)
        ).fetchone()
        return None if row is None else str(row[0])

    def _candidates(self, bands: Sequence[int]) -> list[tuple[int, str, bytes]]:
        if not bands:
            return []
        marks = ",".join("?" * len(bands))
        return self._db.execute(
            "SELECT id, key, signature FROM dedup_docs WHERE signature IS NOT NULL AND id IN "
            f"(SELECT doc FROM dedup_bands WHERE band IN ({marks}))",
            tuple(bands),
        ).fetchall()

    def duplicate_of(
        self, key: str, text: str, content_hash: str | None = None, *, probe: Probe | None = None
    ) -> Match | None:
        """Check and remember in one write transaction when every article is committed
        at once (`batch_size=1`, the crawl's): two processes sharing the file (two spiders
        running at once) then cannot both find an article new and both keep it."""
        if self.batch_size != 1 or self._pending:
            return super().duplicate_of(key, text, content_hash, probe=probe)
        probe = probe or make_probe(self.fingerprinter, text, content_hash)
        self._db.execute("BEGIN IMMEDIATE")  # the write lock first, then the lookup
        try:
            match = self.match(probe, key)
            if match is None:
                fingerprint = probe.fingerprint
                self._insert(
                    key,
                    probe.hash,
                    fingerprint.signature if fingerprint else None,
                    fingerprint.bands if fingerprint else (),
                )
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
        return match

    def _store(
        self, key: str, digest: bytes, signature: bytes | None, bands: Sequence[int]
    ) -> None:
        if self._pending == 0:
            self._db.execute("BEGIN")
        self._insert(key, digest, signature, bands)
        self._pending += 1
        if self._pending >= self.batch_size:
            self.flush()

    def _insert(
        self, key: str, digest: bytes, signature: bytes | None, bands: Sequence[int]
    ) -> None:
        cursor = self._db.execute(
            "INSERT INTO dedup_docs (key, hash, signature) VALUES (?, ?, ?)",
            (key, digest, signature),
        )
        doc = cursor.lastrowid
        self._db.executemany(
            "INSERT OR IGNORE INTO dedup_bands (band, doc) VALUES (?, ?)",
            [(band, doc) for band in bands],
        )

    def flush(self) -> None:
        if self._pending:
            self._db.execute("COMMIT")
            self._pending = 0

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._db.close()
