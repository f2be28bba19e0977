"""`scrapy crawl warc`: archived responses through the same pipelines, original URLs and
capture dates kept, every other record counted, broken files reported, no network."""

from __future__ import annotations

import gzip
import hashlib
import os
import subprocess
import sys
from io import BytesIO
from typing import TYPE_CHECKING

import pytest
from conftest import POOL, run_crawl
from support.sample_pages import article_html
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newscrawl._imports import MissingExtraError, require
from newscrawl.core.archive import ArchivedResponse, Skipped, WarcError, read_warc
from newscrawl.spiders.args import ArgumentError
from newscrawl.spiders.warc import warc_paths

if TYPE_CHECKING:
    from pathlib import Path

DATE = "2026-11-03T09:30:00Z"


def _response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    *,
    status: str = "200 OK",
    headers: list[tuple[str, str]] | None = None,
    date: str = DATE,
    warc_headers: dict[str, str] | None = None,
) -> None:
    http = StatusAndHeaders(
        status,
        headers if headers is not None else [("Content-Type", "text/html; charset=utf-8")],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        length=len(body),  # without it warcio buffers into a temp file it never closes
        http_headers=http,
        warc_headers_dict={"WARC-Date": date, **(warc_headers or {})},
    )
    writer.write_record(record)


def _news_warc(path: Path) -> None:
    """Every kind of record a CC-NEWS file holds, and the awkward cases."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = StatusAndHeaders(
            "GET /2026/11/03/story-1.html HTTP/1.1",
            [("Host", "news.example")],
            is_http_request=True,
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/2026/11/03/story-1.html",
                "request",
                http_headers=request,
                warc_headers_dict={"WARC-Date": DATE},
            )
        )
        _response(writer, "https://news.example/2026/11/03/story-1.html", article_html(1).encode())
        # Charset only in <meta>: decoded as a live crawl would.
        latin = article_html(2, extra_paragraph="Le café du port rouvre lundi.").replace(
            "<head>", '<head><meta charset="iso-8859-1">'
        )
        _response(
            writer,
            "https://news.example/2026/11/04/story-2.html",
            latin.encode("latin-1"),
            headers=[("Content-Type", "text/html")],
            date="2026-11-04T10:00:00.5Z",
        )
        # No content type at all: sniffed.
        _response(writer, "https://news.example/story-3", article_html(3).encode(), headers=[])
        # A gzip Content-Encoding, as archived.
        _response(
            writer,
            "https://other.example/world/story-4.html?id=4",
            gzip.compress(article_html(4).encode()),
            headers=[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        )
        _response(
            writer,
            "https://news.example/photo.jpg",
            b"\xff\xd8\xff\xe0" + os.urandom(512),
            headers=[("Content-Type", "image/jpeg")],
        )
        _response(
            writer,
            "https://news.example/gone.html",
            b"<html>Not found</html>",
            status="404 Not Found",
        )
        _response(
            writer,
            "https://news.example/2026/11/05/long-read.html",
            article_html(5).encode()[:600],
            warc_headers={"WARC-Truncated": "length"},
        )
        digest = "sha1:" + hashlib.sha1(b"x").hexdigest()
        writer.write_record(
            writer.create_revisit_record(
                "https://news.example/2026/11/03/story-1.html",
                digest,
                "https://news.example/2026/11/03/story-1.html",
                DATE,
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/2026/11/03/story-1.html",
                "metadata",
                payload=BytesIO(b"fetchTimeMs: 12\n"),
                length=16,
                warc_content_type="application/warc-fields",
            )
        )


def _plain_warc(path: Path, articles: range, gzipped: bool = False) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        for n in articles:
            _response(
                writer, f"https://third.example/a/{n}.html", article_html(n).encode(), date=DATE
            )


@pytest.fixture
def archives(tmp_path: Path) -> Path:
    folder = tmp_path / "archives"
    folder.mkdir()
    _news_warc(folder / "news.warc.gz")
    _plain_warc(folder / "more.warc", range(10, 12))
    whole = tmp_path / "whole.warc.gz"
    _plain_warc(whole, range(20, 23), gzipped=True)
    data = whole.read_bytes()
    # Cut in the middle of the second record: a partial download.
    (folder / "partial.warc.gz").write_bytes(data[: len(data) // 2])
    (folder / "zz-not-a.warc").write_bytes(b"<html><body>Access denied</body></html>\n")
    return folder


def test_warc_crawl_exports_archived_articles_with_their_urls_and_dates(
    archives: Path, tmp_path: Path
) -> None:
    result = run_crawl("warc", tmp_path, args={"path": str(archives / "*.warc*")}, settings=POOL)
    assert result.returncode == 0, result.log[-3000:]
    by_url = {item["url"]: item for item in result.items}
    assert sorted(by_url) == [
        "https://news.example/2026/11/03/story-1.html",
        "https://news.example/2026/11/04/story-2.html",
        "https://news.example/story-3",
        "https://other.example/world/story-4.html?id=4",
        "https://third.example/a/10.html",
        "https://third.example/a/11.html",
        "https://third.example/a/20.html",  # read before the partial file broke
    ]
    assert by_url["https://news.example/2026/11/03/story-1.html"]["fetched_at"] == (
        "2026-11-03T09:30:00+00:00"
    )
    assert by_url["https://news.example/2026/11/04/story-2.html"]["fetched_at"] == (
        "2026-11-04T10:00:00.500000+00:00"
    )
    assert "Le café du port" in by_url["https://news.example/2026/11/04/story-2.html"]["text"]
    assert by_url["https://other.example/world/story-4.html?id=4"]["title"] == (
        "Quay repairs, part 4"
    )
    assert {item["spider"] for item in result.items} == {"warc"}

    assert result.stat("newscrawl/warc/files") == 4
    assert result.stat("newscrawl/warc/broken_files") == 2
    assert result.stat("newscrawl/skipped/warc_warcinfo") == 1
    assert result.stat("newscrawl/skipped/warc_request") == 1
    assert result.stat("newscrawl/skipped/warc_revisit") == 1
    assert result.stat("newscrawl/skipped/warc_metadata") == 1
    assert result.stat("newscrawl/dropped/not_html") == 1
    assert result.stat("newscrawl/dropped/http_404") == 1
    assert result.stat("newscrawl/dropped/truncated") == 2  # WARC-Truncated, and the cut record
    assert f"{archives / 'partial.warc.gz'}: truncated after 2 records" in result.log
    assert f"{archives / 'zz-not-a.warc'}: not a WARC file" in result.log
    assert "Traceback" not in result.log

    # Nothing was fetched, and extraction still ran in the worker pool.
    assert result.stat("downloader/request_count") == 0
    assert "Extraction runs in" in result.log
    # Site health per host, from the archive's own URLs.
    assert "Site health: news.example" not in result.log  # too few pages: summed up
    assert "more sites with fewer than 10 pages each" in result.log


def test_back_pressure_keeps_few_pages_in_flight(tmp_path: Path) -> None:
    _plain_warc(tmp_path / "many.warc.gz", range(30), gzipped=True)
    result = run_crawl(
        "warc",
        tmp_path,
        args={"path": str(tmp_path / "many.warc.gz")},
        settings={"CONCURRENT_ITEMS": "2", **POOL},
    )
    assert result.returncode == 0, result.log[-3000:]
    assert len(result.items) == 30
    assert result.stat("newscrawl/warc/peak_in_flight") == 2


def test_read_warc_reports_an_uncompressed_file_cut_inside_a_record(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc"
    _plain_warc(whole, range(2))
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[:-200])
    records = []
    with pytest.raises(WarcError, match="truncated after 2 records: the file ends inside"):
        for record in read_warc(cut):
            records.append(record)
    first, second = records
    assert isinstance(first, ArchivedResponse)
    assert first.url == "https://third.example/a/0.html"
    assert second == Skipped(
        "truncated", "https://third.example/a/1.html", "the file ends inside it", page=True
    )


def test_path_argument_errors(tmp_path: Path) -> None:
    with pytest.raises(ArgumentError, match="needs WARC files"):
        warc_paths(None)
    with pytest.raises(ArgumentError, match="no such file"):
        warc_paths(str(tmp_path / "*.warc.gz"))


def test_missing_warcio_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "warcio", None)  # makes `import warcio` fail
    monkeypatch.delitem(sys.modules, "warcio.archiveiterator", raising=False)
    with pytest.raises(MissingExtraError, match=r"pip install 'newscrawl\[warc\]'"):
        require("warcio.archiveiterator")


def test_crawl_without_warcio_is_one_error_line_and_exit_2(tmp_path: Path) -> None:
    # A `warcio` that fails to import, first on the path.
    fake = tmp_path / "fake" / "warcio"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('No module named warcio')\n")
    (tmp_path / "a.warc.gz").write_bytes(b"")
    env = {
        **os.environ,
        "SCRAPY_SETTINGS_MODULE": "newscrawl.settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path / "fake"), os.environ.get("PYTHONPATH", "")]),
    }
    process = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "warc", "-a", "path=a.warc.gz"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert process.returncode == 2, process.stderr[-3000:]
    assert (
        "error: reading WARC files needs the optional package 'warcio': "
        "pip install 'newscrawl[warc]'" in process.stderr
    )
    assert "Traceback" not in process.stderr
