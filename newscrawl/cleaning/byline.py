"""Drop the byline and the author's bio when the extractor left them in the text.

Extractors often keep the line under the headline that names the authors ("By Jane Doe",
"Von Anna Muster, Frankfurt", or just the names). The page's metadata already holds the
authors, so the line says nothing the article's `authors` field does not, and it is not
article text. It is recognised by the page's own author names, not by a phrase list: a
short line near the top that is those names plus at most a few words around them (a
"By", a place, a role). The bio is the other end: among the last lines, a sentence that
opens with an author's full name and a verb ("Jane Doe is a senior fellow at ..."), or
an author box below the article: the name alone on a line (or "About Jane Doe"), then a
bio that names them; the box and everything after it go (what a site puts below its
author box is its own). A box under its heading ("About the author", "Über die
Autorin") needs no names: it goes with the few short lines it holds (a name, a role).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newscrawl.cleaning import evidence
from newscrawl.cleaning.markers import AUTHOR_BOX_HEADING_RE, DATE_RE
from newscrawl.core.roles import ROLE_WORD
from newscrawl.core.text import after_prose, ends_like_a_sentence, is_prose

#: A byline sits under the headline and the standfirst: among the first lines of text.
_LEADING_LINES = 4
#: Words a byline line may hold besides the names ("By", "and", a city, a role).
_MAX_OTHER_WORDS = 4
#: A one-word author ("Reuters", "dpa") is also how an agency credits a story in its
#: first line; only full names are matched.
_MIN_NAME_WORDS = 2
_WORD = re.compile(r"\w+")
#: A byline by its shape, when the metadata does not name (all) its authors: "By" in the
#: page's language, then names ("By Stefan Becket, Kathryn Watson, Grace Segers", "Von
#: Anna Sleegers, Frankfurt", "by Jeff Foust"), a place and a time stamp at most ("By
#: Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.").
_BY = re.compile(r"^(by|von|par|por|di|door|av|af)\s+", re.IGNORECASE)
_STAMP_WORDS = re.compile(
    r"\b(on|at|um|am|le|el|updated|published|aktualisiert|veröffentlicht|a\.m\.|p\.m\.|pm"
    r"|uhr|(mon|tues|wednes|thurs|fri|satur|sun)day|(mon|diens|donners|frei|sams|sonn)tag"
    r"|mittwoch)(?!\w)",
    re.IGNORECASE,
)
_NAME_SEPARATORS = re.compile(r"\s*(?:[,|&/]|\b(?:and|und|et|y|e|og|och|en)\b)\s*")
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
_NAME_PARTICLES = frozenset(
    {"van", "von", "de", "da", "del", "der", "den", "di", "du", "la", "le", "los", "las", "do"}
    | {"dos", "das", "ter", "ten", "zu", "bin", "al"}
)
#: Words of one name ("Maria de los Santos Pérez") and of the whole line.
_MAX_NAME_WORDS = 4
_MAX_BYLINE_WORDS = 16
#: A bio closes the text: it is among its last lines...
_TRAILING_LINES = 4
#: ...and what follows it is more bios, or short and no paragraph of prose ("First
#: published in ...", a disclosure): a bio above paragraphs heads the article.
_MAX_WORDS_AFTER_BIO = 30
_MIN_BIO_WORDS = 6
#: "A 38-year industry veteran and award-winning journalist, Lance has covered ...": a
#: describing phrase (a few words, no sentence's end), a comma, a capitalised name and a
#: verb in the present perfect or present ("has", "is", "writes", "covers").
_DESCRIBED = re.compile(
    r"^(?:An?|The)\s[^.,;:!?]{3,120},\s(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})\s"
    r"(?:has|is|was|writes|covers|reports|joined|leads|edits)\b"
)
#: An author box (name, role, bio) sits below the article: after this much prose.
_MIN_PARAGRAPHS_ABOVE_BOX = 3
#: "Journalist", "Senior Reporter": a role line under the name.
_MAX_ROLE_WORDS = 3
#: A box under its heading ("About the author") holds a name, a handle, a role, a bio.
_MAX_LINES_IN_BOX = 4
_MAX_CHARS_IN_BOX = 600
#: A role line: a few words ending in a role ("Redakteurin", "Senior Staff Writer").
_ROLE_LINE = re.compile(rf"^(?:[\w-]+\s){{0,2}}{ROLE_WORD}$", re.IGNORECASE)
#: A bio that opens with the author's role rather than their name: a capitalised phrase
#: of a few words ending in a role, then where they work ("Transport reporter at the
#: Courier, covering ...", "Redakteurin bei der taz seit 2019."). A sentence opens with
#: its article: "The reporter at the scene said ..." is the article's.
_ROLE_BIO = re.compile(
    rf"^(?!(?:the|an?|der|die|das|le|la|les|el|los|las|il|lo|gli|o|os|as|de|het|een)\s)"
    rf"(?=(?-i:[A-ZÄÖÜÉ]))(?:[\w-]+\s){{0,2}}{ROLE_WORD}"
    r"(?:,|\s(?:at|for|with|of|on|bei|für|beim|im|der|des|au|à|de|du|chez|en|di|del|della"
    r"|da|do|na|no|van|bij|voor|på|för|hos|i)\s)",
    re.IGNORECASE,
)
#: The box's heading may name the author: "About Jane Doe", "Über Anna Muster".
_ABOUT = re.compile(r"^(more about|about|über|à propos de|sobre|acerca de|om|over)\s+", re.I)


def strip_byline(text: str, authors: Sequence[str]) -> tuple[str, list[str]]:
    """Return `text` without a leading line that is a byline of `authors`, and the line."""
    names = [name.casefold() for name in authors if len(name.split()) >= _MIN_NAME_WORDS]
    if not text:
        return text, []
    lines = text.split("\n")
    seen = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if (names and _is_byline(stripped, names)) or _is_shaped_byline(stripped):
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


def _is_shaped_byline(line: str) -> bool:
    """A byline by its shape, whoever the metadata names: "By" and names, each part of the
    line (between commas, "and", "|") a name of a few capitalised words (a particle aside:
    "van", "de"), one of them a full name, once a time stamp is set aside. A sentence that
    opens with "By" ("By Tuesday, the council had voted") has words in lower case."""
    opener = _BY.match(line)
    if opener is None or len(line.split()) > _MAX_BYLINE_WORDS:
        return False
    rest = _STAMP_WORDS.sub(" ", DATE_RE.sub(" ", line[opener.end() :]))
    parts = [part.split() for part in _NAME_SEPARATORS.split(rest.strip(" .")) if part.strip()]
    if not parts or not any(len(part) >= _MIN_NAME_WORDS for part in parts):
        return False
    return all(
        len(part) <= _MAX_NAME_WORDS
        and all(
            word.casefold() in _NAME_PARTICLES or (_NAME_WORD.match(word) and word[0].isupper())
            for word in part
        )
        for part in parts
    )


def strip_author_bio(text: str, authors: Sequence[str]) -> tuple[str, list[str]]:
    """Return `text` without a closing author bio (and the short lines after it), or
    without an author box and all that follows it, and the removed lines. Without
    `authors`, only a box under its heading ("About the author") is known."""
    if not text:
        return text, []
    lines = text.split("\n")
    filled = [index for index, line in enumerate(lines) if line.strip()]
    texts = [lines[index].strip() for index in filled]
    box = _headed_box(texts, filled)
    if box is None and authors:
        box = _author_box(texts, filled, authors)
    if box is not None:
        removed = [lines[i].strip() for i in filled if i >= box]
        for gone in removed:
            evidence.fired("text/author_box", gone)
        return "\n".join(lines[:box]).rstrip("\n"), removed
    names = [name for name in authors if len(name.split()) >= _MIN_NAME_WORDS]
    if not names:
        return text, []
    for position in range(max(0, len(filled) - _TRAILING_LINES), len(filled)):
        index, after = filled[position], filled[position + 1 :]
        if _is_bio(lines[index].strip(), names) and all(
            _is_bio(lines[i].strip(), names)
            or (len(lines[i].split()) <= _MAX_WORDS_AFTER_BIO and not is_prose(lines[i]))
            for i in after
        ):
            removed = [lines[i].strip() for i in [index, *after]]
            for gone in removed:
                evidence.fired("text/author_bio", gone)
            return "\n".join(lines[:index]).rstrip("\n"), removed
    return text, []


def _headed_box(texts: list[str], filled: list[int]) -> int | None:
    """Index of an author box's heading ("About the author", "Über die Autorin") below the
    article, with no more under it than such a box holds (a name, a role, a short bio).
    `texts` are the text's non-empty lines, stripped; `filled`, their indexes."""
    for position in range(max(len(filled) - _MAX_LINES_IN_BOX - 1, 0), len(filled)):
        if not AUTHOR_BOX_HEADING_RE.match(texts[position]):
            continue
        under = texts[position + 1 :]
        if (
            sum(map(len, under)) <= _MAX_CHARS_IN_BOX
            and after_prose(texts, _MIN_PARAGRAPHS_ABOVE_BOX) <= position
        ):
            return filled[position]
    return None


