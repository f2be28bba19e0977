"""trafilatura's own metadata heuristics, run only for the fields a page leaves unsaid.

Structured data (JSON-LD, OpenGraph, meta tags) answers title, authors, dates and the rest
on most news pages. trafilatura's page heuristics (`<h1>` and `<title>` analysis, byline
XPaths, htmldate's date search) are the fallback, and they are costly: running all of
them on every page took more CPU than extracting the body. `PageHeuristics` runs each one
on first use only, so a page with complete structured data pays for none of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from htmldate import find_date
from lxml import etree
from trafilatura.metadata import examine_meta, extract_author, extract_catstags, extract_title
from trafilatura.settings import set_date_params

if TYPE_CHECKING:
    from lxml.html import HtmlElement
    from trafilatura.settings import Document

_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
# Paths of author pages, in the languages of the dev sets' sites. Not "/people/" or
# "/profile/": news sites use those for the people a story is about.
_AUTHOR_PAGE = re.compile(
    r"/(?:authors?|autor(?:en|in)?|auteurs?|autore|journalists?|redakteur(?:in)?|reporters?|"
    r"staff|byline)(?:/|-|$)",
    re.IGNORECASE,
)
_NO_TIME = "T00:00:00"  # as htmldate writes a day it found without a time (no offset)
#: Labels that a byline's names follow, as an element's whole own text ("Von:", "By",
#: "Autorin/Autor", "Author:"), in the languages the byline parser knows. Not "de" or
#: "da": alone, those are a language switcher's links as often as a byline's label.
_AUTHOR_LABELS = frozenset(
    {
        *("by", "von", "par", "por", "door", "av", "af", "przez"),
        *("author", "authors", "autor", "autorin", "autoren", "autorin/autor", "autor/autorin"),
        *("auteur", "auteurs", "autore", "autori", "text", "texte", "texto", "tekst"),
        *("written by", "geschrieben von", "escrito por", "forfatter", "författare", "yazar"),
        # the same in more languages ("Írta:", "Penulis:", "Автор:", "記者", "기자"); not
        # Indonesian "Oleh" alone, a Ukrainian first name too
        *("írta", "szerző", "muhabir", "autorius", "autorka", "redação", "penulis", "wartawan"),
        *("toimittaja", "kirjoittaja", "kirjoittanut", "автор", "автори", "текст", "piše"),
        *("autor/in", "συντάκτης", "tác giả", "phóng viên", "bởi", "ผู้เขียน", "โดย", "بقلم"),
        *("מאת", "記者", "기자", "作者", "skrevet af", "skrevet av", "imeandikwa na", "a cura di"),
    }
)
_NOT_TEXT = ("script", "style", "noscript", "template")
#: A byline of a few names; longer is a paragraph that begins with "By".
_MAX_LABELLED_BYLINE_CHARS = 120
# schema.org microdata: elements the page marks as an author (not image credits).
_MICRODATA_AUTHORS = etree.XPath(
    ".//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')]"
    "[not(self::meta or self::link)][not(ancestor::figure or ancestor::figcaption)]"
)
_MICRODATA_NAME = etree.XPath(".//*[@itemprop='name']")


# Elements that show a date line: <time>, or a class naming a date, time or byline.
_DATE_LINES = etree.XPath(
    "//time | //*[contains(@class, 'date') or contains(@class, 'time') or "
    "contains(@class, 'publish') or contains(@class, 'datum') or contains(@class, 'byline') "
    "or contains(@class, 'meta')][not(self::meta or self::script or self::style)]"
)
_MAX_DATE_LINES = 60
_TEXTS_AFTER = etree.XPath(
    "following::text()[normalize-space()][not(ancestor::script or ancestor::style)]"
)
#: Texts after the `<h1>` looked at for its date line (kicker, byline, date, time), and
#: the words such a line holds at most.
_MAX_TEXTS_UNDER_HEADING = 12
_MAX_DATE_LINE_WORDS = 6
_MAX_DATE_LINE_CHARS = 160
# A clock time, not part of a date ("12.05.2024") or a longer number.
_CLOCK = re.compile(
    r"(?<![\d.:/])(?P<hour>[01]?\d|2[0-3])[:h](?P<minute>[0-5]\d)(?![\d.:/])(?::\d\d)?"
    r"\s*(?P<meridiem>[ap]\.?m\.?(?![a-z]))?",
    re.IGNORECASE,
)
# Month names by their first letters, in the languages of the dev sets' pages.
_MONTH_PREFIXES = {
    1: ("jan", "ene", "gen"), 2: ("feb", "fév", "fev"), 3: ("mar", "mär", "mrz"),
    4: ("apr", "avr", "abr"), 5: ("may", "mai", "mag"), 6: ("jun", "juin", "giu"),
    7: ("jul", "juil", "lug"), 8: ("aug", "aoû", "ago"), 9: ("sep", "set"),
    10: ("oct", "okt", "ott", "out"), 11: ("nov",), 12: ("dec", "dez", "déc", "dic"),
}  # fmt: skip


def only_heading(tree: HtmlElement) -> HtmlElement | None:
    """The page's `<h1>` when it has exactly one."""
    headings = tree.findall(".//body//h1")
    return headings[0] if len(headings) == 1 else None


