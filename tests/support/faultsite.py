"""A news site that fails in every way a stranger's server can, for `test_faults.py`.

`FaultSite` serves good article pages (each ending in a related-headlines tail) and, at
one path each, the faults in `FAULTS`; `Canary` listens on every local address (IPv4 and
IPv6) at a port no crawl may reach, and counts what reaches it. Pages that must wait (a
timeout, a trickle) wait on an event the test sets when it is done, never on a sleep.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from newscrawl.testing.synthetic import prose

TAIL = ["Read more", "Harbour strike ends after nine days", "Ferry fares to rise in spring"]
LATIN = "abcdefghijklmnopqrstuvwxyz"
SCRIPTS = {
    "latin": str.maketrans(LATIN, LATIN),
    "cyrillic": str.maketrans(LATIN, "абцдефгхийклмнопярстужвьуз"),
    "katakana": str.maketrans(LATIN, "アイウエオカキクケコサシスセソタチツテトナニヌネノハ"),
    "accented": str.maketrans("aeiou", "àéîõü"),
}


def paragraphs(seed: str, script: str = "latin") -> list[str]:
    return [p.translate(SCRIPTS[script]) for p in prose(seed, 6)]


def article_html(
    seed: str,
    title: str | None = None,
    head: str = "",
    charset: str = "utf-8",
    script: str = "latin",
) -> str:
    paragraphs_ = paragraphs(seed, script)
    title = title or f"Council story {seed}"
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs_)
    tail = (
        f"<h2>{TAIL[0]}</h2><ul>"
        + "".join(f'<li><a href="/other-{n}.html">{t}</a></li>' for n, t in enumerate(TAIL[1:]))
        + "</ul>"
    )
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f'<!doctype html><html lang="en"><head>{meta}<title>{escape(title)}</title>'
        f'<meta property="og:type" content="article">{head}</head><body><main><article>'
        f"<h1>{escape(title)}</h1>{body}{tail}</article></main></body></html>"
    )


@dataclass
class Good:
    """A page that must be exported whole: its first and last paragraph, no tail."""

    path: str
    seed: str
    script: str = "latin"


class Canary:
    """Listens on every local address at one port; `hits` is what reached it."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        canary = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                canary.hits.append(f"{self.client_address[0]} {self.path}")
                body = b"<html><body><p>secret: the metadata service's token</p></body></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        class DualStack(ThreadingHTTPServer):
            daemon_threads = True
            address_family = socket.AF_INET6

            def server_bind(self) -> None:
                self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
                super().server_bind()

        try:
            self.server: ThreadingHTTPServer = DualStack(("::", 0), Handler)
            self.ipv6 = True
        except OSError:  # no IPv6 here: every IPv4 address still
            self.server = ThreadingHTTPServer(("0.0.0.0", 0), Handler)
            self.ipv6 = False
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


Respond = Callable[[BaseHTTPRequestHandler], None]