def _author_box(texts: list[str], filled: list[int], authors: Sequence[str]) -> int | None:
    """Index of an author box below the article: a line that is an author's name alone
    (or the box's heading: "About Jane Doe", "Über Anna Muster"), then (after at most a
    short role line: "Journalist") a bio that names them ("Regan is a Connecticut
    native...", "Hat Geschichte studiert ... Sidney Wiltgen beschäftigt sich ...") or
    opens with their role ("Transport reporter at the Courier, covering ..."); or the
    name and a role line ("Redakteurin") with no prose under them. Only
    below three paragraphs of prose: what follows the box is the page's (related stories,
    comments), not more article."""
    wanted = {name.casefold(): name for name in authors if name.strip()}
    longest = max(map(len, wanted), default=0)
    for position in range(after_prose(texts, _MIN_PARAGRAPHS_ABOVE_BOX), len(filled)):
        index, line = filled[position], texts[position]
        line = _ABOUT.sub("", line, count=1)
        if len(line) > longest or line.casefold() not in wanted:
            continue
        name = wanted[line.casefold()]
        rest = texts[position + 1 :]
        if (
            rest
            and _ROLE_LINE.match(rest[0])
            and sum(map(len, rest)) <= _MAX_CHARS_IN_BOX
            and all(not is_prose(text) for text in rest)
        ):
            return index  # a name and a role: "Nicole Opitz / Redakteurin"
        after = rest[:2]
        if after and len(after[0].split()) <= _MAX_ROLE_WORDS and len(after) > 1:
            after = after[1:]  # the role under the name
        if after and (_names_in_bio(after[0], name) or _ROLE_BIO.match(after[0])):
            return index
    return None