def _time_in(texts: Iterable[str], day: str) -> str | None:
    """`day` with the time of day of the first of `texts` that names that day and a clock
    time ("November 19, 2019, 9:02 AM", "01. April 2025, 15:25"), as local time."""
    year, month, date = (int(part) for part in day.split("-"))
    for raw in texts:
        text = " ".join(raw.split())
        if not text or len(text) > _MAX_DATE_LINE_CHARS:
            continue
        clock = _CLOCK.search(text)
        if clock is None or not _names_day(text, year, month, date):
            continue
        hour, minute = int(clock["hour"]), int(clock["minute"])
        meridiem = (clock["meridiem"] or "").replace(".", "").lower()
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        if hour < 24:
            return f"{day}T{hour:02d}:{minute:02d}:00"
    return None


def _names_day(text: str, year: int, month: int, day: int) -> bool:
    """`text` names this day: its day of the month, and its month as a number beside it
    ("13.11.2019", "2019-11-13", "11/13") or by name; a year, when it names one, is this."""
    lowered = text.lower()
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", lowered)}
    if years and year not in years:
        return False
    numeric = re.search(
        rf"(?<!\d)0?{day}[./-]0?{month}(?!\d)|(?<!\d)0?{month}[./-]0?{day}(?!\d)", lowered
    )
    if numeric:
        return True
    if not any(re.search(rf"\b{prefix}", lowered) for prefix in _MONTH_PREFIXES[month]):
        return False
    return re.search(rf"(?<![\d:.])0?{day}(?:st|nd|rd|th|\.)?(?![\d:])", lowered) is not None


