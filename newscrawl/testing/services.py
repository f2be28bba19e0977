"""Real Redis and scrapyd servers on free loopback ports, for tests and benchmarks.

No fakes: the distributed tests exercise the real engines. `redis_server()` runs the
`redis-server` binary (Debian: `apt-get install redis-server`), without persistence, in a
temporary folder; `scrapyd_server()` runs scrapyd (`pip install scrapyd`) from its own
folder. Both start on a free port, wait until the server answers (polling its real
status, not a fixed sleep), and are stopped on exit.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.request import urlopen

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

#: How to install what a test needs, for its skip message.
REDIS_HINT = "redis-server (Debian/Ubuntu: apt-get install redis-server)"
SCRAPYD_HINT = "scrapyd (pip install scrapyd, or pip install -e '.[test]')"
#: Only against a server that never comes up: polling its status is the synchronization.
START_GUARD = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def redis_binary() -> str | None:
    return shutil.which("redis-server")


@dataclass
class RedisServer:
    url: str
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        """Stop the server now (a test of what workers do when Redis dies)."""
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(timeout=30)


@contextmanager
def redis_server() -> Iterator[RedisServer]:
    """A fresh Redis on a free loopback port."""
    binary = redis_binary()
    if binary is None:
        raise FileNotFoundError(f"no redis-server: install {REDIS_HINT}")
    folder = Path(tempfile.mkdtemp(prefix="newscrawl-redis-"))
    for _ in range(5):  # the port may be taken between choosing and binding it
        port = free_port()
        process = subprocess.Popen(
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(folder),
                "--protected-mode",
                "yes",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if _wait_redis(port, process):
            break
        process.kill()
        process.wait()
    else:
        raise RuntimeError("redis-server did not start")
    server = RedisServer(f"redis://127.0.0.1:{port}/0", process)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _wait_redis(port: int, process: subprocess.Popen[bytes]) -> bool:
    return _wait_until_up(process, lambda: _redis_pongs(port), pause=0.05)


def _redis_pongs(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")


def _wait_until_up(
    process: subprocess.Popen[bytes], answers: Callable[[], bool], pause: float
) -> bool:
    """Whether the server `process` started answers (`answers`, which may raise OSError
    while it cannot) before `START_GUARD` seconds; False as soon as the process exits."""
    deadline = time.monotonic() + START_GUARD
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            if answers():
                return True
        except OSError:
            pass
        time.sleep(pause)
    return False


def scrapyd_available() -> bool:
    try:
        import scrapyd  # noqa: F401
    except ImportError:
        return False
    return True


@contextmanager
def scrapyd_server(folder: Path) -> Iterator[str]:
    """scrapyd on a free loopback port, with its eggs, logs and jobs in `folder`; yields
    its URL."""
    folder.mkdir(parents=True, exist_ok=True)
    for _ in range(5):
        port = free_port()
        (folder / "scrapyd.conf").write_text(
            f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\npoll_interval = 0.2\n",
            encoding="utf-8",
        )
        log = (folder / "scrapyd.log").open("ab")
        process = subprocess.Popen(
            [sys.executable, "-m", "scrapyd"], cwd=folder, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        url = f"http://127.0.0.1:{port}"
        if _wait_http(f"{url}/daemonstatus.json", process):
            break
        process.kill()
        process.wait()
    else:
        raise RuntimeError("scrapyd did not start: " + (folder / "scrapyd.log").read_text())
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


def _wait_http(url: str, process: subprocess.Popen[bytes]) -> bool:
    return _wait_until_up(process, lambda: _http_ok(url), pause=0.1)


def _http_ok(url: str) -> bool:
    with urlopen(url, timeout=2) as response:
        return bool(response.status == 200)
