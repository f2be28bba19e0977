"""`newscrawl report`: the figures carry the data of the summaries and feeds they are drawn
from, the page needs no network, memory stays flat, and a real crawl's folder reports
what its summary says."""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from conftest import feed_files, read_jsonl, run_crawl

from newscrawl.cli import main
from newscrawl.report.collect import WORD_BIN, collect

pytest.importorskip("plotly", reason="plotly not installed: pip install 'newscrawl[report]'")

GAZETTE_RUNS = [
    {
        "started_at": "2026-11-20T07:00:00+00:00",
        "pages": 6,
        "articles": 4,
        "dropped": {"not_article": 1, "http_404": 1},
        "chars": {"furniture": 900, "chrome_blocks": 120, "chrome": 30, "tail": 200},
        "warnings": [],
    },
    {
        "started_at": "2026-11-20T13:00:00+00:00",
        "pages": 12,
        "articles": 1,
        "dropped": {"empty_text": 11},
        "chars": {"furniture": 300, "related_lists": 50},
        "warnings": ["empty_text"],
    },
]


def _summary(spider: str, started: str, sites: dict[str, Any], by: str) -> dict[str, Any]:
    dropped: dict[str, int] = {}
    for site in sites.values():
        for reason, count in site["dropped"].items():
            dropped[reason] = dropped.get(reason, 0) + count
    return {
        "spider": spider,
        "run_id": f"{started[:13]}-{spider}",
        "finish_reason": "finished",
        "started_at": started,
        "pages_fetched": sum(s["pages"] for s in sites.values()),
        "articles_exported": sum(s["articles"] for s in sites.values()),
        "dropped": dropped,
        "sites_by": by,
        "sites": sites,
    }


def _site(run: dict[str, Any]) -> dict[str, Any]:
    return {
        "pages": run["pages"],
        "articles": run["articles"],
        "no_date": 0,
        "dropped": run["dropped"],
        "chars_removed": run["chars"],
        "warnings": run["warnings"],
    }


def _record(spider: str, url: str, published: str | None, words: int, language: str) -> str:
    host = url.split("/")[2]
    return json.dumps(
        {
            "url": url,
            "site": host.removeprefix("www."),
            "spider": spider,
            "published": published,
            "language": language,
            "text": "word " * words,
            "word_count": words,
        }
    )


def _write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two runs of a site spider (the second with a layout change) and one `urls` run over
    two hosts, each run's summary next to its feed."""
    root = tmp_path_factory.mktemp("report") / "data"
    gazette_records = [
        [  # first run: 4 articles
            _record("gazette", "https://www.gazette.example/a1", "2026-11-19T08:00:00Z", 120, "en"),
            _record("gazette", "https://www.gazette.example/a2", "2026-11-19T22:30:00Z", 480, "en"),
            _record("gazette", "https://www.gazette.example/a3", "2026-11-20T01:00:00Z", 510, "en"),
            _record("gazette", "https://www.gazette.example/a4", None, 260, "en"),
        ],
        [_record("gazette", "https://www.gazette.example/b1", "2026-11-20", 75, "en")],
    ]
    for run, records in zip(GAZETTE_RUNS, gazette_records, strict=True):
        stem = run["started_at"][:19].replace(":", "-")
        _write(root / "gazette" / f"{stem}.jsonl", records)
        summary = _summary("gazette", run["started_at"], {"gazette": _site(run)}, "spider")
        (root / "gazette" / f"{stem}.summary.json").write_text(json.dumps(summary))
    urls_sites = {
        "wire.example": _site(
            {"pages": 2, "articles": 2, "dropped": {}, "chars": {"chrome": 40}, "warnings": []}
        ),
        "desk.example": _site(
            {"pages": 1, "articles": 1, "dropped": {}, "chars": {"tail": 15}, "warnings": []}
        ),
    }
    _write(
        root / "urls" / "2026-11-20T09-00-00.jsonl",
        [
            _record("urls", "https://wire.example/x", "2026-11-19T10:00:00+02:00", 300, "de"),
            _record("urls", "https://wire.example/y", "2026-11-20T10:00:00Z", 3100, "de"),
            _record("urls", "https://desk.example/z", "2026-11-20T11:00:00Z", 140, "fr"),
        ],
    )
    summary = _summary("urls", "2026-11-20T09:00:00+00:00", urls_sites, "host")
    (root / "urls" / "2026-11-20T09-00-00.summary.json").write_text(json.dumps(summary))
    return root


def _report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["report", *args])
    return code, capsys.readouterr().err


