"""Remove site chrome that survives extraction as whole lines of text.

Lines are matched whole (a sentence that merely mentions a newsletter is never touched):

- chrome lines, anywhere: the article's toolbar ("Share", "Copy link", "Listen to this
  article"), "Advertisement", cookie notices, the consent prompts of embedded posts,
  timestamp lines ("Updated at 1:23 p.m."), photo credits, comment counters, the page's
  navigation ("Back to top", a breadcrumb trail from the home page, a table of contents'
  title with the entries the article repeats below as its subheadings), a promo's short
  call ("Sign up for our newsletter", "Download our app", "Follow us on Twitter"), and
  teaser lines ("Read more: <headline>");
  and photo captions, by the credit that ends them ("... in Madrid. (Manu Fernandez/AP)");
- closing lines, only in the trailing block after the last paragraph of prose: copyright,
  contributor credits ("Reporting by ...; Editing by ..."), tag lists, newsletter
  sign-ups, "Follow him on Twitter", lines giving an e-mail address, the publisher's
  appeal for money or membership (a paragraph: "If you enjoyed this article, ..."). One
  that ends the page (a copyright notice, credits, a contact line, tags; not a newsletter,
  "follow us" or appeal promo, which pages also put between paragraphs) takes the few
  short lines under it along: the rest of its box. The same lines before the article's
  first paragraph are promos too, and go, with date and byline lines ("14/03/2024 -
  Posted by ...").

Editor's notes and corrections (`markers.ARTICLE_NOTE_LINES`) belong to the article: they
are never removed and nothing above them is treated as closing.

The headline itself goes too when the extractor repeated it at the top of the body;
`strip_page_header` goes further when the page's structured data names the headline: it
drops it, with the short lines above it (section label, byline), from the top of the text,
and a repeated headline block from its end.
"""

from __future__ import annotations

import re

from newscrawl.cleaning import evidence
from newscrawl.cleaning.comments import comment_thread_start
from newscrawl.cleaning.markers import (
    ANYWHERE_LINE_RE,
    ARTICLE_NOTE_LINE_RE,
    CAPTION_CREDIT_AFTER_RE,
    CAPTION_CREDIT_RE,
    CAPTION_WORDS_RE,
    CJK_DATE_RE,
    CLOSING_KIND_RES,
    CLOSING_LINE_RE,
    COPYRIGHT_NOTICE_RE,
    DATE_RE,
    PAGE_CLOSING_LINE_RE,
    PROMO_CALL_RE,
    SMALL_PRINT_LINE_RE,
    TABLE_OF_CONTENTS_RE,
    TEASER_LINE_RE,
    TIMESTAMP_LABEL_RE,
    matching_phrases,
)
from newscrawl.core.text import STATEMENT_STOPS, comparable, ends_like_a_sentence, word_count

_MAX_CHROME_WORDS = 40
# The small print of a form or a consent prompt: a few sentences.
_MAX_SMALL_PRINT_WORDS = 80
# A timestamp line: its label, a date or time, and a few words ("at", "Monday", "Uhr", "EST").
_MAX_TIMESTAMP_WORDS = 14
_MAX_TIMESTAMP_EXTRA_WORDS = 4
# A clock time as Nordic pages write it: "kl. 15.59".
_DOTTED_TIME = re.compile(r"\b\d{1,2}\.\d{2}\b")
# A caption describes a picture in a sentence or two.
_MAX_CAPTION_WORDS = 80
# First letters of the caption words that open a line ("Pictured", "Im Bild").
_CAPTION_OPENERS = "PpIi"
# Closing lines run longer: reprint notices and promos are small paragraphs.
_MAX_CLOSING_WORDS = 80
# A publisher's appeal for money or membership is a paragraph (the longest of the dev
# sets' appeals is 120 words).
_MAX_APPEAL_WORDS = 200
# Under a page-closing line (copyright notice, credits, contact): at most this many lines,
# this many characters (a promo box's pitch, footer links), and the text above outweighs them.
_MAX_UNDER_CLOSING_LINES = 4
_MAX_UNDER_CLOSING_CHARS = 400
_MIN_ABOVE_CLOSING_BLOCK = 2
# A page-closing line with a block under it is a box's line, not a paragraph.
_MAX_PAGE_CLOSING_CHARS = 300
# A teaser line's headline: short and without the full stop of a sentence.
_MAX_TEASER_HEADLINE_WORDS = 20
# A date/byline line above the article is short; list items keep their dates.
_MAX_DATELINE_WORDS = 20
_LIST_MARKERS = ("-", "•", "*", "–", "—", "·")
# The top of the text where a repeated headline can sit, and how long a line
# above it may be (section labels, bylines, dates: never a paragraph of the article).
_LEADING_LINES = 6
_MAX_LEADING_WORDS = 12
# At the end: a repeated headline followed by at most this many short lines (site, date).
_TRAILING_LINES = 4


