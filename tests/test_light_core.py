"""A light core: what each entry point loads, checked in a fresh interpreter.

The cleaners, dates, URLs and text measures are plain functions a notebook or
`newscrawl clean` uses without Scrapy; the console script loads only the subcommand it
runs. Each test imports in a subprocess and asserts which packages got loaded (never how
long it took: `benchmarks/import_times.py` measures that)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newscrawl.core.text import (
    SEMICOLON,
    SENTENCE_STOPS,
    STATEMENT_STOPS,
    comparable,
    ends_like_a_sentence,
    is_prose,
    prose_paragraphs,
    tidy_lines,
)

PACKAGE = Path(__file__).parents[1] / "newscrawl"
#: What a crawl needs and a text helper does not: seconds of imports between them.
HEAVY = ("scrapy", "twisted", "trafilatura", "lxml", "readability", "courlan")


def _loaded(code: str) -> set[str]:
    """Top-level packages loaded by `code` in a fresh interpreter (stdout and stderr of
    `code` are discarded: a `--help` prints)."""
    script = (
        "import contextlib, io, json, sys\n"
        "quiet = io.StringIO()\n"
        "with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):\n"
        "    try:\n"
        + "".join(f"        {line}\n" for line in code.splitlines())
        + "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    process = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert process.returncode == 0, process.stderr
    modules: list[str] = json.loads(process.stdout)
    return set(modules)


def _heavy(modules: set[str]) -> list[str]:
    return [name for name in HEAVY if name in modules]


def test_clean_text_loads_neither_scrapy_nor_trafilatura_nor_lxml() -> None:
    modules = _loaded("from newscrawl import clean_text\nclean_text('One line.')")
    assert _heavy(modules) == []


def test_core_helpers_load_nothing_heavy() -> None:
    modules = _loaded(
        "from newscrawl.core import dates, text, urls\n"
        "dates.normalize_date('2026-11-04T09:12:00Z')\n"
        "urls.host_of('https://www.example.com/a')\n"
        "urls.http_url_problem('https://www.example.com/a')\n"
        "text.word_count('三つの言葉')"
    )
    assert _heavy(modules) == []


@pytest.mark.parametrize(
    "module",
    sorted(path.stem for path in (PACKAGE / "core").glob("*.py") if path.stem != "__init__"),
)
def test_every_core_module_loads_nothing_heavy(module: str) -> None:
    """`newscrawl.core` is the layer under everything: none of its modules may pull in
    the crawl (Scrapy) or the extraction (trafilatura, lxml)."""
    assert _heavy(_loaded(f"import newscrawl.core.{module}")) == []


def test_the_crawl_state_loads_neither_the_extraction_nor_scrapy() -> None:
    """Its records compare dates (`core.dates`); the backend is loaded by name, in
    `open_state`, with Scrapy's `load_object`."""
    modules = _loaded("import newscrawl.state, newscrawl.state.sqlite, newscrawl.state.recovery")
    assert "newscrawl.extraction" not in modules
    assert _heavy(modules) == [], "readability came with the extraction"


def test_the_console_script_help_loads_no_subcommand() -> None:
    modules = _loaded("from newscrawl.cli import main\nmain(['--help'])")
    assert not [m for m in modules if m.startswith("newscrawl.commands.")]
    assert _heavy(modules) == []


def test_a_subcommand_loads_only_its_own_module() -> None:
    modules = _loaded("from newscrawl.cli import main\nmain(['clean', '--help'])")
    assert [m for m in modules if m.startswith("newscrawl.commands.")] == [
        "newscrawl.commands.clean"
    ]
    assert not {"scrapy", "trafilatura"} & modules


