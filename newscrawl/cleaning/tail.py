"""Strip the related-headline tail that extractors leave after an article's last paragraph.

Pages append "Trending / Read more / Most popular" lists after the article; extractors
glue them to the text as short lines. The trap is that articles also legitimately end in
short lines (a bulleted list, a one-line paragraph, a question, an editor's note), so this cuts
only with evidence. Every line is first described by its shape (`_Line`): its size, how
it ends, a leading bullet, number or date, a trailing " | Site" part. A trailing block is
then cut when one of these holds:

- a header introduces it ("Read more", "Mehr zum Thema", ... see `markers`) and every
  line after the header is headline-sized, with at least as many lines that read as
  headlines (no final stop, or a final `?`/`!`) as lines ending with a full stop, which
  may only be the one-sentence summary under a headline (teaser cards), a widget's rank or
  kicker on a line of its own above a headline going with it; or the lines are
  short and all end with a stop but are several stories (`_unrelated`, below). A header
  over short sentences of one story ("UP NEXT" over "Thunder: Host the Lakers on
  Friday." "Lakers: Visit the Thunder on Friday.") is the article's;
- without a header, a trailing run of headline-sized lines that share a structure no
  article paragraph has, after a full sentence that does not announce a list (end with
  `:`):
  - a separator line (a lone `-`, `|`, `•`) opens it and at least two headlines follow;
  - two or more lines end in a marker (`Headline -`, `Headline |`, `Headline ›`,
    `Headline [VIDEO]`), or in the same " | Site" / " - Site" part (the site's name,
    repeated);
  - two or more lines are numbered 1, 2, 3... (not a table: rows that all end in a
    figure, or share a sign or key) or carry a date;
  - four or more Title Case lines (English-style headlines) of several stories.

  A short label above site-name, numbered or dated headlines goes with them when they are
  several stories ("Top-Themen" over "1. ...", "2. ...").
- without a header or any structure, three or more plain headlines that are several
  stories, not one list (`_unrelated_run`): what tells a related-headline tail from an
  article's own list in any language is that a list is ONE thing and a tail is MANY.
  An article's list shares words between its items ("Group A: ...", "Group B: ..."), a
  first word ("Your email list ...", "Your revenues ..."), a word or sign in every item
  ("Light by the Harbour Group", "Cloud by the Mill Studio"; a "$" price each; a "key:
  value" shape), one kind of bullet, and its items are often plain phrases naming
  nothing ("A loan from the national fund") or continue a sentence in lower case. A
  tail's headlines each name someone or something (a capital after the first word, a
  number), start like a headline, and no two share a word of five letters or more (two
  non-kana letters in a row, in a script without spaces; each headline's own " | Source"
  part aside). Lines that are prose (two sentences in a long line or one that asks
  after a statement, a link) break the run.
  A wrong cut loses the article's last lines, so every one of these must hold; none
  acted on any prefix of the dev sets' gold bodies (an article ending there).

A related widget's header left alone between two paragraphs, where the article goes on
under it, goes too: the extractor kept its label and dropped its list (`_widget_labels`).

One cut point needs no headline shape: a paywall notice ("La suite est réservée aux
abonnés", "この記事は会員限定です") with only short offer lines under it. (A comment thread
the markup did not mark is cut before, with the chrome: `comments`.)

Lists under a subheading or after "as follows:" are the article's own, and so is a
schedule whose lines all start with a date under its own title. Editor's notes end the
article: a tail starts after them, never above. Closing lines (`boilerplate`, contributor
credits among them) are cut in the same loop, as tails come in layers.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from newscrawl.cleaning import evidence
from newscrawl.cleaning.boilerplate import is_article_note, is_closing_line, strip_closing_lines
from newscrawl.cleaning.markers import (
    DATE_RE,
    PAYWALL_NOTICE_RE,
    RELATIVE_TIME_RE,
    SHORT_DATE_LINE_RE,
    TAIL_HEADER_RE,
    compile_lines,
    matching_phrases,
)
from newscrawl.core.text import (
    CLOSERS,
    COLONS,
    FULL_STOPS,
    NO_SPACE_CHARS,
    QUESTION_MARKS,
    SEMICOLON,
    WORD_CHARS,
    comparable,
    is_prose,
    squeeze_blank_lines,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from newscrawl.cleaning.linematch import LineMatcher

_MAX_HEADLINE_WORDS = 25
#: ... or, as a bulleted or numbered item of a list whose markers say it is one, this many.
_MAX_LISTED_HEADLINE_WORDS = 40
_MAX_HEADLINE_CHARS = 220
# Scripts without spaces: a headline is a few dozen characters.
_MAX_NO_SPACE_HEADLINE_CHARS = 80
_MIN_HEADLINE_WORDS = 3
_MIN_NO_SPACE_HEADLINE_CHARS = 8
# A headline that ends with a full stop is short: longer lines with one are sentences.
_MAX_STOP_HEADLINE_WORDS = 16
_MAX_NO_SPACE_STOP_HEADLINE_CHARS = 50
# A teaser card's summary: one sentence under its headline.
_MAX_SUMMARY_WORDS = 45
# The most lines a header's list may run to (the dev sets' longest: 12). Reading every
# line under every header, round after round, took a text of 400 "Read more" lines
# (a digest) 65 s of CPU; a longer list under a header is left to the rules without one.
_MAX_LIST_LINES = 200
# A teaser card's excerpt: a post's opening words, up to a widget's limit (WordPress cuts
# at 55 by default, themes at up to 100), and how many must be cut short ("... for …"):
# two, and more than one in three.
_MAX_EXCERPT_WORDS = 120
_MAX_NO_SPACE_EXCERPT_CHARS = 300
_MIN_CUT_EXCERPTS = 2
_EXCERPTS_PER_CUT = 3
# A widget shows a few posts (the dev sets' and the tails benchmark's: 2-10): read no
# further up, where the article's paragraphs, excerpt-sized too, are.
_MAX_EXCERPTS = 30
# A widget's furniture between them (a date, a rank, a separator) is short; a paragraph's
# length is no date line (and reading it for dates costs more than the rest of the rule).
_MAX_FURNITURE_CHARS = 60
_SEPARATOR_LINE = re.compile(r"^[\s\-–—|•·*=_~#]{1,6}$")
# "Headline -", "Headline |", "Headline [VIDEO]": markup a headline list keeps as text.
# (A leading bullet proves nothing by itself: articles' own lists have them too.)
_MARKED = re.compile(r"(\s[\-–—|»›→•]\s*$)|(\s\[[^\W\d_][^\]\[]{1,18}\]\W{0,2}$)")
# "Headline | Site", "Headline - Site": a short name after a spaced separator.
_SPACED_SEPARATOR = r"\s(?:[|\-–—·•]|::)\s"
_SUFFIX = re.compile(rf"{_SPACED_SEPARATOR}\s*(?P<name>(?:(?!{_SPACED_SEPARATOR}).){{2,40}})$")
_MAX_SUFFIX_WORDS = 5
# Bullets: the usual ones, and any arrow, geometric shape, dingbat or emoji a site sets
# before its list items ("🔴 ...", "✔ ...", "◾ ...").
_BULLET = re.compile(
    r"^[•·*\-–—»>▪■►▶▸›→➔➤●◦○◆♦‣⁃\u2190-\u21ff\u25a0-\u25ff\u2700-\u27bf"
    r"\U0001f300-\U0001faff]\ufe0f?\s*"
)
# "1. ", "1) ", "1 ", "#1 ", "(1) ", "1 - ", "1: ", "1/ ", "01. ", "① ": a list's number (not a
# time, "10:30", or a fraction, "1/2").
_NUMBER = re.compile(
    r"^(?:[#(]?(?P<n>\d{1,2})(?:[.)]\s*|:(?!\d)\s*|/(?!\d)\s*|\s+[-–—]\s+|\s+)"
    r"|(?P<circled>[\u2460-\u2473])\s*)(?=\S)"
)
# A rank alone on its line, above its headline ("1", "2."): a "Most read" widget's number.
_RANK = re.compile(r"^\d{1,2}[.)]?$")
# Zero-width spaces and joiners, soft hyphens, byte-order marks: in titles, invisible.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
# "— Jane Doe (@jdoe) November 4, 2019": the byline under an embedded post.
_ATTRIBUTION = re.compile(r"^[—–-]\s*.{1,80}\(@\w+\)")
_URL = re.compile(r"https?://|www\.\w", re.IGNORECASE)
_ELLIPSIS = re.compile(r"(\.\.\.|…)$")
#: A widget's excerpt cut short: "... for …", "... for [...]" (WordPress's "[…]"), with
#: the card's link glued on where the extractor joined them ("... the...Read More").
_CUT_SHORT = re.compile(
    r"(\.\.\.|…)\]?(\s*(read more|continue reading|weiterlesen|mehr lesen|lire la suite"
    r"|leer más|seguir leyendo|leia mais|continue lendo|leggi (tutto|di più)|lees verder"
    r"|läs mer|les mer|læs mere|czytaj dalej)\W{0,3})?$",
    re.IGNORECASE,
)
_NO_SPACE = re.compile(f"[{NO_SPACE_CHARS}]")
_WORD = re.compile(rf"[^\W\d_][{WORD_CHARS}'’\-]*")
# A line that starts with a time of day: "1:00 Opening", "14.30 Uhr: ...".
_LEADING_TIME = re.compile(r"^(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\b")
# A line that starts with a date: "June 9 – ...", "14.03.2024 | ...", "2024-03-14 ...".
_LEADING_DATE = re.compile(r"^(\d{1,4}[./-]\d{1,2}|[^\W\d_]{3,9}\.?\s+\d{1,2}\b)")
# Lower-case words that Title Case headlines leave small.
_SMALL_WORDS = frozenset(
    {
        *("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of"),
        *("on", "or", "per", "the", "to", "vs", "via", "with", "over", "after"),
    }
)
# An article's list item that a run with strong evidence may follow: of some substance.
_MIN_ITEM_WORDS = 6
_MIN_NO_SPACE_ITEM_CHARS = 20
# A question long enough to close an article rather than head a teaser.
_MIN_QUESTION_WORDS = 8
_MIN_NO_SPACE_QUESTION_CHARS = 20
# A label above a run: a header's few words.
_MAX_LABEL_WORDS = 4
_MAX_LABEL_CHARS = 40
_MAX_NO_SPACE_LABEL_CHARS = 12
# A kicker over a headline in a list: "POLITICS", "Middle East".
_MAX_KICKER_WORDS = 2
# A paragraph cut short ("... until the paywall..."): long enough to be prose.
_MIN_PARAGRAPH_WORDS = 12
_MIN_NO_SPACE_PARAGRAPH_CHARS = 30
# The offer under a paywall notice: a few short lines.
_MAX_AFTER_PAYWALL_NOTICE = 10
_MIN_TITLE_CASE_RUN = 4
_MIN_BULLETED_TITLE_WORDS = 6
_MIN_MARKED = 2
_MIN_NUMBERED = 2
_MIN_DATED = 2
# Plain headlines (no header, no marker) that share nothing: how many, how long.
_MIN_UNRELATED_RUN = 3
_MIN_UNRELATED_WORDS = 4
# Words this long that two lines share make them one list ("Group", "Patientenakte").
_MIN_SHARED_CHARS = 5
#: ... except the grammar's long words, which any two headlines may share ("after",
#: "about", "nicht", "sobre", "della"): they say nothing of a subject.
_GRAMMAR_WORDS = frozenset(
    {
        *("about", "after", "again", "against", "among", "before", "being", "between"),
        *("could", "every", "other", "should", "since", "their", "there", "these", "those"),
        *("through", "under", "until", "where", "which", "while", "would", "without"),
        *("nicht", "einen", "einem", "einer", "eines", "durch", "gegen", "unter", "wegen"),
        *("diese", "dieser", "diesem", "dieses", "deren", "seine", "seiner", "seinen", "ihren"),
        *("ihrer", "keine", "immer", "wieder", "werden", "wurde", "wurden", "zwischen"),
        *("après", "avant", "entre", "contre", "leurs", "depuis", "aussi", "selon", "cette"),
        *("comme", "quand", "encore", "toute", "toutes", "sobre", "desde", "hasta", "según"),
        *("contra", "cuando", "donde", "porque", "también", "hacia", "antes", "después"),
        *("della", "delle", "dello", "degli", "sulla", "sulle", "dalla", "dalle", "nella"),
        *("nelle", "negli", "perché", "anche", "ancora", "senza", "quando", "questo", "questa"),
        *("depois", "ainda", "pelos", "pelas"),
    }
)
#: In a long run, one line in this many may share a word with another ("after", "their"
#: in ten headlines), but no word may be in more than this many lines.
_LINES_PER_REPEAT = 2
_MAX_LINES_SHARING = 2
#: Above this share of capitalised words inside sentences, capitals mark nouns, not names.
_MAX_NAME_SHARE = 0.25
_OPENERS = "\"'“‘„«‹»›([¿¡"
_DIGIT = re.compile(r"\d")
# A sentence's end inside a line (after a word of three letters or more, not an
# abbreviation such as "U.S." or "Dr."), and a capital after it.
_SENTENCE_INSIDE = re.compile(
    r"(?<=[^\W\d_]{2}[^\W\d_A-ZÀ-ÞА-Я])[.!?…][\"'”’»)]*\s+[\"'“‘„«(]*[^\W\d_]"
)
_QUOTED = re.compile(r"[\"“„«‹][^\"“”„«»‹›]{1,200}[\"”“»›]")
_LINK = re.compile(r"\b[\w-]+\.[a-z]{2,6}/\S")
# What is left around a headline once its date is gone: "| ", " (", ")".
_STORY_TRIM = " |-–—()[]·•"
_KANA = re.compile("[\u3040-\u309f]+")
_NO_SPACE_LETTERS = re.compile(f"[{NO_SPACE_CHARS}]")
_KEY = re.compile(r"^[^\W\d_][\w'’\-]*\s*:")
# Signs a list's items may all carry (a price's "$", a "§", a "："), punctuation aside
# (CJK's "、" and 「」 are commas and quotes).
_MARKS = re.compile(r"[^\w\s.,;:!?'\"’“”‘„«»()\[\]/\-–—…\u3000-\u303f]")
# Words a dated headline has besides its date ("14.03.2024 – Lyon" is a schedule).
_MIN_DATED_HEADLINE_WORDS = 4


@dataclass(frozen=True)
class _Line:
    """What a line looks like: the evidence the rules weigh."""

    text: str
    header: bool = False
    #: The headline of another article (`KnownHeadlines`): a tail line whatever its shape.
    known: bool = False

    @cached_property
    def blank(self) -> bool:
        return not self.text

    @cached_property
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    @cached_property
    def separator(self) -> bool:
        return bool(_SEPARATOR_LINE.match(self.text))

    @cached_property
    def no_space(self) -> bool:
        return len(_NO_SPACE.findall(self.text)) * 2 > len(self.text.replace(" ", ""))

    def at_least(self, words: int, no_space_chars: int) -> bool:
        """At least so many words, or characters in a script without spaces."""
        if self.no_space:
            return len(self.text) >= no_space_chars
        return len(self.text.split()) >= words

    @cached_property
    def sized(self) -> bool:
        """Short enough to be a headline, and no editor's note or link. (A bullet or a
        number before it is no word of the headline.)"""
        if self.no_space:
            short = len(self.text) <= _MAX_NO_SPACE_HEADLINE_CHARS
        else:
            short = (
                len(self.text) <= _MAX_HEADLINE_CHARS
                and len(self.body.split()) <= _MAX_HEADLINE_WORDS
            )
        return short and self.no_note_or_link

    @cached_property
    def listed_size(self) -> bool:
        """Short enough to be a headline in a list whose markers say it is one: a longer
        line counts when it opens as a list item does, with a bullet or a number (two
        long quotes that end with the same speaker's name are no list)."""
        if self.no_space or len(self.body.split()) <= _MAX_HEADLINE_WORDS:
            return self.sized
        return (
            (self.bullet or self.number is not None)
            and len(self.text) <= _MAX_HEADLINE_CHARS
            and len(self.text.split()) <= _MAX_LISTED_HEADLINE_WORDS
            and self.no_note_or_link
        )

    @cached_property
    def no_note_or_link(self) -> bool:
        """No editor's note and no link: what a headline of any size is not."""
        return not is_article_note(self.text) and not _URL.search(self.text)

    @cached_property
    def end(self) -> str:
        """How the line ends: "" (no punctuation, or cut short with "..."), ".", "?" (also
        `!`), ":" or "other"."""
        text = self.text.rstrip(CLOSERS + " ")
        last = text[-1:]
        # A vowel sign or tone mark ends a word in Hindi, Thai, Arabic...: no punctuation.
        if not last or last.isalnum() or unicodedata.category(last).startswith("M"):
            return ""
        if _ELLIPSIS.search(text):
            # A teaser cut short ("... how many children do couple have?..."), as a
            # sentence trailing off is: it may go on, so it reads as neither.
            return ""
        if last in FULL_STOPS or last == SEMICOLON:  # a line ending with ";" is prose
            return "."
        if last in QUESTION_MARKS:
            return "?"
        if last in COLONS:
            return ":"
        return "other"

    @cached_property
    def body(self) -> str:
        """The line without a leading bullet or number."""
        text = _BULLET.sub("", self.text)
        return _NUMBER.sub("", text) if self.number is not None else text

    @cached_property
    def bullet(self) -> bool:
        return bool(_BULLET.match(self.text)) and not self.separator

    @cached_property
    def number(self) -> int | None:
        match = _NUMBER.match(self.text)
        if match is None:
            return None
        return int(match["n"]) if match["n"] else ord(match["circled"]) - 0x245F

    @cached_property
    def rank(self) -> bool:
        return bool(_RANK.match(self.text))

    def label_sized(self, words: int) -> bool:
        """As short as a label: at most `words` words (and `_MAX_LABEL_CHARS`), or
        `_MAX_NO_SPACE_LABEL_CHARS` characters in a script without spaces."""
        if self.no_space:
            return len(self.text) <= _MAX_NO_SPACE_LABEL_CHARS
        return len(self.text.split()) <= words and len(self.text) <= _MAX_LABEL_CHARS

    @cached_property
    def kicker(self) -> bool:
        """A kicker or section name: a word or two, no punctuation at the end ("POLITIK",
        "Middle East")."""
        return (
            self.label_sized(_MAX_KICKER_WORDS)
            and self.end == ""
            and not self.header
            and not self.rank
        )

    @cached_property
    def dated(self) -> bool:
        """A headline with its date: a date and a few words besides it."""
        match = DATE_RE.search(self.text)
        if match is None:
            return False
        rest = self.text[: match.start()] + " " + self.text[match.end() :]
        return self.no_space or len(_WORD.findall(rest)) >= _MIN_DATED_HEADLINE_WORDS

    @cached_property
    def date_only(self) -> bool:
        """Just a date (under a headline): "14 March 2024", "2024-03-14 10:02", or as a
        widget gives it, without its year or relative ("Nov 20", "Yesterday", "2 hours
        ago", "vor 3 Tagen")."""
        if SHORT_DATE_LINE_RE.match(self.text):
            return True
        if DATE_RE.search(self.text) is None and RELATIVE_TIME_RE.search(self.text) is None:
            return False
        rest = RELATIVE_TIME_RE.sub(" ", DATE_RE.sub(" ", self.text))
        # "Thursday, 14 March 2024" is a date; "14.03.2024 – Lyon" is a schedule's line.
        return len(_WORD.findall(rest)) <= 1 and not re.search(_SPACED_SEPARATOR, rest)

    @cached_property
    def _suffix_match(self) -> re.Match[str] | None:
        """Where the " | Site" part of "Headline | Site" starts, when it is a site's name."""
        match = _SUFFIX.search(self.text)
        if match is None or self.bracketed or len(match["name"].split()) > _MAX_SUFFIX_WORDS:
            return None
        name = match["name"].strip()
        if name[0].islower() and " " in name:
            return None  # "... - the end": words of a sentence, not a site's name
        before = self.text[: match.start()]
        if (len(before) if self.no_space else len(_WORD.findall(before))) < (
            _MIN_NO_SPACE_HEADLINE_CHARS if self.no_space else _MIN_HEADLINE_WORDS
        ):
            return None  # "July 17, 2023 – Austin, TX": a date, not a headline, before it
        return match

    @cached_property
    def suffix(self) -> str | None:
        """The " | Site" part of "Headline | Site", lower-cased."""
        match = self._suffix_match
        return match["name"].strip().casefold() if match else None

    @cached_property
    def without_suffix(self) -> str:
        """The line without its " | Site" part: what the headline itself says."""
        match = self._suffix_match
        return self.text[: match.start()] if match else self.text

    @cached_property
    def marked(self) -> bool:
        return bool(_MARKED.search(self.text)) and not self.table_row

    @cached_property
    def table_row(self) -> bool:
        """A row of a data table, as extractors write it ("| Valley line | 05:10 |"): the
        article's, however it ends."""
        return self.text.startswith("|") and self.text.endswith("|") and len(self.text) > 1

    @cached_property
    def headline(self) -> bool:
        """Reads as a headline: headline-sized, a few words, no full stop or colon at the end."""
        if not self.sized or self.header or self.separator or self.date_only:
            return False
        if self.bracketed or self.attribution:
            return False  # a note in brackets, the byline of an embedded post
        if self.end not in ("", "?"):
            return False
        if self.no_space:
            return len(self.text) >= _MIN_NO_SPACE_HEADLINE_CHARS
        return len(self.body.split()) >= _MIN_HEADLINE_WORDS

    @cached_property
    def bracketed(self) -> bool:
        """A note in brackets: "(Graphic: Global assets in 2019 - here)"."""
        return self.text[:1] in "([" and self.text.rstrip(".")[-1:] in ")]"

    @cached_property
    def attribution(self) -> bool:
        """The byline under an embedded post: "— Jane Doe (@jdoe) November 4, 2019"."""
        return bool(_ATTRIBUTION.match(self.text))

    @cached_property
    def sentence(self) -> bool:
        """The article's prose: too long for a headline, or a stop at the end, or a note."""
        if self.blank or self.header or self.separator:
            return False
        if self.end in (".", "other") or is_article_note(self.text):
            return True
        if _ELLIPSIS.search(self.text.rstrip(CLOSERS + " ")) and self.at_least(
            _MIN_PARAGRAPH_WORDS, _MIN_NO_SPACE_PARAGRAPH_CHARS
        ):
            return True  # a paragraph cut short ("... the paywall starts here...")
        # A long line without a stop: prose that lost its full stop; but in a script
        # without spaces, a line of a list ("熊本県：阿蘇市、産山村、...").
        return not self.sized and not self.no_space

    @cached_property
    def title_case(self) -> bool:
        words = [w for w in _WORD.findall(self.body) if w.lower() not in _SMALL_WORDS]
        if len(words) < 3:
            return False
        capitalized = sum(1 for w in words if w[0].isupper())
        return capitalized >= 0.8 * len(words)


def strip_tail(
    text: str, extra_headers: Sequence[str] = (), known: KnownHeadlines | None = None
) -> tuple[str, list[str]]:
    """Return `text` without its related-headline tail, and the removed lines.

    Tails come in layers (headlines, then a newsletter promo, then more headlines), so
    headline runs and closing lines are cut alternately until neither is left. `known`
    holds the headlines of other articles (a dataset's titles), which are tail lines
    whatever their format.
    """
    lines = text.split("\n")
    header_re = compile_lines({}, tuple(extra_headers)) if extra_headers else None
    # Each round only shortens the text (`lines` stays a prefix): its lines are described
    # once, and the rounds reuse what they found.
    described = [_describe(line, header_re, known) for line in lines]
    removed: list[str] = []
    while True:
        shapes = described[: len(lines)]
        cut, rule = _cut_index(shapes)
        if cut is not None:
            tail = [line.strip() for line in lines[cut:] if line.strip()]
            _report(rule, tail)
            removed[:0] = tail
            lines = lines[:cut]
        lines, closing = strip_closing_lines(lines)
        removed[:0] = closing
        if cut is None and not closing:
            break
    labels = _widget_labels(lines, described)
    if labels:
        removed[:0] = [lines[i].strip() for i in labels]
        lines = [line for i, line in enumerate(lines) if i not in labels]
    if not removed:
        return text, []
    return squeeze_blank_lines("\n".join(lines).rstrip()), removed


def _widget_labels(lines: list[str], described: list[_Line]) -> set[int]:
    """A related widget's header left alone in the middle of the article ("Auch
    interessant", "Most read in world news", "Read More" between two paragraphs): the
    extractor kept the label and left out its list. Only where the article goes on: a
    paragraph under it and more lines after that (a header phrase over the text's last
    paragraph may be its subheading). `lines` are what the tail cut left; a header over
    a tail's lines went with them."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    labels = {
        filled[n]
        for n in range(1, len(filled) - 2)
        if described[filled[n]].header
        and is_prose(lines[filled[n - 1]])
        and is_prose(lines[filled[n + 1]])
    }
    for i in labels:
        evidence.fired("text/tail/widget_label", lines[i].strip())
    return labels


def _describe(
    line: str, extra_header_re: LineMatcher | None, known: KnownHeadlines | None
) -> _Line:
    stripped = _plain(line)
    header = bool(stripped) and (
        bool(TAIL_HEADER_RE.match(stripped))
        or bool(extra_header_re and extra_header_re.match(stripped))
    )
    return _Line(
        stripped,
        header=header and not is_article_note(stripped),
        known=stripped in known if known else False,
    )


class KnownHeadlines:
    """The headlines of a dataset's articles, to recognise them in other articles' tails.

    A related-headline tail is made of other articles' titles; in a dataset, many of those
    articles are there too. A trailing run of lines that are titles of other records is a
    tail, with no header, marker or shape to tell it by: what no phrase list or structure
    rule can see (plain headline lines after a paragraph) becomes certain. Kept as hashes
    of the headline's words (`comparable`), a few dozen bytes a title. Titles of fewer
    than three words (or eight characters in a script without spaces) are not kept: too
    likely to be an article's own short line.
    """

    def __init__(self, titles: Iterable[str] = ()) -> None:
        self._keys: set[int] = set()
        for title in titles:
            self.add(title)

    def add(self, title: str) -> None:
        key = _headline_key(title)
        if key is not None:
            self._keys.add(hash(key))

    def __contains__(self, line: object) -> bool:
        """Whether the line is a known headline, as tails write them: with a bullet or
        number before it, a date, or the site's name after a separator."""
        if not isinstance(line, str) or not self._keys:
            return False
        body = _BULLET.sub("", _NUMBER.sub("", line))
        for candidate in (body, _SUFFIX.sub("", body), DATE_RE.sub(" ", body)):
            key = _headline_key(candidate)
            if key is not None and hash(key) in self._keys:
                return True
        return False

    def __len__(self) -> int:
        return len(self._keys)


def _headline_key(title: str) -> str | None:
    key = comparable(title)
    if len(key.split()) >= _MIN_HEADLINE_WORDS or (
        len(_NO_SPACE.findall(key)) >= _MIN_NO_SPACE_HEADLINE_CHARS
    ):
        return key
    return None


def _report(rule: str, tail: list[str]) -> None:
    """Tell the rule-usage report which rule cut `tail` ("text/tail/numbered", or the
    header rule with the phrase that named the header)."""
    if not evidence.collecting_enabled():
        return
    if rule == "header":
        names = matching_phrases("tail_header", tail[0]) or ["extra"]
        rule = "header/" + "+".join(names)
    for line in tail:
        evidence.fired(f"text/tail/{rule}", line)


def _cut_index(lines: list[_Line]) -> tuple[int | None, str]:
    """Index of the first line of the tail (None when there is no evidence of one), and
    the name of the rule that found it."""
    content = [i for i, line in enumerate(lines) if not line.blank]
    if not content:
        return None, ""
    cut = _paywall_tail(lines, content)
    if cut is not None:
        return cut, "paywall"
    cut = _headed_tail(lines, content)
    if cut is not None:
        return cut, "header"
    cut = _excerpts_tail(lines, content)
    if cut is not None:
        return cut, "excerpts"
    return _structured_tail(lines, content)


def _paywall_tail(lines: list[_Line], content: list[int]) -> int | None:
    """A paywall notice among the last lines with only short lines after it (the offer:
    "- Read every article", "- Our newsletters"): the article's text ended above it."""
    last = content[-_MAX_AFTER_PAYWALL_NOTICE - 1 :]
    for n, i in enumerate(last):
        if PAYWALL_NOTICE_RE.match(lines[i].text) and not any(
            lines[j].at_least(_MIN_PARAGRAPH_WORDS * 2, _MIN_NO_SPACE_PARAGRAPH_CHARS * 2)
            for j in last[n + 1 :]
        ):
            return i
    return None


def split_paywall_tail(text: str) -> tuple[str, str]:
    """`text` above a paywall notice among its last lines, and the notice with the offer
    under it ("" when there is none). The chrome cleaners run on the first part only:
    they would take the notice ("Subscribe to continue reading") for a promo line and
    leave its offer ("Cancel anytime") without the notice `strip_tail` cuts it by."""
    lines = text.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    last = content[-_MAX_AFTER_PAYWALL_NOTICE - 1 :]
    if not any(PAYWALL_NOTICE_RE.match(_plain(lines[i])) for i in last):
        return text, ""  # cheaply: no notice at the end (most texts)
    cut = _paywall_tail([_Line(_plain(line)) for line in lines], content)
    if cut is None:
        return text, ""
    return "\n".join(lines[:cut]), "\n".join(lines[cut:])


def _plain(line: str) -> str:
    """`line` as the rules read it: no invisible characters, whitespace collapsed."""
    return " ".join(_INVISIBLE.sub("", line).split())


def _headed_tail(lines: list[_Line], content: list[int]) -> int | None:
    """The first header after which nothing but a headline list follows. On the text's first
    line, a header phrase over a line that ends with a full stop is a subheading or kicker
    over a short article (a CJK news brief is headline-sized), not a tail."""
    for n, i in enumerate(content):
        if not lines[i].header or len(content) - n - 1 > _MAX_LIST_LINES:
            continue
        after = [lines[j] for j in content[n + 1 :]]
        if not _is_headline_list(after) or (n == 0 and any(line.end == "." for line in after)):
            continue
        return i
    return None


def _excerpts_tail(lines: list[_Line], content: list[int]) -> int | None:
    """A header, below the article's first line, over nothing but other posts' excerpts to
    the end: teaser cards that show a post's opening sentences ("You may also like",
    "Related Stories", "Você pode gostar..."), some cut short where the widget's word
    limit fell ("... a plan for …"). One cut short could be a sentence trailing off; two,
    and more than a third of the lines, are a widget's, as the header said. Longer than a
    headline, so `_headed_tail` does not take them. The last such header: the article's
    paragraphs are excerpt-sized too, under a header phrase of its own above the widget
    (a "Leggi anche" line kept in the text); a widget of two blocks goes in two cuts."""
    items = cut_short = 0  # under the header being looked at, to the end
    for n in range(len(content) - 1, 0, -1):
        line = lines[content[n]]
        if line.header:
            if cut_short >= _MIN_CUT_EXCERPTS and cut_short * _EXCERPTS_PER_CUT > items:
                return content[n]
        elif not _excerpt_sized(line):
            return None  # no header above has only excerpts under it
        elif len(line.text) > _MAX_FURNITURE_CHARS or not (
            line.date_only or line.rank or line.separator
        ):
            items += 1
            if items > _MAX_EXCERPTS:
                return None  # the article's paragraphs, not a widget's few posts
            # Cut short by a widget: the ellipsis ends the line (a quote trailing off
            # ends in its closing mark).
            cut_short += bool(_CUT_SHORT.search(line.text))
    return None


def _excerpt_sized(line: _Line) -> bool:
    return not line.at_least(_MAX_EXCERPT_WORDS + 1, _MAX_NO_SPACE_EXCERPT_CHARS + 1)


def _is_headline_list(after: list[_Line]) -> bool:
    """Lines that can follow a tail header: headlines (some with a full stop), and the
    one-sentence summaries under them (teaser cards); a widget's furniture between them
    (dates, a rank alone on its line, a kicker right above a headline) is passed over.

    Sentences that run on to the end are the article going on after a box of teasers
    ("DON'T MISS" between two paragraphs): two lines with a full stop in a row must have a
    headline after them (a summary, then a headline that ends with a stop), and three
    never come in a row. Short sentences alone under a header-like subheading ("UP NEXT"
    over "Thunder: Host the Lakers on Friday.") are the article's. Nothing at all also
    counts: a header alone at the end lost its list to the extractor.
    """
    shapes = ""  # one letter per line: H headline, S a line with a full stop, | separator
    blocks: list[list[_Line]] = [[]]
    for n, line in enumerate(after):
        if line.separator:
            shapes += "|"
            blocks.append([])
        elif line.header or line.date_only or line.rank:
            continue
        elif line.kicker and n + 1 < len(after) and after[n + 1].headline:
            continue  # a kicker over its headline
        elif line.headline:
            shapes += "H"
            blocks[-1].append(line)
        elif _is_stop_line(line, shapes[-1:]):
            shapes += "S"
            blocks[-1].append(line)
        else:
            return False
    # A separator line parts blocks ("UP NEXT", two sentences, "___", more): each must
    # read as a headline list by itself.
    return all(
        _headline_block(block) or _stories(lines)
        for block, lines in zip(shapes.split("|"), blocks, strict=True)
        if block
    )


def _stories(lines: list[_Line]) -> bool:
    """Short lines under a header, with or without a full stop, that are several stories:
    none a teaser's summary or a paragraph (a headline's few words, one sentence), no two
    sharing a word, and each naming someone or something where a script has capitals.
    Short sentences of the article under a header-like subheading are one story told on
    ("Rovers: Host the Harriers on Friday." "Harriers: Visit the Rovers on Friday.")."""
    if len(lines) < 2:
        return False
    for line in lines:
        if not _is_headline_with_stop(line) or _two_sentences(line):
            return False
        if _cased(line) and not _names_something(line):
            return False
    return _unrelated(lines)


def _headline_block(shapes: str) -> bool:
    if "H" not in shapes:
        return len(shapes) <= 1
    return "SSS" not in shapes and not shapes.endswith("SS")


def _is_stop_line(line: _Line, previous: str) -> bool:
    """A card's summary under its headline, or a short headline with a full stop."""
    if previous == "H" and _is_summary(line):
        return True
    return line.end == "." and _is_headline_with_stop(line)


def _is_headline_with_stop(line: _Line) -> bool:
    """A headline ending with a full stop: short, which a paragraph's sentence rarely is."""
    if not line.sized or line.bracketed:
        return False
    if line.no_space:
        return len(line.text) <= _MAX_NO_SPACE_STOP_HEADLINE_CHARS
    return line.words <= _MAX_STOP_HEADLINE_WORDS


def _is_summary(line: _Line) -> bool:
    return (
        len(line.text.split()) <= _MAX_SUMMARY_WORDS
        and line.end in (".", "?", "")
        and not is_article_note(line.text)
        and not _URL.search(line.text)
    )


def _structured_tail(lines: list[_Line], content: list[int]) -> tuple[int | None, str]:
    """Start of a trailing run of headlines that share a structure, when it has evidence,
    and the kind of evidence."""
    run = _trailing_run(lines, content)
    items = [i for i in run if not lines[i].separator]
    if not items:
        return None, ""
    # A separator line, and two headlines or more after it (the seed's format): a line
    # an article never writes, whatever precedes it.
    for position, i in enumerate(run):
        if (
            lines[i].separator
            and sum(1 for j in run[position + 1 :] if not lines[j].separator) >= 2
        ):
            return i, "separator"
    for found in _evidence(lines, items):
        start = found.start
        if found.takes_label or (
            found.kind in ("numbered", "dated") and _several_stories(lines, items, found.start)
        ):
            start = _with_label(lines, content, start)
        if _after_sentence(lines, content, start, strong=found.strong) and not _subheaded_schedule(
            lines, content, found.start
        ):
            return start, found.kind
    return None, ""


def _several_stories(
    lines: list[_Line], items: list[int], start: int, *, numbered: bool = False
) -> bool:
    """The run's lines from `start`, numbers, bullets and dates aside, are headlines of
    several stories (`_unrelated`), each naming someone or something: not the article's
    own numbered or dated list, so the label above them is their header. Numbered lines
    are headlines unless they share a sign, key or closing figure (a table's rows): a
    "Most read" list may repeat a word or name nobody ("Ferry timetable changes")."""
    shown = [
        _Line(DATE_RE.sub(" ", lines[i].body).strip(_STORY_TRIM))
        for i in items
        if i >= start and not lines[i].date_only
    ]
    return (
        len(shown) >= 2
        and all(
            line.body and (numbered or _names_something(line) or not _cased(line)) for line in shown
        )
        and _unrelated(shown, shared_words=not numbered)
    )


def _with_label(lines: list[_Line], content: list[int], start: int) -> int:
    """`start`, or the short label right above it, which goes with the run: a header in a
    language without a phrase list ("Fler nyheter") over headlines that carry the site's
    name, or over numbered or dated headlines of several stories. (Over the article's own
    numbered or dated list a label is its subheading.)"""
    position = content.index(start)
    if position == 0:
        return start
    label = lines[content[position - 1]]
    # "Main image credit: Getty", "Tags: rail": a key and its value is no header.
    keyed = any(c in COLONS for c in label.text.rstrip(COLONS + " "))
    if (
        label.label_sized(_MAX_LABEL_WORDS)
        and label.sized
        and label.end in ("", ":")
        and not keyed
        and not _structured(label)
    ):
        return content[position - 1]
    return start


def _trailing_run(lines: list[_Line], content: list[int]) -> list[int]:
    """The content lines after the last line that cannot belong to a headline list."""
    start = len(content)
    while start > 0:
        line = lines[content[start - 1]]
        if not (line.headline or line.separator or line.date_only or _structured(line)):
            break
        start -= 1
    return content[start:]


def _structured(line: _Line) -> bool:
    """A headline-sized line with a list item's marker: a trailing separator, a number, a
    date or a site name. (A numbered or dated line with a full stop is a sentence.) The
    markers vouch for a long headline too, a bulleted or numbered one: up to
    `_MAX_LISTED_HEADLINE_WORDS` words (within the headline's characters), as some sites
    write them ("'This new search box does not mean ...': Google's Search makeover
    incorporates yet more AI, but ...")."""
    if not line.listed_size or line.header or line.table_row:
        return False
    if line.marked or line.known:
        return True
    return line.end in ("", "?") and (
        line.number is not None or line.suffix is not None or line.dated
    )


class _Evidence(NamedTuple):
    #: First line of the run the evidence covers.
    start: int
    #: Its kind, for the rule-usage report: "numbered", "suffix", ...
    kind: str
    #: Evidence no article line has: a short label above goes with the run.
    takes_label: bool = False
    #: Evidence no article list has: the run may follow a list item of the article.
    strong: bool = False


def _evidence(lines: list[_Line], items: list[int]) -> list[_Evidence]:
    """Each kind of evidence the run's last lines carry, earliest start first."""
    found = []
    known = _known_run(lines, items)
    if known is not None:
        found.append(_Evidence(known, "known", takes_label=True, strong=True))
    marked = [i for i in items if lines[i].marked]
    if len(marked) >= _MIN_MARKED:
        found.append(_Evidence(marked[0], "marked", takes_label=True, strong=True))
    suffixed = _shared_suffix(lines, items)
    if suffixed is not None:
        found.append(_Evidence(suffixed, "suffix", takes_label=True, strong=True))
    numbered = _numbered(lines, items)
    # A numbered table (standings, results: each row ends in its figures) is the
    # article's; numbered headlines are a "Most read" list.
    if numbered is not None and _several_stories(lines, items, numbered, numbered=True):
        found.append(_Evidence(numbered, "numbered", strong=True))
    dated = _dated(lines, items)
    if dated is not None:
        found.append(_Evidence(dated, "dated", strong=True))
    title_case = _title_case_run(lines, items)
    if title_case is not None:
        found.append(_Evidence(title_case, "title_case"))
    unrelated = _unrelated_run(lines, items)
    if unrelated is not None:
        found.append(_Evidence(unrelated, "unrelated"))
    return sorted(found, key=lambda f: f.start)


def _known_run(lines: list[_Line], items: list[int]) -> int | None:
    """First of the trailing lines that are other articles' headlines (all of them)."""
    first = None
    for i in reversed(items):
        if lines[i].known:
            first = i
        elif not lines[i].date_only:
            break
    return first


def _shared_suffix(lines: list[_Line], items: list[int]) -> int | None:
    """First of the trailing lines that end in the same " | Site" part (two or more)."""
    last = lines[items[-1]].suffix
    if last is None:
        return None
    first = None
    for i in reversed(items):
        if lines[i].suffix == last:
            first = i
        elif not lines[i].date_only:
            break
    count = sum(1 for i in items if first is not None and i >= first and lines[i].suffix == last)
    return first if count >= 2 else None


def _numbered(lines: list[_Line], items: list[int]) -> int | None:
    """First of the trailing lines numbered 1, 2, 3, ... in order, most of them a
    headline's words: a ranking of names ("1. Manchester City", "2. Arsenal") is the
    article's."""
    numbered = [i for i in items if lines[i].number is not None]
    if len(numbered) < _MIN_NUMBERED or numbered != items[-len(numbered) :]:
        return None
    numbers = [lines[i].number for i in numbered]
    if numbers[0] != 1 or numbers != list(range(1, len(numbers) + 1)):
        return None
    worded = sum(
        1
        for i in numbered
        if _Line(lines[i].body).at_least(_MIN_HEADLINE_WORDS, _MIN_NO_SPACE_HEADLINE_CHARS)
    )
    return numbered[0] if worded * 3 >= len(numbered) * 2 else None


def _dated(lines: list[_Line], items: list[int]) -> int | None:
    """First of the trailing headlines that each carry a date (in the line or under it)."""
    first = None
    count = 0
    position = len(items) - 1
    while position >= 0:
        line = lines[items[position]]
        if line.dated:
            first, count = items[position], count + 1
        elif line.date_only and position > 0 and lines[items[position - 1]].headline:
            position -= 1
            first, count = items[position], count + 1
        else:
            break
        position -= 1
    return first if count >= _MIN_DATED else None


def _title_case_run(lines: list[_Line], items: list[int]) -> int | None:
    """Start of the trailing stretch of Title Case headlines, if it is long enough and
    they are several stories (`_unrelated`): verses, nominees ("... for Oppenheimer",
    "... for Maestro") and an article's list share a word or a first word.

    A bulleted item must be a headline's length: a list of names ("Blue Origin, Kent,
    Washington") is Title Case too. A line that starts with a date is a calendar's.
    """
    first = None
    for i in reversed(items):
        line = lines[i]
        if (
            line.headline
            and line.title_case
            and not _LEADING_DATE.match(line.body)
            and (not line.bullet or len(line.body.split()) >= _MIN_BULLETED_TITLE_WORDS)
        ):
            first = i
        else:
            break
    if first is None or sum(1 for i in items if i >= first) < _MIN_TITLE_CASE_RUN:
        return None
    shown = [_Line(lines[i].without_suffix) for i in items if i >= first]
    return first if _unrelated(shown) else None


def _unrelated_run(lines: list[_Line], items: list[int]) -> int | None:
    """Start of the trailing stretch of plain headlines that name things and have nothing
    in common, if it is long enough.

    A list of the article's own is one list: its items share words ("Group A: ...",
    "Group B: ..."), a first word ("Your email list ...", "Your revenues ...") or a word
    that builds them all alike ("Light by the Harbour Group", "Cloud by the Mill Studio"),
    or they are plain phrases ("A loan from the national fund"). A related-headline tail
    is several stories: each names someone or something (a capitalised word after its
    first, or a number) and they share no word (`_unrelated`). Only in scripts with
    capital letters (where a name shows), and every line starts like a headline, with a
    capital or a digit; a list's bullets are all the same.
    """
    run: list[int] = []
    for i in reversed(items):
        line = lines[i]
        if not _plain_headline(line):
            break
        run.insert(0, i)
    if len(run) < _MIN_UNRELATED_RUN:
        return None
    # Each headline's own source ("... | Daily Courier", "... | Evening Courier") is no
    # word the stories share.
    shown = [_Line(lines[i].without_suffix) for i in run]
    if len({line.text[:1] if line.bullet else "" for line in shown}) > 1:
        return None  # two kinds of bullet: not one rendered list
    named = sum(1 for line in shown if _names_something(line) or not _cased(line))
    capital = sum(1 for line in shown if _starts_like_a_headline(line))
    if named * 3 < len(shown) * 2 or capital * 3 < len(shown) * 2:
        return None
    return run[0] if _unrelated(shown, topic=_names_above(lines, run[0])) else None


def _names_above(lines: list[_Line], start: int) -> frozenset[str]:
    """The names the text above line `start` writes capitalised inside its sentences
    (casefolded, of `_MIN_SHARED_CHARS` letters or more): the article's subject ("Europa",
    "Epstein"), which the headlines of other stories on it share too. None where capitals
    mark more than names (German capitalises every noun: a third of the words inside its
    sentences, against an eighth in English, measured on the dev bodies)."""
    names = set()
    words = capitalised = 0
    for line in lines[:start]:
        for position, word in enumerate(_WORD.findall(line.body)):
            if not position:
                continue
            words += 1
            if word[0].isupper():
                capitalised += 1
                if len(word) >= _MIN_SHARED_CHARS:
                    names.add(word.casefold())
    if capitalised > _MAX_NAME_SHARE * words:
        return frozenset()
    return frozenset(names)


def _plain_headline(line: _Line) -> bool:
    """A headline of a few words that starts with a capital or a digit (where a script
    has capitals); in a script without spaces, one without a full stop."""
    if not line.headline:
        return False
    if line.no_space:
        return not _LINK.search(line.body)
    words = _WORD.findall(line.body)
    if len(words) < _MIN_UNRELATED_WORDS:
        return False
    if _LINK.search(line.body):
        return False  # "... pic.twitter.com/x1y2": an embedded post
    # Two sentences: a headline may ("Spaceports are scarce. Oman wants to help"), if short
    # and not asking after a statement ("Decide what to sell. Will it be a product?"); a
    # longer line is prose.
    return not _two_sentences(line) or (line.end != "?" and len(words) <= _MAX_STOP_HEADLINE_WORDS)


def _starts_like_a_headline(line: _Line) -> bool:
    """Starts with a capital or a digit (or is in a script without capitals)."""
    if not _cased(line):
        return True
    start = line.body.lstrip(_OPENERS)[:1]
    words = _WORD.findall(line.body)
    return start.isdigit() or (start.isupper() and bool(words) and words[0][0].isupper())


def _two_sentences(line: _Line) -> bool:
    """A sentence ends inside the line (a quote aside), and another starts."""
    unquoted = _QUOTED.sub(" ", line.body)
    return any(m[0][-1].isupper() for m in _SENTENCE_INSIDE.finditer(unquoted))


def _cased(line: _Line) -> bool:
    """Written in a script with capital letters (Latin, Cyrillic, Greek...)."""
    return any(c.isupper() or c.islower() for c in line.body)


def _names_something(line: _Line) -> bool:
    """A capitalised word after the first, or a number: who or what the story is about."""
    words = _WORD.findall(line.body)
    return any(w[0].isupper() for w in words[1:]) or bool(_DIGIT.search(line.body))


def _unrelated(
    shown: list[_Line], *, shared_words: bool = True, topic: frozenset[str] = frozenset()
) -> bool:
    """No two lines share a word of some length (two letters in a row, in a script
    without spaces) or their first word, and no word at all (however short), sign (a
    price's "$", a "§", a "："), key ("Elmsford: ...") or closing figure ("... 330") is
    in every line. `shared_words=False` checks only signs, keys and figures.

    Real related lists, measured without their header (`benchmarks/related_lists.py`),
    are looser: a long one has a pair of headlines sharing a common word ("after",
    "their") now and then, and other stories on the article's subject name it. So beyond
    three lines one line in `_LINES_PER_REPEAT` may share a word or first word with
    another, though no word may be in more than `_MAX_LINES_SHARING` lines; and a `topic`
    word (a name the article writes) may be shared by some lines, not all."""
    seen: Counter[str] = Counter()
    firsts: Counter[str] = Counter()
    repeats = 0
    allowed = max(0, len(shown) - _MIN_UNRELATED_RUN) // _LINES_PER_REPEAT
    common: set[str] | None = None
    for line in shown:
        words = [w.casefold() for w in _WORD.findall(line.body)]
        if line.no_space:
            letters = _NO_SPACE_LETTERS.findall(line.body)
            # Two kana in a row are grammar ("から", "した"), as a short word is.
            long = {a + b for a, b in pairwise(letters) if not _KANA.fullmatch(a + b)}
            first = "".join(letters[:2])
        else:
            long = {w for w in words if len(w) >= _MIN_SHARED_CHARS} - topic - _GRAMMAR_WORDS
            first = words[0] if words else ""
        if shared_words and (any(seen[w] for w in long) or firsts[first]):
            repeats += 1
            if (
                repeats > allowed
                or any(seen[w] >= _MAX_LINES_SHARING for w in long)
                or firsts[first] >= _MAX_LINES_SHARING
            ):
                return False
        seen.update(long)
        firsts[first] += 1
        marks = set(_MARKS.findall(line.body))
        if shared_words:
            marks |= set(words)
        if _KEY.match(line.body):
            marks.add(":")  # "Elmsford: Northbank Steel Works", a key and its value
        if line.body[-1:].isdigit():
            marks.add("#")  # "Kyle Busch 330": a table's rows end in their figures
        common = marks if common is None else common & marks
    # Two lines share a short word ("in", "the") as often as not: only three or more tell.
    return not common or len(shown) < _MIN_UNRELATED_RUN


def _after_sentence(
    lines: list[_Line],
    content: list[int],
    first: int,
    *,
    strong: bool = False,
) -> bool:
    """True when a full sentence, not announcing a list, precedes line `first`; with
    `strong` (the run's evidence), also a list item of substance.

    Under a subheading, after a list item, or after "as follows:", short lines are the
    article's own list.
    """
    position = content.index(first)
    if position == 0:
        return False
    previous = lines[content[position - 1]]
    if is_closing_line(previous.text):
        return True  # after the copyright line, nothing is the article's
    if previous.attribution:
        return True  # the embedded post is over
    if previous.end == ":":
        return False
    if previous.end == "?":
        # A question closing the article ("Will the council listen?"), not a headline.
        return previous.at_least(_MIN_QUESTION_WORDS, _MIN_NO_SPACE_QUESTION_CHARS)
    if previous.sentence:
        return True
    # Evidence no article line has (numbers from 1, dates, the site's name) may follow the
    # article's own last list item, when that is a line of substance and built otherwise.
    return (
        strong
        and previous.at_least(_MIN_ITEM_WORDS, _MIN_NO_SPACE_ITEM_CHARS)
        and not previous.header
        and not _structured(previous)
    )


def _subheaded_schedule(lines: list[_Line], content: list[int], start: int) -> bool:
    """Lines that all start with a date, under a title of their own ("Tour Dates"), are
    the article's schedule: the title is the line above them, and it has no date. So are
    lines that start with times of day, later down the list ("1:00 Opening", "2:00 Guided
    walk"): a day's programme; a ticker of the latest news lists its times the other way."""
    items = [i for i in content if i >= start and not lines[i].separator]
    times = [_LEADING_TIME.match(lines[i].body) for i in items]
    if len(items) >= 2 and all(times):
        minutes = [int(t["h"]) * 60 + int(t["m"]) for t in times if t]
        return all(a < b for a, b in pairwise(minutes))
    if not items or not all(_LEADING_DATE.match(lines[i].body) for i in items[1:]):
        return False
    return len(items) > 2 and not _LEADING_DATE.match(lines[items[0]].body)
