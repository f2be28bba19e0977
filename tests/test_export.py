"""`newscrawl export`: real run files in temporary folders, every option, broken input."""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
from test_dedup import AGENCY_STORY, FOLLOW_UP, SAME_TOPIC, SYNDICATED

from newscrawl.cli import main
from newscrawl.dataset.card import field_descriptions
from newscrawl.dataset.sorting import external_sort
from newscrawl.dataset.writers import EXPORT_FIELDS
from newscrawl.dedup import MinHashFingerprinter, make_probe
from newscrawl.items import ARTICLE_FIELDS

if TYPE_CHECKING:
    from pathlib import Path

# Distinct stories (no two near-duplicates): word sequences drawn from the stories' words.
WORDS = sorted(set((AGENCY_STORY + SAME_TOPIC + FOLLOW_UP).split()))


def filler(n: int) -> str:
    return " ".join(random.Random(n).choices(WORDS, k=60))


def article(n: int, text: str | None = None, **fields: Any) -> dict[str, Any]:
    url = f"https://www.site{n % 3}.example/2026/11/story-{n}.html"
    record = {
        "url": url,
        "canonical_url": url,
        "site": f"site{n % 3}.example",
        "title": f"Story {n}",
        "authors": ["Maren Holt"],
        "published": f"2026-11-{1 + n % 28:02d}T08:00:00+00:00",
        "modified": None,
        "language": "en",
        "text": text or filler(n),
        "description": None,
        "tags": ["Harbour"],
        "image": None,
        "word_count": 40,
        "fetched_at": "2026-11-24T19:46:32+00:00",
        "spider": "demo",
        "content_hash": None,
        "paywalled": None,
    }
    record.update(fields)
    return record


def write_jsonl(path: Path, records: list[dict[str, Any]], extra: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(json.dumps(r) + "\n" for r in records) + extra
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(body.encode("utf-8")))
    else:
        path.write_text(body, encoding="utf-8")
    return path


def export(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["export", *args, "--jobs", "0"])
    return code, capsys.readouterr().err


