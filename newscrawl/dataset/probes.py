"""Fingerprint records for deduplication in worker processes, in order, with bounded memory.

Shingling and MinHash cost about a quarter of a millisecond per article: in an export of
millions, more than the rest of the work. Worker processes compute the probes (see
`newscrawl.dedup.make_probe`) while the main process reads, looks up and writes; only texts
travel to the workers, and at most a few batches are in flight, so memory stays flat. The
first batches are done inline, so a small export never pays for starting a process.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING

from newscrawl.dedup import Fingerprinter, Probe, make_probe

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from concurrent.futures import Future

    from newscrawl.dataset.inputs import Record

logger = logging.getLogger(__name__)

BATCH = 256
#: Batches done in the main process before workers start.
INLINE_BATCHES = 4


def probed(
    records: Iterable[Record], fingerprinter: Fingerprinter | None, jobs: int
) -> Iterator[tuple[Record, Probe]]:
    """(record, its probe), in the records' order; `jobs` worker processes (0: none)."""
    iterator = iter(records)
    pool: ProcessPoolExecutor | None = None
    pending: deque[tuple[list[Record], Future[list[Probe]]]] = deque()
    try:
        number = 0
        while batch := list(islice(iterator, BATCH)):
            work = [(r["text"], _given_hash(r)) for r in batch]
            if jobs < 1 or number < INLINE_BATCHES:
                yield from zip(batch, _probe_batch(fingerprinter, work), strict=True)
            else:
                if pool is None:
                    # spawn: no forked copy of the parent's state (open SQLite, buffers).
                    context = multiprocessing.get_context("spawn")
                    pool = ProcessPoolExecutor(jobs, mp_context=context)
                    logger.info("fingerprinting in %d worker processes", jobs)
                pending.append((batch, pool.submit(_probe_batch, fingerprinter, work)))
                while len(pending) > 2 * jobs + 2:
                    done, future = pending.popleft()
                    yield from zip(done, future.result(), strict=True)
            number += 1
        while pending:
            done, future = pending.popleft()
            yield from zip(done, future.result(), strict=True)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _given_hash(record: Record) -> str | None:
    value = record.get("content_hash")
    return value if isinstance(value, str) and value else None


def _probe_batch(
    fingerprinter: Fingerprinter | None, work: list[tuple[str, str | None]]
) -> list[Probe]:
    return [make_probe(fingerprinter, text, given) for text, given in work]