def remove_boilerplate(text: str, title: str | None = None) -> tuple[str, list[str]]:
    """Return `text` without chrome lines (and a repeated title), and the removed lines.

    A comment thread the markup did not mark goes first (`comments`): its header ("12
    comments") is a chrome line too, and the thread is found by it."""
    lines = text.split("\n")
    removed: list[str] = []
    thread = comment_thread_start(lines)
    if thread is not None:
        removed = [line.strip() for line in lines[thread:] if line.strip()]
        for line in removed:
            evidence.fired("text/comments", line)
        lines = lines[:thread]
    kept: list[str] = []
    entries: set[int] = set()
    for index, line in enumerate(lines):
        if index in entries:
            removed.append(line.strip())
            evidence.fired("text/table_of_contents", line.strip())
        elif is_chrome_line(line):
            removed.append(line.strip())
            # a promo's call is a closing kind's line, wherever it sits
            _report("closing_line" if PROMO_CALL_RE.match(line.strip()) else "chrome_line", line)
            if TABLE_OF_CONTENTS_RE.match(line.strip()):
                entries.update(_table_of_contents_entries(lines, index + 1))
        elif is_caption(line):
            removed.append(line.strip())
            evidence.fired("text/caption", line.strip())
        else:
            kept.append(line)
    kept, opening = _strip_opening_lines(kept)
    removed.extend(opening)
    kept, closing = strip_closing_lines(kept)
    removed.extend(closing)
    if title:
        kept, title_lines = _strip_title(kept, title)
        removed[:0] = title_lines
    return "\n".join(kept).strip("\n"), removed


# A table of contents' entry may be numbered ("1.", "2.3") or bulleted.
_ENTRY_MARK = re.compile(r"^\s*(?:[-–—•·*▪►]|\d+(?:\.\d+)*\.?)\s+")
# Fewer entries than this under a title is no table of contents; an entry is a subheading.
_MIN_TOC_ENTRIES = 2
_MAX_TOC_ENTRY_WORDS = 20


def _table_of_contents_entries(lines: list[str], start: int) -> list[int]:
    """The lines from `start` under a table of contents' title that the text repeats
    further down as lines of their own (bullets and numbers aside): the article's
    subheadings, which the table lists. The first line not repeated below itself ends
    it; fewer than two such lines are no table (a title alone goes as chrome, what
    follows stays)."""
    run: list[int] = []
    last: dict[str, int] | None = None
    for index in range(start, len(lines)):
        line = lines[index].strip()
        if not line or TABLE_OF_CONTENTS_RE.match(line):  # blank, or its "Toggle"
            continue
        if len(line.split()) > _MAX_TOC_ENTRY_WORDS:
            break
        if last is None:  # where each short line of the rest last appears, numbers aside
            last = {
                comparable(_ENTRY_MARK.sub("", text)): at
                for at, text in enumerate(lines[index:], index)
                if len(text.split()) <= _MAX_TOC_ENTRY_WORDS
            }
        if last.get(comparable(_ENTRY_MARK.sub("", line)), index) <= index:
            break
        run.append(index)
    return run if len(run) >= _MIN_TOC_ENTRIES else []


def is_chrome_line(line: str) -> bool:
    """A whole line of page chrome, wherever it sits."""
    stripped = line.strip()
    words = len(stripped.split())
    if not stripped or words > _MAX_SMALL_PRINT_WORDS:
        return False
    if ARTICLE_NOTE_LINE_RE.match(stripped):
        return False
    if words > _MAX_CHROME_WORDS:
        return bool(SMALL_PRINT_LINE_RE.match(stripped))
    return (
        bool(ANYWHERE_LINE_RE.match(stripped))
        or _is_teaser_line(stripped)
        or _is_timestamp(stripped)
    )


