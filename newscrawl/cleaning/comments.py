"""Find where a comment thread starts in extracted text, when the markup did not say.

A class name ("comments", "comment-list") is what usually tells an extractor where
readers' comments are. Sites whose class names are hashed ("css-1didzvb") or unknown to
the rules hand the thread over as text, glued to the article. It is recognised here by
its shape, in any site's words:

- a header that counts comments or asks for one ("[ 167 comments ]", "12 Kommentare",
  "All Comments 4", "Leave a reply") with at least two comment stamps in the lines under
  it: short lines giving a time as comment systems write it, relative ("2 days ago at
  07:47 am", "GuterMensch vor 3 Stunden", "2h ago") or as a date, or a comment opening
  with its commenter's name ("kanu sukha says: When ...");
- WordPress's header that names the article ("34 responses to “Title”");
- two WordPress stamps ("Alex on September 17, 2018 at 6:34 am said:"), no header needed,
  also where each has its comment after it on its line ("- Alex on September 17, 2018 at
  6:34 am said: I skimmed your report ...", a thread in list items);
- a header that counts the comments ("All Comments 4", "5 Comentarios", "2 comments") and
  no more lines under it than that many comments fill (two lines each, and the form's
  few): the text ends in the thread, stamps or not.

Only after three paragraphs of prose (one, for WordPress stamps with the year and the
time): a live blog's time stamps under a comment counter at its top, and "The company
said:" over a quote, are the article's.
"""

from __future__ import annotations

import re

from newscrawl.cleaning.markers import (
    COMMENT_HEADER_RE,
    COMMENT_SAID_DATED_INLINE_RE,
    COMMENT_SAID_INLINE_RE,
    COMMENT_SAID_RE,
    DATE_RE,
    RELATIVE_TIME_RE,
    YEAR_THEN_TIME,
)
from newscrawl.core.text import after_prose, ends_like_a_sentence, word_count

#: Prose paragraphs the article has above a thread; one above WordPress stamps that give
#: the year and the time ("Alex on September 17, 2018 at 6:34 am said:"), which no live
#: blog writes: an open thread's post is a paragraph or two.
_MIN_PARAGRAPHS_ABOVE = 3
_MIN_PARAGRAPHS_ABOVE_STAMPS = 1
#: Lines under a header that must hold its stamps (a comment runs to a few lines).
_STAMP_LOOKAHEAD = 12
_MIN_STAMPS = 2
#: A stamp is a short line: a name and a time, a time and "Reply".
_MAX_STAMP_WORDS = 12
#: A header is a label of a few words ("Leave a reply"), or a count and the article's title.
_MAX_LABEL_CHARS = 40
_MAX_HEADER_CHARS = 300
_HEADER_LEAD = " -–—•·*>»›[("
#: Under a count header without stamps: lines per comment counted (a name, the text), and
#: the form's under the last ("Leave a comment", "Kommentar melden").
_LINES_PER_COUNTED_COMMENT = 2
_FORM_LINES = 2
_COUNT = re.compile(r"\d+")
#: A stamp's date with its time of day ("September 17, 2018 at 6:34 am").
_YEAR_AND_TIME = re.compile(YEAR_THEN_TIME)
#: "34 responses to “Title”", "12 thoughts on “Title”": the article's title, quoted.
_NAMES_THE_ARTICLE = re.compile(r"\d+\s+\S+\s+(to|on)\s+[\"“„«'‘]", re.IGNORECASE)


def comment_thread_start(lines: list[str]) -> int | None:
    """Index of the line where a comment thread starts, or None."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    texts = [lines[i].strip() for i in content]
    after_article = after_prose(texts, _MIN_PARAGRAPHS_ABOVE)
    for n in range(after_prose(texts, _MIN_PARAGRAPHS_ABOVE_STAMPS), len(content)):
        i, line = content[n], texts[n]
        # Higher up, only stamps with their date and time: "The company said:" over a
        # quote is the article's.
        said = _is_said if n >= after_article else _is_dated_said
        header = n >= after_article and _may_be_header(line) and bool(COMMENT_HEADER_RE.match(line))
        if not header and not said(line):
            continue
        following = texts[n + 1 : n + 1 + _STAMP_LOOKAHEAD]
        if header and (
            _NAMES_THE_ARTICLE.match(line)
            or sum(map(_is_stamp, following)) >= _MIN_STAMPS
            or _holds_its_count(line, above=n, under=len(content) - n - 1)
        ):
            return i
        if not header and any(map(said, following)):
            return i
    return None


def _holds_its_count(header: str, *, above: int, under: int) -> bool:
    """A header that counts comments ("All Comments 4") with the text ending in at most
    that many comments under it, fewer lines than the article above: the thread, whatever
    its comments look like. A counter with more text under it may be a share bar's,
    inside the article."""
    count = _COUNT.search(header)
    if count is None or len(header) > _MAX_LABEL_CHARS:
        return False
    fill = int(count[0]) * _LINES_PER_COUNTED_COMMENT + _FORM_LINES
    return 0 < under <= min(fill, above)


def _may_be_header(line: str) -> bool:
    """Cheaply: a count ("167 comments", "[ 12 Kommentare ]") or a label of a few words."""
    if len(line) <= _MAX_LABEL_CHARS:
        return True
    return len(line) <= _MAX_HEADER_CHARS and line.lstrip(_HEADER_LEAD)[:1].isdigit()


def _is_said(line: str) -> bool:
    """A WordPress stamp: on its own line, or with the comment after it on its line."""
    if line.endswith(":"):
        return COMMENT_SAID_RE.match(line) is not None
    return COMMENT_SAID_DATED_INLINE_RE.match(line) is not None


def _is_dated_said(line: str) -> bool:
    """A WordPress stamp that gives the year and the time of day."""
    return _is_said(line) and _YEAR_AND_TIME.search(line) is not None


def _is_stamp(line: str) -> bool:
    """A comment's byline: short, not a sentence, with a time in it; or the commenter's
    name and "says:" opening the comment ("kanu sukha says: When the ...")."""
    if COMMENT_SAID_INLINE_RE.match(line):
        return True
    if word_count(line) > _MAX_STAMP_WORDS or ends_like_a_sentence(line):
        return False
    return bool(RELATIVE_TIME_RE.search(line) or DATE_RE.search(line))
