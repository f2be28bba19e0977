"""The two development sets, loaded as one kind of page: the Zyte article-extraction
benchmark and fundus-dev (see each folder's DATA.md under `../shared/benchmarks/`).

Shared by `quality.py` (extraction quality) and `tails.py` (the tails benchmark, which
builds its pages from these bodies). Nothing here is keyed to a page: the loaders read
whatever the folders hold.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared" / "benchmarks"
SETS = ("zyte", "fundus")


@dataclass(frozen=True)
class GoldMeta:
    """Metadata gold (fundus-dev only)."""

    title: str
    authors: tuple[str, ...]
    published: str | None
    language: str


@dataclass(frozen=True)
class DevPage:
    set: str
    id: str
    url: str
    html: str
    truth: str
    #: The site, for counting rule evidence per site (host without `www.`).
    site: str
    language: str | None = None
    meta: GoldMeta | None = None
    script: str = field(default="")

    @property
    def paragraphs(self) -> list[str]:
        """The gold body's lines, stripped, empty ones left out: its paragraphs, for the
        benchmarks that build pages and texts on them."""
        return [line.strip() for line in self.truth.splitlines() if line.strip()]


def load(name: str, root: Path = SHARED, ids: set[str] | None = None) -> list[DevPage]:
    """The pages of one set ("zyte" or "fundus"), in a stable order."""
    if name == "zyte":
        return _zyte(root / "zyte", ids)
    if name == "fundus":
        return _fundus(root / "fundus-dev", ids)
    raise ValueError(f"unknown set {name!r} (choose from {', '.join(SETS)})")


def _zyte(folder: Path, ids: set[str] | None) -> list[DevPage]:
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    pages = []
    for page_id in sorted(truth):
        if ids and page_id not in ids and page_id[:12] not in ids:
            continue
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        body = truth[page_id]["articleBody"]
        url = truth[page_id]["url"]
        pages.append(
            DevPage(
                "zyte", page_id, url, html.decode("utf-8"), body, site_of(url), script=script(body)
            )
        )
    return pages


def _fundus(folder: Path, ids: set[str] | None) -> list[DevPage]:
    pages = []
    for line in (folder / "gold.jsonl").read_text("utf-8").splitlines():
        gold = json.loads(line)
        if ids and gold["id"] not in ids:
            continue
        html = gzip.decompress((folder / gold["file"]).read_bytes()).decode("utf-8")
        meta = GoldMeta(
            title=gold["title"] or "",
            authors=tuple(gold["authors"] or ()),
            published=gold["published"],
            language=gold["language"],
        )
        pages.append(
            DevPage(
                "fundus",
                gold["id"],
                gold["url"],
                html,
                gold["body_text"],
                site_of(gold["url"]),
                language=gold["language"],
                meta=meta,
                script=script(gold["body_text"]),
            )
        )
    return sorted(pages, key=lambda p: p.id)


def site_of(url: str) -> str:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


#: Scripts written without spaces between words (or, for Hangul, scored alike), by the
#: first word of a letter's Unicode name.
_CJK = {"CJK", "HIRAGANA", "KATAKANA", "HANGUL"}


def script(text: str) -> str:
    """The script most of the text's letters are in: "latin", "cjk", "cyrillic", ..."""
    counts: Counter[str] = Counter()
    for char in text[:3000]:
        if char.isalpha():
            name = unicodedata.name(char, "")
            first = name.split(" ", 1)[0]
            counts["cjk" if first in _CJK else first.lower() or "other"] += 1
    return counts.most_common(1)[0][0] if counts else "none"