def _figures(page: str) -> dict[str, Any]:
    (payload,) = re.findall(
        r'<script type="application/json" id="newscrawl-figures">(.*?)</script>', page, re.S
    )
    figures: dict[str, Any] = json.loads(payload)
    return figures


def _traces(figure: dict[str, Any], **match: Any) -> list[dict[str, Any]]:
    return [t for t in figure["data"] if all(t.get(k) == v for k, v in match.items())]


@pytest.fixture(scope="module")
def page(data: Path) -> str:
    """The report of `data`, made once for the tests that read it."""
    out = data.parent / "report.html"
    with contextlib.redirect_stderr(io.StringIO()) as err:
        code = main(["report", str(data), "-o", str(out)])
    assert code == 0, err.getvalue()
    assert "3 runs, 8 articles from 3 feed files, 3 sites" in err.getvalue()
    return out.read_text("utf-8")


def test_articles_per_site_per_day(page: str) -> None:
    figure = _figures(page)["articles_per_day"]
    days = {t["name"]: dict(zip(t["x"], t["y"], strict=True)) for t in figure["data"]}
    assert days == {
        # a4 has no date; "2026-11-20" is a bare date: that day.
        "gazette": {"2026-11-19": 2, "2026-11-20": 2},
        "wire.example": {"2026-11-19": 1, "2026-11-20": 1},  # 10:00+02:00 is 08:00 UTC
        "desk.example": {"2026-11-20": 1},
    }


def test_runs_stack_exported_and_drops_by_reason(page: str) -> None:
    figure = _figures(page)["runs"]
    gazette = _traces(figure, meta={"spider": "gazette"})
    by_name = {t["name"]: t for t in gazette}
    assert by_name["exported"]["x"] == [r["started_at"] for r in GAZETTE_RUNS]
    assert by_name["exported"]["y"] == [4, 1]
    assert by_name["dropped: empty_text"]["y"] == [0, 11]
    assert by_name["dropped: not_article"]["y"] == [1, 0]
    assert by_name["dropped: http_404"]["y"] == [1, 0]
    assert [pages for _, pages in by_name["exported"]["customdata"]] == [6, 12]
    assert figure["layout"]["barmode"] == "stack"
    # One spider shown at a time, the menu switches.
    assert all(t["visible"] for t in gazette)
    (urls,) = _traces(figure, meta={"spider": "urls"})
    assert urls["y"] == [3] and urls["visible"] is False
    (menu,) = figure["layout"]["updatemenus"]
    assert [b["label"] for b in menu["buttons"]] == ["gazette", "urls"]
    assert menu["buttons"][1]["args"][0]["visible"] == [False] * 4 + [True]


def test_chars_removed_per_site_by_kind(page: str) -> None:
    figure = _figures(page)["chars_removed"]
    kinds = {
        t["name"].split(" (")[0]: dict(zip(t["y"], t["x"], strict=True)) for t in figure["data"]
    }
    assert kinds["page furniture"] == {"gazette": 1200, "wire.example": 0, "desk.example": 0}
    assert kinds["chrome"] == {"gazette": 150, "wire.example": 40, "desk.example": 0}
    # The text tail, and related-headline lists cut from the HTML.
    assert kinds["related-headline tail"] == {"gazette": 250, "wire.example": 0, "desk.example": 15}


def test_health_warnings_over_time(page: str) -> None:
    figure = _figures(page)["health"]
    (trace,) = figure["data"]
    assert trace["name"] == "empty_text"
    assert trace["x"] == ["2026-11-20T13:00:00+00:00"]
    assert trace["y"] == ["gazette"]


def test_word_counts_and_languages(page: str) -> None:
    figures = _figures(page)
    (words,) = figures["word_counts"]["data"]
    bins = dict(zip([x - WORD_BIN / 2 for x in words["x"]], words["y"], strict=True))
    # 120, 480, 510, 260, 75, 300, 3100 (the last bin: 3,000 and more), 140
    assert bins == {100: 2, 450: 1, 500: 1, 250: 1, 50: 1, 300: 1, 3000: 1}
    (languages,) = figures["languages"]["data"]
    assert dict(zip(languages["x"], languages["y"], strict=True)) == {"en": 5, "de": 2, "fr": 1}
    assert languages["x"] == ["en", "de", "fr"]


