"""`newscrawl.dedup`: exact and near duplicates, in memory and in a SQLite file that
survives restarts and a process killed mid-batch."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING, Any

import pytest

from newscrawl.dedup import (
    DuplicateIndex,
    Match,
    MemoryDuplicateIndex,
    MinHashFingerprinter,
    SqliteDuplicateIndex,
    content_hash,
)

if TYPE_CHECKING:
    from pathlib import Path

AGENCY_STORY = """\
Ferry crews on the Saltmere crossing will walk out for 48 hours from Thursday after talks \
over winter rosters broke down late on Monday, the Maritime Workers Union said.
The union said its members had rejected a revised offer that would have cut two evening \
sailings and moved a third of the crew to split shifts between November and March.
"We asked for a roster that lets people see their families, and we were offered a \
timetable that treats them as spare parts," said union organiser Dana Whitlock.
The operator, Fennick Lines, said it regretted the decision and would run a reduced \
service with managers and agency staff. It expects to operate four of the usual eleven \
daily crossings, with priority for freight, medical appointments and school transport.
About 3,200 passengers use the route on a winter weekday, according to the regional \
transport authority, which urged travellers to check departures before leaving home.
Local businesses on Fennick Point warned that a long dispute would hit deliveries and the \
Christmas trade. The harbour master said extra berths would be kept for fishing boats.
Talks are due to resume on Friday at the offices of the conciliation service, the union \
said, but no further dates for action have been announced.
"""

SYNDICATED = """\
This story was supplied by a news agency and has not been edited by our staff.
SALTMERE (Agency) — Ferry crews on the Saltmere crossing will walk out for 48 hours from \
Thursday after talks over winter rosters broke down late on Monday, the Maritime Workers \
Union said.
The union said its members rejected a revised offer that would have cut two evening \
sailings and moved a third of the crew to split shifts between November and March.
"We asked for a roster that lets people see their families, and we were offered a \
timetable that treats them as spare parts," said union organiser Dana Whitlock.
The operator, Fennick Lines, said it regretted the decision and would run a reduced \
service with managers and agency staff. It expects to operate four of the usual eleven \
daily crossings, with priority for freight, medical appointments and school transport.
About 3,200 passengers use the route on a winter weekday, according to the regional \
transport authority, which urged travellers to check departures before leaving home.
Local businesses on Fennick Point warned that a long dispute would hit deliveries and the \
Christmas trade.
Read more:
- Harbour car park to close for resurfacing
- Council approves new lifeboat station
"""

SAME_TOPIC = """\
Travellers between Saltmere and Fennick Point face a week of disruption as the ferry strike \
begins on Thursday, and the regional transport authority has published a guide to the \
alternatives.
A replacement coach will run every two hours via the coast road bridge, adding roughly \
ninety minutes to the journey. Tickets bought for cancelled sailings can be refunded online \
or at the Town Pier office.
Fennick Lines said on Tuesday that four daily crossings would go ahead, staffed by managers. \
"Freight, medical appointments and pupils come first," a spokesperson said.
Schools on Fennick Point will open as usual; the head teachers' association said staff who \
live on the mainland would work from the Saltmere campus where they could.
The Maritime Workers Union has not said whether further action is planned. Talks at the \
conciliation service are scheduled for Friday morning.
Shops in the harbour district say they have ordered stock early, but cafés that depend on \
day visitors expect a quiet week and have cut opening hours.
"""

FOLLOW_UP = """\
The Saltmere ferry strike ended on Saturday after crews accepted a deal that keeps the \
evening sailings and limits split shifts to two weeks a month, the union said.
"We asked for a roster that lets people see their families," union organiser Dana Whitlock \
said on Saturday, "and this time we were heard."
Fennick Lines said the full timetable of eleven daily crossings would return on Monday. The \
operator will also review how agency staff are trained after complaints about boarding \
delays during the walkout.
The transport authority said the replacement coach service would stop on Sunday evening \
and that refunds for cancelled sailings remain open for a month.
Business owners on Fennick Point welcomed the agreement but asked for compensation for the \
lost trade, which the chamber of commerce estimates at several hundred thousand pounds.
"""


def _index(tmp_path: Path, storage: str) -> DuplicateIndex:
    if storage == "sqlite":
        return SqliteDuplicateIndex(tmp_path / "dedup.sqlite")
    return MemoryDuplicateIndex()


@pytest.mark.parametrize("storage", ["memory", "sqlite"])
def test_exact_copy_is_found_by_content_hash(tmp_path: Path, storage: str) -> None:
    index = _index(tmp_path, storage)
    with index:
        assert index.duplicate_of("https://a.example/1", AGENCY_STORY) is None
        respaced = "  " + AGENCY_STORY.upper().replace("\n", "\n\n")
        match = index.duplicate_of("https://b.example/9", respaced)
        assert match == Match("https://a.example/1", "exact", 1.0)
        # A given content hash wins over the text (the crawl computes it once).
        assert index.check("https://c.example/2", "other text", content_hash(AGENCY_STORY)) == (
            "https://a.example/1"
        )
        assert len(index) == 1  # duplicates are not stored


@pytest.mark.parametrize("storage", ["memory", "sqlite"])
def test_syndicated_copy_is_a_near_duplicate_but_same_topic_stories_are_not(
    tmp_path: Path, storage: str
) -> None:
    index = _index(tmp_path, storage)
    with index:
        index.add("https://agency.example/ferry-strike", AGENCY_STORY)
        match = index.duplicate_of("https://gazette.example/ferry", SYNDICATED)
        assert match is not None
        assert match.first == "https://agency.example/ferry-strike"
        assert match.kind == "near"
        assert 0.5 <= match.similarity < 1
        assert index.duplicate_of("https://gazette.example/guide", SAME_TOPIC) is None
        assert index.duplicate_of("https://gazette.example/deal", FOLLOW_UP) is None
        assert len(index) == 3


def test_exact_only_index_does_not_flag_near_copies() -> None:
    index = MemoryDuplicateIndex(near=False)
    index.add("https://agency.example/ferry-strike", AGENCY_STORY)
    assert index.check("https://gazette.example/ferry", SYNDICATED) is None
    assert index.scheme == "exact"


@pytest.mark.parametrize("storage", ["memory", "sqlite"])
def test_same_key_again_is_a_key_match_whatever_the_text(tmp_path: Path, storage: str) -> None:
    with _index(tmp_path, storage) as index:
        index.add("https://a.example/1", AGENCY_STORY)
        updated = index.duplicate_of("https://a.example/1", FOLLOW_UP)
        assert updated == Match("https://a.example/1", "key", 1.0)
        assert index.check("https://b.example/1", AGENCY_STORY) == "https://a.example/1"


def test_short_texts_match_exactly_only() -> None:
    index = MemoryDuplicateIndex()
    index.add("https://a.example/1", "Ferry strike called off.")
    assert index.check("https://b.example/1", "FERRY strike\n called off.") == "https://a.example/1"
    assert index.check("https://b.example/2", "Ferry strike called.") is None
    assert MinHashFingerprinter().fingerprint("") is None


def test_first_copy_wins_among_several_near_matches() -> None:
    index = MemoryDuplicateIndex()
    index.add("https://a.example/first", AGENCY_STORY)
    index.add("https://b.example/second", SYNDICATED)  # stored anyway, as a caller may
    assert index.check("https://c.example/3", AGENCY_STORY + "\nCorrection: 11 crossings.") == (
        "https://a.example/first"
    )


def test_persistent_index_is_shared_by_two_instances(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with SqliteDuplicateIndex(path, batch_size=10) as first_run:
        first_run.add("https://agency.example/ferry-strike", AGENCY_STORY)
        first_run.add("https://gazette.example/guide", SAME_TOPIC)
    with SqliteDuplicateIndex(path) as second_run:
        assert len(second_run) == 2
        match = second_run.duplicate_of("https://gazette.example/ferry", SYNDICATED)
        assert match is not None and match.first == "https://agency.example/ferry-strike"
        assert second_run.check("https://x.example/1", SAME_TOPIC) == (
            "https://gazette.example/guide"
        )


def test_index_made_with_other_settings_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    SqliteDuplicateIndex(path).close()
    with pytest.raises(ValueError, match="scheme"):
        SqliteDuplicateIndex(path, near=False)
    with pytest.raises(ValueError, match="scheme"):
        SqliteDuplicateIndex(path, near=MinHashFingerprinter(threshold=0.8, bands=16))


def test_process_killed_mid_batch_leaves_a_sound_index(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    # A child adds 25 articles in batches of 10 and is SIGKILLed with the third batch open.
    script = textwrap.dedent(
        f"""
        import os, signal
        from newscrawl.dedup import SqliteDuplicateIndex
        index = SqliteDuplicateIndex({str(path)!r}, near=False, batch_size=10)
        for n in range(25):
            index.add(f"https://a.example/{{n}}", f"article number {{n}}")
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
    assert result.returncode == -9, result.stderr

    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with SqliteDuplicateIndex(path, near=False) as index:
        assert len(index) == 20  # the two committed batches, not the open one
        assert index.check("https://b.example/", "Article number 19") == "https://a.example/19"
        assert index.check("https://b.example/", "article number 21") is None
        index.add("https://a.example/21", "article number 21")
    with SqliteDuplicateIndex(path, near=False) as index:
        assert len(index) == 21


def _claim_all(path: str, start: Any, found: Any) -> None:
    from newscrawl.dedup import SqliteDuplicateIndex

    with SqliteDuplicateIndex(path, near=False, batch_size=1) as index:
        start.wait()
        kept = sum(
            index.duplicate_of(f"https://a.example/{n}", f"story number {n} " * 20) is None
            for n in range(300)
        )
    found.put(kept)


def test_two_processes_sharing_the_index_never_both_keep_an_article(tmp_path: Path) -> None:
    """Two spiders sharing a data folder, running at once: each article kept once."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    start, found = context.Event(), context.Queue()
    path = str(tmp_path / "dedup.sqlite3")
    SqliteDuplicateIndex(path, near=False, batch_size=1).close()  # the schema, once
    workers = [context.Process(target=_claim_all, args=(path, start, found)) for _ in range(2)]
    for worker in workers:
        worker.start()
    start.set()
    kept = [found.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join(timeout=600)
    assert sum(kept) == 300
