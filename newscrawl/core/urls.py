"""URLs: one spelling per article (so one request and one record per article), the site a
URL belongs to, and whether a URL can be requested at all.

courlan (trafilatura's URL library) lower-cases scheme and host, drops default ports,
sorts the query and removes tracking parameters (`utm_*`, `fbclid`, `gclid`, `mc_cid`,
`ref`, ...); the fragment never names another document, so it goes too. User info
(`user:Password@`) is case-sensitive and keeps its case.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

#: Longer URLs are not requested: no news site needs them, and servers refuse them.
MAX_URL_LENGTH = 8192


def canonicalize(url: str) -> str:
    """The canonical spelling of `url`; `url` unchanged when it cannot be parsed."""
    # Imported here: courlan (with its public-suffix list) costs a quarter of a second to
    # import, which `host_of` and `http_url_problem` do not need.
    from courlan import normalize_url

    try:
        normalized = normalize_url(url.strip(), strict=False)
        parts = urlsplit(normalized)
        userinfo = urlsplit(url.strip()).netloc.rpartition("@")[0]
    except ValueError:
        return url
    if userinfo and parts.netloc.rpartition("@")[0] != userinfo:
        parts = parts._replace(netloc=f"{userinfo}@{parts.netloc.rpartition('@')[2]}")
        normalized = urlunsplit(parts)
    return urlunsplit(parts._replace(fragment="")) if parts.fragment else normalized


#: A date in a URL's path (/2026/11/03/, /2026-11-03/, /20261103/, /2026/11/slug) or a long
#: numeric id (-12345678, /123456/): how sites address one story. A month's archive
#: (/2026/11/) is not one.
_STORY_PATH = re.compile(
    r"/(?:19|20)\d\d(?:([/-]?)\d\d\1\d\d|/\d\d/[^/]+)(?:\D|$)|[/_-]\d{6,}(?:\D|$)"
)
#: A path that ends with a date or a part of one is a day's, month's or year's archive
#: ("/2026/11/03/", "/news/2026-11-03/", "/20261103/").
_ARCHIVE_END = re.compile(r"/(?:19|20)\d\d(?:[/-]\d\d){0,2}/?$|/(?:19|20)\d{6}/?$")
_SLUG_SEPARATOR = re.compile(r"[-_+]+")
#: Words of a slug that names one story ("ferry-timetable-cut-as-fuel-costs-bite"); a
#: section's or a tag's name has one to three.
_MIN_SLUG_WORDS = 5


def is_story_url(url: str | None) -> bool:
    """Whether `url`'s path has the shape of one story's address: a date, a long numeric
    id, or a last segment of five or more words. Section fronts and tag pages ("/city/",
    "/tag/harbour-strike/") have none of these; an archive's path ends with its date."""
    try:
        path = unquote(urlsplit(url).path) if url else ""
    except ValueError:
        return False
    if _ARCHIVE_END.search(path):
        return False
    if _STORY_PATH.search(path):
        return True
    last = path.rstrip("/").rpartition("/")[2]
    last = last.rpartition(".")[0] or last  # without ".html"
    return len([w for w in _SLUG_SEPARATOR.split(last) if w]) >= _MIN_SLUG_WORDS


def host_of(url: str | None) -> str | None:
    """The URL's host without `www.`, or None (also for a malformed URL)."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # "http://[::1": brackets that do not close
        return None
    return host.removeprefix("www.") if host else None


def http_url_problem(url: str) -> str | None:
    """Why `url` cannot be requested (not http(s), no host, a bad port, brackets that do
    not close, spaces, control characters, too long), or None when it can."""
    if len(url) > MAX_URL_LENGTH:
        return f"longer than {MAX_URL_LENGTH} characters"
    if not url.startswith(("http://", "https://")):
        return "not an http(s) URL"
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return "contains whitespace or control characters"
    try:
        parts = urlsplit(url)
        port = parts.port
        host = parts.hostname
    except ValueError as error:
        return str(error)
    if not host:
        return "no host"
    if port == 0:
        return "port 0"
    if "[" in parts.netloc:
        # urlsplit accepts any text in brackets; a URL holds an IPv6 address there.
        from ipaddress import IPv6Address

        try:
            IPv6Address(host.split("%", 1)[0])
        except ValueError:
            return f"{host!r} in brackets is not an IPv6 address"
    return None
