"""Match a line against a table of hundreds of phrases without trying each one.

The phrase tables (`markers`) are matched against every line of every text, several times
(chrome lines, tail headers, teaser lines): as one case-insensitive alternation, each line
costs Python's regex engine a try of every phrase, about 10 µs a line, a large part of the
text stages' time. Most phrases can only start with a few letters ("read more" with r or
R), so `LineMatcher` files the phrases by the letters they can start with and, for a line,
tries only those that can start with its first letter (after the decoration `lead` allows),
plus the few that can start anyhow. It matches exactly what the single alternation
matches: the letters are read from the parsed phrase (`re._parser`), folded the way the
regex engine folds them under IGNORECASE; a phrase whose start is not a plain letter (a
class like `\\d`, a dot, a character the lead may take) is tried on every line.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

try:  # CPython's regex parser: used only to read which letters a phrase starts with
    from re import _compiler, _constants, _parser  # type: ignore[attr-defined]

    _EXTRA_CASES: dict[int, tuple[int, ...]] = _compiler._EXTRA_CASES
    import _sre

    _fold_code = _sre.unicode_tolower
except (ImportError, AttributeError):  # another Python: every phrase is tried on every line
    _parser = None

#: A class of characters wider than this is not worth listing: the phrase is tried anyhow.
_MAX_CLASS_CHARS = 256


#: Where the phrases' alternation goes in a matcher's pattern.
PHRASES = "{PHRASES}"
#: Below this many phrases one alternation is as fast as filing them.
_MIN_PHRASES_TO_FILE = 12


class LineMatcher:
    """`pattern` (with `PHRASES` where the alternation of `phrases` goes, after `lead`, the
    decoration a line may open with), matched at a line's start, ignoring case.

    Nothing is compiled until a line is matched, and each letter's regex only when a line
    opens with that letter: the tables hold hundreds of phrases, and compiling every
    letter's alternation at import cost each process most of a second."""

    def __init__(self, phrases: list[str], lead: str, pattern: str) -> None:
        self.pattern = pattern.replace(PHRASES, "|".join(phrases))
        self._phrases = phrases
        self._lead_pattern = lead
        self._template = pattern
        #: Each letter's regex, compiled on first use ("" for a line no letter files).
        self._compiled: dict[str, re.Pattern[str] | None] = {}

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The one alternation of all phrases."""
        return re.compile(self.pattern, re.IGNORECASE)

    @cached_property
    def _lead(self) -> re.Pattern[str]:
        return re.compile(self._lead_pattern, re.IGNORECASE)

    @cached_property
    def _filed(self) -> tuple[dict[str, list[str]], list[str]] | None:
        """The phrases by the letters they can start with, and those that can start
        anyhow; None when there are too few phrases to file."""
        if len(self._phrases) < _MIN_PHRASES_TO_FILE:
            return None
        by_char: dict[str, list[str]] = {}
        anyhow: list[str] = []
        for phrase in self._phrases:
            chars = _first_chars(phrase)
            # a phrase that may start with a character the lead takes ("(c) 2024 ...")
            if chars is None or any(self._takes(char) for char in chars):
                anyhow.append(phrase)
                continue
            for char in chars:
                by_char.setdefault(char, []).append(phrase)
        return (by_char, anyhow) if by_char else None

    def _takes(self, char: str) -> bool:
        """Whether the lead may take `char` (a bracket, a bullet)."""
        taken = self._lead.match(char)
        return taken is not None and taken.end() > 0

    def _regex_for(
        self, char: str, filed: tuple[dict[str, list[str]], list[str]]
    ) -> re.Pattern[str] | None:
        """The regex of the phrases `char` can start (with those that start anyhow)."""
        if char in self._compiled:
            return self._compiled[char]
        by_char, anyhow = filed
        phrases = [*by_char.get(char, ()), *anyhow]
        regex = (
            re.compile(self._template.replace(PHRASES, "|".join(phrases)), re.IGNORECASE)
            if phrases
            else None
        )
        self._compiled[char] = regex
        return regex

    def match(self, line: str) -> re.Match[str] | None:
        filed = self._filed
        if filed is None:
            return self.regex.match(line)
        start = self._lead.match(line)
        position = start.end() if start else 0
        char = _fold(line[position]) if position < len(line) else ""
        regex = self._regex_for(char if char in filed[0] else "", filed)
        return regex.match(line) if regex is not None else None


def _fold(char: str) -> str:
    return chr(_fold_code(ord(char))) if _parser is not None else char


def _first_chars(pattern: str) -> set[str] | None:
    """The folded characters a match of `pattern` can start with; None when it can start
    with others too, or with nothing."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    chars, empty = _first_of(list(parsed))
    return None if chars is None or empty else chars


def _first_of(items: list[Any]) -> tuple[set[str] | None, bool]:
    """First characters of a sequence of parsed items, and whether it can match empty."""
    found: set[str] = set()
    chars: set[str] | None
    for op, value in items:
        if op is _constants.AT or op in (_constants.ASSERT, _constants.ASSERT_NOT):
            continue  # anchors and lookarounds consume nothing
        if op is _constants.LITERAL:
            chars, empty = _variants(value), False
        elif op is _constants.IN:
            chars, empty = _class_chars(value), False
        elif op is _constants.SUBPATTERN:
            chars, empty = _first_of(list(value[-1]))
        elif op is _constants.BRANCH:
            union: set[str] = set()
            empty = False
            for branch in value[1]:
                sub, sub_empty = _first_of(list(branch))
                if sub is None:
                    return None, False
                union |= sub
                empty = empty or sub_empty
            chars = union
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
            low, _, item = value
            chars, empty = _first_of(list(item))
            empty = empty or low == 0
        else:  # any character, a category (\d, \w), a negated class, a backreference
            return None, False
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def _class_chars(items: list[Any]) -> set[str] | None:
    chars: set[str] = set()
    for op, value in items:
        if op is _constants.LITERAL:
            chars |= _variants(value)
        elif op is _constants.RANGE and value[1] - value[0] < _MAX_CLASS_CHARS:
            for code in range(value[0], value[1] + 1):
                chars |= _variants(code)
        else:  # a negation, a category, a wide range
            return None
    return chars


def _variants(code: int) -> set[str]:
    """The folded forms of the characters the engine takes for `code`, ignoring case."""
    folded = _fold_code(code)
    return {chr(c) for c in (folded, *_EXTRA_CASES.get(folded, ()))}
