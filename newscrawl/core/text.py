"""Words, sentences and prose, measured the same way for every script.

Chinese, Japanese, Thai and a few other scripts write words without spaces between them,
so counting `\\w+` runs turns a 300-character Japanese article into "38 words" and the
article is dropped as too short. Here each character of such a script counts as one word
(the convention of word processors for CJK text), and runs of every other script count
as one word each. Sentence ends include the full-width stops of CJK text.

This module is the one definition of a sentence's end and of a paragraph of prose that
the cleaners and the extraction share. Where a cleaner reads a line's end differently
(a headline may ask but rarely ends with a full stop; a colon ends a lead-in), it says so
with the named sets of stops below, not with a regular expression of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

#: Characters of scripts written without spaces between words: Han (with its extensions
#: and compatibility block), Hiragana, Katakana (with the half-width forms), Thai, Lao,
#: Khmer, Myanmar and Tibetan. Hangul is written with spaces and is not among them.
NO_SPACE_CHARS = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u0f00-\u0fff"  # Tibetan
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u31f0-\u31ff"  # Katakana phonetic extensions
    "\u3400-\u4dbf"  # Han extension A
    "\u4e00-\u9fff"  # Han
    "\uf900-\ufaff"  # Han compatibility
    "\uff66-\uff9f"  # half-width Katakana
    "\U00020000-\U0002fa1f"  # Han extensions B-F, compatibility supplement
)
_NO_SPACE = re.compile(f"[{NO_SPACE_CHARS}]")
#: The characters of a word: `\w`, and the combining marks that `\w` leaves out, which
#: would split a word in two: the vowel signs and viramas of Devanagari, Bengali, Tamil
#: and the other Indian scripts ("राजधानी" is one word, not three), Arabic's vowel marks,
#: Latin's combining accents (of text written decomposed).
WORD_CHARS = (
    r"\w"
    "\u0300-\u036f"  # combining diacritical marks
    "\u0610-\u061a\u064b-\u065f\u0670"  # Arabic marks
    "\u0900-\u0963\u0966-\u0dff"  # Indian scripts, their dandas (\u0964 \u0965) aside
)
_WORD = re.compile(f"[{WORD_CHARS}]+")
_NON_WORD = re.compile(r"\W+")

#: Full stops: Latin, ideographic (Chinese, Japanese), full-width and half-width, and the
#: stops of other scripts: the danda of Hindi, Bengali and other Indian scripts (। ॥), the
#: Urdu full stop (۔), the Ethiopic (።) and the Burmese (။).
FULL_STOPS = ".。．｡।॥۔።။"
#: Question and exclamation marks, with their full-width forms and the Arabic question mark.
QUESTION_MARKS = "?!？！؟"
#: The ellipsis character ("..." is three full stops).
ELLIPSIS = "…"
#: Colons end a lead-in ("What changes on Monday:"), not a sentence.
COLONS = ":："
#: A semicolon ends a clause, not a sentence; but a line that ends with one is the
#: article's prose (an item of its list, a clause broken off), never a headline, which is
#: why the tail cleaner counts it with the full stops.
SEMICOLON = ";"
#: Closing quotes and brackets that may follow a stop, in every convention (German closes
#: with “ and ‘ and quotes »so«; Chinese and Japanese close with 」 』 ）).
CLOSERS = "\"'”’»)]」』）“‘«‹›"

#: What ends a sentence.
SENTENCE_STOPS = FULL_STOPS + QUESTION_MARKS + ELLIPSIS
#: What ends a statement: a sentence that neither asks nor exclaims. A headline may ask or
#: exclaim, but rarely ends with a full stop: this tells the article's sentences from
#: headlines.
STATEMENT_STOPS = FULL_STOPS + ELLIPSIS

#: Words a paragraph of running prose has at least.
PROSE_WORDS = 20


@lru_cache(maxsize=16)
def stop_end(stops: str) -> re.Pattern[str]:
    """The end of a line that ends with one of `stops`, possibly inside closing quotes or
    brackets (`CLOSERS`), then spaces."""
    return re.compile(f"[{re.escape(stops)}][{re.escape(CLOSERS)}]*\\s*$")


#: The end of a sentence: a stop, possibly inside closing quotes or brackets.
SENTENCE_END = stop_end(SENTENCE_STOPS)


def word_count(text: str) -> int:
    """Words in `text`: `\\w+` runs, with each character of a no-space script one word."""
    no_space = len(_NO_SPACE.findall(text))
    if not no_space:
        return len(_WORD.findall(text))
    return no_space + len(_WORD.findall(_NO_SPACE.sub(" ", text)))


def ends_like_a_sentence(line: str, stops: str = SENTENCE_STOPS) -> bool:
    """True when the line ends with a sentence's stop (quotes and brackets allowed after);
    with `stops=STATEMENT_STOPS`, a full stop or an ellipsis only (not a question, not an
    exclamation: what a headline may end with)."""
    return bool(stop_end(stops).search(line))


def is_prose(line: str, min_words: int = PROSE_WORDS, *, needs_stop: bool = True) -> bool:
    """A paragraph of running prose: at least `min_words` words, ending like a sentence.

    `needs_stop=False` counts the words alone, for text that its markup already calls a
    paragraph (an HTML `<p>`), which may end without a stop (in a link, an emoji, a colon
    before a list) and still be the article's.
    """
    return (not needs_stop or ends_like_a_sentence(line)) and word_count(line) >= min_words


#: How trafilatura writes a list item's bullet.
_BULLET = "-"
#: Two empty lines or more in a row (whitespace alone counts as empty).
_BLANK_RUN = re.compile(r"\n(?:[^\S\n]*\n){2,}")


def tidy_lines(text: str) -> str:
    """`text` without the whitespace extractors carry over from the page's source: at the
    ends of lines, in lines of whitespace alone (left empty, one in a row), in empty lines
    around the text, and the source's indentation before a line of prose. Indentation
    before other lines stays (a code sample's); so does a full-width space opening a
    Japanese or Chinese paragraph.

    A list item whose text starts on a new line in the source comes out of trafilatura
    as a bullet alone on its line ("-") and its text, indented, on the next: they are
    one line again ("- text"), so that the item reads as the list item it is."""
    tidy: list[str] = []
    bullet: str | None = None  # a bullet alone, waiting for its item's text
    for line in text.split("\n"):
        line = line.rstrip()
        if bullet is not None:
            if not line:
                continue
            if line.strip() != _BULLET:
                tidy.append(f"{bullet} {line.lstrip()}")
                bullet = None
                continue
            tidy.append(bullet)  # an item with no text, and another bullet
        if line.strip() == _BULLET:
            bullet = line
        elif line.startswith((" ", "\t")) and is_prose(line):
            tidy.append(line.lstrip(" \t"))
        else:
            tidy.append(line)
    if bullet is not None:
        tidy.append(bullet)
    return squeeze_blank_lines("\n".join(tidy).strip("\n"))


def squeeze_blank_lines(text: str) -> str:
    """`text` with one empty line where it had several in a row: one parts two blocks (a
    code sample from the prose); a run is the source's spacing, or what is left where a
    cleaner removed the lines between empty ones."""
    return _BLANK_RUN.sub("\n\n", text)


def prose_paragraphs(text: str, enough: int | None = None) -> int:
    """How many lines of `text` are paragraphs of running prose (`is_prose`); counted up to
    `enough` when given (the number a caller compares with: most articles reach it early)."""
    count = 0
    for line in text.splitlines():
        if is_prose(line):
            count += 1
            if count == enough:
                break
    return count


def after_prose(lines: Sequence[str], enough: int) -> int:
    """Index just after the `enough`-th paragraph of prose among `lines` (`is_prose`);
    `len(lines)` when they hold fewer. What comes below an article's first paragraphs is
    where page furniture (an author box, a comment thread) may start."""
    count = 0
    for index, line in enumerate(lines):
        if count >= enough:
            return index
        count += is_prose(line)
    return len(lines)


def comparable(text: str | None) -> str:
    """Text reduced to lower-case words, for comparing strings that differ in punctuation
    (and in soft hyphens, which no reader sees: "Helikopter\u00adlandeplatz")."""
    return _NON_WORD.sub(" ", (text or "").replace("\u00ad", "")).strip().casefold()
