"""Strip the related-headline tail that extractors leave after an article's last paragraph.

Pages append "Trending / Read more / Most popular" lists after the article; extractors
glue them to the text as short lines. The trap is that articles also legitimately end in
short lines (a bulleted list, a one-line paragraph, a sign-off), so this cuts only with
evidence. A trailing run of headline-like lines is cut when one of these holds:

- a header introduces it ("Read more", "Mehr zum Thema", ... see `markers`);
- a separator line (a lone `-`, `|`, `•`) starts it and at least two headlines follow;
- at least two of its lines carry a headline separator (`Headline -`, `Headline |`);
- it is four or more Title Case lines after a full sentence (English-style headlines),
  and the line before it does not announce a list (ends with `:`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum

from newscrawl.cleaning.markers import TAIL_HEADER_RE, compile_lines

_MAX_HEADLINE_WORDS = 25
_MAX_HEADLINE_CHARS = 220
_SEPARATOR_LINE = re.compile(r"^[\s\-–—|•·*=_~#]{1,6}$")
_MARKED = re.compile(r"(\s[\-–—|»•]\s*$)|(^\s*[•»►▶■◆●]\s)")
_SENTENCE_END = re.compile(r"""[.!?…;:]["'”’»)\]]*\s*$""")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# Lower-case words that Title Case headlines leave small.
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or per the to vs via with over after".split()
)
_MIN_TITLE_CASE_RUN = 4


class Kind(Enum):
    BLANK = "blank"
    SEPARATOR = "separator"
    HEADER = "header"
    MARKED = "marked"  # headline with a separator: "Headline -"
    HEADLINE = "headline"  # short, no final punctuation
    SENTENCE = "sentence"


def strip_tail(text: str, extra_headers: Sequence[str] = ()) -> tuple[str, list[str]]:
    """Return `text` without its related-headline tail, and the removed lines."""
    lines = text.split("\n")
    header_re = compile_lines({}, tuple(extra_headers)) if extra_headers else None
    kinds = [_kind(line, header_re) for line in lines]
    cut = _cut_index(lines, kinds)
    if cut is None:
        return text, []
    removed = [line for line in lines[cut:] if line.strip()]
    return "\n".join(lines[:cut]).rstrip(), removed


def _kind(line: str, extra_header_re: re.Pattern[str] | None) -> Kind:
    stripped = line.strip()
    if not stripped:
        return Kind.BLANK
    if _SEPARATOR_LINE.match(stripped):
        return Kind.SEPARATOR
    if len(stripped) > _MAX_HEADLINE_CHARS or len(stripped.split()) > _MAX_HEADLINE_WORDS:
        return Kind.SENTENCE
    if TAIL_HEADER_RE.match(stripped) or (extra_header_re and extra_header_re.match(stripped)):
        return Kind.HEADER
    if _MARKED.search(stripped):
        return Kind.MARKED
    if _SENTENCE_END.search(stripped):
        return Kind.SENTENCE
    return Kind.HEADLINE


def _cut_index(lines: list[str], kinds: list[Kind]) -> int | None:
    """Index of the first line of the tail, or None when there is no evidence of one."""
    start = len(kinds)
    while start > 0 and kinds[start - 1] is not Kind.SENTENCE:
        start -= 1
    run = range(start, len(kinds))
    content = [i for i in run if kinds[i] is not Kind.BLANK]
    if not content:
        return None
    for i in content:
        if kinds[i] is Kind.HEADER:
            return i
    for n, i in enumerate(content):
        if kinds[i] is Kind.SEPARATOR and len(content) - n - 1 >= 2:
            return i
    marked = [i for i in content if kinds[i] is Kind.MARKED]
    if len(marked) >= 2:
        return marked[0]
    return _title_case_run(lines, kinds, content)


def _title_case_run(lines: list[str], kinds: list[Kind], content: list[int]) -> int | None:
    # The longest trailing stretch of Title Case headlines.
    first = None
    for i in reversed(content):
        if kinds[i] is Kind.HEADLINE and _is_title_case(lines[i]):
            first = i
        else:
            break
    if first is None:
        return None
    run_length = sum(1 for i in content if i >= first)
    if run_length < _MIN_TITLE_CASE_RUN:
        return None
    previous = next((lines[i] for i in range(first - 1, -1, -1) if lines[i].strip()), "")
    if previous.rstrip().endswith(":"):
        return None  # the article announced a list: these are its items
    return first


def _is_title_case(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL_WORDS]
    if len(words) < 3:
        return False
    capitalized = sum(1 for w in words if w[0].isupper())
    return capitalized >= 0.8 * len(words)
