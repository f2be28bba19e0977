"""`newscrawl clean`: repair a dataset another tool made, streaming, losing no record."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).parent / "fixtures" / "cleaning"  # copies of ../shared/seed


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "clean", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_cleans_the_text_field_and_copies_everything_else(tmp_path: Path) -> None:
    dirty = (SEED / "seed-dirty.txt").read_text("utf-8")
    clean = (SEED / "seed-clean.txt").read_text("utf-8")
    records = [
        {"id": 1, "body": dirty, "lang": "en"},
        {"id": 2, "body": "A short text that needs nothing removed."},
    ]
    source = tmp_path / "in.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
        handle.write("this line is not JSON\n")
        handle.write('{"id": 3, "body": null}\n')
    target = tmp_path / "out.jsonl"

    result = _run(str(source), "-o", str(target), "--field", "body")

    assert result.returncode == 0, result.stderr
    lines = target.read_text("utf-8").splitlines()
    assert len(lines) == 4  # no record lost
    first = json.loads(lines[0])
    assert " ".join(first["body"].split()) == " ".join(clean.split())
    assert first["id"] == 1 and first["lang"] == "en"
    assert json.loads(lines[1])["body"] == records[1]["body"]
    assert lines[2] == "this line is not JSON"
    assert json.loads(lines[3]) == {"id": 3, "body": None}
    assert "4 records, 1 cleaned" in result.stderr
    assert "1 not JSON, copied unchanged" in result.stderr


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2
    assert "newscrawl clean: error:" in result.stderr
    assert "nope.jsonl" in result.stderr


def test_cleaning_a_file_in_place_keeps_every_record(tmp_path: Path) -> None:
    dirty = (SEED / "seed-dirty.txt").read_text("utf-8")
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps({"text": dirty}) + "\n" + json.dumps({"text": "Short."}) + "\n")

    result = _run(str(data), "-o", str(data))

    assert result.returncode == 0, result.stderr
    lines = data.read_text("utf-8").splitlines()
    assert len(lines) == 2
    assert "Backstreet Boys" not in json.loads(lines[0])["text"]
    assert [p.name for p in tmp_path.iterdir()] == ["data.jsonl"]  # no temporary file left


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    source = tmp_path / "big.jsonl"
    line = json.dumps({"text": "A sentence of the article. " * 40}) + "\n"
    source.write_text(line * 5000, encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-m", "newscrawl.cli", "clean", str(source), "-o", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.read(100)  # `| head -c 100`
        process.stdout.close()
        errors = process.stderr.read().decode()
        assert process.wait(timeout=60) == 141
    assert errors == ""


PARAGRAPHS = [
    "The regional rail operator will run night trains between the two cities from June, "
    "the first regular service at night since the line was electrified.",
    "Tickets go on sale next month and will cost about the same as a day return, the "
    "operator said, with discounts for students.",
]
OTHER_TITLES = ["Ferry timetable changes this winter", "Council approves budget for cycle lanes"]


def test_titles_of_other_records_are_a_tail_whatever_its_format(tmp_path: Path) -> None:
    """Plain headline lines after the last paragraph, with no header, marker or shape to
    tell them by, are kept by the text cleaners alone (they could be the article's own);
    when they are titles of the dataset's other records, they are a tail and go."""
    records = [
        {"title": "Night trains return", "text": "\n".join([*PARAGRAPHS, *OTHER_TITLES])},
        *({"title": title, "text": PARAGRAPHS[0]} for title in OTHER_TITLES),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")

    with_titles = _run(str(source), "-o", str(tmp_path / "a.jsonl"))
    without = _run(str(source), "-o", str(tmp_path / "b.jsonl"), "--no-known-headlines")

    assert with_titles.returncode == without.returncode == 0
    cleaned = json.loads((tmp_path / "a.jsonl").read_text("utf-8").splitlines()[0])
    kept = json.loads((tmp_path / "b.jsonl").read_text("utf-8").splitlines()[0])
    assert cleaned["text"] == "\n".join(PARAGRAPHS)
    assert kept["text"] == records[0]["text"]


BYLINE = "By Jane Doe and John Roe"
BIO = "Jane Doe is a transport reporter at the Gazette. She has covered rail since 2015."


@pytest.mark.parametrize(
    ("authors", "options"),
    [
        ({"authors": ["Jane Doe", "John Roe"]}, []),  # newscrawl's, news-please's list
        ({"author": "Jane Doe; John Roe"}, []),  # trafilatura's string
        ({"authors": [{"name": "Jane Doe"}, {"name": "John Roe"}]}, []),  # Zyte API's objects
        ({"writers": ["Jane Doe"]}, ["--authors-field", "writers"]),
    ],
)
def test_the_authors_byline_and_bio_go(
    tmp_path: Path, authors: dict[str, object], options: list[str]
) -> None:
    """As the crawl does with the authors it found: the byline at the top and the bio at
    the end go, when the record names its authors."""
    record = {"text": "\n".join([BYLINE, *PARAGRAPHS, BIO]), **authors}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record) + "\n", "utf-8")

    result = _run(str(source), "-o", str(tmp_path / "out.jsonl"), *options)

    assert result.returncode == 0, result.stderr
    cleaned = json.loads((tmp_path / "out.jsonl").read_text("utf-8"))
    assert cleaned["text"] == "\n".join(PARAGRAPHS)
    assert {k: v for k, v in cleaned.items() if k != "text"} == authors


@pytest.mark.parametrize(
    ("authors", "options"),
    [
        ({"authors": ["Jane Doe"]}, ["--authors-field", ""]),  # disabled
        ({"authors": 42}, []),  # names nobody: no crash, nothing removed
        ({"authors": [{"nameRaw": "Jane Doe"}, None]}, []),
        ({}, []),
    ],
)
def test_without_the_authors_names_their_lines_stay(
    tmp_path: Path, authors: dict[str, object], options: list[str]
) -> None:
    """Lines known by the authors' names alone (a byline without "By", a bio) stay when
    the record does not name them; "By" and names is a byline by its shape, and goes."""
    names_only = "Jane Doe and John Roe"
    record = {"text": "\n".join([names_only, *PARAGRAPHS, BIO]), **authors}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({**record, "text": f"{BYLINE}\n{record['text']}"}) + "\n", "utf-8")

    result = _run(str(source), "-o", str(tmp_path / "out.jsonl"), *options)

    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "out.jsonl").read_text("utf-8")) == record
