"""Serve a folder of site files on a loopback port, for the demo, tests and benchmarks.

Sitemaps, feeds and robots.txt must hold absolute URLs, but the port is only known once
the server listens, so files may write `{{BASE}}` where the site's origin goes; it is
replaced at serve time (in `.xml`, `.xml.gz`, `.rss`, `.atom`, `.txt` and `.html` files).
Directory URLs serve their `index.html`; a missing file is a real 404. Files are served
as a static web server serves them, with an `ETag` (a hash of the body) and a
`Last-Modified` (the file's time), and a conditional GET (`If-None-Match`, else
`If-Modified-Since`) for an unchanged file is a 304 without a body.

For crawl tests and benchmarks it can hold back every HTML page by `delay` seconds (a
polite, latency-bound site), log every request path (to count what a crawl asked for, from
outside the crawl; a request log file gets "PATH STATUS" lines), and *gate* HTML pages:
`hold(after=N)` answers N more pages, then keeps every later one waiting until
`release()`. A test that must catch a crawl half-way gates the site instead of racing it
with delays, so a busy machine cannot let the crawl finish first.
`python -m newscrawl.testing.localsite ROOT` serves a folder from its own process and prints its
URL on the first line.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import logging
import mimetypes
import random
import signal
import subprocess
import sys
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)

BASE_PLACEHOLDER = b"{{BASE}}"
_TEMPLATED = (".xml", ".rss", ".atom", ".txt", ".html", ".htm")
_TYPES = {
    ".xml": "application/xml",
    ".gz": "application/gzip",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up early (a crawler cancelling an oversized download) is
        # routine here, not a traceback on stderr.
        logger.debug("Connection from %s ended early", client_address, exc_info=True)


class LocalSite:
    """A threaded HTTP server for `root` on 127.0.0.1; use as a context manager."""

    def __init__(
        self,
        root: Path | str,
        port: int = 0,
        delay: float = 0.0,
        request_log: Path | str | None = None,
        jitter: float = 0.0,
    ) -> None:
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise FileNotFoundError(f"site folder not found: {self.root}")
        #: Seconds to wait before answering a request for an HTML page.
        self.delay = delay
        #: Up to this many more seconds, at random, on top of `delay` (a real server's spread).
        self.jitter = jitter
        #: Every request path, in arrival order.
        self.requests: list[str] = []
        #: (path, status) of every answer, in the order they were sent.
        self.answers: list[tuple[str, int]] = []
        #: The most requests being answered at once (received, not yet answered).
        self.most_at_once = 0
        self.request_log = Path(request_log) if request_log else None
        self._lock = threading.Lock()
        #: HTML requests past the gate's allowance wait on it (None: no gate is up).
        self._gate = threading.Condition(self._lock)
        self._allowance: int | None = None
        #: Paths (without the query) answered with an HTTP error status instead: a page
        #: or a sitemap that fails, for as long as it is listed here.
        self.errors: dict[str, int] = {}
        #: Set once a request has been held at the gate: the crawl is waiting on the test.
        self.holding = threading.Event()
        handler = type("Handler", (_Handler,), {"site": self})
        self._server = _Server(("127.0.0.1", port), handler)
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> LocalSite:
        # `stop` waits for the serving loop to look up (every `poll_interval` seconds, 0.5 by
        # default): half a second per server, at the end of every test and demo crawl.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release()  # a held request must not keep a handler thread waiting forever
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def hold(self, after: int = 0) -> None:
        """Answer `after` more HTML pages, then hold every later one until `release()`."""
        with self._lock:
            self._allowance = after
            self.holding.clear()

    def allow(self, pages: int) -> None:
        """Let `pages` more HTML pages through the gate (held ones first), then hold again."""
        with self._lock:
            self._allowance = (self._allowance or 0) + pages
            self.holding.clear()
            self._gate.notify_all()

    def release(self) -> None:
        """Open the gate: held requests are answered, and no later one is held."""
        with self._lock:
            self._allowance = None
            self._gate.notify_all()

    def _pass_gate(self) -> None:
        with self._lock:
            while self._allowance == 0:
                self.holding.set()
                self._gate.wait()
            if self._allowance is not None:
                self._allowance -= 1

    def record(self, path: str) -> None:
        """Count a request."""
        with self._lock:
            self.requests.append(path)
            self.most_at_once = max(self.most_at_once, len(self.requests) - len(self.answers))

    def answered(self, path: str, status: int) -> None:
        """Note an answer (and log it, when serving with a request log); before it is sent,
        so that the client's next request finds this one answered."""
        with self._lock:
            self.answers.append((path, status))
            if self.request_log is not None:
                with self.request_log.open("a", encoding="utf-8") as log:
                    log.write(f"{path} {status}\n")

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def resolve(self, url_path: str) -> Path | None:
        """The file that serves `url_path`, or None (404). Never leaves `root`."""
        path = unquote(urlsplit(url_path).path)
        candidate = (self.root / path.lstrip("/")).resolve()
        if candidate != self.root and self.root not in candidate.parents:
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def body(self, path: Path) -> bytes:
        return _render(path, path.stat().st_mtime_ns, self.base_url.encode())


