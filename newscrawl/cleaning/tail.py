"""Strip the related-headline tail that extractors leave after an article's last paragraph.

Pages append "Trending / Read more / Most popular" lists after the article; extractors
glue them to the text as short lines. The trap is that articles also legitimately end in
short lines (a bulleted list, a one-line paragraph, a sign-off), so this cuts only with
evidence. A trailing run of headline-like lines is cut when one of these holds:

- a header introduces it ("Read more", "Mehr zum Thema", ... see `markers`);
- a separator line (a lone `-`, `|`, `•`) starts it and at least two headlines follow;
- at least two of its lines carry a headline marker (`Headline -`, `Headline |`,
  `Headline [VIDEO]`);
- it is four or more Title Case lines (English-style headlines).

The last two only after a full sentence that does not announce a list (ends with `:`):
a list under a subheading or after "as follows:" is the article's own. Sign-offs
("Reporting by ...") end the article: a tail starts after them, never above.
Closing lines (`boilerplate`) are cut in the same loop, as tails come in layers.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import TYPE_CHECKING

from newscrawl.cleaning.boilerplate import is_sign_off, strip_closing_lines
from newscrawl.cleaning.markers import TAIL_HEADER_RE, compile_lines

if TYPE_CHECKING:
    from collections.abc import Sequence

_MAX_HEADLINE_WORDS = 25
_MAX_HEADLINE_CHARS = 220
_SEPARATOR_LINE = re.compile(r"^[\s\-–—|•·*=_~#]{1,6}$")
# "Headline -", "Headline |", "Headline [VIDEO]": markup a headline list keeps as text.
# (A leading bullet proves nothing: articles' own lists have them too.)
_MARKED = re.compile(r"(\s[\-–—|»•]\s*$)|(\s\[[^\W\d_][^\]\[]{1,18}\]\W{0,2}$)")
_SENTENCE_END = re.compile(r"""[.!?…;:]["'”’»)\]]*\s*$""")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# Lower-case words that Title Case headlines leave small.
_SMALL_WORDS = frozenset(
    {
        *("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of"),
        *("on", "or", "per", "the", "to", "vs", "via", "with", "over", "after"),
    }
)
_MIN_TITLE_CASE_RUN = 4
_MIN_MARKED = 2


class Kind(Enum):
    BLANK = "blank"
    SEPARATOR = "separator"
    HEADER = "header"
    MARKED = "marked"  # headline with a separator: "Headline -"
    HEADLINE = "headline"  # short, no final punctuation
    SENTENCE = "sentence"


def strip_tail(text: str, extra_headers: Sequence[str] = ()) -> tuple[str, list[str]]:
    """Return `text` without its related-headline tail, and the removed lines.

    Tails come in layers (headlines, then a newsletter promo, then more headlines), so
    headline runs and closing lines are cut alternately until neither is left.
    """
    lines = text.split("\n")
    header_re = compile_lines({}, tuple(extra_headers)) if extra_headers else None
    removed: list[str] = []
    while True:
        kinds = [_kind(line, header_re) for line in lines]
        cut = _cut_index(lines, kinds)
        if cut is not None:
            removed[:0] = [line.strip() for line in lines[cut:] if line.strip()]
            lines = lines[:cut]
        lines, closing = strip_closing_lines(lines)
        removed[:0] = closing
        if cut is None and not closing:
            break
    if not removed:
        return text, []
    return "\n".join(lines).rstrip(), removed


def _kind(line: str, extra_header_re: re.Pattern[str] | None) -> Kind:
    stripped = line.strip()
    if not stripped:
        return Kind.BLANK
    if _SEPARATOR_LINE.match(stripped):
        return Kind.SEPARATOR
    if len(stripped) > _MAX_HEADLINE_CHARS or len(stripped.split()) > _MAX_HEADLINE_WORDS:
        return Kind.SENTENCE
    if is_sign_off(stripped):
        return Kind.SENTENCE  # the article's own last line: the tail starts after it
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
    if len(marked) >= _MIN_MARKED and _after_plain_sentence(lines, kinds, marked[0]):
        return marked[0]
    first = _title_case_run(lines, kinds, content)
    if first is not None and _after_plain_sentence(lines, kinds, first):
        return first
    return None


def _title_case_run(lines: list[str], kinds: list[Kind], content: list[int]) -> int | None:
    """Start of the trailing stretch of Title Case headlines, if it is long enough."""
    first = None
    for i in reversed(content):
        if kinds[i] is Kind.HEADLINE and _is_title_case(lines[i]):
            first = i
        else:
            break
    if first is None or sum(1 for i in content if i >= first) < _MIN_TITLE_CASE_RUN:
        return None
    return first


def _after_plain_sentence(lines: list[str], kinds: list[Kind], first: int) -> bool:
    """True when a full sentence, not announcing a list, precedes line `first`.

    Under a subheading, after a list item, or after "as follows:", short lines are the
    article's own list.
    """
    previous = next((i for i in range(first - 1, -1, -1) if kinds[i] is not Kind.BLANK), None)
    return (
        previous is not None
        and kinds[previous] is Kind.SENTENCE
        and not lines[previous].rstrip().endswith(":")
    )


def _is_title_case(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL_WORDS]
    if len(words) < 3:
        return False
    capitalized = sum(1 for w in words if w[0].isupper())
    return capitalized >= 0.8 * len(words)
