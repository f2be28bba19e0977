"""Golden fixtures: a site's saved article pages, and what newscrawl must extract from them.

A fixture is two files in `tests/fixtures/sites/<site>/`:

- `<slug>.html.gz`: the page's bytes as fetched or saved, gzipped (mtime 0, so recording
  the same page twice writes the same file);
- `<slug>.json`: `{"url": ..., "fetched_at": ..., "expected": {...}}`, where `expected`
  holds every exported field but the crawl's own (`fetched_at`, `spider`). Optional keys:
  `encoding` (the charset the server declared: the bytes alone may not say it), `note`
  (where the page comes from) and `license`.

JSON is written with sorted keys and two-space indents, so a re-recorded fixture diffs
line by line in review. `newscrawl fixture record` writes fixtures, `newscrawl fixture
check` compares them with what newscrawl extracts now, and `tests/test_sites.py` runs
every one through the crawl's stages. Fundus's `tests/test_parser.py` works the same way.
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import HtmlResponse

#: Where a project keeps its site fixtures, relative to its root (the working directory).
FIXTURES_DIR = Path("tests", "fixtures", "sites")
#: Fields of an exported article that are the crawl's, not the page's: never expected.
NOT_EXPECTED = ("fetched_at", "spider")
#: Keys of a fixture's JSON besides `url`, `fetched_at` and `expected`, kept as they are.
EXTRA_KEYS = ("encoding", "license", "note")

_SLUG_CHARS = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 60
_PAGE_EXTENSIONS = re.compile(r"\.(s?html?|php|aspx?|jsp)$")


class FixtureError(ValueError):
    """A fixture file is missing, unreadable or malformed; the message names the file."""


@dataclass
class Fixture:
    """One saved page of a site and the fields newscrawl must extract from it."""

    site: str
    slug: str
    url: str
    fetched_at: str
    html: bytes
    expected: dict[str, Any]
    #: `encoding`, `note`, `license`: kept as recorded.
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.site}/{self.slug}"

    def text(self) -> str:
        """The page decoded as the crawl decodes it (see `page_text`)."""
        return page_text(self.html, self.url, self.extra.get("encoding"))


def page_text(html: bytes, url: str, encoding: str | None = None) -> str:
    """Decode a page as a crawl would: Scrapy's `HtmlResponse` rules (the server's charset,
    a byte-order mark, the page's `<meta charset>`, then detection)."""
    headers = {"Content-Type": f"text/html; charset={encoding}"} if encoding else {}
    return HtmlResponse(url=url, body=html, headers=headers).text


def expected_fields(article: dict[str, Any]) -> dict[str, Any]:
    """An exported article's fields as a fixture expects them: sorted, without the crawl's."""
    return {key: article[key] for key in sorted(article) if key not in NOT_EXPECTED}


def slug_for(url: str) -> str:
    """A file name for a page: the last part of its URL path, lower case, `a-z0-9-`."""
    path = urlsplit(url).path.rstrip("/")
    last = _PAGE_EXTENSIONS.sub("", path.rsplit("/", 1)[-1].lower())
    slug = _SLUG_CHARS.sub("-", last).strip("-")
    if len(slug) > _MAX_SLUG:  # cut at a word boundary
        slug = slug[: _MAX_SLUG + 1].rsplit("-", 1)[0]
    return slug or "page"


def load_fixtures(root: Path, site: str | None = None) -> list[Fixture]:
    """Every fixture under `root` (one folder per site), or one site's, in a stable order."""
    folders = [root / site] if site else sorted(p for p in root.glob("*") if p.is_dir())
    return [load_fixture(path) for folder in folders for path in sorted(folder.glob("*.json"))]


def load_fixture(path: Path) -> Fixture:
    """Read `<slug>.json` and its `<slug>.html.gz`."""
    slug = path.name.removesuffix(".json")
    page = path.with_name(f"{slug}.html.gz")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        html = gzip.decompress(page.read_bytes())
    except (OSError, EOFError, ValueError) as error:
        raise FixtureError(f"{path}: cannot read the fixture: {error}") from None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(k), t)
        for k, t in (("url", str), ("fetched_at", str), ("expected", dict))
    ):
        raise FixtureError(f"{path}: needs 'url', 'fetched_at' and an 'expected' object")
    return Fixture(
        site=path.parent.name,
        slug=slug,
        url=data["url"],
        fetched_at=data["fetched_at"],
        html=html,
        expected=data["expected"],
        extra={k: data[k] for k in EXTRA_KEYS if k in data},
    )


def fixture_paths(root: Path, site: str, slug: str) -> tuple[Path, Path]:
    """The JSON and the gzipped page of a fixture."""
    return root / site / f"{slug}.json", root / site / f"{slug}.html.gz"


def save_fixture(root: Path, fixture: Fixture) -> tuple[Path, Path]:
    """Write a fixture's two files (replacing them); return their paths."""
    json_path, html_path = fixture_paths(root, fixture.site, fixture.slug)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_bytes(gzip.compress(fixture.html, mtime=0))
    data = {
        "url": fixture.url,
        "fetched_at": fixture.fetched_at,
        "expected": fixture.expected,
        **fixture.extra,
    }
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)
    json_path.write_text(text + "\n", encoding="utf-8")
    return json_path, html_path


def diff_fields(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """What differs, field by field, as readable lines; [] when nothing does.

    Text fields differ as a unified diff of their lines, other fields as both values.
    """
    lines = []
    for key in sorted(expected.keys() | actual.keys()):
        if key not in actual:
            lines.append(f"{key}: expected {expected[key]!r}, no longer extracted")
        elif key not in expected:
            lines.append(f"{key}: new field, not in the fixture: {actual[key]!r}")
        elif expected[key] != actual[key]:
            lines.extend(_diff_value(key, expected[key], actual[key]))
    return lines


def _diff_value(key: str, expected: Any, actual: Any) -> list[str]:
    if isinstance(expected, str) and isinstance(actual, str) and "\n" in expected + actual:
        changes = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "expected", "extracted", lineterm="", n=1
        )
        return [f"{key}:", *(f"  {line}" for line in changes)]
    return [f"{key}: expected {expected!r}", f"{' ' * len(key)}  extracted {actual!r}"]