def _names_in_bio(line: str, name: str) -> bool:
    """A bio: sentences that name the author (their full name, or the first name). An
    author of one word may be an agency ("dpa", "AFP", "Bloomberg", its name on a photo
    credit line and in the next paragraph): it must be written as a name ("Regan") and
    open the bio, followed by a verb ("Regan is a Connecticut native ...")."""
    if len(line.split()) < _MIN_BIO_WORDS or not (ends_like_a_sentence(line) or ". " in line):
        return False
    if " " not in name:
        opens = line.startswith(name + " ") and line[len(name) + 1 : len(name) + 2].islower()
        return name.istitle() and opens
    first = name.split()[0]
    return name in line or re.search(rf"\b{re.escape(first)}\b", line) is not None


def _is_bio(line: str, names: list[str]) -> bool:
    """A sentence about an author: their full name, then a verb ("is", "makes"); or, after
    a phrase that describes them, their first name and a verb ("A 38-year industry
    veteran, Lance has covered ..."). The line may run on into the next author's bio, cut
    where the extractor broke it."""
    if len(line.split()) < _MIN_BIO_WORDS:
        return False
    if not (ends_like_a_sentence(line) or ". " in line):
        return False
    for name in names:
        if line.startswith(name + " "):
            next_word = line[len(name) + 1 :].split(maxsplit=1)[0]
            return next_word[:1].islower()
        described = _DESCRIBED.match(line)
        if described and described["name"] in (name, name.split()[0]):
            return True
    return False
