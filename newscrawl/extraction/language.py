"""Find the language of an article: from its text, checked against the page's markup.

A detection library reads the text: py3langid (see `pyproject.toml` and
`benchmarks/language_detection.py` for why this one). Markup (`inLanguage`, `<html lang>`,
`og:locale`) names the language of most pages, and keeps its regional form where the text
agrees with it; but it is a template's default on some sites (measured on the dev sets: five
sites, among them Swahili and Zulu pages declared `en-US`, a German blog declared `en`, an
English page under `lang="de"`). So the text decides when the two disagree and the detector
is sure; markup decides when the text is too short to read.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

_CODE = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]+)*$")
_LETTER = re.compile(r"[^\W\d_]")

#: Characters of text passed to the detector: enough to be sure (every dev-set body is
#: right at 600), cheap to score (under 1 ms).
_SAMPLE_CHARS = 600
#: ...and when it is unsure of those, this many (a Zulu article under an English photo
#: credit: 0.88 sure at 600 characters, 0.99 at 2,000).
_LONG_SAMPLE_CHARS = 2000
#: Below this many letters the detector is not asked (CJK letters count alike: 20 of
#: them are a sentence).
_MIN_LETTERS = 20
#: Below this the detector's answer is not trusted over the page's markup, nor alone.
_MIN_CONFIDENCE = 0.9
#: Codes that name the same language as far as the field goes.
_SAME = {"nb": "no", "nn": "no"}
#: py3langid's labels that are not ISO 639-1, by the ISO 639-1 code of their
#: macrolanguage; its other ISO 639-3 labels (languages without a two-letter code) and
#: `zxx` ("no linguistic content") give no answer, and the markup decides.
_MACROLANGUAGE = {"ary": "ar", "arz": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "sdh": "ku",
                  "gug": "gn", "nb": "no"}  # fmt: skip
_LOAD_LOCK = threading.Lock()
_IDENTIFIER: LanguageIdentifier | None = None


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
    """The ISO 639-1 code of the language `text` is written in; None when the text is too
    short or the detector is unsure."""
    found = _detect(text)
    return found[0] if found and found[1] >= _MIN_CONFIDENCE else None


def choose_language(declared: str | None, text: str) -> str | None:
    """The article's language: what the markup declares (`language_from_markup`) unless
    the text says otherwise with confidence; the text's language where nothing is declared."""
    if declared and _plainly_in(declared, text):
        return declared
    found = _detect(text)
    if found is None:
        return declared
    detected, confidence = found
    if declared is None:
        return detected if confidence >= _MIN_CONFIDENCE else None
    if _SAME.get(declared, declared) == _SAME.get(detected, detected):
        return declared
    return detected if confidence >= _MIN_CONFIDENCE else declared


#: The commonest words of the languages most pages are in: when the text is plainly in
#: the declared one, the detector (most of the field's cost) is not asked.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    language: frozenset(words.split())
    for language, words in {
        "en": "the and of to in is that for it was with on as at by this are from have",
        "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein",
        "fr": "le la les de des et est une un du en que qui dans pour pas sur au par",
        "es": "el la de que y en los las del se por un una con no para es al lo como",
    }.items()
}
_PLAIN_WORDS = 150
#: Share of the text's words that are the declared language's function words, and how far
#: ahead of the other languages' share it must be.
_PLAIN_SHARE, _PLAIN_LEAD = 0.2, 3.0
_WORD = re.compile(r"[^\W\d_]+")


def _plainly_in(declared: str, text: str) -> bool:
    """The text is plainly in the declared language (one of the commonest four): many of
    its words are that language's function words, and far fewer another's."""
    own = _FUNCTION_WORDS.get(declared)
    if own is None:
        return False
    words = [w.lower() for w in _WORD.findall(text[: _SAMPLE_CHARS * 2])][:_PLAIN_WORDS]
    if len(words) < _MIN_LETTERS:
        return False
    share = sum(w in own for w in words) / len(words)
    others = max(
        sum(w in table for w in words) / len(words)
        for language, table in _FUNCTION_WORDS.items()
        if language != declared
    )
    return share >= _PLAIN_SHARE and share >= _PLAIN_LEAD * others


def _detect(text: str) -> tuple[str, float] | None:
    sample = " ".join(text[:_SAMPLE_CHARS].split())
    if len(_LETTER.findall(sample)) < _MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(sample)
    if confidence < _MIN_CONFIDENCE and len(text) > _SAMPLE_CHARS:
        # Unsure on the opening (a caption's credit, a headline in another language):
        # more of the text before the markup decides.
        code, confidence = _identifier().classify(" ".join(text[:_LONG_SAMPLE_CHARS].split()))
    # Bokmål is the written Norwegian of nearly all news: the field says "no", as sites do.
    code = _MACROLANGUAGE.get(code, code)
    if len(code) != 2:
        return None
    return code, float(confidence)


def _identifier() -> LanguageIdentifier:
    """py3langid's model, loaded once per process on first use (about a second)."""
    global _IDENTIFIER
    if _IDENTIFIER is None:
        with _LOAD_LOCK:
            if _IDENTIFIER is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _IDENTIFIER
