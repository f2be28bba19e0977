"""The standfirst the page shows above its article, when the extractor left it out.

The standfirst (dek, teaser, lede paragraph set in bold) sits in the article's header,
between the headline and the body, outside the block that holds the body's paragraphs:
trafilatura reads that block and leaves it out. It is the article's first paragraph. The
page says which block it is: its description (`og:description`, `<meta name=description>`,
JSON-LD `description`) repeats it, and a block that shows the description, before the
body's first paragraph, is the standfirst. A caption or a dateline that repeats the
description is no standfirst, nor is a description that the page shows nowhere.
"""

from __future__ import annotations

from html import unescape
from typing import TYPE_CHECKING, NamedTuple

from newscrawl.cleaning.boilerplate import is_caption, is_dateline
from newscrawl.cleaning.dom import INLINE_TAGS, INVISIBLE_TAGS
from newscrawl.cleaning.markers import DATE_RE
from newscrawl.core.text import comparable, ends_like_a_sentence

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml.html import HtmlElement

#: Characters of a description that must open the block (descriptions are often cut short).
_KEY_CHARS = 60
#: A description shorter than this says too little to find its block by.
_MIN_KEY_CHARS = 25
#: The block may run this much longer than the description (a description cut short, or
#: edited after the standfirst was written).
_MAX_EXTRA = 1.5
_MAX_EXTRA_CHARS = 40
#: Or the share of its words, both ways, the block must share with a description (of at
#: least this many words: a script with spaces).
_SHARED = 0.6
_MIN_SHARED_WORDS = 8
#: Characters at the top of the text that may already hold the standfirst.
_OPENING_CHARS = 2000
#: Characters of the body's first paragraph that find its block.
_FIRST_LINE_CHARS = 40
#: What shows no text of the page's own (and the text of form controls).
_NOT_SHOWN = INVISIBLE_TAGS | {"textarea", "button", "option"}
_CAPTIONS = frozenset({"figure", "figcaption", "picture"})
#: Elements that run inside a block of text: a block holding only these is read whole.
_INLINE = INLINE_TAGS | {"br", "img", "wbr"}


class Standfirst(NamedTuple):
    """The standfirst's text, and where in the extracted text it goes."""

    text: str
    #: The text's line it goes above: its first paragraph.
    line: int


def find_standfirst(
    tree: HtmlElement,
    descriptions: Iterable[str | None],
    text: str,
    headlines: Iterable[str] = (),
) -> Standfirst | None:
    """The standfirst, when `text` (the extracted body) lacks it; else None. A description
    that only repeats one of the `headlines` names no standfirst."""
    body = tree.find("body")
    if body is None or not text.strip():
        return None
    # Some pages escape the description twice ("Connolly&#8217;s").
    given = (comparable(unescape(d)) for d in descriptions if d)
    titles = {comparable(h) for h in headlines}
    wanted = [c for c in given if len(c) >= _MIN_KEY_CHARS and c not in titles]
    # Where the text holds it, it opens the text (a lede the extractor kept); further down,
    # the order check below finds it after the first paragraph.
    body_key = comparable(text[:_OPENING_CHARS])
    if not wanted or any(c[:_KEY_CHARS] in body_key for c in wanted):
        return None
    lines = text.splitlines()
    first = _first_paragraph(lines)
    first_line = comparable(lines[first])
    first_key = first_line[:_FIRST_LINE_CHARS]
    if not first_key:
        return None
    longest = max(_longest(len(d)) for d in (*wanted, first_line))
    shortest = min(len(d[:_KEY_CHARS]) for d in (*wanted, first_key))
    candidate: HtmlElement | None = None
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_SHOWN:
            continue
        if any(isinstance(child.tag, str) and child.tag not in _INLINE for child in element):
            continue  # a container: the blocks in it come next (its text is not built)
        raw = element.text_content()
        if not shortest <= len(raw) <= 2 * longest:
            continue  # cheaply: too short or too long to open with what is looked for
        shown = comparable(raw)
        if shown.startswith(first_key) and len(shown) <= _longest(len(first_line)):
            break  # the body's first paragraph: a standfirst comes before it
        if _shows(shown, raw, wanted) and shown not in titles and not _is_caption(element, raw):
            candidate = element  # the last one before the body
    else:
        return None  # the body's first paragraph is nowhere: no order to go by
    if candidate is None:
        return None
    return Standfirst(" ".join(candidate.text_content().split()), first)


def _first_paragraph(lines: list[str]) -> int:
    """Index of the text's first line that is no dateline ("30. Januar 2024"): the
    standfirst goes above it, and a dateline stays on top, where the text cleaners look for
    it."""
    content = [index for index, line in enumerate(lines) if line.strip()]
    for index in content:
        if not is_dateline(lines[index].strip()):
            return index
    return content[0]


def _longest(length: int) -> float:
    """How long a block showing a text of `length` may be."""
    return max(length * _MAX_EXTRA, length + _MAX_EXTRA_CHARS)


def _shows(shown: str, raw: str, descriptions: list[str]) -> bool:
    """The block (`raw`, `shown` as `comparable`) is one of the descriptions, and no more:
    the same opening (a description cut short), the description's opening sentence(s) (it
    says more than the standfirst: "A. B." of "A."), or mostly the same words both ways (a
    description edited after the standfirst was written: "Angehörige der drusischen
    Minderheit [in Syrien] haben ...")."""
    for description in descriptions:
        if len(shown) > _longest(len(description)):
            continue
        if shown.startswith(description[:_KEY_CHARS]):
            return True
        if (
            len(shown) >= _MIN_KEY_CHARS
            and description.startswith(shown)
            and ends_like_a_sentence(raw.strip())
        ):
            return True
        words, said = set(shown.split()), set(description.split())
        common = len(words & said)
        if len(said) >= _MIN_SHARED_WORDS and common >= _SHARED * max(len(words), len(said)):
            return True
    return False


def _is_caption(element: HtmlElement, text: str) -> bool:
    """A photo's caption (in a figure, or with its credit), or a dateline, that repeats
    the description: no standfirst says "©" or opens with a date."""
    if element.tag in _CAPTIONS or any(a.tag in _CAPTIONS for a in element.iterancestors()):
        return True
    text = text.strip()
    return "©" in text or is_caption(text) or DATE_RE.match(text) is not None
