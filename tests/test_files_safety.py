"""`newscrawl export` and `newscrawl clean` never lose a dataset: output written in place is
complete or absent, keeps the file's mode, never read back as input; a truncated `.gz` is a
clear error; a raw CR in a record does not split it."""

from __future__ import annotations

import gzip
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from test_export import article, write_jsonl

from newscrawl.cli import main


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", *args], capture_output=True, text=True, check=False
    )


def test_export_onto_its_own_input_keeps_every_record(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "all.jsonl", [article(n) for n in range(460)])
    path.chmod(0o644)
    assert main(["export", str(path), "-o", str(path), "--dedup", "none", "--sort", "none"]) == 0
    assert len(path.read_text("utf-8").splitlines()) == 460
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["all.jsonl"]  # no temporary left


def test_export_never_reads_its_own_output_from_a_folder(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "data" / "run1.jsonl", [article(n) for n in range(5)])
    output = tmp_path / "data" / "all.jsonl"
    for _ in range(2):  # the second export finds the first one's output in data/
        assert main(["export", str(tmp_path / "data"), "-o", str(output), "--dedup", "none"]) == 0
        assert len(output.read_text("utf-8").splitlines()) == 5


def test_a_failed_export_leaves_no_partial_file_and_the_old_one_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_jsonl(tmp_path / "run.jsonl", [article(n) for n in range(50)])
    output = tmp_path / "out.jsonl"
    output.write_text("the previous export\n")
    from newscrawl.dataset import writers

    calls = 0
    original = writers.JsonlWriter.write

    def failing(self: writers.JsonlWriter, row: dict[str, object]) -> None:
        nonlocal calls
        calls += 1
        if calls == 20:
            raise OSError(28, "No space left on device")
        original(self, row)

    monkeypatch.setattr(writers.JsonlWriter, "write", failing)
    assert main(["export", str(source), "-o", str(output), "--dedup", "none"]) == 2
    assert output.read_text() == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "run.jsonl"]


def test_export_creates_new_files_with_the_usual_mode(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "run.jsonl", [article(n) for n in range(3)])
    umask = os.umask(0o022)
    try:
        output = tmp_path / "new.jsonl.gz"
        assert main(["export", str(source), "-o", str(output), "--dedup", "none"]) == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE(output.stat().st_mode) == 0o644


def test_clean_in_place_keeps_the_file_mode(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "data.jsonl", [article(1)])
    path.chmod(0o640)
    result = _cli("clean", str(path), "-o", str(path))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_clean_on_a_truncated_gz_is_a_clear_error(tmp_path: Path) -> None:
    whole = gzip.compress(
        "".join(json.dumps(article(n)) + "\n" for n in range(200)).encode(), mtime=0
    )
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    result = _cli("clean", str(cut), "-o", str(tmp_path / "out.jsonl.gz"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "is not a whole gzip file" in result.stderr
    assert not (tmp_path / "out.jsonl.gz").exists()


def test_a_raw_cr_inside_a_record_does_not_split_it(tmp_path: Path) -> None:
    record = article(1, text=article(1)["text"] + "\r" + "More text after a carriage return.")
    line = json.dumps(record).replace("\\r", "\r")  # as a careless tool writes it
    path = tmp_path / "in.jsonl"
    path.write_bytes((line + "\n" + json.dumps(article(2)) + "\n").encode())
    result = _cli("clean", str(path), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    lines = (tmp_path / "out.jsonl").read_bytes().split(b"\n")
    assert len([line for line in lines if line]) == 2
    assert "2 records" in result.stderr