def test_table_per_site(page: str) -> None:
    rows = {
        re.sub(r"<[^>]+>", "", row.split("</th>")[0]): re.findall(r"<td[^>]*>(.*?)</td>", row)
        for row in re.findall(r"<tr[^>]*>(<th scope=\"row\">.*?)</tr>", page)
    }
    assert list(rows) == ["gazette", "wire.example", "desk.example"]
    runs, pages, exported, in_feeds, dropped, no_date, chrome, tail, median = rows["gazette"][:9]
    assert (runs, pages, exported, in_feeds) == ("2", "18", "5", "5")
    assert dropped == "empty_text 11, http_404 1, not_article 1"
    assert (chrome, tail) == ("150", "250")
    assert no_date == "0%"
    assert median == "275"  # 75, 120, 260, 480, 510: the bin of 260 (250-299), its middle
    assert rows["gazette"][-2] == "2026-11-19 to 2026-11-20 (1 undated)"
    assert rows["gazette"][-1].startswith("empty_text 1 (last 2026-11-20 13:00")
    assert rows["wire.example"][-1] == "none"


def test_page_needs_no_network(page: str) -> None:
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page)
    assert not [t for t in tags if re.search(r"\b(?:src|href)\s*=", t)], tags
    assert "Plotly.newPlot" in page
    assert len(page) > 1_000_000  # plotly.js, inlined


def test_older_summaries_count_under_their_spider(tmp_path: Path) -> None:
    """Summaries from before per-site numbers: the run counts under its spider."""
    folder = tmp_path / "data" / "demo"
    folder.mkdir(parents=True)
    old = {
        "spider": "demo",
        "started_at": "2026-11-01T07:00:00+00:00",
        "pages_fetched": 5,
        "articles_exported": 4,
        "dropped": {"too_short": 1},
        "chars_removed": {"furniture": 10, "tail": 7},
    }
    (folder / "run.summary.json").write_text(json.dumps(old))
    _write(folder / "run.jsonl", [_record("demo", "https://h.example/1", None, 90, "en")])
    data = collect([tmp_path / "data"])
    site = data.sites["demo"]
    assert (site.pages, site.articles_exported, site.records) == (5, 4, 1)
    assert site.removed_by_kind() == {"furniture": 10, "chrome": 0, "tail": 7}


def test_memory_stays_flat(tmp_path: Path) -> None:
    """Ten times the articles over the same sites and days: about the same peak memory."""

    def peak(articles: int) -> int:
        folder = tmp_path / f"data-{articles}" / "gazette"
        lines = (
            _record(
                "gazette",
                f"https://www.gazette.example/{n}",
                f"2026-11-{1 + n % 28:02d}T08:00:00Z",
                100 + n % 900,
                "en",
            )
            for n in range(articles)
        )
        _write(folder / "run.jsonl", list(lines))
        tracemalloc.start()
        try:
            data = collect([folder.parent])
            assert data.records == articles
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    # 4,000 records are ~7 MB of JSON: holding them, or their texts, would add megabytes.
    small, large = peak(400), peak(4_000)
    assert large < small + 256 * 1024, (small, large)


def test_without_plotly_names_the_extra(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "plotly", None)
    code, err = _report(capsys, str(data), "-o", str(tmp_path / "r.html"))
    assert code == 2
    assert "pip install 'newscrawl[report]'" in err
    assert not (tmp_path / "r.html").exists()


def test_report_of_a_real_crawl(
    tmp_path: Path, synthetic: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real run's folder: the report's numbers are its summary's and its feed's."""
    site = synthetic(12, missing=1, stubs=2)
    name = site.install(tmp_path)
    result = run_crawl(name, tmp_path, output=None)
    assert result.returncode == 0, result.log[-3000:]
    (feed,) = feed_files(tmp_path, name)
    summary = json.loads(feed.with_name(feed.stem + ".summary.json").read_text())
    assert summary["sites_by"] == "spider"
    counts = summary["sites"][name]
    assert counts["articles"] == summary["articles_exported"] == 12
    assert sum(counts["chars_removed"].values()) == summary["chars_removed_total"] > 0

    out = tmp_path / "report.html"
    code, err = _report(capsys, str(tmp_path / "data"), "-o", str(out))
    assert code == 0, err
    figures = _figures(out.read_text("utf-8"))
    by_name = {t["name"]: t for t in figures["runs"]["data"]}
    assert by_name["exported"]["y"] == [12]
    for reason, count in summary["dropped"].items():
        assert by_name[f"dropped: {reason}"]["y"] == [count]
    (day_trace,) = figures["articles_per_day"]["data"]
    assert sum(day_trace["y"]) == len(read_jsonl(feed)) == 12
    removed = {t["name"]: t["x"][0] for t in figures["chars_removed"]["data"]}
    assert sum(removed.values()) == summary["chars_removed_total"]
