"""One rule for every crawl state backend: the same script of a run, killed or not, over
SQLite and a real Redis, must leave the same records."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest

from newscrawl.distributed import hostname
from newscrawl.state import FeedFile, Run
from newscrawl.state.recovery import recover_interrupted_runs
from newscrawl.state.sqlite import SqliteState

if TYPE_CHECKING:
    from pathlib import Path

A = "https://news.example/2026/11/03/a.html"
B = "https://news.example/2026/11/03/b.html"
C = "https://news.example/2026/11/03/c.html"


@pytest.fixture(params=["sqlite", "redis"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    def make(spider: str = "news") -> Any:
        if request.param == "sqlite":
            return SqliteState(tmp_path / "state.sqlite3", spider)
        import redis

        from newscrawl.state.redis import RedisState

        return RedisState(redis.Redis.from_url(url), spider)

    url = request.getfixturevalue("redis_url") if request.param == "redis" else ""
    return make


def _pending(state: Any, url: str, run_id: str, *aliases: str, content_hash: str = "") -> None:
    state.record_pending(
        [url, *aliases],
        article_url=url,
        lastmod=None,
        published="2026-11-03",
        content_hash=content_hash or url[-6:],
        run_id=run_id,
    )


def _summary(state: Any, *urls: str) -> dict[str, Any]:
    return {
        u: (s.status, s.article_url, s.reason, s.content_hash) if (s := state.get(u)) else None
        for u in urls
    }


def test_pending_confirmed_released_and_dropped_alike(backend: Any) -> None:
    state, other = backend(), backend("other")
    _pending(state, A, "r1", "https://news.example/a?amp", content_hash="h1")
    _pending(state, B, "r1", content_hash="h2")
    _pending(state, C, "r1", content_hash="h3")
    # Pending counts, for any spider (SQLite lists each alias's record, Redis the article's).
    assert {s.article_url for s in other.by_content_hash("h1")} == {A}
    state.confirm_exported(A, "r1")
    state.release(B, "r1")
    state.confirm_exported(C, "r0")  # not this run's: still pending
    state.record_dropped([A, B, "https://news.example/x"], "not_article", lastmod=None, run_id="r1")
    assert _summary(state, A, "https://news.example/a?amp", B, C, "https://news.example/x") == {
        A: ("exported", A, None, "h1"),
        "https://news.example/a?amp": ("exported", A, None, "h1"),
        B: ("dropped", None, "not_article", None),
        C: ("pending", C, None, "h3"),
        "https://news.example/x": ("dropped", None, "not_article", None),
    }
    assert state.by_content_hash("h2") == []
    assert state.exported_by_run("r1") == {A: A, "https://news.example/a?amp": A, C: C}
    state.forget([C], "r1")
    assert state.get(C) is None


def test_recovery_of_a_killed_run_alike(backend: Any, tmp_path: Path) -> None:
    state = backend()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    feed = tmp_path / "run.jsonl"
    feed.write_bytes(
        b"".join(json.dumps({"url": u, "content_hash": u[-6:]}).encode() + b"\n" for u in (A, B))
        + b'{"url": "'
        + C.encode()
    )
    state.start_run(
        Run(
            "r1",
            "news",
            int(dead.stdout),
            hostname(),
            "2026-11-24T00:00:00+00:00",
            feeds=[FeedFile(str(feed), "jsonlines", True)],
        )
    )
    _pending(state, A, "r1")  # its line was written, not confirmed: exported
    _pending(state, C, "r1")  # its line was cut off: forgotten, fetched again
    (result,) = recover_interrupted_runs(state)
    assert (result.kept, result.recorded, result.forgotten) == (2, 1, 1)
    assert _summary(state, A, B, C) == {
        A: ("exported", A, None, A[-6:]),
        B: ("exported", B, None, B[-6:]),
        C: None,
    }
    assert state.unfinished_runs() == []
    assert state.runs()[0].status == "interrupted"