class FaultSite:
    def __init__(self, canary_port: int) -> None:
        self.released = threading.Event()
        self.seen_503: set[str] = set()
        self.canary = canary_port
        self.good: list[Good] = []
        self.routes: dict[str, Respond] = {}
        self._build()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                route = site.routes.get(self.path.split("?")[0])
                try:
                    if route is None:
                        _send(self, 404, b"<html><body>Not found</body></html>")
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: object, client_address: object) -> None:
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()

    def urls(self) -> list[str]:
        return [self.base + path for path in self.routes if path != "/robots.txt"]

    # The pages

    def _page(self, path: str, html: str | bytes, ctype: str = "text/html; charset=utf-8") -> None:
        body = html.encode() if isinstance(html, str) else html
        self.routes[path] = lambda h: _send(h, 200, body, ctype)

    def _good(self, path: str, seed: str, html: str | bytes | None = None, **kw: str) -> None:
        self.good.append(Good(path, seed, kw.get("script", "latin")))
        ctype = kw.get("ctype", "text/html; charset=utf-8")
        self._page(path, html if html is not None else article_html(seed), ctype)

    def _redirect(self, path: str, target: str) -> None:
        self.routes[path] = lambda h: _send(h, 302, b"", "text/html", {"Location": target})

    def _build(self) -> None:
        canary = self.canary
        self.routes["/robots.txt"] = lambda h: _send(h, 200, b"User-agent: *\n", "text/plain")
        for n in range(4):
            self._good(f"/good/{n}.html", f"good-{n}")
        # Repaired on the way: exported, and right.
        self.routes["/good/503-then-200.html"] = self._then_ok
        self.good.append(Good("/good/503-then-200.html", "retry"))
        cyrillic = article_html("ru", script="cyrillic").encode("cp1251")
        self._good("/good/utf8-declared-cp1251.html", "ru", cyrillic, script="cyrillic")
        self._good(
            "/good/undeclared-shift-jis.html",
            "sjis",
            article_html("sjis", charset="", script="katakana").encode("shift_jis"),
            ctype="text/html",
            script="katakana",
        )
        self._good(
            "/good/meta-only-cp1252.html",
            "cp1252",
            article_html("cp1252", charset="windows-1252", script="accented").encode("cp1252"),
            ctype="text/html",
            script="accented",
        )
        self._good(
            "/good/broken-json-ld.html",
            "brokenld",
            article_html(
                "brokenld", head='<script type="application/ld+json">{"@type": "News</script>'
            ),
        )
        self._good(
            "/good/malformed-canonical.html",
            "canon",
            article_html("canon", head='<link rel="canonical" href="http://[::1">'),
        )
        # Faults: never exported.
        page = article_html("fault").encode()
        self.routes["/fault/http-500.html"] = lambda h: _send(h, 500, page)
        self.routes["/fault/http-404.html"] = lambda h: _send(h, 404, page)
        self.routes["/fault/http-410.html"] = lambda h: _send(h, 410, page)
        self.routes["/fault/timeout.html"] = self._hang
        self.routes["/fault/reset-mid-body.html"] = lambda h: _reset(h, page)
        self.routes["/fault/short-body.html"] = lambda h: _short(h, page)
        whole = gzip.compress(article_html("cut").encode())
        cut = whole[: len(whole) * 55 // 100]
        self.routes["/fault/truncated-gzip.html"] = lambda h: _send(
            h, 200, cut, extra={"Content-Encoding": "gzip"}
        )
        bomb = gzip.compress(b"<html><body>" + b"\0" * 64 * 1024 * 1024)
        self.routes["/fault/gzip-bomb.html"] = lambda h: _send(
            h, 200, bomb, extra={"Content-Encoding": "gzip"}
        )
        nested = gzip.compress(bomb)
        self.routes["/fault/nested-gzip-bomb.html"] = lambda h: _send(
            h, 200, nested, extra={"Content-Encoding": "gzip"}
        )
        self.routes["/fault/huge-page.html"] = self._huge
        self._page("/fault/binary-as-html.html", os.urandom(20_000))
        words = " ".join(prose("invalid", 6)).split()
        invalid = b" ".join(w.encode() + bytes([0x80 + n % 120]) for n, w in enumerate(words))
        self._page(
            "/fault/invalid-bytes.html", b"<html><body><p>" + invalid + b"</p></body></html>"
        )
        self._page(
            "/fault/deep-dom.html",
            "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>",
        )
        self._page("/fault/empty-body.html", b"")
        self._redirect("/fault/redirect-loop.html", "/fault/redirect-loop-2.html")
        self._redirect("/fault/redirect-loop-2.html", "/fault/redirect-loop.html")
        for name, target in {
            "127-0-0-2": f"http://127.0.0.2:{canary}/a",
            "decimal": f"http://2130706433:{canary}/b",
            "hex": f"http://0x7f000001:{canary}/c",
            "short": f"http://127.1:{canary}/d",
            "localhost": f"http://localhost:{canary}/e",
            "mapped-v6": f"http://[::ffff:127.0.0.1]:{canary}/f",
            "unspecified": f"http://0.0.0.0:{canary}/g",
            "v6-loopback": f"http://[::1]:{canary}/h",
            "metadata": "http://169.254.169.254/latest/meta-data/",
            "same-host-other-port": f"http://127.0.0.1:{canary}/i",
        }.items():
            self._redirect(f"/fault/redirect-to-{name}.html", target)
        refresh = f'<meta http-equiv="refresh" content="0; url=http://127.0.0.2:{canary}/j">'
        self._page("/fault/meta-refresh-private.html", f"<html><head>{refresh}</head></html>")
        self.routes["/fault/slow-trickle.html"] = self._trickle
        # One paragraph of links: read as one long line of text, not an article for all
        # that (`newscrawl.extraction._link_list`).
        links = " ".join(f'<a href="/l/{n}.html">Link {n}</a>' for n in range(50_000))
        self._page("/fault/50k-links.html", f"<html><body><p>{links}</p></body></html>")
        huge_ld = json.dumps({"@type": "NewsArticle", "articleBody": " ".join(prose("ld")) * 700})
        self._page(
            "/fault/huge-json-ld.html",
            f'<html><head><script type="application/ld+json">{huge_ld}</script></head>'
            "<body><p>Teaser only.</p></body></html>",
        )
        self._page(
            "/fault/huge-title.html",
            f"<html><head><title>{'T' * 1_000_000}</title></head><body><p>x</p></body></html>",
        )
        self._page(
            "/fault/image-as-page.html", b"\x89PNG\r\n\x1a\n" + os.urandom(5000), "image/png"
        )
        self._page(
            "/fault/too-short.html",
            "<html><body><article><p>Live: updates soon.</p></article></body></html>",
        )

    def _then_ok(self, handler: BaseHTTPRequestHandler) -> None:
        if handler.path not in self.seen_503:
            self.seen_503.add(handler.path)
            _send(handler, 503, article_html("retry-error").encode())
        else:
            _send(handler, 200, article_html("retry").encode())

    def _hang(self, handler: BaseHTTPRequestHandler) -> None:
        self.released.wait()

    def _trickle(self, handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        while not self.released.wait(0.2):  # paced, not synchronized: a byte every 0.2 s
            handler.wfile.write(b"<")
            handler.wfile.flush()

    def _huge(self, handler: BaseHTTPRequestHandler) -> None:
        size = 17 * 1024 * 1024
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(size))
        handler.end_headers()
        chunk = b"<p>word</p>" * 10_000
        for _ in range(size // len(chunk) + 1):
            handler.wfile.write(chunk)


FAULTS = 33  # paths under /fault/ (checked by the test)


def _send(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    ctype: str = "text/html; charset=utf-8",
    extra: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (extra or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def _reset(handler: BaseHTTPRequestHandler, body: bytes) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body[: len(body) // 2])
    handler.wfile.flush()
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.connection.close()  # RST, mid-body


def _short(handler: BaseHTTPRequestHandler, body: bytes) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(len(body) * 2))
    handler.end_headers()
    handler.wfile.write(body)
    handler.wfile.flush()
    handler.close_connection = True