def _is_timestamp(line: str) -> bool:
    """A label and a date or time, and nothing else: "Updated at 1:23 p.m.", "- Published 18
    November 2019", "Veröffentlicht am 13. Mai 2026 um 15:44" (a weekday, "um", "Uhr", a
    time zone may go with them)."""
    label = TIMESTAMP_LABEL_RE.match(line)
    if label is None or len(line.split()) > _MAX_TIMESTAMP_WORDS:
        return False
    rest = line[label.end() :]
    if not (DATE_RE.search(rest) or _DOTTED_TIME.search(rest)):
        return False
    rest = _DOTTED_TIME.sub(" ", DATE_RE.sub(" ", rest))
    return word_count(rest) <= _MAX_TIMESTAMP_EXTRA_WORDS


def is_caption(line: str) -> bool:
    """A photo caption, by the credit that ends it ("... in Madrid. (Manu Fernandez/AP)",
    "... in Las Vegas. Photo: John Locher, AP") or by what only a caption says ("Pictured
    right, is ...", "(von li nach re)"): the extractor took it from a figure the markup
    did not mark as one."""
    stripped = line.strip()
    # Cheap tests first: every caption sign is in brackets, after a colon, or opens the line.
    if "(" not in stripped and ":" not in stripped and stripped[:1] not in _CAPTION_OPENERS:
        return False
    if len(stripped.split()) > _MAX_CAPTION_WORDS:
        return False
    if stripped.endswith(")") and CAPTION_CREDIT_RE.search(stripped) is not None:
        return True
    if CAPTION_CREDIT_AFTER_RE.search(stripped) is not None:
        return True
    return CAPTION_WORDS_RE.search(stripped) is not None


#: Header words that also start an article's own lines ("Latest: ...", "More: ...",
#: "Recomendado: ..."): as teaser headers only in capitals.
_PLAIN_WORD_HEADERS = frozenset(
    {
        *("more", "latest", "beliebt", "populer", "terbaru", "tendenze", "schlagzeilen"),
        *("rekomendasi", "recomendado", "recomendada", "uitgelicht", "anbefalt", "anbefalet"),
        *("рекомендуем", "gerelateerd", "em alta", "en continu"),
    }
)


def _is_teaser_line(line: str) -> bool:
    match = TEASER_LINE_RE.match(line)
    if match is None:
        return False
    header = match["header"].strip()
    if header.lower() in _PLAIN_WORD_HEADERS and not header.isupper():
        # "More: evening buses run late" may be the article's own line; "MORE: Headline"
        # is the wire style of a teaser.
        return False
    headline = match["headline"]
    # A headline may ask or exclaim; a full stop makes the rest a sentence of the article.
    return len(headline.split()) <= _MAX_TEASER_HEADLINE_WORDS and not ends_like_a_sentence(
        headline, STATEMENT_STOPS
    )


def _report(kind: str, line: str, where: str = "") -> None:
    """Tell the rule-usage report which phrase (or teaser shape) removed `line`."""
    if not evidence.collecting_enabled():
        return
    stripped = line.strip()
    tables = ("closing_line", "chrome_line") if kind == "closing_line" else ("chrome_line",)
    names = [n for table in tables for n in matching_phrases(table, stripped)]
    if not names and _is_teaser_line(stripped):
        names = ["teaser_line"]
    elif not names and _is_separator(stripped):
        names = ["separator"]
    elif not names and _is_timestamp(stripped):
        names = ["timestamp"]
    prefix = f"text/{where}/" if where else "text/"
    for name in names or ["unnamed"]:
        evidence.fired(prefix + name, stripped)


def is_article_note(line: str) -> bool:
    """A note that belongs to the article ("Editor's note: ...", "Correction: ...")."""
    return bool(ARTICLE_NOTE_LINE_RE.match(line.strip()))


