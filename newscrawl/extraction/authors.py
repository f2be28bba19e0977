"""Authors are people: bylines as pages publish them, turned into a list of names.

Pages put much more than names where the author goes: "By", "Analysis by", "Von", "Autor:"
labels; roles ("AP Sports Writer", "CNN Editor-at-large", "Redakteurin"); the publisher
("Jill Disis, CNN Business", "Deutsche Welle (www.dw.com)"); e-mail addresses; the date
glued on by a byline heuristic ("Jeff Foust Monday"); several people in one string joined by
commas or by a conjunction in the page's language ("A and B", "A und B", "A y B", "A et B").

`byline_names` splits and cleans one such string. `choose_authors` picks, from the page's
sources in order of trust, the people it names; publisher, agency and desk names are kept
only where no person is named at all (a wire story "By Associated Press").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlsplit

from newscrawl.core.roles import ROLE_NOUNS, ROLE_PLURALS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_DOMAIN = re.compile(r"[\w-]\.(?:[a-z]{2,6})\b")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")

# Separators between names. "/" only between spaces: "srf/hosb" is one credit. Not a
# dash: "PMJS - Coordenadoria de TI" is one desk's credit.
_SEPARATORS = re.compile(r"\s*(?:[,;|•·+&]|\s/\s)\s*")
# A picture credit beside the writer's ("Text: Anna Muster, Fotos: Max Muster"): the
# photographer is no author.
_PICTURE_CREDIT = re.compile(
    r"^(?:fotos?|photos?|photography|bilder?|grafik|graphics|illustrations?|video|kamera"
    r"|fotografie|fotografía|fotografia)\s*:",
    re.IGNORECASE,
)
# An agency in brackets after the names ("Jane Doe (dpa)"): a credit of its own.
_BRACKETED = re.compile(r"\s*\(([^()]{1,40})\)")
# "A and B" in the languages newscrawl meets, lower-case (or all capitals, in capitals
# bylines). One-letter ones (Spanish "y", Italian/Portuguese "e", Catalan "i") also occur
# inside one person's name ("Ortega y Gasset"), so they split only between full names.
_CONJUNCTIONS = sorted(_words("and und et en og och ve na ja és oraz si și dan и і та а y e i"))
_CONJUNCTION = re.compile(
    r"\s+(" + "|".join(_CONJUNCTIONS + [c.upper() for c in _CONJUNCTIONS if len(c) > 1]) + r")\s+"
)

# Labels before the names: "By", "Analysis by", "Written by", "Propos recueillis par",
# "Escrito por", "Door", "Por:"; Scandinavian "Av"/"Af" only first ("af" is also a nobility
# particle); "by" as more languages write it: "Skrevet av", "Kirjoittanut", "Napisał",
# "Bởi", "Imeandikwa na", "Reportaje de", "A cura di" (capitalised: `_ROMANCE_BY` reads
# the lower-case label).
_BY = re.compile(
    r"^(?:(?:[\w'’-]+\s+){0,3}?(?:by|par|por|door|przez):?|av|af|от|від|skrevet (?:af|av)"
    r"|kirjoittanut|napisa[łl]a?|napisao|napisala|bởi|โดย|بقلم|מאת|από(?: τ[οη]ν?)?"
    r"|imeandikwa na|reportaje de|reportagem de|reportage de|un article de|articolo di"
    r"|a cura di)\s+(?=\S)",
    re.IGNORECASE,
)
# German "von" also begins names ("Ursula von der Leyen"): a label only first, when
# written "Von", or after a word that names a kind of piece ("Ein Kommentar von").
_VON = re.compile(
    r"^(?:(?:[\w'’-]+\s+){0,2}Von|[Vv]on|(?i:(?:eine?\s+)?(?:kommentar|analyse|interview|"
    r"gastbeitrag|reportage|recherche|kolumne|essay|glosse|porträt|rezension|kritik|text|"
    r"texte|fotos?|bilder|video|podcast)\s+von))\s+(?=\S)"
)
_ROMANCE_BY = re.compile(
    r"^(?:a cura di|di|de|da|do)\s+(?=[A-ZÀ-Þ])"
    # Capitalised, a label only before a full name whose first word is no particle: "Di
    # Mario Rossi", but "Di Maio", "De La Hoya" are names.
    r"|^(?:Di|De|Da|Do)\s+(?!(?:La|Le|Los|Las|Lo|Van|Von|Der|Del|Della|Dos|Das)\s)"
    r"(?=[A-ZÀ-Þ][\w'’-]+\s+[A-ZÀ-Þ])"
)
_LABEL = re.compile(
    r"^(?:autor(?:in|en|innen)?(?:/autor(?:in)?|/in|\*in|:in)?|authors?|text|texte|texto|tekst|"
    r"текст|reporter|reporting|written|sobre|about|über|redaktion:|auteur|autore|forfatter|"
    r"författare|yazar|kirjoittaja|posted|publicado por|quelle|source|fuente|fonte|"
    # the same labels in more languages: "Írta:", "Muhabir:", "Penulis:", "Toimittaja",
    # "Автор:", "Piše:", "Tác giả:", "ผู้เขียน"; Indonesian "Oleh:" with its colon only
    # (Oleh is a Ukrainian first name)
    r"írta|szerző|muhabir|autorius|autorka|redação|redacção|penulis|wartawan|pewarta|oleh\s*:|"
    r"toimittaja|автор|автори|piše|συντάκτης|tác giả|phóng viên|ผู้เขียน|כתב|كتب)\s*:?\s+"
    # "Redaktion" is a desk, and a label before the names of its editors.
    r"(?=\S)|^redaktion:?\s+(?=[A-ZÀ-Þ]\w+\s+[A-ZÀ-Þ])",
    re.IGNORECASE,
)

_MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "januar februar märz mai juni juli oktober dezember "
    "janvier février mars avril juin juillet août septembre octobre novembre décembre "
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre "
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre"
)
_WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag"
)
_DATE_WORDS = (
    _MONTHS
    | _WEEKDAYS
    | _words("published updated posted aktualisiert veröffentlicht publié publicado am um on at")
)
_DATE_TOKEN = re.compile(r"^[\d.:/,-]+(?:am|pm|h|uhr)?$", re.IGNORECASE)

#: Words that name a role, not a person ("AP Sports Writer", "Redakteurin").
_ROLE_NOUNS = ROLE_NOUNS | ROLE_PLURALS
#: Words that qualify a role ("Senior Political Correspondent", "Lifestyle Writer").
_ROLE_MODIFIERS = _words(
    "senior junior chief deputy lead staff news sports sport political politics national "
    "security auto travel lifestyle business tech technology science health entertainment "
    "digital content hub contributing associate managing executive special foreign "
    "investigative economics economy culture music film food data global world local "
    "white house washington freelance guest weekend breaking trending video audio "
    "ap cnn at large"
)
#: Credentials after a name ("Ilana Muhlstein, MS, RDN"): dropped; suffixes stay.
_CREDENTIALS = _words(
    "phd ph.d. md m.d. ms msc ma mba mph rd rdn rn do dds cpa cfa cfp esq esq. lcsw facp bsc "
    "ba llm mfa"
)
_SUFFIXES = _words("jr sr ii iii iv")

#: News agencies, by the names and abbreviations they sign with.
_AGENCY_WORDS = _words(
    "ap afp dpa sda sid kna epd apa reuters pti ani ians efe ansa anadolu aa kyodo xinhua "
    "yonhap upi bloomberg tass belga anp ntb tt ritzau ctk pap mti lusa aap dapd afx "
    "keystone-sda dpa-afx"
)
_AGENCY_PHRASES = frozenset(
    {
        "associated press",
        "the associated press",
        "agence france-presse",
        "europa press",
        "the canadian press",
        "anadolu ajansı",
        "anadolu agency",
        "press association",
        "united press international",
        "ria novosti",
        "agencia efe",
    }
)
_AGENCIES = _AGENCY_WORDS | _AGENCY_PHRASES
#: Words that make a credit a desk, a publisher or a company rather than a person.
_ORG_WORDS = _words(
    "news staff desk newsroom redaktion rédaction redacción redazione redação redactie "
    "redaksjon redaktionen agency agencies agentur agenturen agencia agence agenzia press "
    "presse media online bureau team wire wires services service editorial magazine zeitung "
    "tribune herald gazette network radio tv television fernsehen rundfunk inc ltd gmbh llc "
    "group verlag times daily sport reports nachrichten noticias notizie nieuws nyheter"
)
#: "The Associated Press", "Der Spiegel": no person's name begins with an article.
_ARTICLES = frozenset({"the", "der", "die", "das"})
_PARTICLES = _words("van der den de del della di da do dos das von zu la le bin ibn al el")
# CMS accounts and user names: "admin", "Jdadmin", "kei_eno".
_HANDLE = re.compile(r"^(?:\w*(?:admin(?:istrator)?|webmaster)\d*|\S*_\S*)$", re.IGNORECASE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# A reporter's title before or after the name in Japanese, Korean and Chinese bylines:
# "記者 山田太郎", "山田太郎記者", "홍길동 기자", "文/王小明".
_CJK_LABEL = re.compile(r"^(?:記者|기자|撰文|作者|文|图文|圖文)\s*[:：/／]?\s*(?=\S)")
_CJK_TITLE_AFTER = re.compile(r"(?<=\S)\s*(?:기자|記者|特派員|特派员)$")

_ORGANISATION_TYPES = frozenset(
    {"organization", "newsmediaorganization", "corporation", "organisation", "brand"}
)


@dataclass(frozen=True)
class Credit:
    """One name from a byline, and whether it names a person."""

    name: str
    person: bool


def clean_text(value: str) -> str:
    """Entities decoded, NFC, invisible characters gone, whitespace collapsed."""
    text = unicodedata.normalize("NFC", unescape(value))
    return " ".join(_INVISIBLE.sub("", text).split())


def byline_names(value: str) -> list[str]:
    """The names in one byline string, labels, roles, dates and e-mail addresses removed."""
    return [credit.name for credit in credits(value)]


def credits(
    value: str, site_names: Iterable[str] = (), declared_type: str | None = None
) -> list[Credit]:
    """The names in one byline, each marked person or not (organisation, agency, desk).

    `site_names` are the page's own names for its publisher (og:site_name, JSON-LD
    publisher, host); `declared_type` is the JSON-LD `@type` the page gave this author."""
    text = clean_text(value)
    # An address in the credit makes it the publisher's ("Deutsche Welle (www.dw.com)").
    addressed = bool(_URL.search(text) or _DOMAIN.search(_EMAIL.sub("", text)))
    text = _EMPTY_BRACKETS.sub("", _URL.sub("", _EMAIL.sub("", text)))
    text = _BRACKETED.sub(_bracketed_agency, text)
    keys = site_keys(site_names)
    result: list[Credit] = []
    for part in _split(_strip_labels(text)):
        if _PICTURE_CREDIT.match(part.strip()):
            continue
        name = _clean_part(part)
        if not name:
            continue
        lowered = name.casefold()
        if lowered in _CREDENTIALS or _HANDLE.match(name):
            continue
        if lowered.rstrip(".") in _SUFFIXES and result:
            result[-1] = Credit(f"{result[-1].name} {part.strip()}", result[-1].person)
            continue
        if _is_role(part) or _is_role(name):
            continue
        organisation = (
            (declared_type or "").lower() in _ORGANISATION_TYPES
            or _names_organisation(name, keys)
            # Beside an address, only a full name is a person ("hessenschau.de, Frankfurt,
            # Germany"; "Amy Kuperinsky | NJ Advance Media for NJ.com").
            or (addressed and (_DOMAIN.search(part) is not None or not _full_name(name)))
        )
        result.append(Credit(name, not organisation))
    if addressed and len(result) == 1:  # "Deutsche Welle (www.dw.com)"
        result = [Credit(result[0].name, False)]
    return result


def choose_authors(
    sources: Sequence[list[Credit]], fallbacks: Sequence[Callable[[], list[Credit]]]
) -> list[str]:
    """The people named by the first source that names one; else the people the first
    of the page's byline heuristics (`fallbacks`: costly, so called only then, in order)
    names by full name; else the names of the first source that has any (organisations:
    a wire story is "By Associated Press")."""
    for source in sources:
        people = [c.name for c in source if c.person]
        if people:
            return _unique(people)
    # What the page's metadata calls an organisation stays one when a heuristic finds it
    # as a byline ("Deutsche Welle").
    organisations = {name_key(c.name) for source in sources for c in source if not c.person}
    guessed: list[Credit] = []
    for fallback in fallbacks:
        found = [
            Credit(c.name, False) if name_key(c.name) in organisations else c for c in fallback()
        ]
        guessed = guessed or found
        if any(c.person and _name_shaped(c.name) for c in found):
            # With a full name beside it, one capitalized word is a name too ("..., Sweidah").
            return _unique(
                c.name
                for c in found
                if c.person and (_name_shaped(c.name) or (c.name.istitle() and " " not in c.name))
            )
    for source in (*sources, guessed):
        if source:
            return _unique(c.name for c in source)
    return []


# --- helpers --------------------------------------------------------------------


def _strip_labels(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        for label in (_LABEL, _BY, _VON, _ROMANCE_BY, _CJK_LABEL, _CJK_TITLE_AFTER):
            text = label.sub("", text, count=1).strip()
    return text


def _bracketed_agency(match: re.Match[str]) -> str:
    """An agency in brackets after the names becomes a credit of its own ("Jane Doe (dpa)"
    is "Jane Doe, dpa"); other brackets stay as written."""
    inside = match[1].strip()
    return f", {inside}" if inside.casefold() in _AGENCIES else match[0]


def _split(text: str) -> list[str]:
    parts: list[str] = []
    for chunk in _SEPARATORS.split(text):
        parts.extend(_split_conjunctions(chunk))
    return parts


def _split_conjunctions(chunk: str) -> list[str]:
    pieces = _CONJUNCTION.split(chunk)
    if len(pieces) == 1:
        return [chunk]
    # pieces: name, conjunction, name, conjunction, name...
    names, joins = pieces[::2], pieces[1::2]
    merged = [names[0]]
    for join, name in zip(joins, names[1:], strict=True):
        one_letter = len(join) == 1
        if one_letter and not (_full_name(merged[-1]) and _full_name(name)):
            merged[-1] = f"{merged[-1]} {join} {name}"
        else:
            merged.append(name)
    return merged


def _clean_part(part: str) -> str:
    name = _strip_labels(part.strip(" .:-–—()[]\"'“”‘’"))
    words = name.split()
    # Trailing dates and date words, while a full name is left ("Jeff Foust Monday").
    while len(words) > 2 and _date_word(words[-1]):
        words.pop()
    # A role glued on after the name ("Sophie Foster Travel News Reporter").
    if len(words) > 2 and words[-1].casefold() in _ROLE_NOUNS:
        cut = len(words) - 1
        while cut > 2 and words[cut - 1].casefold() in _ROLE_MODIFIERS:
            cut -= 1
        words = words[:cut]
    # An agency glued on after the name ("ERIC TUCKER Associated Press").
    for phrase in _AGENCY_PHRASES:
        n = len(phrase.split())
        if len(words) >= n + 2 and " ".join(words[-n:]).casefold() == phrase:
            words = words[:-n]
            break
    name = " ".join(words).strip(" .,:-–—")
    # A date marked up as an author's name ("NOVEMBER 20, 2019 10:43", split at the comma).
    if not name or all(_date_word(word) for word in name.split()):
        return ""
    return name


def _date_word(word: str) -> bool:
    return word.casefold().strip(".,") in _DATE_WORDS or _DATE_TOKEN.match(word) is not None


def _is_role(name: str) -> bool:
    """A credit made only of role words ("AP Auto Writer", "CNN Editor-at-large")."""
    words = [w.casefold() for w in name.split()]
    return any(w in _ROLE_NOUNS for w in words) and all(
        w in _ROLE_NOUNS or w in _ROLE_MODIFIERS or w in _AGENCY_WORDS for w in words
    )


def _names_organisation(name: str, site_keys: set[str]) -> bool:
    lowered = name.casefold()
    if lowered in _AGENCIES or _DOMAIN.search(name):
        return True
    words = [w.strip(".,()") for w in lowered.split()]
    if any(w in _ORG_WORDS for w in words) or (len(words) > 1 and words[0] in _ARTICLES):
        return True
    key = name_key(name)
    if key in site_keys or (words and (name_key(words[0]) in site_keys)):
        return True
    # One short all-capitals word is an abbreviation ("LTO", "NTV", "DPA"), not a name.
    return len(words) == 1 and name.isupper() and len(name) <= 6 and not _CJK.search(name)


def site_keys(site_names: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for value in site_names:
        if not value:
            continue
        if "/" in value or ("." in value and " " not in value.strip()):
            host = urlsplit(value if "//" in value else f"//{value}").hostname or value
            host = host.removeprefix("www.")
            keys.add(name_key(host))
            keys.update(name_key(label) for label in host.split(".")[:-1])
        else:
            keys.add(name_key(value))
    keys.discard("")
    return keys


def name_key(value: str) -> str:
    return "".join(ch for ch in value.casefold() if ch.isalnum())


def _full_name(name: str) -> bool:
    """Two words or more, or a name in a script written without spaces."""
    return len(name.split()) >= 2 or bool(_CJK.search(name))


def _name_shaped(name: str) -> bool:
    """Looks like a person's full name: two to four capitalized words (particles such as
    "van", "de", "von" aside), no digits; or a name in a script without capitals."""
    if _CJK.search(name):
        return True
    words = [w for w in name.split() if w.casefold() not in _PARTICLES]
    return 2 <= len(words) <= 4 and all(
        w[0].isupper() and not any(c.isdigit() for c in w) for w in words
    )


def _unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())
