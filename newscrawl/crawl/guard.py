"""The address guard: no request of a crawl reaches a loopback, private or otherwise
non-public address, unless `NEWSCRAWL_ALLOW_PRIVATE_HOSTS` names its host.

Two checks, because a URL's host is only a claim:

- `AddressGuardMiddleware`, a downloader middleware placed after every other one, sees
  every request just before it is downloaded: start requests, sitemaps, feeds, listing
  pages, articles, robots.txt, redirects and meta refreshes (those are new requests).
  It refuses other schemes than http(s), and hosts that are IP literals of a refused
  address in any spelling (`newscrawl.core.addresses.parse_ip`).
- `GuardedNameResolver` wraps the reactor's name resolver, which every connection
  of Scrapy's HTTP handlers goes through (IP literals too): it drops refused addresses
  from each answer, so the address a connection is made to is the one checked, and a
  name that resolves to a public address once and to 127.0.0.1 the next time (DNS
  rebinding) is refused the second time. A name left with no address fails the
  request, which the middleware turns into a refusal.

Last, the address a response actually came from (`Response.ip_address`) is checked
again, in case a download handler connected by other means.

A refusal raises `RefusedAddress` (an `IgnoreRequest`: no retry, no traceback), is
counted as `newscrawl/refused/private_address` (`newscrawl/refused/scheme` for other
schemes) and logged once per host. Through a proxy (`meta["proxy"]`) the proxy resolves
the target's name: then only the URL's host literal can be checked.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import CannotResolveHostError, IgnoreRequest, NotConfigured
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IHostnameResolver, IResolutionReceiver
from zope.interface import implementer

from newscrawl.addon import SettingError
from newscrawl.core.addresses import AddressPolicy, parse_ip

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.internet.interfaces import IAddress

logger = logging.getLogger(__name__)

REFUSED_STAT = "newscrawl/refused/private_address"


class RefusedAddress(IgnoreRequest):
    """A request the address guard refused; `host` and `reason` say why."""

    def __init__(self, host: str, reason: str) -> None:
        super().__init__(f"refused: {host} is {reason}")
        self.host = host
        self.reason = reason


def policy_from_settings(values: Sequence[str]) -> AddressPolicy:
    try:
        return AddressPolicy(values)
    except ValueError as error:
        raise SettingError(f"NEWSCRAWL_ALLOW_PRIVATE_HOSTS: {error}") from None


@implementer(IHostnameResolver)
class GuardedNameResolver:
    """Wraps the reactor's name resolver; drops the addresses some registered policy
    refuses from every answer (and remembers which host lost which address)."""

    def __init__(self, wrapped: Any) -> None:
        # Any: zope interfaces (IHostnameResolver) do not type-check as classes.
        self.wrapped = wrapped
        self.policies: list[AddressPolicy] = []
        #: host -> (address, why) of the last address refused for it.
        self.refused: dict[str, tuple[str, str]] = {}

    def resolveHostName(
        self,
        resolutionReceiver: Any,
        hostName: str,
        portNumber: int = 0,
        addressTypes: Sequence[type[IAddress]] | None = None,
        transportSemantics: str = "TCP",
    ) -> Any:
        receiver = _FilteringReceiver(self, resolutionReceiver, hostName, portNumber)
        return self.wrapped.resolveHostName(
            receiver, hostName, portNumber, addressTypes, transportSemantics
        )

    def why_refused(self, host: str, port: int, address: str) -> str | None:
        ip = parse_ip(address)
        if ip is None:
            return None
        for policy in self.policies:
            reason = policy.check(host, port, ip)
            if reason is not None:
                return reason
        return None


@implementer(IResolutionReceiver)
class _FilteringReceiver:
    def __init__(self, guard: GuardedNameResolver, receiver: Any, host: str, port: int) -> None:
        self.guard = guard
        self.receiver = receiver
        self.host = host
        self.port = port

    def resolutionBegan(self, resolutionInProgress: Any) -> None:
        self.receiver.resolutionBegan(resolutionInProgress)

    def addressResolved(self, address: Any) -> None:
        if isinstance(address, (IPv4Address, IPv6Address)):
            reason = self.guard.why_refused(self.host, self.port, address.host)
            if reason is not None:
                self.guard.refused[self.host] = (address.host, reason)
                return
        self.receiver.addressResolved(address)

    def resolutionComplete(self) -> None:
        self.receiver.resolutionComplete()


def install_guard(policy: AddressPolicy) -> GuardedNameResolver:
    """Wrap the running reactor's name resolver (once) and register `policy` with it."""
    from twisted.internet import reactor

    resolver = reactor.nameResolver
    if not isinstance(resolver, GuardedNameResolver):
        resolver = GuardedNameResolver(resolver)
        reactor.installNameResolver(resolver)
    if policy not in resolver.policies:
        resolver.policies.append(policy)
    return resolver


