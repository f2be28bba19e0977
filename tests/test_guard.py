"""The address guard's policy and its resolver, without a crawl (the fault crawl in
`test_faults.py` runs it end to end, and `test_discover.py` for discovery)."""

from __future__ import annotations

import ipaddress

import pytest
from twisted.internet.address import IPv4Address, IPv6Address

from newscrawl.core.addresses import AddressPolicy, parse_allow_entry, parse_ip, refused_kind
from newscrawl.crawl.guard import GuardedNameResolver

LOOPBACK_SPELLINGS = [
    "127.0.0.1",
    "127.0.0.2",
    "127.1",
    "2130706433",
    "0x7f000001",
    "0x7f.0.0.1",
    "0177.0.0.1",
    "017700000001",
    "[::1]",
    "::1",
    "[::ffff:127.0.0.1]",
    "::ffff:7f00:1",
    "[::127.0.0.1]",
    "[64:ff9b::127.0.0.1]",
    "[2002:7f00:1::]",
    "[fe80::1%25eth0]",
]


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_every_spelling_of_a_local_address_is_read_and_refused(host: str) -> None:
    address = parse_ip(host)
    assert address is not None, host
    assert refused_kind(address) is not None


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        ("0.0.0.0", "unspecified"),
        ("0", "unspecified"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("100.64.0.1", "cgnat"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("240.0.0.1", "reserved"),
        ("[fc00::1]", "private"),
        ("[ff02::1]", "multicast"),
        ("[::]", "unspecified"),
        ("[::ffff:169.254.169.254]", "link-local"),
        ("[::ffff:10.0.0.1]", "private"),
    ],
)
def test_refused_kinds(host: str, kind: str) -> None:
    address = parse_ip(host)
    assert address is not None
    assert refused_kind(address) == kind


@pytest.mark.parametrize("host", ["93.184.216.34", "8.8.8.8", "[2606:4700::1111]", "1.1.1.1"])
def test_public_addresses_pass(host: str) -> None:
    address = parse_ip(host)
    assert address is not None and refused_kind(address) is None


@pytest.mark.parametrize("host", ["example.com", "localhost", "1.2.3.4.5", "256.1.1.1", "0x", ""])
def test_names_are_not_addresses(host: str) -> None:
    assert parse_ip(host) is None or host == "0x"


def test_inet_aton_forms_match_the_c_library() -> None:
    import socket

    for host in ["127.1", "2130706433", "0x7f000001", "0177.0.0.1", "10.257", "1.2.3"]:
        assert str(parse_ip(host)) == socket.inet_ntoa(socket.inet_aton(host)), host


def test_allowed_hosts_are_exact() -> None:
    policy = AddressPolicy(["127.0.0.1:8377", "intranet.example", "[::1]:8080"])
    loopback = ipaddress.ip_address("127.0.0.1")
    assert policy.check("127.0.0.1", 8377, loopback) is None
    assert policy.check("127.0.0.1", 8378, loopback) == "loopback"  # another port
    assert policy.check("127.0.0.2", 8377, ipaddress.ip_address("127.0.0.2")) == "loopback"
    assert policy.check("2130706433", 8377, loopback) == "loopback"  # another spelling
    assert policy.check("Intranet.Example.", 443, ipaddress.ip_address("10.0.0.5")) is None
    assert policy.check("[::1]", 8080, ipaddress.ip_address("::1")) is None
    only_ip = AddressPolicy(["127.0.0.1"])
    assert only_ip.check("127.0.0.2", 80, ipaddress.ip_address("127.0.0.2")) == "loopback"
    assert only_ip.check("127.0.0.1", 1234, loopback) is None


@pytest.mark.parametrize("entry", ["http://x/", "a b", "host:port", "host:0", "[::1]x", "u@h"])
def test_bad_allow_entries_are_refused(entry: str) -> None:
    with pytest.raises(ValueError):
        parse_allow_entry(entry)


class _FakeResolver:
    """Answers every name with the addresses it is given: what a rebinding DNS does."""

    def __init__(self, *addresses: IPv4Address | IPv6Address) -> None:
        self.addresses = addresses

    def resolveHostName(self, receiver, hostName, portNumber=0, *args):  # type: ignore[no-untyped-def]
        receiver.resolutionBegan(None)
        for address in self.addresses:
            receiver.addressResolved(address)
        receiver.resolutionComplete()
        return receiver


class _Collect:
    def __init__(self) -> None:
        self.addresses: list[str] = []
        self.complete = False

    def resolutionBegan(self, resolution: object) -> None:
        pass

    def addressResolved(self, address: IPv4Address) -> None:
        self.addresses.append(address.host)

    def resolutionComplete(self) -> None:
        self.complete = True


def test_the_resolver_drops_refused_answers_so_a_connection_never_reaches_them() -> None:
    public = IPv4Address("TCP", "93.184.216.34", 80)
    rebound = IPv4Address("TCP", "127.0.0.1", 80)
    metadata = IPv6Address("TCP", "::ffff:169.254.169.254", 80)
    resolver = GuardedNameResolver(_FakeResolver(public, rebound, metadata))
    resolver.policies.append(AddressPolicy([]))
    got = _Collect()
    resolver.resolveHostName(got, "news.example", 80)
    assert got.addresses == ["93.184.216.34"] and got.complete
    assert resolver.refused["news.example"][0] in {"127.0.0.1", "::ffff:169.254.169.254"}

    # The next answer for the same name is all private (rebinding): nothing is left.
    resolver.wrapped = _FakeResolver(rebound)
    got = _Collect()
    resolver.resolveHostName(got, "news.example", 80)
    assert got.addresses == [] and got.complete


def test_the_resolver_lets_an_allowed_host_and_port_through() -> None:
    resolver = GuardedNameResolver(_FakeResolver(IPv4Address("TCP", "10.0.0.5", 8080)))
    resolver.policies.append(AddressPolicy(["intranet.example:8080"]))
    allowed, other_port = _Collect(), _Collect()
    resolver.resolveHostName(allowed, "intranet.example", 8080)
    resolver.resolveHostName(other_port, "intranet.example", 8081)
    assert allowed.addresses == ["10.0.0.5"] and other_port.addresses == []
