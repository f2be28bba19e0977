"""Find the language of an article: from the page's markup, else from its words.

Markup (`<html lang>`, `og:locale`, JSON-LD `inLanguage`) is right on most news sites. When
it is missing, a stop-word vote over the text decides among the languages the cleaners
know; that needs no model and is reliable on article-length text. Below a clear margin
the answer is None rather than a guess.
"""

from __future__ import annotations

import re
from collections import Counter

_CODE = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]+)*$")
_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: The most frequent function words per language; distinctive enough to vote with.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and of to in is that for it was with on as he be at by this are from have "
        "his but not they which were has had said would their an been who will"
    ),
    "de": _words(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als "
        "auch es an werden aus er hat dass sie nach wird bei einer um noch wie"
    ),
    "fr": _words(
        "le la les de des et est une un du en que qui dans pour pas sur au par plus il ne "
        "se ce sont avec été aux cette elle ont mais comme"
    ),
    "es": _words(
        "el la de que y en los las del se por un una con no para es al lo como más pero "
        "sus le ya fue este ha sido entre también"
    ),
    "pt": _words(
        "o a de que e do da em um uma para com não os as dos das no na por mais se foi "
        "ao ele ela pelo pela também são está"
    ),
    "it": _words(
        "il di che e la per un una in non sono del della le gli è con si da anche ma come "
        "dei delle nel nella alla questo ha stato"
    ),
    "nl": _words(
        "de het een en van is dat op te in zijn niet met voor er aan ook als bij door "
        "maar om dan nog wel werd heeft worden"
    ),
    "pl": _words(
        "i w na z nie się do to że jest o jak po co ale tak od za przez jego już był "
        "może tylko są przy oraz które"
    ),
}

_MIN_WORDS = 20
_MIN_SHARE = 0.15  # share of the text's words that must be the winner's stop words
_MIN_LEAD = 1.5  # the winner must beat the runner-up by this factor


#: ISO 639-2/3 codes some sites write (`<html lang="eng">`, `inLanguage: "deu"`), by the
#: ISO 639-1 code the field holds; other three-letter codes are kept as they are.
_TWO_LETTER = {
    "ara": "ar", "ben": "bn", "ces": "cs", "cze": "cs", "dan": "da", "deu": "de", "ger": "de",
    "ell": "el", "gre": "el", "eng": "en", "spa": "es", "fas": "fa", "per": "fa", "fin": "fi",
    "fra": "fr", "fre": "fr", "heb": "he", "hin": "hi", "hun": "hu", "ind": "id", "ita": "it",
    "jpn": "ja", "kor": "ko", "nld": "nl", "dut": "nl", "nor": "no", "pol": "pl", "por": "pt",
    "ron": "ro", "rum": "ro", "rus": "ru", "swe": "sv", "tam": "ta", "tur": "tr", "ukr": "uk",
    "urd": "ur", "vie": "vi", "zho": "zh", "chi": "zh",
}  # fmt: skip


def language_from_markup(*candidates: str | None) -> str | None:
    """The first candidate that looks like a language tag, as its lower-case primary subtag
    (ISO 639-1 where the tag used a three-letter code that has one)."""
    for candidate in candidates:
        if candidate and _CODE.match(candidate.strip()):
            primary = re.split(r"[-_]", candidate.strip())[0].lower()
            if primary not in {"x", "i", "und", "mul", "zxx"}:
                return _TWO_LETTER.get(primary, primary)
    return None


def detect_language(text: str) -> str | None:
    """Guess the language of `text` by stop-word counts; None when unsure."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if len(words) < _MIN_WORDS:
        return None
    votes = Counter({lang: sum(w in stop for w in words) for lang, stop in STOPWORDS.items()})
    (best, best_n), (_, second_n) = votes.most_common(2)
    if best_n < _MIN_SHARE * len(words) or best_n < _MIN_LEAD * second_n:
        return None
    return best
