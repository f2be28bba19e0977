"""Recover runs that were killed: repair their feed files and make the state agree.

A run is recorded as running when it starts and as finished when it ends; one still
"running" when the next run of its spider holds the run lock was killed (`kill -9`, OOM,
a reboot). Its feed file is the truth about what it exported:

- a cut-off last line (killed inside a write) is removed, so the file holds only whole
  JSON lines;
- every article in the file is recorded as exported (a pending record is confirmed: the
  run was killed after writing the line), so the next run does not fetch and write it
  again; and every record of that run whose article is not in the file is deleted (so
  the next run fetches it: nothing is lost).

Records are pending before their line is written and confirmed after (see
`newscrawl.state.base`), so a kill leaves pending records on both sides of the write;
the file decides.
A file the current run will overwrite (`-O` to the same path) cannot keep anything, and
a feed that is not line-safe (gzip post-processing, JSON arrays, remote storage) cannot
be trusted after a kill: their articles are forgotten and fetched again.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscrawl.core.urls import canonicalize
from newscrawl.state.base import newest_date

if TYPE_CHECKING:
    from collections.abc import Collection

    from newscrawl.state.base import CrawlState, Run

logger = logging.getLogger(__name__)

_CHUNK = 64 * 1024


@dataclass
class Recovered:
    """What recovery did for one interrupted run."""

    run_id: str
    kept: int = 0
    recorded: int = 0
    forgotten: int = 0
    truncated_bytes: int = 0
    files: list[str] = field(default_factory=list)


def recover_interrupted_runs(
    state: CrawlState, overwritten: Collection[Path] = ()
) -> list[Recovered]:
    """Recover every run of `state`'s spider left running. Call it holding the spider's
    run lock, before the new run records anything."""
    results = []
    for run in state.unfinished_runs():
        result = recover_run(state, run, overwritten)
        results.append(result)
        logger.warning(
            "Recovered run %s of %s (pid %d, started %s, killed): %d articles kept from %s, "
            "%d records dropped to fetch again%s",
            run.run_id,
            run.spider,
            run.pid,
            run.started_at,
            result.kept,
            ", ".join(result.files) or "no feed file",
            result.forgotten,
            f", a cut-off last line ({result.truncated_bytes} bytes) removed"
            if result.truncated_bytes
            else "",
        )
    return results


def recover_run(state: CrawlState, run: Run, overwritten: Collection[Path] = ()) -> Recovered:
    result = Recovered(run.run_id)
    articles: dict[str, dict[str, Any]] = {}
    replaced = {Path(p).resolve() for p in overwritten}
    for feed in run.feeds:
        path = Path(feed.path)
        if not feed.line_safe or not path.is_file() or path.resolve() in replaced:
            continue
        result.truncated_bytes += repair_jsonl(path)
        result.files.append(str(path))
        for item in read_jsonl(path, start=feed.start):
            if isinstance(item.get("url"), str):
                articles.setdefault(canonicalize(item["url"]), item)
    result.kept = len(articles)

    recorded = state.exported_by_run(run.run_id)
    stale = [url for url, article in recorded.items() if article not in articles]
    state.forget(stale, run.run_id)
    result.forgotten = len(stale)

    present = set(recorded.values())
    for article_url, item in articles.items():
        if article_url in present:
            state.confirm_exported(article_url, run.run_id)
            continue
        urls = [article_url]
        if isinstance(item.get("canonical_url"), str):
            urls.append(canonicalize(item["canonical_url"]))
        state.record_exported(
            urls,
            article_url=article_url,
            lastmod=newest_date(item.get("modified"), item.get("published")),
            published=item.get("published"),
            content_hash=item.get("content_hash"),
            run_id=run.run_id,
        )
        result.recorded += 1
    state.finish_run(
        run.run_id,
        status="interrupted",
        reason=f"killed; recovered {result.kept} articles, {result.forgotten} records dropped",
    )
    return result


def repair_jsonl(path: Path) -> int:
    """Cut a JSON Lines file after its last newline; return the bytes removed (0 when the
    file already ends with a whole line)."""
    with path.open("r+b") as file:
        size = file.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            start = max(0, end - _CHUNK)
            file.seek(start)
            chunk = file.read(end - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            end = start
        else:
            keep = 0
        if keep < size:
            file.truncate(keep)
        return size - keep


def read_jsonl(path: Path, start: int = 0) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file from byte `start` on; a line that is not one
    is logged and skipped."""
    items = []
    with path.open("rb") as lines:
        lines.seek(start)
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError:
                logger.warning("%s line %d: not JSON, ignored by recovery", path, number)
                continue
            if isinstance(item, dict):
                items.append(item)
    return items
