"""One pass over the page's elements that collects the candidates of the HTML cleaners.

Walking every element from Python is the expensive part of HTML cleaning (each element
becomes a Python object); doing it once for the hidden-element, chrome-name and
header-phrase rules, with cheap string tests only, keeps the pruning a small fraction of
the extraction's CPU time. The rules then look closely at the few candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newscrawl.cleaning.markers import CHROME_CLASS_WORDS, TAIL_HEADER_RE

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Class or id values that mention a chrome word (`structure` then checks whole words);
# matched on the lower-cased value, much faster than an IGNORECASE regex.
_CHROME_MENTION = re.compile("|".join(sorted(CHROME_CLASS_WORDS)))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
_DECORATIVE_TAGS = frozenset({"svg", "i", "span", "img"})
# The header phrases, matched on lower-cased text (faster than IGNORECASE; the phrases
# are written in lower case).
_HEADER = re.compile(TAIL_HEADER_RE.pattern)
#: Longest header line, in characters ("You may also be interested in" fits).
MAX_HEADER_CHARS = 60


@dataclass
class Candidates:
    """Elements worth a closer look, in document order."""

    hidden: list[HtmlElement] = field(default_factory=list)
    chrome: list[HtmlElement] = field(default_factory=list)
    headers: list[HtmlElement] = field(default_factory=list)


def scan(body: HtmlElement) -> Candidates:
    """Collect hidden elements, chrome-named elements and header-phrase texts under `body`."""
    found = Candidates()
    is_header = _HEADER.match
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        attributes = element.items()  # one call for all attributes: cheaper than get()s
        if attributes:
            _check_attributes(element, attributes, found)
        own = element.text
        # The header phrase is the element's own text in practice ("<h3>Related</h3>").
        if own and len(own) <= MAX_HEADER_CHARS and is_header(own.strip().lower()):
            found.headers.append(element)
    return found


def _check_attributes(
    element: HtmlElement, attributes: list[tuple[str, str]], found: Candidates
) -> None:
    chrome = hidden = False
    for name, value in attributes:
        if name in ("class", "id"):
            chrome = chrome or bool(_CHROME_MENTION.search(value.lower()))
        elif name == "style":
            hidden = hidden or bool(_HIDDEN_STYLE.search(value.lower()))
        elif name == "hidden":
            hidden = True
        elif name == "aria-hidden":
            # Icons and decorative wrappers are aria-hidden while the text next to them is not.
            hidden = hidden or (value.lower() == "true" and element.tag not in _DECORATIVE_TAGS)
    if chrome:
        found.chrome.append(element)
    if hidden:
        found.hidden.append(element)
