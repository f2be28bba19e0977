"""Decompress a body from the web without letting it grow past a cap: a zip bomb is a
valid gzip file, so the cap is checked while inflating, not after."""

from __future__ import annotations

import zlib


class InflatedTooLarge(ValueError):
    """The body decompresses to more than the cap."""


def inflate(body: bytes, max_bytes: int, *, zlib_too: bool = False) -> bytes:
    """`body` decompressed from gzip (or, with `zlib_too`, from a zlib stream), at most
    `max_bytes` of it; raise `zlib.error` when it is broken, `InflatedTooLarge` when it
    holds more."""
    window = zlib.MAX_WBITS | (32 if zlib_too else 16)  # 32: detect gzip or zlib header
    data = zlib.decompressobj(window).decompress(body, max_bytes + 1)
    if len(data) > max_bytes:
        raise InflatedTooLarge(f"larger than {max_bytes} bytes once decompressed")
    return data
