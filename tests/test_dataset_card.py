"""The dataset card `newscrawl export --card` writes: a Hugging Face YAML header that
`datasets` reads, the licence note, field coverage, per-site counts (top N, then the
rest), the date range, and a `load_dataset` line that runs."""

from __future__ import annotations

import re
import sys
import types
from typing import TYPE_CHECKING, Any

import pytest
from test_export import article, export, read, write_jsonl

from newscrawl.dataset.card import TOP_SITES, size_category

if TYPE_CHECKING:
    from pathlib import Path

yaml = pytest.importorskip("yaml", reason="PyYAML not installed: pip install -e '.[test]'")


def _card(tmp_path: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[str, Path]:
    out = tmp_path / "dataset"
    card = out / "README.md"
    code, err = export(
        capsys, str(tmp_path / "runs"), "-o", str(out / "news.jsonl.gz"), "--card", str(card),
        *options,
    )  # fmt: skip
    assert code == 0, err
    return card.read_text("utf-8"), out


def _header(card: str) -> dict[str, Any]:
    match = re.match(r"---\n(.*?)\n---\n", card, flags=re.DOTALL)
    assert match, card[:300]
    header = yaml.safe_load(match.group(1))
    assert isinstance(header, dict)
    return header


def _section(card: str, heading: str) -> str:
    return card.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def _runs(tmp_path: Path, n: int, **fields: Any) -> None:
    records = [article(i, **fields) for i in range(n)]
    write_jsonl(tmp_path / "runs" / "1.jsonl", records)


def test_header_is_hugging_face_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [article(i, language=("en", "de", None)[i % 3]) for i in range(12)]
    write_jsonl(tmp_path / "runs" / "1.jsonl", records)
    card, out = _card(tmp_path, capsys, "--split", "train=0.5,test=0.5")
    header = _header(card)
    assert header["language"] == ["de", "en"]  # records without a language are not a code
    assert header["multilinguality"] == "multilingual"
    assert header["size_categories"] == ["n<1K"]
    assert header["license"] == "other"
    assert header["license_name"]
    (config,) = header["configs"]
    files = {entry["split"]: entry["path"] for entry in config["data_files"]}
    assert files == {"train": "news-train.jsonl.gz", "test": "news-test.jsonl.gz"}
    assert sum(len(read(out / path)) for path in files.values()) == 12
    # The licence note: the texts are the publishers', whatever the code's licence.
    assert "belong to their publishers" in card.split("---\n", 2)[2]


@pytest.mark.parametrize(
    ("count", "category"),
    [(0, "n<1K"), (999, "n<1K"), (1_000, "1K<n<10K"), (250_000, "100K<n<1M"), (10**9, "n>1B")],
)
def test_size_category(count: int, category: str) -> None:
    assert size_category(count) == category


def test_field_coverage_is_the_share_of_records_with_a_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [
        article(i, authors=["Maren Holt"] if i % 4 else [], image=f"https://i.example/{i}.jpg")
        for i in range(8)
    ]
    records[0]["section"] = "City"
    write_jsonl(tmp_path / "runs" / "1.jsonl", records)
    card, _ = _card(tmp_path, capsys)
    coverage = _section(card, "Field coverage")
    assert "| `authors` | 6 | 75.0% |" in coverage
    assert "| `image` | 8 | 100.0% |" in coverage
    assert "| `section` | 1 | 12.5% |" in coverage
    assert "| `modified` | 0 | 0.0% |" in coverage
    assert "| `word_count` | 8 | 100.0% |" in coverage


def test_sites_top_n_then_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sites = TOP_SITES + 4
    # Site k has k + 1 articles: site0 is the smallest.
    records = [
        article(1000 * k + i, site=f"s{k:02d}.example") for k in range(sites) for i in range(k + 1)
    ]
    write_jsonl(tmp_path / "runs" / "1.jsonl", records)
    card, _ = _card(tmp_path, capsys, "--dedup", "none")
    rows = re.findall(r"^\| (.+?) \| ([\d,]+) \|$", _section(card, "Articles per site"), re.M)
    assert len(rows) == TOP_SITES + 1
    assert rows[0] == (f"s{sites - 1:02d}.example", str(sites))
    assert rows[TOP_SITES - 1] == ("s04.example", "5")
    assert rows[-1] == ("(4 other sites)", str(1 + 2 + 3 + 4))


def test_date_range(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [
        article(1, published="2026-11-03T09:30:00+02:00"),
        article(2, published="2026-10-30"),
        article(3, published=None),
        article(4, published="2026-11-20T23:15:00+00:00"),
    ]
    write_jsonl(tmp_path / "runs" / "1.jsonl", records)
    card, _ = _card(tmp_path, capsys)
    assert _section(card, "Publication dates (UTC)").strip() == (
        "From 2026-10-30 00:00:00 to 2026-11-20 23:15:00; 1 without a publication date."
    )


def test_load_line_runs_from_the_cards_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _runs(tmp_path, 10)
    card, out = _card(tmp_path, capsys, "--split", "train=0.7,valid=0.3")
    (code,) = re.findall(r"```python\n(.*?)\n```", card, flags=re.DOTALL)
    assert "from datasets import load_dataset" in code
    loaded: dict[str, Any] = {}

    def load_dataset(builder: str, data_files: dict[str, str]) -> dict[str, int]:
        loaded.update(builder=builder, files=data_files)
        return {split: len(read(out / path)) for split, path in data_files.items()}

    monkeypatch.setitem(sys.modules, "datasets", types.SimpleNamespace(load_dataset=load_dataset))
    monkeypatch.chdir(out)
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    assert loaded["builder"] == "json"
    assert set(loaded["files"]) == {"train", "valid"}
    assert sum(namespace["dataset"].values()) == 10


def test_parquet_card_loads_with_the_parquet_builder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("pyarrow", reason="pyarrow not installed: pip install 'newscrawl[parquet]'")
    _runs(tmp_path, 3)
    out = tmp_path / "dataset"
    code, err = export(
        capsys,
        str(tmp_path / "runs"),
        "-o",
        str(out / "news.parquet"),
        "--card",
        str(out / "CARD.md"),
    )
    assert code == 0, err
    card = (out / "CARD.md").read_text("utf-8")
    assert 'load_dataset("parquet", data_files={"train": "news.parquet"})' in card
    assert _header(card)["configs"][0]["data_files"] == [{"split": "train", "path": "news.parquet"}]