@lru_cache(maxsize=4096)
def _render(path: Path, mtime_ns: int, base: bytes) -> bytes:
    data = path.read_bytes()
    name = path.name.lower()
    if name.endswith(".gz") and name.removesuffix(".gz").endswith(_TEMPLATED):
        text = gzip.decompress(data)
        if BASE_PLACEHOLDER in text:
            return gzip.compress(text.replace(BASE_PLACEHOLDER, base), mtime=0)
        return data
    if name.endswith(_TEMPLATED):
        return data.replace(BASE_PLACEHOLDER, base)
    return data


def content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    return _TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


class _Handler(BaseHTTPRequestHandler):
    site: LocalSite
    protocol_version = "HTTP/1.1"  # keep-alive, as real sites

    def do_GET(self) -> None:
        self._serve(with_body=True)

    def do_HEAD(self) -> None:
        self._serve(with_body=False)

    def _serve(self, with_body: bool) -> None:
        self.site.record(self.path)
        if (error := self.site.errors.get(urlsplit(self.path).path)) is not None:
            self._answer_error(error)
            return
        path = self.site.resolve(self.path)
        if path is not None and path.suffix in (".html", ".htm"):
            self.site._pass_gate()  # pages only: robots.txt and sitemaps are never held
        if (self.site.delay or self.site.jitter) and (
            path is None or path.suffix in (".html", ".htm")
        ):
            time.sleep(self.site.delay + random.uniform(0, self.site.jitter))
        validators: dict[str, str] = {}
        if path is None:
            body, status, ctype = (
                b"<html><body><h1>404 Not Found</h1></body></html>",
                404,
                "text/html",
            )
        else:
            body, status, ctype = self.site.body(path), 200, content_type(path)
            mtime = int(path.stat().st_mtime)
            validators = {
                "ETag": f'"{hashlib.sha1(body).hexdigest()[:16]}"',
                "Last-Modified": formatdate(mtime, usegmt=True),
            }
            if self._not_modified(validators["ETag"], mtime):
                body, status = b"", 304
        self.site.answered(self.path, status)
        self.send_response(status)
        for name, value in validators.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body and body:
            self.wfile.write(body)

    def _answer_error(self, status: int) -> None:
        body = f"<html><body><h1>Error {status}</h1></body></html>".encode()
        self.site.answered(self.path, status)
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _not_modified(self, etag: str, mtime: int) -> bool:
        """RFC 9110: `If-None-Match` decides when sent; else `If-Modified-Since`."""
        if (tags := self.headers.get("If-None-Match")) is not None:
            return tags.strip() == "*" or etag in (t.strip() for t in tags.split(","))
        if (since := self.headers.get("If-Modified-Since")) is not None:
            try:
                return mtime <= int(parsedate_to_datetime(since).timestamp())
            except (TypeError, ValueError):
                return False
        return False

    def log_message(self, format: str, *args: object) -> None:
        logger.debug("%s %s", self.address_string(), format % args)


def main(argv: list[str] | None = None) -> None:
    """Serve a folder until SIGTERM/SIGINT; the first line printed is its URL."""
    parser = argparse.ArgumentParser(
        prog="python -m newscrawl.testing.localsite", description=main.__doc__
    )
    parser.add_argument("root", type=Path)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds per HTML page")
    parser.add_argument("--jitter", type=float, default=0.0, help="up to this much more, at random")
    parser.add_argument("--request-log", type=Path, help="append each request path here")
    args = parser.parse_args(argv)
    site = LocalSite(args.root, args.port, args.delay, args.request_log, args.jitter)
    stopped = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopped.set())
    with site:
        print(site.base_url, flush=True)
        stopped.wait()


def serve_in_subprocess(
    root: Path, *options: str, stderr: IO[str] | None = None
) -> tuple[subprocess.Popen[str], str]:
    """Serve `root` from another process (`main`, with its `options`: `--request-log`,
    `--delay`, ...), so that serving costs the measured process no CPU; the process and
    the site's URL. The caller stops it (`terminate()`, then `wait()`)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "newscrawl.testing.localsite", str(root), *options],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


if __name__ == "__main__":
    main()