class AddressGuardMiddleware:
    """Refuses requests to non-public addresses (see the module docstring)."""

    def __init__(self, crawler: Crawler, policy: AddressPolicy) -> None:
        self.crawler = crawler
        self.policy = policy
        self.resolver: GuardedNameResolver | None = None
        self._logged: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        allowed = crawler.settings.getlist("NEWSCRAWL_ALLOW_PRIVATE_HOSTS")
        if "*" in allowed:  # documented escape hatch: no guard at all
            raise NotConfigured("NEWSCRAWL_ALLOW_PRIVATE_HOSTS allows every host")
        middleware = cls(crawler, policy_from_settings(allowed))
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_request(self, request: Request) -> None:
        self.resolver = install_guard(self.policy)
        url = urlparse_cached(request)
        if url.scheme not in ("http", "https"):
            self._refuse(url.scheme or "?", "not http(s)", "newscrawl/refused/scheme")
        proxy = request.meta.get("proxy")
        if proxy:
            self._allow_proxy(str(proxy))
        try:
            host, port = url.hostname or "", url.port or (443 if url.scheme == "https" else 80)
        except ValueError:
            raise IgnoreRequest(f"malformed URL: {request.url}") from None
        address = parse_ip(host)
        if address is not None:
            reason = self.policy.check(host, port, address)
            if reason is not None:
                self._refuse(host, f"{address} is {reason}")

    def process_exception(self, request: Request, exception: Exception) -> None:
        if not isinstance(exception, (CannotResolveHostError, DNSLookupError)):
            return
        if self.resolver is None:
            return
        host = urlparse_cached(request).hostname or ""
        refused = self.resolver.refused.get(host)
        if refused is not None:
            address, reason = refused
            self._refuse(host, f"resolved to {address} ({reason})")

    def process_response(self, request: Request, response: Response) -> Response:
        address = getattr(response, "ip_address", None)
        if address is None or request.meta.get("proxy"):
            return response
        url = urlparse_cached(request)
        try:
            port = url.port or (443 if url.scheme == "https" else 80)
        except ValueError:
            return response
        reason = self.policy.check(url.hostname or "", port, address)
        if reason is not None:
            self._refuse(url.hostname or "", f"answered from {address} ({reason})")
        return response

    def spider_closed(self) -> None:
        if self.resolver is not None and self.policy in self.resolver.policies:
            self.resolver.policies.remove(self.policy)

    def _allow_proxy(self, proxy: str) -> None:
        """The proxy the operator configured is connected to whatever its address."""
        from urllib.parse import urlsplit

        parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
        entry = f"{parts.hostname}:{parts.port or 80}"
        if parts.hostname and not self.policy.allows_host(parts.hostname, parts.port or 80):
            self.policy.allowed += AddressPolicy([entry]).allowed

    def _refuse(self, host: str, reason: str, stat: str = REFUSED_STAT) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(stat)
        if host not in self._logged:
            self._logged.add(host)
            logger.warning(
                "Refused to connect to %s: %s (NEWSCRAWL_ALLOW_PRIVATE_HOSTS lists hosts "
                "allowed anyway); later requests to it are refused without a message",
                host,
                reason,
            )
        raise RefusedAddress(host, reason)
