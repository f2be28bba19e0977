"""Drop the byline when the extractor left it in the text as a line of its own.

Extractors often keep the line under the headline that names the authors ("By Jane Doe",
"Von Anna Muster, Frankfurt", or just the names). The page's metadata already holds the
authors, so the line says nothing the article's `authors` field does not, and it is not
article text. It is recognised by the page's own author names, not by a phrase list: a
short line near the top that is those names plus at most a few words around them (a
"By", a place, a role).
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
