"""Parse XML sitemaps, sitemap indexes and Google News sitemaps.

Scrapy's `Sitemap` drops the `<news:news>` block, and with it the publication date that
makes `max_age` work on news sitemaps without fetching a single article. This parser keeps
`lastmod`, `news:publication_date` and `news:title`, reads gzip by its magic number (sites
serve `.xml.gz` both raw and with `Content-Encoding`), never resolves entities, and
tolerates the broken XML sitemaps are often made of.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from io import BytesIO

from lxml import etree

from newscrawl.core.compression import InflatedTooLarge, inflate

_GZIP_MAGIC = b"\x1f\x8b"
_NEWS_ONLY = frozenset({"title", "publication_date"})


class SitemapError(ValueError):
    """The body is not a sitemap (HTML error page, empty, truncated gzip, ...)."""


@dataclass(frozen=True)
class SitemapEntry:
    """One `<url>` or `<sitemap>` entry."""

    loc: str
    lastmod: str | None = None
    #: From `<news:news>`: Google News sitemaps only.
    news_published: str | None = None
    news_title: str | None = None


@dataclass(frozen=True)
class SitemapDocument:
    """A parsed sitemap: `kind` is "sitemapindex" (entries are sitemaps) or "urlset".
    `truncated`: it held more than `max_entries` entries, and the rest were not read."""

    kind: str
    entries: tuple[SitemapEntry, ...]
    truncated: bool = False


#: The sitemap protocol's own limits: 50,000 entries and 50 MB (uncompressed) per file.
MAX_ENTRIES = 50_000
MAX_BYTES = 50 * 1024 * 1024


def parse_sitemap(
    body: bytes, max_size: int = MAX_BYTES, max_entries: int = MAX_ENTRIES
) -> SitemapDocument:
    """Parse a sitemap or sitemap index; raise `SitemapError` when `body` is not one. At
    most `max_size` bytes once decompressed (more is an error) and `max_entries` entries
    (the rest are not read: `truncated`). Streams: memory stays flat however many
    entries the file holds, and reading stops at the cap."""
    too_large = False
    if body[:2] == _GZIP_MAGIC:
        try:
            body = inflate(body, max_size)
        except zlib.error as error:
            raise SitemapError(f"broken gzip: {error}") from None
        except InflatedTooLarge:
            # Over the cap: read the first `max_size` bytes, as a file cut there.
            body = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(body, max_size)
            too_large = True
        if not body.strip():
            raise SitemapError("broken gzip: no data once decompressed")
    if len(body) > max_size:
        body, too_large = body[:max_size], True
    if not body.strip():
        raise SitemapError("empty body")
    events = etree.iterparse(
        BytesIO(body),
        events=("start", "end"),
        recover=True,
        resolve_entities=False,
        no_network=True,
        huge_tree=True,
        remove_comments=True,
    )
    root: etree._Element | None = None
    kind = ""
    entries: list[SitemapEntry] = []
    truncated = False
    try:
        for event, node in events:
            if root is None:
                root = node
                kind = etree.QName(root).localname.lower()
                if kind not in {"urlset", "sitemapindex"}:
                    raise SitemapError(f"root element is <{kind}>, not <urlset> or <sitemapindex>")
            elif event == "end" and node.getparent() is root:
                entry = _entry(node)
                node.clear()  # the entry is read: free it, and the ones before it
                while node.getprevious() is not None:
                    del root[0]
                if entry is None:
                    continue
                if len(entries) >= max_entries:
                    truncated = True
                    break
                entries.append(entry)
    except etree.XMLSyntaxError as error:
        if root is None:
            raise SitemapError(f"not XML: {error}") from None
    if root is None:
        raise SitemapError("not XML")
    return SitemapDocument(kind=kind, entries=tuple(entries), truncated=truncated or too_large)


def _entry(node: etree._Element) -> SitemapEntry | None:
    if not isinstance(node.tag, str):
        return None
    values: dict[str, str] = {}
    for child in node.iter():
        if not isinstance(child.tag, str) or child is node:
            continue
        qname = etree.QName(child)
        name = qname.localname.lower()
        if name in _NEWS_ONLY and "news" not in (qname.namespace or ""):
            continue  # <image:title>, <video:publication_date>: not the article's
        text = (child.text or "").strip()
        if text and name not in values:
            values[name] = text
    loc = values.get("loc")
    if not loc:
        return None
    return SitemapEntry(
        loc=loc,
        lastmod=values.get("lastmod"),
        news_published=values.get("publication_date"),
        news_title=values.get("title"),
    )
