"""Words, sentences and prose, measured the same way for every script.

Chinese, Japanese, Thai and a few other scripts write words without spaces between them,
so counting `\\w+` runs turns a 300-character Japanese article into "38 words" and the
article is dropped as too short. Here each character of such a script counts as one word
(the convention of word processors for CJK text), and runs of every other script count
as one word each. Sentence ends include the full-width stops of CJK text.
"""

from __future__ import annotations

import re

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
_WORD = re.compile(r"\w+")
_NON_WORD = re.compile(r"\W+")

#: The end of a sentence: a stop, possibly inside closing quotes or brackets.
SENTENCE_END = re.compile(r"""[.!?…。！？｡]["'”’»)\]」』）]*\s*$""")


def word_count(text: str) -> int:
    """Words in `text`: `\\w+` runs, with each character of a no-space script one word."""
    no_space = len(_NO_SPACE.findall(text))
    if not no_space:
        return len(_WORD.findall(text))
    return no_space + len(_WORD.findall(_NO_SPACE.sub(" ", text)))


def ends_like_a_sentence(line: str) -> bool:
    """True when the line ends with a sentence's stop (quotes and brackets allowed after)."""
    return bool(SENTENCE_END.search(line))


def is_prose(line: str, min_words: int = 20) -> bool:
    """A paragraph of running prose: at least `min_words` words, ending like a sentence."""
    return ends_like_a_sentence(line) and word_count(line) >= min_words


def comparable(text: str | None) -> str:
    """Text reduced to lower-case words, for comparing strings that differ in punctuation."""
    return _NON_WORD.sub(" ", text or "").strip().casefold()
