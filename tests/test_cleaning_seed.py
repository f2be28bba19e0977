"""The seed example: the text cleaners turn the dirty extractor output into the clean one."""

from __future__ import annotations

from pathlib import Path

from newscrawl import clean_text

FIXTURES = Path(__file__).parent / "fixtures" / "cleaning"


def _normalized(text: str) -> str:
    return " ".join(text.split())


def test_seed_dirty_article_cleans_to_the_clean_one() -> None:
    dirty = (FIXTURES / "seed-dirty.txt").read_text(encoding="utf-8")
    clean = (FIXTURES / "seed-clean.txt").read_text(encoding="utf-8")

    assert _normalized(clean_text(dirty)) == _normalized(clean)


def test_seed_clean_article_is_left_alone() -> None:
    clean = (FIXTURES / "seed-clean.txt").read_text(encoding="utf-8")

    assert _normalized(clean_text(clean)) == _normalized(clean)
