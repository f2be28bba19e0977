"""Fetch one URL for `newscrawl discover`: standard library only, bounded in time and size,
behind the crawl's address guard.

Discovery runs outside Scrapy (a dozen requests, one after another, from a shell), so it
uses urllib; but it introduces itself as a crawl does (`Fetcher.from_settings`: the
project's User-Agent, `DOWNLOAD_TIMEOUT`, `DOWNLOAD_MAXSIZE`), and every way a request can
fail (DNS, refused connection, TLS, timeout, an endless or compressed body) becomes a
`FetchError` with a one-line message, never a traceback.

The URLs it fetches are written by the site (robots.txt, the home page, sitemap indexes,
redirects), so they pass the same guard as a crawl's requests
(`newscrawl.core.addresses.AddressPolicy`): every connection resolves its host name itself
and connects only to an address the policy allows, so the address checked is the one
connected to and DNS rebinding cannot get round it; IP literals are read in every
spelling. `NEWSCRAWL_ALLOW_PRIVATE_HOSTS` lists the hosts allowed anyway. A refusal is
a `Refused` error, counted per host in `Fetcher.refused` and logged once per host.
Through a proxy (`http_proxy`, `https_proxy`), the proxy resolves names: only IP literals
are checked then, as in a crawl.
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
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from newscrawl.addon import SettingError, user_agent
from newscrawl.core.addresses import AddressPolicy, normalize_host, parse_ip
from newscrawl.core.compression import InflatedTooLarge, inflate

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from email.message import Message

    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

#: Sitemaps may hold 50,000 URLs (about 10 MB); anything much larger is not worth reading
#: to propose a site stub.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
#: Seconds per request when no setting says (a crawl's `DOWNLOAD_TIMEOUT`).
DEFAULT_TIMEOUT = 30.0


class FetchError(Exception):
    """The URL could not be fetched; the message says why, in one line."""


class TooLarge(FetchError):
    """The server answered, with more than `max_bytes`: the site is there."""


class Refused(FetchError):
    """The address guard refused to connect to `host`; `why` says what it is."""

    def __init__(self, host: str, why: str) -> None:
        super().__init__(f"refused to connect to {host}: {why}")
        self.host = host
        self.why = why


@dataclass
class Refusal:
    """A host the guard refused: why (the first time), and how many requests it cost."""

    why: str
    requests: int = 0


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
    """GET and HEAD with the project's User-Agent, a timeout, a body size cap, and the
    address guard (`allow_private_hosts` as `NEWSCRAWL_ALLOW_PRIVATE_HOSTS`; `["*"]`
    turns the guard off, as in a crawl)."""

    def __init__(
        self,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        agent: str | None = None,
        allow_private_hosts: Iterable[str] = (),
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.user_agent = agent or user_agent()
        self.requests = 0
        self.guard = AddressGuard(allow_private_hosts)
        self._opener = _guarded_opener(self.guard)

    @classmethod
    def from_settings(cls, settings: BaseSettings, timeout: float | None = None) -> Fetcher:
        """A fetcher that introduces itself and waits as a crawl with these settings
        does: `USER_AGENT`, `DOWNLOAD_TIMEOUT` (unless `timeout`), `DOWNLOAD_MAXSIZE`
        (0, no limit to Scrapy, is `DEFAULT_MAX_BYTES` here) and
        `NEWSCRAWL_ALLOW_PRIVATE_HOSTS`."""
        return cls(
            timeout=timeout or settings.getfloat("DOWNLOAD_TIMEOUT") or DEFAULT_TIMEOUT,
            max_bytes=settings.getint("DOWNLOAD_MAXSIZE") or DEFAULT_MAX_BYTES,
            agent=settings.get("USER_AGENT"),
            allow_private_hosts=settings.getlist("NEWSCRAWL_ALLOW_PRIVATE_HOSTS"),
        )

    @property
    def refused(self) -> dict[str, Refusal]:
        """Hosts the guard refused, in the order met."""
        return self.guard.refused

    def get(self, url: str) -> Fetched:
        """The response to a GET (an HTTP error status is a response, not an exception)."""
        return self._request(url, "GET")

    def head(self, url: str) -> Fetched:
        return self._request(url, "HEAD")

    def _request(self, url: str, method: str) -> Fetched:
        self.requests += 1
        logger.info("%s %s", method, url)
        try:
            request = urllib.request.Request(
                url, method=method, headers={"User-Agent": self.user_agent, "Accept": "*/*"}
            )
            with self._opener.open(request, timeout=self.timeout) as response:
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


class AddressGuard:
    """The crawl's address policy for urllib connections (see the module docstring)."""

    def __init__(self, allow_private_hosts: Iterable[str] = ()) -> None:
        allowed = [str(entry) for entry in allow_private_hosts]
        try:
            self.policy = None if "*" in allowed else AddressPolicy(allowed)
        except ValueError as error:
            raise SettingError(f"NEWSCRAWL_ALLOW_PRIVATE_HOSTS: {error}") from None
        self.refused: dict[str, Refusal] = {}

    def check_literal(self, host: str, port: int) -> None:
        """Refuse `host` when it is an IP literal, in any spelling, of a refused address."""
        literal = parse_ip(host)
        if self.policy is None or literal is None:
            return
        kind = self.policy.check(host, port, literal)
        if kind is not None:
            spelled = normalize_host(host) != str(literal)  # 2130706433, 127.1, ...
            self._refuse(host, f"{literal} is {kind}" if spelled else f"{kind} address")

    def connect(
        self,
        address: tuple[str, int],
        timeout: Any = socket._GLOBAL_DEFAULT_TIMEOUT,  # type: ignore[attr-defined]
        source_address: tuple[str, int] | None = None,
    ) -> socket.socket:
        """`socket.create_connection`, guarded: the host is resolved once, the answers
        the policy refuses are dropped, and one that is left is connected to."""
        if self.policy is None:
            return socket.create_connection(address, timeout, source_address)
        host, port = address
        self.check_literal(host, port)
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        usable = self.usable(host, port, answers)
        error: OSError | None = None
        for family, kind, proto, _, sockaddr in usable:
            sock = socket.socket(family, kind, proto)
            try:
                if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:  # type: ignore[attr-defined]
                    sock.settimeout(timeout)
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
            except OSError as failed:
                sock.close()
                error = failed
                continue
            return sock
        raise error or OSError(f"{host} has no address")

    def usable(self, host: str, port: int, answers: list[Any]) -> list[Any]:
        """The resolver's answers (`getaddrinfo` tuples) the policy allows for `host`;
        a refusal when it allows none."""
        if self.policy is None:
            return list(answers)
        usable, refused = [], ("", "")
        for answer in answers:
            address = str(answer[4][0])
            ip = parse_ip(address)
            kind = self.policy.check(host, port, ip) if ip is not None else "not an IP address"
            if kind is None:
                usable.append(answer)
            else:
                refused = (address, kind)
        if not usable and answers:
            self._refuse(host, f"it resolves to {refused[0]} ({refused[1]})")
        return usable

    def _refuse(self, host: str, why: str) -> None:
        refusal = self.refused.setdefault(host, Refusal(why))
        refusal.requests += 1
        if refusal.requests == 1:
            logger.warning(
                "Refused to connect to %s: %s (NEWSCRAWL_ALLOW_PRIVATE_HOSTS lists hosts "
                "allowed anyway); later requests to it are refused without a message",
                host,
                why,
            )
        raise Refused(host, why)


