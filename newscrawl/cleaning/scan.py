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
# Class or id values that name an info or fact box ("infobox", "fact-box", "metro-factbox",
# "Infokasten", "faktaboks"), matched on the lower-cased value (`structure.find_fact_boxes`).
_BOX_MENTION = re.compile(r"(?:info|facts?|fakten|fakta?)[-_]?(?:box|boks|kasten)")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
_DECORATIVE_TAGS = frozenset({"svg", "i", "span", "img"})
# What a page's overlays say they are to screen readers (with `aria-modal="true"` and the
# `<dialog>` element): consent managers, menus, share and sign-up boxes, log-in forms.
_DIALOG_ROLES = frozenset({"dialog", "alertdialog"})
#: The ARIA landmark roles of a page's chrome: the regions `<nav>`, `<header>`, `<footer>`
#: and `<aside>` are, where a page marks them so instead (`<div role="navigation">`); and
#: menus, toolbars, search boxes. Not `tablist`: a page's tabs may hold the article.
_LANDMARK_ROLES = frozenset(
    {
        *("navigation", "banner", "contentinfo", "complementary", "search"),
        *("menu", "menubar", "toolbar"),
    }
)
# The header phrases (`TAIL_HEADER_RE` tries only those a text's first letter can start).
_HEADER = TAIL_HEADER_RE
#: Longest header line, in characters ("You may also be interested in" fits).
MAX_HEADER_CHARS = 60


@dataclass
class Candidates:
    """Elements worth a closer look, in document order."""

    hidden: list[HtmlElement] = field(default_factory=list)
    chrome: list[HtmlElement] = field(default_factory=list)
    boxes: list[HtmlElement] = field(default_factory=list)
    headers: list[HtmlElement] = field(default_factory=list)
    dialogs: list[HtmlElement] = field(default_factory=list)
    landmarks: list[HtmlElement] = field(default_factory=list)


def scan(body: HtmlElement) -> Candidates:
    """Collect hidden elements, chrome-named elements, info boxes, header-phrase texts,
    dialogs and landmark regions under `body`.

    Class values and short texts repeat on a page (a card's classes, "Share", menu items):
    each distinct one is matched once.
    """
    found = Candidates()
    # Per class or id value: whether it mentions a chrome word, and whether it names a box.
    names: dict[str, tuple[bool, bool]] = {}
    headers: dict[str, bool] = {}
    for element in body.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue  # comments, processing instructions
        attributes = element.items()  # one call for all attributes: cheaper than get()s
        if attributes:
            chrome = hidden = box = landmark = False
            dialog = tag == "dialog"
            for name, value in attributes:
                if name == "class" or name == "id":
                    known = names.get(value)
                    if known is None:
                        known = names[value] = _what_it_names(value)
                    chrome = chrome or known[0]
                    box = box or known[1]
                elif name == "style":
                    hidden = hidden or bool(HIDDEN_STYLE.search(value.lower()))
                elif name == "hidden":
                    hidden = True
                elif name == "aria-hidden":
                    # Icons and decorative wrappers are aria-hidden while the text next to
                    # them is not.
                    hidden = hidden or (value.lower() == "true" and tag not in _DECORATIVE_TAGS)
                elif name == "role":
                    dialog = dialog or value in _DIALOG_ROLES
                    landmark = value in _LANDMARK_ROLES
                elif name == "aria-modal":
                    dialog = dialog or value.lower() == "true"
            if chrome:
                found.chrome.append(element)
            if hidden:
                found.hidden.append(element)
            if box:
                found.boxes.append(element)
            if dialog:
                found.dialogs.append(element)
            if landmark:
                found.landmarks.append(element)
        elif tag == "dialog":
            found.dialogs.append(element)
        own = element.text
        # The header phrase is the element's own text in practice ("<h3>Related</h3>").
        if own and len(own) <= MAX_HEADER_CHARS:
            # Not lower-cased: the matcher ignores case, and lower() spells a Turkish "İ"
            # as "i" and a combining dot ("İlgili Haberler" would match no phrase).
            key = own.strip()
            is_header = headers.get(key)
            if is_header is None:
                is_header = headers[key] = _HEADER.match(key) is not None
            if is_header:
                found.headers.append(element)
    return found


def _what_it_names(value: str) -> tuple[bool, bool]:
    """Whether a class or id value mentions a chrome word, and whether it names a box."""
    lowered = value.lower()
    return _CHROME_MENTION.search(lowered) is not None, _BOX_MENTION.search(lowered) is not None
