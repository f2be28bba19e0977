"""Which network addresses a crawl may connect to: the policy behind the address guard.

A crawler follows URLs that strangers wrote (sitemaps, feeds, redirects, meta refresh),
so without a guard a page can send it to `http://169.254.169.254/` (a cloud metadata
service), `http://127.0.0.1:6379/` or any host of the local network, and the answer may
end up in the dataset. By default every address that is not a public unicast one is
refused: loopback, private (RFC 1918, unique local), link-local, CGNAT (100.64.0.0/10),
multicast, reserved, unspecified, documentation ranges, and IPv6 addresses that embed
one of those (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo).

Hosts are read in every spelling a resolver accepts (`2130706433`, `0x7f000001`,
`0177.0.0.1`, `127.1`, `[::ffff:127.0.0.1]`), so a URL cannot dress a refused address up.
`NEWSCRAWL_ALLOW_PRIVATE_HOSTS` names the exact hosts allowed anyway (an intranet site, a
test's own server): `"intranet.example"`, `"127.0.0.1:8377"`, `"[::1]:8080"`. An entry
matches the host as written in the URL, so allowing `127.0.0.1` allows neither `127.0.0.2`
nor `2130706433`.

No Scrapy here: the crawl's guard (`newscrawl.crawl.guard`) and `newscrawl discover` share it.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
# One inet_aton part: decimal, octal (leading 0) or hex (0x).
_PART = re.compile(r"^(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$")


def parse_ip(host: str) -> IPAddress | None:
    """The address a host names when it is an IP literal in any spelling a resolver
    accepts (dotted quad, `127.1`, decimal, hex, octal, bracketed IPv6 with or without a
    zone); None for a host name."""
    host = host.strip().lower().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            return None
    return _inet_aton(host)


def _inet_aton(host: str) -> ipaddress.IPv4Address | None:
    """IPv4 as glibc's `inet_aton` reads it: 1 to 4 parts, each decimal, octal or hex,
    the last part filling the remaining bytes."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4 or not all(_PART.match(p) for p in parts):
        return None
    values = []
    for part in parts:
        if part[:2] in ("0x", "0X"):
            values.append(int(part[2:] or "0", 16))
        elif len(part) > 1 and part[0] == "0":
            values.append(int(part, 8))
        else:
            values.append(int(part))
    *head, last = values
    if any(v > 255 for v in head) or last >= 256 ** (4 - len(head)):
        return None
    number = last
    for position, value in enumerate(head):
        number |= value << (8 * (3 - position))
    return ipaddress.IPv4Address(number)


def refused_kind(address: IPAddress) -> str | None:
    """Why a crawl must not connect to `address` ("loopback", "private", ...), or None
    for a public unicast address."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return refused_kind(embedded)
    for kind in ("unspecified", "loopback", "link_local", "multicast", "reserved"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return "cgnat"
    if address.is_private or not address.is_global:
        return "private"
    return None


_CGNAT = ipaddress.ip_network("100.64.0.0/10")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]  # the client's address
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


@dataclass(frozen=True)
class AllowEntry:
    host: str
    port: int | None


class AddressPolicy:
    """Refuses non-public addresses, except for the hosts in `allowed` ("host" or
    "host:port", an IPv6 literal in brackets)."""

    def __init__(self, allowed: Iterable[str] = ()) -> None:
        self.allowed = tuple(parse_allow_entry(entry) for entry in allowed if entry.strip())

    def allows_host(self, host: str, port: int | None) -> bool:
        """Whether the host (as written in the URL) and port are allowed anyway."""
        name = normalize_host(host)
        return any(e.host == name and e.port in (None, port) for e in self.allowed)

    def check(self, host: str, port: int | None, address: IPAddress) -> str | None:
        """Why connecting to `address` for `host:port` is refused, or None."""
        kind = refused_kind(address)
        if kind is None or self.allows_host(host, port):
            return None
        return kind


def normalize_host(host: str) -> str:
    """Lower case, no brackets, no trailing dot; an IPv6 literal in its short form."""
    host = host.strip().lower().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if ":" in host:
        try:
            return str(ipaddress.IPv6Address(host))
        except ValueError:
            return host
    return host


def parse_allow_entry(entry: str) -> AllowEntry:
    """ "host", "host:port", "[v6]" or "[v6]:port"; raises ValueError for anything else."""
    text = entry.strip()
    port: str | None = None
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest:
            if not rest.startswith(":"):
                raise ValueError(f"not a host or host:port: {entry!r}")
            port = rest[1:]
    elif text.count(":") == 1:
        host, port = text.split(":")
    else:
        host = text  # a name, an IPv4 address, or a bare IPv6 address
    if not host or any(c in host for c in "/@ \t"):
        raise ValueError(f"not a host or host:port: {entry!r}")
    if port is not None and not (port.isdigit() and 0 < int(port) < 65536):
        raise ValueError(f"bad port in {entry!r}")
    return AllowEntry(normalize_host(host), int(port) if port is not None else None)