def _guarded_opener(guard: AddressGuard) -> urllib.request.OpenerDirector:
    """An opener for http(s) only (no file:, ftp: or data: URLs, by redirect either)
    whose connections `guard` makes. Proxies from the environment are used as urllib
    uses them: the proxy is connected to as configured, and the target URL's host is
    checked when it is an IP literal."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        _GuardedHTTPHandler(guard),
        _GuardedHTTPSHandler(guard),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _connections(
    base: type[http.client.HTTPConnection], guard: AddressGuard, request: urllib.request.Request
) -> Callable[..., http.client.HTTPConnection]:
    """`base` connections for `request`, made by the guard unless through a proxy."""
    if request.has_proxy() or getattr(request, "_tunnel_host", None):
        target = urlsplit(request.full_url)
        guard.check_literal(target.hostname or "", target.port or 0)
        return base

    def guarded(host: str, **kwargs: Any) -> http.client.HTTPConnection:
        connection = base(host, **kwargs)
        # http.client's connection hook: every connection (HTTPS too, before its TLS
        # handshake) is made by it, so the address connected to is the one checked.
        connection._create_connection = guard.connect  # type: ignore[attr-defined]
        return connection

    return guarded


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, guard: AddressGuard) -> None:
        super().__init__()
        self.guard = guard

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_connections(http.client.HTTPConnection, self.guard, req), req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, guard: AddressGuard) -> None:
        super().__init__()
        self.guard = guard

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(
            _connections(http.client.HTTPSConnection, self.guard, req),
            req,
            context=self._context,  # type: ignore[attr-defined]
        )
