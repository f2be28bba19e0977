"""Decode an HTML body to text the way a careful reader would, for the crawl and for
`extract_article(bytes)` alike.

Pages lie about their encoding: a body declared UTF-8 that is really windows-1251, a
Shift_JIS page with no charset anywhere, UTF-8 labelled latin-1. The order:

1. a byte order mark;
2. the declared charset (HTTP `Content-Type`, else `<meta charset>`), if the body
   decodes with it (a UTF-8 body labelled latin-1 or windows-1252 is read as UTF-8:
   the most common mislabel, and an unambiguous one);
3. UTF-8, if the body is valid UTF-8;
4. the encoding charset_normalizer detects, when it is confident.

A body that nothing decodes cleanly is decoded with replacement characters and reported
as `invalid` when more than `MAX_INVALID_SHARE` of it was replaced (thousands of U+FFFD
are not an article), so the crawl can drop it.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

#: Share of characters that may be replacement characters before a body is invalid.
MAX_INVALID_SHARE = 0.01
#: Bytes of the body charset_normalizer looks at (it is slow on megabytes).
_DETECT_BYTES = 256 * 1024
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_1", "ascii", "iso8859_15"})


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    #: More than MAX_INVALID_SHARE of the text is replacement characters.
    invalid: bool = False


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """The text of an HTML body (see the module docstring); never raises."""
    bom, skip = read_bom(body)
    if bom and skip:
        return _decoded(body[len(skip) :], _codec(bom) or "utf_8")
    declared = _codec(http_content_type_encoding(content_type or "") or "") or _codec(
        html_body_declared_encoding(body) or ""
    )
    if declared is not None:
        if declared in _WESTERN and not body.isascii() and _decodes(body, "utf_8"):
            return Decoded(body.decode("utf_8"), "utf_8")
        if _decodes(body, declared):
            return Decoded(body.decode(declared), declared)
    elif _decodes(body, "utf_8"):
        return Decoded(body.decode("utf_8"), "utf_8")
    detected = _detect(body)
    if detected is not None:
        return _decoded(body, detected)
    return _decoded(body, declared or "utf_8")


def _decoded(body: bytes, encoding: str) -> Decoded:
    text = body.decode(encoding, errors="replace")
    bad = text.count("\ufffd")
    return Decoded(text, encoding, invalid=bad > MAX_INVALID_SHARE * max(len(text), 1))


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _codec(name: str) -> str | None:
    """Python's codec name for a charset label (WHATWG aliases: latin-1 is cp1252)."""
    resolved = resolve_encoding(name) if name else None
    if not resolved:
        return None
    try:
        return codecs.lookup(resolved).name.replace("-", "_")
    except LookupError:
        return None


def _detect(body: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported when needed: ~40 ms

    match = from_bytes(body[:_DETECT_BYTES]).best()
    if match is None or match.percent_chaos > 10:
        return None
    return _codec(match.encoding)
