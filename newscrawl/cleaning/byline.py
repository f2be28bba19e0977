"""Drop the byline and the author's bio when the extractor left them in the text.

Extractors often keep the line under the headline that names the authors ("By Jane Doe",
"Von Anna Muster, Frankfurt", or just the names). The page's metadata already holds the
authors, so the line says nothing the article's `authors` field does not, and it is not
article text. It is recognised by the page's own author names, not by a phrase list: a
short line near the top that is those names plus at most a few words around them (a
"By", a place, a role). The bio is the other end: among the last lines, a sentence that
opens with an author's full name and a verb ("Jane Doe is a senior fellow at ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newscrawl.cleaning import evidence
from newscrawl.core.text import ends_like_a_sentence

#: A byline sits under the headline and the standfirst: among the first lines of text.
_LEADING_LINES = 4
#: Words a byline line may hold besides the names ("By", "and", a city, a role).
_MAX_OTHER_WORDS = 4
#: A one-word author ("Reuters", "dpa") is also how an agency credits a story in its
#: first line; only full names are matched.
_MIN_NAME_WORDS = 2
_WORD = re.compile(r"\w+")
#: A bio closes the text: it is among its last lines...
_TRAILING_LINES = 4
#: ...and what follows it is short (more bios, "First published in ...", a disclosure).
_MAX_WORDS_AFTER_BIO = 30
_MIN_BIO_WORDS = 6


def strip_byline(text: str, authors: Sequence[str]) -> tuple[str, list[str]]:
    """Return `text` without a leading line that is a byline of `authors`, and the line."""
    names = [name.casefold() for name in authors if len(name.split()) >= _MIN_NAME_WORDS]
    if not names or not text:
        return text, []
    lines = text.split("\n")
    seen = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if _is_byline(stripped, names):
            evidence.fired("text/byline", stripped)
            return "\n".join(lines[:index] + lines[index + 1 :]).strip("\n"), [stripped]
        seen += 1
        if seen >= _LEADING_LINES:
            break
    return text, []


def _is_byline(line: str, names: list[str]) -> bool:
    """The line names an author and says little else, as a label, not as a sentence."""
    if line.endswith(":") or ends_like_a_sentence(line):
        return False
    rest = line.casefold()
    found = False
    for name in names:
        if name in rest:
            rest = rest.replace(name, " ")
            found = True
    return found and len(_WORD.findall(rest)) <= _MAX_OTHER_WORDS


def strip_author_bio(text: str, authors: Sequence[str]) -> tuple[str, list[str]]:
    """Return `text` without a closing author bio (and the short lines after it), and
    the removed lines."""
    names = [name for name in authors if len(name.split()) >= _MIN_NAME_WORDS]
    if not names or not text:
        return text, []
    lines = text.split("\n")
    filled = [index for index, line in enumerate(lines) if line.strip()]
    for position in range(max(0, len(filled) - _TRAILING_LINES), len(filled)):
        index, after = filled[position], filled[position + 1 :]
        if _is_bio(lines[index].strip(), names) and all(
            len(lines[i].split()) <= _MAX_WORDS_AFTER_BIO for i in after
        ):
            removed = [lines[i].strip() for i in [index, *after]]
            for gone in removed:
                evidence.fired("text/author_bio", gone)
            return "\n".join(lines[:index]).rstrip("\n"), removed
    return text, []


def _is_bio(line: str, names: list[str]) -> bool:
    """A sentence about an author: their full name, then a verb ("is", "makes"). The
    line may run on into the next author's bio, cut where the extractor broke it."""
    if len(line.split()) < _MIN_BIO_WORDS:
        return False
    if not (ends_like_a_sentence(line) or ". " in line):
        return False
    for name in names:
        if line.startswith(name + " "):
            next_word = line[len(name) + 1 :].split(maxsplit=1)[0]
            return next_word[:1].islower()
    return False
