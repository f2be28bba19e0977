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


def _seed_tail() -> str:
    dirty = (FIXTURES / "seed-dirty.txt").read_text(encoding="utf-8")
    return dirty[dirty.index("\n-\n") :]


def test_seed_tail_goes_after_an_article_that_ends_with_a_list() -> None:
    # The lone "-" line opens the tail whatever the article's last line is (here a list
    # item, not a sentence): an article never writes one.
    clean = (FIXTURES / "seed-clean.txt").read_text(encoding="utf-8").rstrip()
    article = f"{clean}\nWhat users asked for:\n- their accounts back\n- their photos and messages"

    assert clean_text(article + _seed_tail()) == article


def test_seed_tail_goes_with_headlines_that_ask_or_exclaim() -> None:
    clean = (FIXTURES / "seed-clean.txt").read_text(encoding="utf-8").rstrip()
    tail = "\n-\nWill WeChat restore the banned accounts? -\nAnger grows over the bans! -"

    assert clean_text(clean + tail) == clean