def strip_closing_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop closing lines from the end of the text, and a page-closing line with the few
    short lines under it (`_closing_block_start`)."""
    removed: list[str] = []
    end = len(lines)
    while end > 0:
        stripped = lines[end - 1].strip()
        closing = _is_closing(stripped) or _is_separator(stripped)
        if stripped and (is_article_note(stripped) or not closing):
            start = _closing_block_start(lines[:end])
            if start is None:
                break
            block = [line.strip() for line in lines[start:end] if line.strip()]
            _report("closing_line", block[0])
            for line in block[1:]:
                evidence.fired("text/under_closing_line", line)
            removed[:0] = block
            end = start
            continue
        if stripped:
            removed.insert(0, stripped)
            _report("closing_line", stripped)
        end -= 1
    while end < len(lines) and not lines[end].strip():  # blank lines stay as they were
        end += 1
    return lines[:end], removed


def _closing_block_start(lines: list[str]) -> int | None:
    """Index of a line that closes the page, not just the article, followed only by a few
    short lines; None when there is none.

    A copyright notice, contributor credits, a contact line, a tag list: the page's box
    that holds one often holds a line or two more (a standards line, "For more stories
    like this ...", a partner brand's blurb, footer links), which no phrase names. Nothing
    under such a line is the article's, unless it is an editor's note or more than a box
    holds. The text above it must outweigh the block (a byline's e-mail address over a
    short article is no end), and hold no line of its kind (`_kind_repeats`). Not a
    newsletter or "follow us" promo: pages put those between paragraphs too, above the
    article's last short paragraph. A bare "© Agency" is a photo credit, which may sit
    between paragraphs: a copyright line ends the page only as a notice (a year, "All
    rights reserved").
    """
    under_lines = under_chars = 0  # the lines below the candidate, and their characters
    for index in range(len(lines) - 1, 0, -1):
        stripped = lines[index].strip()
        if not stripped:
            continue
        if is_article_note(stripped):
            return None
        if under_lines and _closes_page(stripped):
            above = sum(len(line.strip()) for line in lines[:index])
            if above < _MIN_ABOVE_CLOSING_BLOCK * (under_chars + len(stripped)):
                return None
            return None if _kind_repeats(stripped, lines[:index]) else index
        under_lines += 1
        under_chars += len(stripped)
        if under_lines > _MAX_UNDER_CLOSING_LINES or under_chars > _MAX_UNDER_CLOSING_CHARS:
            return None
    return None


def _kind_repeats(line: str, above: list[str]) -> bool:
    """A line of the same kind ("credits", "contact") above `line`: each item of the page
    ends with one (a round-up of briefs, each with its credits), and the text under the
    last is the last item, not the page's box. (A photo's "© Agency" above a copyright
    notice is no notice: `_closes_page`.)"""
    kinds = [regex for regex in CLOSING_KIND_RES.values() if regex.match(line)]
    return any(
        any(regex.match(other) for regex in kinds) and _closes_page(other)
        for other in (text.strip() for text in above)
        if len(other) <= _MAX_PAGE_CLOSING_CHARS
    )


def _closes_page(line: str) -> bool:
    # The length first: the phrase tables are slow to rule out on a paragraph.
    if len(line) > _MAX_PAGE_CLOSING_CHARS or not PAGE_CLOSING_LINE_RE.match(line):
        return False
    return not CLOSING_KIND_RES["copyright"].match(line) or bool(COPYRIGHT_NOTICE_RE.search(line))


def strip_opening_lines(text: str) -> tuple[str, list[str]]:
    """Return `text` without the promos and date/byline lines above the article's first
    line, and the removed lines (what `remove_boilerplate` does at the top, alone)."""
    lines, removed = _strip_opening_lines(text.split("\n"))
    return "\n".join(lines).strip("\n"), removed


def _strip_opening_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop what precedes the article's first line: promos and date/byline lines."""
    start = 0
    removed: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if is_article_note(stripped) or not (_is_closing(stripped) or is_dateline(stripped)):
            break
        if _is_closing(stripped):
            _report("closing_line", stripped, "opening")
        else:
            evidence.fired("text/opening", stripped)
        removed.append(stripped)
        start = index + 1
    return lines[start:], removed


def is_dateline(line: str) -> bool:
    """A short line stamped with a date or time, not a sentence, not a list item:
    "14/03/2024 - Posted by ...", "Thursday, 14 March 2024 at 9:40". With a bullet, the
    date alone ("- 18 Nov 2019, 19:09", as a page's list of facts under the headline
    gives it): a list item has words besides its date."""
    if line.startswith(_LIST_MARKERS):
        item = line.lstrip("".join(_LIST_MARKERS) + " ")
        rest = DATE_RE.sub(" ", item)
        return rest != item and not any(char.isalpha() for char in rest)
    return (
        len(line.split()) <= _MAX_DATELINE_WORDS
        and not ends_like_a_sentence(line)
        and bool(DATE_RE.search(line) or CJK_DATE_RE.search(line))
    )


def is_closing_line(line: str) -> bool:
    """A line that closes a page rather than an article (copyright, "Write to ...", tags,
    subscription promos): nothing after it is the article's."""
    return _is_closing(line.strip())


def _is_separator(line: str) -> bool:
    """A rule between blocks ("___", "* * *"): at the end, nothing of the article follows it."""
    return not any(char.isalnum() for char in line)


def _is_closing(line: str) -> bool:
    words = len(line.split())
    if words > _MAX_CLOSING_WORDS:
        return words <= _MAX_APPEAL_WORDS and bool(CLOSING_KIND_RES["appeal"].match(line))
    # Chrome lines too (promo calls, the rest of ANYWHERE_LINE_RE, are closing lines).
    if CLOSING_LINE_RE.match(line) or ANYWHERE_LINE_RE.match(line):
        return True
    return _is_teaser_line(line)


def _strip_title(lines: list[str], title: str) -> tuple[list[str], list[str]]:
    """Drop the headline block at the top, as the crawl does (`strip_page_header`): every
    copy of the headline among the leading short lines, and the short lines above the last
    one (the headline, a kicker, the headline again: two title elements of the page)."""
    wanted = comparable(title)
    if not wanted:
        return lines, []
    cut = _header_end(lines, {wanted})
    removed = [line.strip() for line in lines[:cut] if line.strip()]
    for line in removed:
        evidence.fired("text/page_header", line)
    return lines[cut:], removed


def strip_page_header(text: str, repeats: tuple[str, ...]) -> tuple[str, list[str]]:
    """Drop the page's headline block from the top and the end of `text`.

    `repeats` are the page's own headline forms. At the top, everything up to the last
    line repeating one of them goes, provided only short lines precede it, so a repeat
    after article text is never a cut point. At the
    end, a repeated headline followed only by a few short lines (site name, date) goes.
    """
    wanted = {comparable(r) for r in repeats if r}
    wanted.discard("")
    if not wanted:
        return text, []
    lines = text.split("\n")
    start = _header_end(lines, set(wanted))
    end = _footer_start(lines, wanted, start)
    removed = [line.strip() for line in lines[:start] + lines[end:] if line.strip()]
    if not removed:
        return text, []
    for line in removed:
        evidence.fired("text/page_header", line)
    return "\n".join(lines[start:end]).strip("\n"), removed


def _header_end(lines: list[str], wanted: set[str]) -> int:
    """Index after the last headline repeat at the top (0 when there is none)."""
    cut = 0
    seen = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        key = comparable(stripped)
        if key in wanted:  # every copy among the leading short lines (a title, then a kicker)
            cut = index + 1
        elif seen >= _LEADING_LINES:
            break
        elif len(stripped.split()) > _MAX_LEADING_WORDS and not _is_closing(stripped):
            break  # article text (a promo or notice may be long and still above it)
    return cut


def _footer_start(lines: list[str], wanted: set[str], start: int) -> int:
    """Index of a headline repeat that only short lines follow at the end, else len(lines)."""
    content = [i for i in range(start, len(lines)) if lines[i].strip()]
    for index in reversed(content[-(_TRAILING_LINES + 1) :]):
        stripped = lines[index].strip()
        if comparable(stripped) in wanted:
            return index if index != content[0] else len(lines)
        if len(stripped.split()) > _MAX_LEADING_WORDS or is_article_note(stripped):
            break
    return len(lines)
