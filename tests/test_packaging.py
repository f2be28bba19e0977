"""Packaging facts that a fresh machine would otherwise find out the hard way."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PYPROJECT = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))


def _floor(requirement: str, name: str) -> tuple[int, ...]:
    match = re.fullmatch(rf"{name}\s*>=\s*([\d.]+)", requirement.strip())
    assert match, f"{requirement!r}: give {name} a floor (>=)"
    return tuple(int(part) for part in match.group(1).split("."))


def test_setuptools_floor_reads_the_licence_string() -> None:
    """`license = "MIT"` (an SPDX expression, PEP 639) is refused by setuptools before 77
    ("`project.license` must be valid exactly by one definition"): measured with 69.5.1
    and 76.1.0, which fail, and 77.0.3, which builds."""
    assert isinstance(PYPROJECT["project"]["license"], str)
    (setuptools,) = [r for r in PYPROJECT["build-system"]["requires"] if "setuptools" in r]
    assert _floor(setuptools, "setuptools") >= (77,)