def read(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def urls(records: list[dict[str, Any]]) -> list[str]:
    return [r["url"] for r in records]


def test_reads_files_and_folders_in_order_and_counts_broken_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = tmp_path / "data"
    write_jsonl(runs / "b" / "2026-11-02.jsonl", [article(3), article(4)])
    write_jsonl(
        runs / "a" / "2026-11-01.jsonl.gz",
        [article(1)],
        extra='this is not JSON\n[1, 2]\n{"url": "https://x.example/no-text"}\n',
    )
    (runs / "a" / "2026-11-03.jsonl").write_bytes(
        json.dumps(article(2)).encode() + b'\n{"url": "caf\xe9"}\n{"url": "https://x.exam'
    )
    # A gzip stream cut short, as a killed run leaves it: the records before the cut count.
    whole = gzip.compress("".join(json.dumps(article(n)) + "\n" for n in (5, 6)).encode())
    (runs / "c.jsonl.gz").write_bytes(whole[:-12])
    (runs / "notes.txt").write_text("not a run file")
    single = write_jsonl(tmp_path / "extra.jsonl", [article(7)])
    out = tmp_path / "out.jsonl"

    code, err = export(
        capsys, str(runs), str(single), "-o", str(out), "--dedup", "none", "--sort", "none"
    )
    assert code == 0, err

    # Arguments in order; a folder's files sorted by path; record 6 was in the lost gzip tail.
    assert urls(read(out)) == urls([article(n) for n in (1, 2, 3, 4, 5, 7)])
    for reason in (
        "invalid JSON: 1",
        "not a JSON object: 1",
        "no string url or text: 1",
        "not UTF-8: 1",
        "truncated last line: 1",
        "gzip stream cut short or corrupt (rest of file): 1",
    ):
        assert f"skipped, {reason}" in err


def test_output_has_exactly_the_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = article(1, authors="Maren Holt", tags=None, word_count=None, removed={"x": ["y"]})
    odd["extra_field"] = 1
    del odd["image"]
    write_jsonl(tmp_path / "run.jsonl", [odd])
    out = tmp_path / "out.jsonl"
    assert export(capsys, str(tmp_path / "run.jsonl"), "-o", str(out))[0] == 0
    (record,) = read(out)
    assert list(record) == [*ARTICLE_FIELDS, "duplicate_of"]
    assert record["authors"] == ["Maren Holt"] and record["tags"] == []
    assert record["image"] is None and record["duplicate_of"] is None
    assert record["word_count"] > 30  # computed from the text when missing


def _syndication(tmp_path: Path) -> Path:
    """An agency story, read *after* its later copies, and other stories."""
    agency = article(1, AGENCY_STORY, published="2026-11-10T08:00:00+00:00")
    copy = article(2, SYNDICATED, published="2026-11-10T12:00:00+02:00")
    same_text = article(3, AGENCY_STORY.upper(), published="2026-11-11")
    recrawl = dict(agency, text=AGENCY_STORY + "\nUpdated with a correction.")
    others = [article(4, SAME_TOPIC), article(5, FOLLOW_UP)]
    write_jsonl(tmp_path / "runs" / "1.jsonl", [copy, same_text])
    write_jsonl(tmp_path / "runs" / "2.jsonl", [agency, *others, recrawl])
    return tmp_path / "runs"


def test_duplicates_are_dropped_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runs, out = _syndication(tmp_path), tmp_path / "out.jsonl"
    code, err = export(capsys, str(runs), "-o", str(out))
    assert code == 0, err
    assert urls(read(out)) == urls([article(4), article(5), article(1)])  # by publication
    assert "dropped, duplicate: near-duplicate text: 1" in err
    assert "dropped, duplicate: same text: 1" in err
    assert "dropped, duplicate: same URL: 1" in err


def test_kept_duplicates_point_at_the_earliest_published_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runs, out = _syndication(tmp_path), tmp_path / "out.jsonl"
    assert export(capsys, str(runs), "-o", str(out), "--keep-duplicates")[0] == 0
    first = article(1)["canonical_url"]
    duplicate_of = {(r["url"], r["text"]): r["duplicate_of"] for r in read(out)}
    assert len(duplicate_of) == 6
    assert duplicate_of[(article(1)["url"], AGENCY_STORY)] is None
    assert duplicate_of[(article(1)["url"], AGENCY_STORY + "\nUpdated with a correction.")] == first
    assert duplicate_of[(article(2)["url"], SYNDICATED)] == first
    assert duplicate_of[(article(3)["url"], AGENCY_STORY.upper())] == first
    assert duplicate_of[(article(4)["url"], SAME_TOPIC)] is None


def test_exact_dedup_keeps_near_copies_and_none_keeps_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = _syndication(tmp_path)
    exact, none = tmp_path / "exact.jsonl", tmp_path / "none.jsonl"
    assert export(capsys, str(runs), "-o", str(exact), "--dedup", "exact")[0] == 0
    assert sorted(urls(read(exact))) == sorted(urls([article(n) for n in (1, 2, 4, 5)]))
    assert export(capsys, str(runs), "-o", str(none), "--dedup", "none")[0] == 0
    assert len(read(none)) == 6


def test_filters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [
        article(1, site="www.Site1.example", language="en-GB"),
        article(2, site="site2.example", language="de"),
        article(4, site="site1.example", language="en", published="2026-11-09T23:30:00-02:00"),
        article(7, site="site1.example", published="2026-11-01"),
        article(10, site="site1.example", published=None),
        article(13, text="Too short.", word_count=2, site="site1.example", published="2026-11-05"),
    ]
    write_jsonl(tmp_path / "run.jsonl", records)
    out = tmp_path / "out.jsonl"
    code, err = export(
        capsys,
        *(str(tmp_path / "run.jsonl"), "-o", str(out), "--site", "site1.example"),
        *("--language", "en", "fr", "--since", "2026-11-02", "--until", "2026-11-09"),
        *("--min-words", "20"),
    )
    assert code == 0, err
    # 2026-11-09T23:30-02:00 is 11-10 01:30 UTC: after --until 2026-11-09 (whole day, UTC).
    assert urls(read(out)) == [records[0]["url"]]
    for reason in (
        "other site: 1",
        "published after --until: 1",
        "published before --since: 1",
        "no publication date (date range given): 1",
        "fewer than 20 words: 1",
    ):
        assert f"dropped, {reason}" in err


@pytest.mark.parametrize("dedup", ["near", "none"])
def test_sort_by_url_and_by_publication(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dedup: str
) -> None:
    records = [
        article(5, published="2026-11-03T10:00:00+05:00"),  # 05:00 UTC
        article(2, published=None),
        article(9, published="2026-11-03T06:00:00+00:00"),
        article(1, published="2026-11-02"),
    ]
    write_jsonl(tmp_path / "run.jsonl", records)
    by_url, by_date = tmp_path / "url.jsonl", tmp_path / "date.jsonl"
    common = ("--dedup", dedup)
    assert (
        export(capsys, str(tmp_path / "run.jsonl"), "-o", str(by_url), "--sort", "url", *common)[0]
        == 0
    )
    assert urls(read(by_url)) == sorted(urls(records))
    assert export(capsys, str(tmp_path / "run.jsonl"), "-o", str(by_date), *common)[0] == 0
    assert urls(read(by_date)) == urls([records[i] for i in (3, 0, 2, 1)])  # undated last


def test_hash_split_is_stable_across_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small = [article(n) for n in range(40)]
    large = [article(n) for n in range(100)][::-1]
    write_jsonl(tmp_path / "small" / "run.jsonl", small)
    write_jsonl(tmp_path / "large" / "run.jsonl", large)
    split = "train=0.6,valid=0.2,test=0.2"
    for name in ("small", "large"):
        code, err = export(
            capsys, str(tmp_path / name), "-o", str(tmp_path / f"{name}.jsonl.gz"), "--split", split
        )
        assert code == 0, err

    def assignment(name: str) -> dict[str, str]:
        return {
            url: part
            for part in ("train", "valid", "test")
            for url in urls(read(tmp_path / f"{name}-{part}.jsonl.gz"))
        }

    small_split, large_split = assignment("small"), assignment("large")
    assert len(small_split) == 40 and len(large_split) == 100
    assert all(large_split[url] == part for url, part in small_split.items())
    assert 40 <= list(large_split.values()).count("train") <= 80


def test_date_split_puts_the_oldest_in_train(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [article(n, published=f"2026-10-{n + 1:02d}") for n in range(10)][::-1]
    write_jsonl(tmp_path / "run.jsonl", records)
    out = tmp_path / "ds.jsonl"
    code, err = export(
        capsys,
        *(str(tmp_path / "run.jsonl"), "-o", str(out), "--split", "train=0.6,valid=0.2,test=0.2"),
        *("--split-by", "date", "--sort", "url", "--dedup", "none"),
    )
    assert code == 0, err
    parts = {p: read(tmp_path / f"ds-{p}.jsonl") for p in ("train", "valid", "test")}
    assert sorted(urls(parts["train"])) == urls(parts["train"])  # --sort url within a split
    assert {r["published"] for r in parts["train"]} == {f"2026-10-{d:02d}" for d in range(1, 7)}
    assert {r["published"] for r in parts["valid"]} == {"2026-10-07", "2026-10-08"}
    assert {r["published"] for r in parts["test"]} == {"2026-10-09", "2026-10-10"}


def test_parquet_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip(
        "pyarrow.parquet", reason="pyarrow not installed: pip install 'newscrawl[parquet]'"
    )
    runs = _syndication(tmp_path)
    jsonl, parquet = tmp_path / "ds.jsonl", tmp_path / "ds.parquet"
    for out in (jsonl, parquet):
        code, err = export(capsys, str(runs), "-o", str(out), "--keep-duplicates")
        assert code == 0, err
    table = pq.read_table(parquet)
    assert table.schema.names == list(EXPORT_FIELDS)
    pa = pytest.importorskip("pyarrow")
    assert table.schema.field("authors").type == pa.list_(pa.string())
    assert table.schema.field("word_count").type == pa.int64()
    assert table.to_pylist() == read(jsonl)


def test_parquet_without_pyarrow_names_the_extra(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now fails
    write_jsonl(tmp_path / "run.jsonl", [article(1)])
    code, err = export(capsys, str(tmp_path / "run.jsonl"), "-o", str(tmp_path / "x.parquet"))
    assert code == 2
    assert "pip install 'newscrawl[parquet]'" in err
    assert not (tmp_path / "x.parquet").exists()


def test_dataset_card(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    runs = _syndication(tmp_path)
    card = tmp_path / "CARD.md"
    code, err = export(capsys, str(runs), "-o", str(tmp_path / "ds.jsonl"), "--card", str(card))
    assert code == 0, err
    text = card.read_text("utf-8")
    assert "3 news articles, made by newscrawl 0.1.0 on 20" in text
    assert "| site1.example | 2 |" in text and "| site2.example | 1 |" in text
    assert "| en | 3 |" in text
    assert "| 2026-11 | 3 |" in text
    assert "| duplicate: near-duplicate text | 1 |" in text
    assert (
        "| `site` | Host of the publishing site, without `www.` (from `canonical_url`). |" in text
    )
    assert "| `duplicate_of` |" in text
    assert f"newscrawl export {runs} -o {tmp_path / 'ds.jsonl'} --card {card}" in text
    assert f"`{runs / '1.jsonl'}`: 2" in text


def test_every_exported_field_is_described() -> None:
    descriptions = field_descriptions()
    assert all(descriptions.get(name) for name in ARTICLE_FIELDS)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--split", "train=0.8,test=0.1"], "add up to 0.9"),
        (["--split", "train"], "write NAME=SHARE"),
        (["--since", "last week"], "not an ISO 8601 date"),
        (["--min-words", "-1"], "must be 0 or more"),
    ],
)
def test_bad_options_are_clear_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    write_jsonl(tmp_path / "run.jsonl", [article(1)])
    code, err = export(capsys, str(tmp_path / "run.jsonl"), "-o", str(tmp_path / "o"), *args)
    assert code == 2
    assert message in err


def test_console_script_reports_missing_input(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "export", str(tmp_path / "nope"), "-o", "x"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "newscrawl export: error: no such file or directory" in result.stderr


def test_external_sort_spills_merges_and_is_stable(tmp_path: Path) -> None:
    records: list[dict[str, Any]] = [{"n": n, "key": f"k{n % 7}"} for n in range(500)]
    result = list(external_sort(records, lambda r: str(r["key"]), tmp_path, chunk_bytes=300))
    assert result == sorted(records, key=lambda r: str(r["key"]))  # sorted() is stable too
    assert list(tmp_path.iterdir()) == []  # spill files removed


def test_worker_processes_give_the_same_probes_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from newscrawl.dataset import probes

    monkeypatch.setattr(probes, "BATCH", 2)
    monkeypatch.setattr(probes, "INLINE_BATCHES", 1)
    records = [article(n, [AGENCY_STORY, SAME_TOPIC, FOLLOW_UP][n % 3]) for n in range(9)]
    fingerprinter = MinHashFingerprinter()
    pairs = list(probes.probed(records, fingerprinter, jobs=1))
    assert [r for r, _ in pairs] == records
    assert [p for _, p in pairs] == [make_probe(fingerprinter, r["text"], None) for r in records]
