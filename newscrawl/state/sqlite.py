"""The default crawl state: one SQLite file in the data folder, shared by all spiders.

One file rather than one per spider so that a text exported by one site can be found from
another (`by_content_hash`, indexed). Runs of different spiders may write at once: WAL
mode lets readers proceed while one writer commits, and writers wait for each other
(`busy_timeout`). Every record is committed at once: a commit in WAL mode with
`synchronous=NORMAL` costs tens of microseconds (no fsync; the page cache survives a
killed process, so `kill -9` loses nothing that was committed), which keeps the rule
simple: a record is durable before its article's line is written to the feed.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscrawl.state.base import (
    FeedFile,
    RecordingBackend,
    Run,
    Seen,
    SourceRecord,
    StateUnavailable,
    Status,
    utc_now,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    spider TEXT NOT NULL,
    url TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    article_url TEXT,
    lastmod TEXT,
    published TEXT,
    content_hash TEXT,
    run_id TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (spider, url)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pages_by_hash ON pages (content_hash) WHERE content_hash IS NOT NULL;
CREATE INDEX IF NOT EXISTS pages_by_run ON pages (run_id);
CREATE INDEX IF NOT EXISTS pages_by_article ON pages (spider, article_url);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    spider TEXT NOT NULL,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    reason TEXT,
    feeds TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS runs_by_spider ON runs (spider, status);
CREATE TABLE IF NOT EXISTS sources (
    spider TEXT NOT NULL,
    url TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    lastmod TEXT,
    cutoff TEXT,
    read_at TEXT NOT NULL,
    run_id TEXT NOT NULL,
    PRIMARY KEY (spider, url)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_SOURCE_COLUMNS = "url, etag, last_modified, lastmod, cutoff, read_at, run_id"
_PAGE_COLUMNS = (
    "url, status, run_id, seen_at, lastmod, published, content_hash, reason, article_url, spider"
)


class SqliteState(RecordingBackend):
    """`CrawlState` in a SQLite file (created with its folder when missing)."""

    def __init__(self, path: Path | str, spider: str, timeout: float = 60.0) -> None:
        self.path = Path(path)
        self.spider = spider
        self.location = str(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: autocommit; transactions are explicit (`_transaction`).
        self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._create_schema()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        from newscrawl.state import state_path  # here: the package imports this module

        assert crawler.spider is not None
        return cls(state_path(crawler.settings), crawler.spider.name)

    def _create_schema(self) -> None:
        # executescript() commits on its own; the statements are idempotent.
        self._db.executescript(_SCHEMA)
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None:
            self._db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,)
            )
        elif int(row[0]) > SCHEMA_VERSION:
            raise StateUnavailable(
                f"{self.path} was written by a newer newscrawl (state schema {row[0]}); "
                "upgrade newscrawl or point NEWSCRAWL_STATE_PATH elsewhere"
            )

    # Pages

    def get(self, url: str) -> Seen | None:
        row = self._db.execute(
            f"SELECT {_PAGE_COLUMNS} FROM pages WHERE spider = ? AND url = ?", (self.spider, url)
        ).fetchone()
        return Seen(*row) if row else None

    def _record(
        self,
        urls: Iterable[str],
        status: Status,
        article_url: str,
        lastmod: str | None,
        published: str | None,
        content_hash: str | None,
        run_id: str,
    ) -> None:
        now = utc_now()
        rows = [
            (self.spider, url, status, article_url, lastmod, published, content_hash, run_id, now)
            for url in dict.fromkeys(urls)
        ]
        with self._transaction():
            self._db.executemany(
                """INSERT INTO pages (spider, url, status, article_url, lastmod, published,
                                      content_hash, run_id, seen_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (spider, url) DO UPDATE SET
                       status = excluded.status, reason = NULL,
                       article_url = excluded.article_url,
                       lastmod = excluded.lastmod, published = excluded.published,
                       content_hash = excluded.content_hash, run_id = excluded.run_id,
                       seen_at = excluded.seen_at""",
                rows,
            )

    def confirm_exported(self, article_url: str, run_id: str) -> None:
        with self._transaction():
            self._db.execute(
                """UPDATE pages SET status = 'exported'
                   WHERE spider = ? AND article_url = ? AND run_id = ? AND status = 'pending'""",
                (self.spider, article_url, run_id),
            )

    def release(self, article_url: str, run_id: str) -> None:
        with self._transaction():
            self._db.execute(
                """DELETE FROM pages
                   WHERE spider = ? AND article_url = ? AND run_id = ? AND status = 'pending'""",
                (self.spider, article_url, run_id),
            )

    def record_dropped(
        self, urls: Iterable[str], reason: str, *, lastmod: str | None, run_id: str
    ) -> None:
        now = utc_now()
        rows = [(self.spider, url, reason, lastmod, run_id, now) for url in dict.fromkeys(urls)]
        with self._transaction():
            self._db.executemany(
                """INSERT INTO pages (spider, url, status, reason, lastmod, run_id, seen_at)
                   VALUES (?, ?, 'dropped', ?, ?, ?, ?)
                   ON CONFLICT (spider, url) DO UPDATE SET
                       reason = excluded.reason, lastmod = excluded.lastmod,
                       run_id = excluded.run_id, seen_at = excluded.seen_at
                   WHERE pages.status = 'dropped'""",
                rows,
            )

    def by_content_hash(self, content_hash: str) -> list[Seen]:
        rows = self._db.execute(
            f"""SELECT {_PAGE_COLUMNS} FROM pages
                WHERE content_hash = ? AND status IN ('exported', 'pending')
                ORDER BY seen_at, spider, url""",
            (content_hash,),
        ).fetchall()
        return [Seen(*row) for row in rows]

    def exported_by_run(self, run_id: str) -> dict[str, str]:
        rows = self._db.execute(
            """SELECT url, article_url FROM pages
               WHERE spider = ? AND run_id = ? AND status IN ('exported', 'pending')""",
            (self.spider, run_id),
        )
        return {url: article_url or url for url, article_url in rows}

    def forget(self, urls: Iterable[str], run_id: str) -> None:
        with self._transaction():
            self._db.executemany(
                "DELETE FROM pages WHERE spider = ? AND url = ? AND run_id = ?",
                [(self.spider, url, run_id) for url in urls],
            )

    def counts(self) -> dict[str, int]:
        """Records of this spider by status (for logs and tools)."""
        rows = self._db.execute(
            "SELECT status, COUNT(*) FROM pages WHERE spider = ? GROUP BY status", (self.spider,)
        )
        return {status: count for status, count in rows}

    # Sources

    def get_source(self, url: str) -> SourceRecord | None:
        row = self._db.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE spider = ? AND url = ?",
            (self.spider, url),
        ).fetchone()
        return SourceRecord(*row) if row else None

    def record_sources(self, records: Iterable[SourceRecord]) -> None:
        rows = [
            (
                self.spider,
                r.url,
                r.etag,
                r.last_modified,
                r.lastmod,
                r.cutoff,
                r.read_at or utc_now(),
                r.run_id,
            )
            for r in records
        ]
        if not rows:
            return
        with self._transaction():
            self._db.executemany(
                f"INSERT OR REPLACE INTO sources (spider, {_SOURCE_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    # Runs

    def start_run(self, run: Run) -> None:
        with self._transaction():
            self._db.execute(
                """INSERT INTO runs (run_id, spider, pid, host, started_at, status, feeds)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (
                    run.run_id,
                    run.spider,
                    run.pid,
                    run.host,
                    run.started_at,
                    run.status,
                    _feeds_json(run.feeds),
                ),
            )

    def add_feed(self, run_id: str, feed: FeedFile) -> None:
        with self._transaction():
            row = self._db.execute("SELECT feeds FROM runs WHERE run_id = ?", (run_id,)).fetchone()
            feeds = [*_feeds_from_json(row[0] if row else "[]"), feed]
            self._db.execute(
                "UPDATE runs SET feeds = ? WHERE run_id = ?", (_feeds_json(feeds), run_id)
            )

    def finish_run(self, run_id: str, *, status: str, reason: str) -> None:
        with self._transaction():
            self._db.execute(
                "UPDATE runs SET status = ?, reason = ?, finished_at = ? WHERE run_id = ?",
                (status, reason, utc_now(), run_id),
            )

    def unfinished_runs(self) -> list[Run]:
        rows = self._db.execute(
            """SELECT run_id, spider, pid, host, started_at, status, finished_at, reason, feeds
               FROM runs WHERE spider = ? AND status = 'running' ORDER BY started_at""",
            (self.spider,),
        ).fetchall()
        return [_run(row) for row in rows]

    def runs(self) -> list[Run]:
        """Every run of this spider, oldest first."""
        rows = self._db.execute(
            """SELECT run_id, spider, pid, host, started_at, status, finished_at, reason, feeds
               FROM runs WHERE spider = ? ORDER BY started_at""",
            (self.spider,),
        ).fetchall()
        return [_run(row) for row in rows]

    def close(self) -> None:
        self._db.close()

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error): takes the write lock up front, so a
    concurrent writer makes us wait (busy_timeout) instead of failing mid-transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if kind else "COMMIT")


def _run(row: tuple[Any, ...]) -> Run:
    run_id, spider, pid, host, started_at, status, finished_at, reason, feeds = row
    return Run(
        run_id=run_id,
        spider=spider,
        pid=pid,
        host=host,
        started_at=started_at,
        status=status,
        finished_at=finished_at,
        reason=reason,
        feeds=_feeds_from_json(feeds),
    )


def _feeds_json(feeds: list[FeedFile]) -> str:
    return json.dumps([vars(feed) for feed in feeds])


def _feeds_from_json(text: str) -> list[FeedFile]:
    data: list[dict[str, Any]] = json.loads(text or "[]")
    return [FeedFile(**feed) for feed in data]
