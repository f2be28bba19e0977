"""URL canonicalization: one spelling per article, so one request and one record per article.

courlan (trafilatura's URL library) lower-cases scheme and host, drops default ports,
sorts the query and removes tracking parameters (`utm_*`, `fbclid`, `gclid`, `mc_cid`,
`ref`, ...); the fragment never names another document, so it goes too.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from courlan import normalize_url


def canonicalize(url: str) -> str:
    """The canonical spelling of `url`; `url` unchanged when it cannot be parsed."""
    try:
        normalized = normalize_url(url.strip(), strict=False)
    except ValueError:
        return url
    parts = urlsplit(normalized)
    return urlunsplit(parts._replace(fragment="")) if parts.fragment else normalized