class PageHeuristics:
    """Metadata guessed from the page itself, each field computed when first read."""

    def __init__(self, tree: HtmlElement, url: str | None) -> None:
        self._tree = tree
        self._url = url

    @cached_property
    def _region(self) -> HtmlElement:
        """Where the article's byline is (`_byline_region`), found once for the byline
        heuristics that read it."""
        return _byline_region(self._tree)

    @cached_property
    def _meta(self) -> Document:
        return examine_meta(self._tree)

    @cached_property
    def title(self) -> str | None:
        return self._meta.title or extract_title(self._tree)

    @cached_property
    def author(self) -> str | None:
        """The byline as trafilatura's XPaths find it in the page, else the author its
        meta-tag reading found (which `fields` has read already, less mangled: "mdr.de"
        comes back as "Mdr De")."""
        byline = extract_author(self._region)
        if byline:
            return str(byline)
        meta_author = self._meta.author
        if meta_author and " " in meta_author:  # one word is a handle or a site name
            return str(meta_author)
        return None

    @cached_property
    def microdata_authors(self) -> list[str]:
        """The authors the page marks with schema.org microdata (`itemprop="author"`) in
        the article's region (`_byline_region`): each one's `itemprop="name"` where it
        gives one, else its text. Only the first item's: teasers of other stories mark
        their authors too."""
        found: list[str] = []
        first_item: HtmlElement | None = None
        for index, element in enumerate(_MICRODATA_AUTHORS(self._region)):
            item = next(
                (a for a in element.iterancestors() if a.get("itemscope") is not None), None
            )
            if index == 0:
                first_item = item
            elif item is not first_item:
                continue
            for named in _MICRODATA_NAME(element) or [element]:
                text = named.get("content") or " ".join(named.text_content().split())
                if text:
                    found.append(text)
        return found

    @cached_property
    def author_links(self) -> list[str]:
        """The texts of the first group of links to author pages (`/author/`, `/autoren/`,
        `/staff/`...): the links beside the first one, under the same parent, as a byline
        of several names is written."""
        first_parent = None
        found: list[str] = []
        for link in self._tree.iter("a"):
            href = (link.get("href") or "").split("?", 1)[0]
            if not _AUTHOR_PAGE.search(href):
                continue
            parent = link.getparent()
            if first_parent is None:
                first_parent = parent
            elif parent is not first_parent:
                continue
            text = " ".join(link.text_content().split())
            if text:
                found.append(text)
        return found

    @cached_property
    def labelled_bylines(self) -> list[str]:
        """The names after an author label in the article's region, as metadata lists and
        bylines write them: "<li>Von: <a>Name</a>, <a>Name</a></li>", "<strong>Autorin/Autor
        </strong> Name", "<span>By</span> <a>Name</a>". The first label's only: another
        one is a teaser's or a photo's."""
        for element in self._region.iter():
            if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
                continue
            label = (element.text or "").strip().rstrip(":：").strip().casefold()
            if label not in _AUTHOR_LABELS:
                continue
            if len(element):  # the names are its children: "Von: <a>...</a>"
                parts = [text for child in element for text in _texts(child)]
            else:  # the names follow it: "<strong>Autor</strong> Name"
                parts = [element.tail or ""]
                for sibling in element.itersiblings():
                    parts += _texts(sibling)
            # Pieces joined with spaces: "<a>Jane Doe</a><span>News Reporter</span>".
            names = " ".join(" ".join(parts).lstrip(":： ").split())
            if 0 < len(names) <= _MAX_LABELLED_BYLINE_CHARS:
                return [names]
        return []

    def time_on(self, day: str) -> str | None:
        """`day` (YYYY-MM-DD) with the time of day the page shows beside it, in the first
        date line that names that day ("November 19, 2019, 9:02 AM", "Published 11:11 PM
        EST Nov 19", "01. April 2025, 15:25"), or else in the first texts under the
        page's one `<h1>` (a site whose class names say nothing of dates): as local time,
        without an offset (an abbreviation such as "EST" does not say which offset). None
        when no line does."""
        lines = (element.text_content() for element in _DATE_LINES(self._tree)[:_MAX_DATE_LINES])
        return _time_in(lines, day) or _time_in(self._under_heading(), day)

    def _under_heading(self) -> list[str]:
        """The first texts after the page's one `<h1>`, where its date line sits: for
        pages whose class names say nothing of dates."""
        heading = only_heading(self._tree)
        if heading is None:
            return []
        texts = [str(text) for text in _TEXTS_AFTER(heading)[:_MAX_TEXTS_UNDER_HEADING]]
        # A date line is short: "erstellt: 01. April 2025, 15:25", not a sentence that
        # names a time ("The meeting starts at 10:30 on 19 November.").
        return [text for text in texts if len(text.split()) <= _MAX_DATE_LINE_WORDS]

    @cached_property
    def date(self) -> str | None:
        """The publication date htmldate finds, with its time of day where the page gives
        one. (htmldate's default output format is the day alone: the time it had found was
        lost.) It writes midnight, without an offset, for a day without a time."""
        params = set_date_params(extensive=True)
        try:
            found = find_date(self._tree, url=self._url, outputformat=_DATE_FORMAT, **params)
        except (AssertionError, ValueError, OverflowError):  # htmldate on odd dates and URLs
            return None
        if not found:
            return None
        return str(found).removesuffix(_NO_TIME)

    @cached_property
    def description(self) -> str | None:
        return self._meta.description

    @cached_property
    def image(self) -> str | None:
        return self._meta.image

    @cached_property
    def tags(self) -> list[str]:
        return list(self._meta.tags or []) or extract_catstags("tag", self._tree)

    @cached_property
    def categories(self) -> list[str]:
        return list(self._meta.categories or []) or extract_catstags("category", self._tree)


#: How far above the headline the byline is looked for, on pages with no `<article>`.
_BYLINE_LEVELS = 5


def _texts(node: HtmlElement) -> list[str]:
    """The texts of `node` and its tail; of a comment or processing instruction (which
    `itertext` refuses), the tail only."""
    if not isinstance(node.tag, str):
        return [node.tail or ""]
    return list(node.itertext(with_tail=True))


def _byline_region(tree: HtmlElement) -> HtmlElement:
    """Where the article's byline is: the `<article>` holding the page's headline (`<h1>`),
    or the block a few levels above it; the whole page when it has no headline.

    trafilatura's byline XPaths test every element of what they are given with regular
    expressions (several milliseconds on a large page); the region is a small part of the
    page, and a byline found outside it (a sidebar's, a teaser's) is another story's."""
    headline = next(tree.iter("h1"), None)
    if headline is None:
        return tree
    article = next(headline.iterancestors("article"), None)
    if article is not None:
        return article
    region = headline
    for _ in range(_BYLINE_LEVELS):
        parent = region.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        region = parent
    return region