@pytest.mark.parametrize(
    ("line", "sentence", "statement"),
    [
        ("The ferry leaves at ten.", True, True),
        ("Is the ferry late?", True, False),
        ("What a crossing!", True, False),
        ("The ferry was late…", True, True),
        ("„Wir fahren weiter.“", True, True),  # German closing quote
        ("(The ferry runs daily.)", True, True),
        ("フェリーは十時に出る。", True, True),
        ("「出発は十時。」", True, True),
        ("フェリーは遅れた？", True, False),
        ("What changes on Monday:", False, False),  # a lead-in
        ("- the first sailing moves to 06:10;", False, False),  # a clause
        ("Ferry timetable changes", False, False),
    ],
)
def test_sentence_and_statement_ends(line: str, sentence: bool, statement: bool) -> None:
    assert ends_like_a_sentence(line) is sentence
    assert ends_like_a_sentence(line, STATEMENT_STOPS) is statement
    assert ends_like_a_sentence(line + "  ") is sentence  # trailing spaces do not count


def test_the_named_variants_say_how_they_differ() -> None:
    assert set(STATEMENT_STOPS) < set(SENTENCE_STOPS)  # no question, no exclamation
    assert SEMICOLON not in SENTENCE_STOPS  # the tail cleaner adds it, by name
    assert ends_like_a_sentence("- the first point;", SENTENCE_STOPS + SEMICOLON)


def test_a_paragraph_of_prose() -> None:
    sentence = (
        "The operator said the two late boats carried an average of eleven people each "
        "night over the past two winters"
    )  # 20 words
    assert is_prose(sentence + " this winter.")  # 20 words and more, and a stop
    assert not is_prose(sentence + " this winter")  # no stop
    assert is_prose(sentence + " this winter", needs_stop=False)  # a <p> says paragraph
    assert not is_prose("Too short.")
    assert is_prose("フェリー" * 5 + "。")  # each character a word in a script without spaces
    assert prose_paragraphs(f"Title\n{sentence} this winter.\n\n{sentence} too, in 2026.") == 2


def test_tidy_lines_drops_the_sources_whitespace_and_keeps_a_code_samples() -> None:
    prose = (
        "The operator said the two late boats carried an average of eleven people each "
        "night over the past two winters."
    )
    code = "def sailings(day):\n    if day == 'Sunday':\n        return 2\n    return 5"
    japanese = "\u3000" + "フェリー" * 5 + "。"  # a full-width space opens the paragraph

    text = f"\t\t\n\t\t{prose}  \n\u00a0\n \n\n{code}\n\t{japanese}\n  "

    assert tidy_lines(text) == f"{prose}\n\n{code}\n{japanese}"


def test_tidy_lines_puts_a_list_items_text_back_after_its_bullet() -> None:
    """trafilatura writes an `<li>` whose text starts on a new line in the source as "-"
    alone, then the text with the source's indentation (seen on photo captions and
    comment lists in `<li>`)."""
    text = (
        "The ferry ran twice a day.\n-\n\t\tNorth pier at dawn.\n-\n\n"
        "       South pier at dusk.\n- An item as usual\n-\n-\n    Fourth\n-"
    )

    assert tidy_lines(text) == (
        "The ferry ran twice a day.\n- North pier at dawn.\n- South pier at dusk.\n"
        "- An item as usual\n-\n- Fourth\n-"
    )


def test_comparable_text_ignores_punctuation_case_and_soft_hyphens() -> None:
    assert comparable("Trump plant Helikopter\u00adlandeplatz – jetzt!") == comparable(
        "trump plant helikopterlandeplatz: jetzt"
    )


def test_one_definition_of_a_sentence_end() -> None:
    """No module keeps its own sentence-end pattern or set of stops: they come from
    `newscrawl.core.text`, with named variants there."""
    own = {"SENTENCE_END", "STOP_END", "STOPS", "CLOSERS", "QUESTIONS", "PROSE_WORDS"}
    copies = []
    for path in PACKAGE.rglob("*.py"):
        if path == PACKAGE / "core" / "text.py":
            continue
        for node in ast.parse(path.read_text("utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                if isinstance(target, ast.Name) and target.id.lstrip("_") in own:
                    copies.append(f"{path.relative_to(PACKAGE)}: {target.id}")
    assert copies == []
