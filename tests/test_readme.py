"""README stays true: its schema table matches the Article item, its settings table matches
the add-on's defaults, and CI runs exactly its test command."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from newscrawl.addon import NEWSCRAWL_SETTINGS
from newscrawl.items import Article

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def _table_names(heading: str) -> list[str]:
    section = README.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([A-Za-z_]+)` \|", section, flags=re.MULTILINE)


def _commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)


def test_schema_table_lists_every_field_in_order() -> None:
    assert _table_names("Output schema") == [f.name for f in fields(Article)]


def test_settings_table_lists_every_setting() -> None:
    assert _table_names("Settings") == list(NEWSCRAWL_SETTINGS)


def test_readme_starts_with_the_two_commands() -> None:
    main, tests = _commands()[:2]
    assert main == "pip install -U pip && pip install -e . && scrapy crawl demo -O articles.jsonl"
    assert tests.endswith("pytest")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert _commands()[1] in ci.splitlines()
