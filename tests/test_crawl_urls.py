"""A real `scrapy crawl urls` against a loopback site full of bad input: every article is
exported, every other page ends in a counted, logged drop, and nothing crashes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import FIXTURES, run_crawl


def _site(root: Path) -> None:
    pages = FIXTURES / "pages"
    for name in ("article.html", "listing.html", "malformed.html", "mislabelled-latin1.html"):
        shutil.copy(pages / name, root / name)
    (root / "empty.html").write_bytes(b"")
    (root / "binary.html").write_bytes(os.urandom(4096))
    (root / "download").write_bytes(b"%PDF-1.4\n" + os.urandom(2048))
    (root / "huge.html").write_text("<html><body>" + "<p>word</p>" * 40_000 + "</body></html>")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    (root / "private").mkdir()
    shutil.copy(pages / "article.html", root / "private" / "article.html")


def test_urls_spider_exports_articles_and_counts_every_drop(tmp_path: Path, serve) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _site(site)
    base = serve(site)
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "# articles\n"
        f"{base}/article.html\n"
        f"{base}/article.html?utm_source=newsletter#top   # the same article again\n"
        f"{base}/malformed.html\n"
        f"{base}/mislabelled-latin1.html\n"
        "\n"
        "# not articles\n"
        f"{base}/listing.html\n"
        f"{base}/empty.html\n"
        f"{base}/binary.html\n"
        f"{base}/download\n"
        f"{base}/huge.html\n"
        f"{base}/missing.html\n"
        f"{base}/document.pdf\n"
        f"{base}/private/article.html\n"
        "this is not a url\n",
        encoding="utf-8",
    )
    # The three article pages are one story (a copy with broken markup, a copy in the
    # wrong encoding): kept, and marked as copies of whichever came first.
    settings = {"DOWNLOAD_MAXSIZE": "200000", "NEWSCRAWL_DUPLICATES": "keep"}
    args = {"file": str(urls), "debug_cleaning": "1"}
    result = run_crawl("urls", tmp_path, args=args, settings=settings)
    assert result.returncode == 0, result.log[-3000:]

    exported = {item["url"].rsplit("/", 1)[1]: item for item in result.items}
    assert sorted(exported) == ["article.html", "malformed.html", "mislabelled-latin1.html"]
    article = exported["article.html"]
    assert article["title"] == "Ferry timetable cut as fuel costs bite"
    assert article["text"].startswith("Winter ferry sailings between the harbour")
    assert article["text"].endswith("discuss the request at its meeting next week.")
    assert "Bridge repairs" not in article["text"]
    assert article["removed"]  # -a debug_cleaning=1: what each stage removed
    assert "newsletter" not in article["text"].lower()
    assert exported["malformed.html"]["text"].startswith("Winter ferry sailings")
    assert "caf" in exported["mislabelled-latin1.html"]["text"]
    copies = [item for item in result.items if "duplicate_of" in item]
    (first,) = [item for item in result.items if "duplicate_of" not in item]
    assert len(copies) == 2
    assert {c["duplicate_of"] for c in copies} == {first["canonical_url"]}
    assert result.stat("newscrawl/duplicates/near_duplicate") == 2

    assert result.stat("newscrawl/skipped/invalid_url") == 1
    assert result.stat("newscrawl/skipped/not_html_url") == 1  # document.pdf, never requested
    assert result.stat("newscrawl/dropped/not_html") == 1  # a PDF served without extension
    assert result.stat("newscrawl/dropped/not_article") == 1  # listing.html
    assert result.stat("newscrawl/dropped/unparsable_html") == 1  # empty.html
    assert result.stat("newscrawl/dropped/invalid_bytes") == 1  # binary.html
    assert result.stat("newscrawl/dropped/download_error") == 1  # huge.html, over the size cap
    assert "larger than download max size" in result.log
    assert result.stat("newscrawl/dropped/http_404") == 1
    assert "line 16: not an http(s) URL" in result.log
    # The site's robots.txt forbids /private/: polite and expected, so INFO, not a warning.
    # The request waited for robots.txt behind others (Scrapy 2.19 let those through).
    assert result.stat("newscrawl/dropped/robots_forbidden") == 1
    assert f"INFO: Dropped: robots_forbidden: {base}/private/article.html" in result.log
    assert "Traceback" not in result.log
