"""Fetch one URL for `newscrawl discover`: standard library only, bounded in time and size.

Discovery runs outside Scrapy (a dozen requests, one after another, from a shell), so it
uses urllib; but it introduces itself with the same User-Agent as a crawl, and every way
a request can fail (DNS, refused connection, TLS, timeout, an endless or compressed body)
becomes a `FetchError` with a one-line message, never a traceback.
"""

from __future__ import annotations

import http.client
import logging
import socket
import ssl
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newscrawl.addon import user_agent
from newscrawl.compression import InflatedTooLarge, inflate

if TYPE_CHECKING:
    from email.message import Message

logger = logging.getLogger(__name__)

#: Sitemaps may hold 50,000 URLs (about 10 MB); anything much larger is not worth reading
#: to propose a site stub.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024


class FetchError(Exception):
    """The URL could not be fetched; the message says why, in one line."""


class TooLarge(FetchError):
    """The server answered, with more than `max_bytes`: the site is there."""


@dataclass(frozen=True)
class Fetched:
    """A response: the URL after redirects, its status, content type and (GET) body."""

    url: str
    status: int
    content_type: str
    body: bytes = b""
    #: The charset the server declares in Content-Type, if any.
    charset: str | None = None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class Fetcher:
    """GET and HEAD with the project's User-Agent, a timeout and a body size cap."""

    def __init__(
        self,
        timeout: float = 10.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        agent: str | None = None,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.user_agent = agent or user_agent()
        self.requests = 0

    def get(self, url: str) -> Fetched:
        """The response to a GET (an HTTP error status is a response, not an exception)."""
        return self._request(url, "GET")

    def head(self, url: str) -> Fetched:
        return self._request(url, "HEAD")

    def _request(self, url: str, method: str) -> Fetched:
        self.requests += 1
        request = urllib.request.Request(
            url, method=method, headers={"User-Agent": self.user_agent, "Accept": "*/*"}
        )
        logger.info("%s %s", method, url)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = self._body(response, response.headers) if method == "GET" else b""
                return Fetched(
                    response.url,
                    response.status,
                    _content_type(response.headers),
                    body,
                    response.headers.get_content_charset(),
                )
        except urllib.error.HTTPError as error:
            # Error pages are small and may say something useful ("blocked"): keep a little.
            try:
                body = error.read(64 * 1024) if method == "GET" and error.fp else b""
            except (OSError, http.client.HTTPException):
                body = b""
            finally:
                error.close()
            return Fetched(error.url or url, error.code, _content_type(error.headers), body)
        except urllib.error.URLError as error:
            raise FetchError(f"cannot reach {url}: {_reason(error.reason)}") from None
        except TimeoutError:
            raise FetchError(f"{url}: no answer within {self.timeout:g} s") from None
        except (http.client.HTTPException, ConnectionError, ssl.SSLError) as error:
            raise FetchError(f"{url}: broken response ({_reason(error)})") from None
        except ValueError as error:  # a malformed URL
            raise FetchError(f"{url}: {error}") from None

    def _body(self, response: http.client.HTTPResponse, headers: Message) -> bytes:
        body = response.read(self.max_bytes + 1)
        if len(body) > self.max_bytes:
            raise TooLarge(f"{response.url}: larger than {self.max_bytes // 1024} kB, skipped")
        encoding = (headers.get("Content-Encoding") or "").strip().lower()
        if encoding in ("gzip", "x-gzip", "deflate"):
            # Not asked for, but some servers compress anyway.
            try:
                body = inflate(body, self.max_bytes, zlib_too=True)
            except zlib.error as error:
                raise FetchError(f"{response.url}: broken compressed body ({error})") from None
            except InflatedTooLarge:
                raise TooLarge(
                    f"{response.url}: larger than {self.max_bytes // 1024} kB once "
                    "decompressed, skipped"
                ) from None
        return body


def _content_type(headers: Message | None) -> str:
    value = headers.get("Content-Type", "") if headers is not None else ""
    return str(value).split(";", 1)[0].strip().lower()


def _reason(reason: object) -> str:
    """A short human reason for a network error."""
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error: {reason.reason or reason}"
    text = str(reason).strip()
    return text or type(reason).__name__
