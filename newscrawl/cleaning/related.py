"""Find related-headline blocks in the HTML tree, before the extractor glues them to the text.

Five shapes, each recognised by structure plus, for the first two, a header phrase from
`markers.TAIL_HEADERS`:

- headed lists: a block that only says "Related", "Mehr zum Thema", "À lire aussi", ...
  followed by sibling blocks made mostly of link text, by two or more teaser cards (a
  headline that is all link over a short summary, under a few words of labels at most,
  whatever their class names), or by plain headlines (short lines, or an `<ul>` of them,
  that ask or end without a stop) that run to the end of their container. The header
  alone proves nothing (a hidden "Read more" button may precede the rest of the article),
  so it goes only together with the headlines after it.
- inline teasers: one short block that is a header phrase plus a link ("Read more:
  <a>headline</a>", "Also on example.com <a>headline</a>").
- link paragraphs: a paragraph that is nothing but headline-like links to other pages of
  the site (one, or several one under the other), or a short label with a colon and one
  such link (a kicker: "Drogen: <a>headline</a>", in any language), dropped between or
  after the article's paragraphs; and a list of two or more such lines (its kickers may be
  any short bold label: "<strong>KI in der Schule?</strong> <a>...</a>");
- teaser runs, with no header at all, so in any language: three or more consecutive
  sibling blocks, each little more than one link to another page of the same site (an
  image and a headline linking to the same story are one link), that end their
  container. A "Read more" list inside the article body is built exactly like that; a
  real paragraph is not; a list the article announces ("The reports:") is kept. A card
  (that link's headline, then a dek that ends without a stop, or any dek under a picture
  linking to the same story) is such a block, and two are a run when their deks are cut
  off ("... who said t…") or they show pictures: no paragraph opens with a link to
  another story and breaks off, or sits under that story's picture. A briefing's items,
  a linked headline and a sentence each, are the article's.
- orphaned labels: once link paragraphs or a teaser run go, the short label left alone
  above them at the end of their container ("Top-Themen"), when it is set as a header
  (a heading, bold) or shares a box with them alone: their header, in any language.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newscrawl.cleaning.dom import (
    BLOCK_TAGS,
    HEADING_TAGS,
    INVISIBLE_TAGS,
    NEVER_PRUNE,
    has_text,
    is_internal_link,
    is_link_dominated,
    link_text_length,
    outermost_with_same_text,
    text_of,
)
from newscrawl.cleaning.markers import TAIL_HEADER_RE
from newscrawl.cleaning.scan import MAX_HEADER_CHARS
from newscrawl.core.text import (
    COLONS,
    NO_SPACE_CHARS,
    SENTENCE_STOPS,
    STATEMENT_STOPS,
    ends_like_a_sentence,
)
from newscrawl.core.urls import host_of

if TYPE_CHECKING:
    from collections.abc import Container, Iterable

    from lxml.html import HtmlElement

#: Share of a block's text that links must carry for it to count as a list of links.
_LIST_LINK_SHARE = 0.5
#: Teaser cards (headline link plus a summary line) carry less link text, but each has one.
_MIN_CARDS = 2
_CARD_LINK_SHARE = 0.3
#: A card without the class name: a headline all link, then a summary of a few sentences.
_MIN_CARD_HEADLINE_CHARS = 15
_MAX_CARD_SUMMARY_WORDS = 60
#: An inline teaser is short, and its text after the header phrase is mostly its link.
_MAX_INLINE_TEASER_WORDS = 40
_INLINE_LINK_SHARE = 0.7
#: Teaser runs: how many blocks, how short, how much of each is its one link.
_MIN_TEASER_RUN = 3
_MAX_TEASER_WORDS = 30
_TEASER_LINK_SHARE = 0.7
#: Cards whose dek is cut off ("... who said t…") or that show the story's picture, in a
#: run of this many: no article paragraph opens with a link to another story and breaks
#: off, or sits under a picture linking to that story.
_MIN_CARD_RUN = 2
_CUT_OFF = ("...", "…")
# A headline: a few words, no full stop. Links to documents are sources, not stories.
_MIN_HEADLINE_WORDS = 4
# A kicker or header label: a few words.
_MAX_KICKER_WORDS = 5
_MAX_LABEL_CHARS = 40
_MAX_NO_SPACE_LABEL_CHARS = 12
_LABEL_TAGS = frozenset({"p", "div", "span", "strong", "b", "h2", "h3", "h4", "h5", "h6"})
# How far up from removed headlines to look for the container they made up.
_ORPHAN_LEVELS = 2
# Scripts without spaces: a headline of a few dozen characters.
_NO_SPACE = re.compile(f"[{NO_SPACE_CHARS}]")
_MIN_NO_SPACE_CHARS = 8
_MAX_NO_SPACE_CHARS = 80
_MIN_PLAIN_HEADLINES = 2
# A list of headline links: two items or more (one alone may be the article's own link).
_MIN_LINK_ITEMS = 2
# A headline may ask or exclaim; a full stop or a colon ends a sentence or a lead-in.
_NOT_HEADLINE_STOPS = STATEMENT_STOPS + COLONS
#: A dek that ends like a sentence (a question too) is one.
_ANY_STOP = SENTENCE_STOPS + COLONS
_DOCUMENT_LINK = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|csv|zip)([?#]|$)", re.IGNORECASE)
#: A picture's own file: a link to it shows the picture larger, it is no story.
_IMAGE_LINK = re.compile(r"\.(jpe?g|png|gif|webp|avif|svg)([?#]|$)", re.IGNORECASE)
# How far up from a run to look for the text that introduces it (li -> ul -> div).
_ANNOUNCEMENT_LEVELS = 3
_TEASER_BLOCK_TAGS = frozenset(
    {"p", "li", "div", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "section"}
)


def find_header_elements(candidates: Iterable[HtmlElement]) -> list[HtmlElement]:
    """Outermost elements whose whole text is a related-headlines header phrase.

    `candidates` are elements whose own text is a header phrase (`scan`); the header line
    is the largest element around one that still reads as a single phrase.
    """
    headers: list[HtmlElement] = []
    for element in candidates:
        header = _header_line(element)
        if header is not None and header not in headers:
            headers.append(header)
    return headers


def _header_line(element: HtmlElement) -> HtmlElement | None:
    """The outermost element around `element` whose text is one header phrase, if any."""
    found = None
    current: HtmlElement | None = element
    while current is not None and current.tag not in NEVER_PRUNE:
        text = text_of(current)
        if len(text) > MAX_HEADER_CHARS:
            break
        if TAIL_HEADER_RE.match(text):
            found = current
        elif found is not None:
            break
        current = current.getparent()
    return found


def headed_list(header: HtmlElement) -> list[HtmlElement]:
    """The header block and the related headlines after it; [] if none follow.

    Headlines are link-dominated blocks (link lists, teaser cards), or plain headline
    lines (short, no sentence end) when at least two of them run to the end of their
    container: nothing of the article can come after a tail.
    """
    if header.tag not in BLOCK_TAGS:
        return []
    block = [header]
    pending: list[HtmlElement] = []
    found_links = False
    headlines: list[HtmlElement] = []
    count = 0
    cards: list[HtmlElement] = []
    for sibling in header.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if not has_text(sibling):
            pending.append(sibling)  # images, spacers: part of the list only if it goes on
        elif not headlines and _is_link_list(sibling):
            block.extend(pending)
            block.append(sibling)
            pending = []
            found_links = True
        elif not headlines and _is_teaser_card(sibling):
            # one card may be a linked subheading over a paragraph; two in a row are cards
            cards.append(sibling)
            block.extend(pending)
            block.append(sibling)
            pending = []
            found_links = found_links or len(cards) >= _MIN_CARDS
        elif not found_links and not cards and _plain_headlines(sibling):
            headlines.extend([*pending, sibling])
            pending = []
            count += _plain_headlines(sibling)
        else:
            return block if found_links else []
    if found_links:
        return block
    return [*block, *headlines] if count >= _MIN_PLAIN_HEADLINES else []


def _plain_headlines(element: HtmlElement) -> int:
    """How many plain headlines the block is: one short line of text that does not end
    like a sentence, or a list (`<ul>`, `<ol>`) whose every item is one."""
    if element.tag in ("ul", "ol"):
        items = [item for item in element if isinstance(item.tag, str) and has_text(item)]
        if items and all(item.tag == "li" and _is_plain_headline(item) for item in items):
            return len(items)
        return 0
    return 1 if _is_plain_headline(element) else 0


def _is_plain_headline(element: HtmlElement) -> bool:
    """A short line of text that does not end like a sentence (a headline may ask)."""
    text = text_of(element)
    return (
        element.tag in BLOCK_TAGS
        and len(text.split()) <= _MAX_TEASER_WORDS
        and not ends_like_a_sentence(text, _NOT_HEADLINE_STOPS)
    )


def _is_teaser_card(element: HtmlElement) -> bool:
    """A block that opens with a headline that is all link (`<h4><a>Headline</a></h4>`) and
    has at most a short summary under it: a teaser card, whatever its class names say.

    Labels above the headline, set apart in blocks of their own (a kicker, "Zum Anhören",
    a picture's "1 Min"), are part of the card when they are a few words.
    """
    if element.tag not in BLOCK_TAGS or (element.text or "").strip():
        return False
    text = text_of(element)
    for link in element.iter("a"):
        line = _line_of(link, element)
        headline = text_of(line)
        if len(headline) < _MIN_CARD_HEADLINE_CHARS:
            continue
        if link_text_length(line) < len(headline):
            return False  # the first headline-sized line is prose with a link in it
        start = text.find(headline)
        before, after = text[:start].split(), text[start + len(headline) :].split()
        return len(before) <= _MAX_KICKER_WORDS and len(after) <= _MAX_CARD_SUMMARY_WORDS
    return False


def _line_of(link: HtmlElement, card: HtmlElement) -> HtmlElement:
    """The line `link` is on: its nearest block below `card`, or the link itself when it
    runs in the card's own line."""
    for ancestor in link.iterancestors():
        if ancestor is card:
            break
        if ancestor.tag in BLOCK_TAGS:
            return ancestor
    return link


def _is_link_list(element: HtmlElement) -> bool:
    """Mostly link text, or a list of items that each carry a link (teaser cards)."""
    if is_link_dominated(element, _LIST_LINK_SHARE):
        return True
    items = [c for c in element if c.tag in BLOCK_TAGS and has_text(c)]
    return (
        len(items) >= _MIN_CARDS
        and all(any(has_text(a) for a in item.iter("a")) for item in items)
        and is_link_dominated(element, _CARD_LINK_SHARE)
    )


def inline_teaser(header: HtmlElement) -> HtmlElement | None:
    """The short block made of `header` plus one link ("Read more: <a>...</a>"), if it is one."""
    header_text = text_of(header)
    parent = header.getparent()
    while parent is not None and parent.tag not in NEVER_PRUNE and text_of(parent) == header_text:
        parent = parent.getparent()
    if parent is None or parent.tag in NEVER_PRUNE:
        return None
    text = text_of(parent)
    if len(text.split()) > _MAX_INLINE_TEASER_WORDS:
        return None
    rest = len(text) - len(header_text)
    inside_link = any(a.tag == "a" for a in parent.iterancestors())
    links = rest if inside_link else link_text_length(parent)
    if rest <= 0 or links < _INLINE_LINK_SHARE * rest:
        return None
    return outermost_with_same_text(parent, text)


def find_link_paragraphs(body: HtmlElement, url: str | None) -> list[HtmlElement]:
    """Paragraphs that are nothing but headlines linking to other pages of the site.

    Sites drop such lines between an article's paragraphs ("<p><a>Other story</a></p>"),
    several one under the other ("<a>...</a><br><a>...</a>"), or behind a short label
    ("<strong>Drogen:</strong> <a>Fentanyl in Berlin auf dem Vormarsch</a>", a kicker in
    any language); an article's own sentences carry more than a link, and end like
    sentences.
    """
    host = host_of(url)
    found = [p for p in body.iter("p") if _is_link_paragraph(p, url, host)]
    for listing in body.iter("ul", "ol"):
        # The same lines as list items: "<li><strong>Kicker:</strong> <a>...</a></li>".
        items = [item for item in listing if isinstance(item.tag, str) and has_text(item)]
        if len(items) >= _MIN_LINK_ITEMS and all(
            item.tag == "li" and _is_link_paragraph(item, url, host, bold_kicker=True)
            for item in items
        ):
            found.append(listing)
    return found


def _is_link_paragraph(
    paragraph: HtmlElement, url: str | None, host: str | None, *, bold_kicker: bool = False
) -> bool:
    """Nothing but headline links, or a kicker label and one; with `bold_kicker` (a list's
    items), a label set in bold may end otherwise than with a colon ("KI in der Schule?")."""
    links = list(paragraph.iter("a"))
    if not links or not all(_is_headline_link(link, url, host) for link in links):
        return False
    rest = _compact_text(paragraph)
    for link in links:
        rest = rest.replace(_compact_text(link), "", 1)
    if not rest:
        return True
    return len(links) == 1 and (
        _is_kicker(paragraph, links[0]) or (bold_kicker and _is_bold_label(paragraph, rest))
    )


def _is_bold_label(paragraph: HtmlElement, rest: str) -> bool:
    """All the text besides the link is one short bold label ("<strong>Kicker</strong>")."""
    return any(
        _compact_text(bold) == rest and len(text_of(bold).split()) <= _MAX_KICKER_WORDS
        for bold in paragraph.iter("strong", "b")
    )


def _compact(text: str) -> str:
    return "".join(text.split())


def _compact_text(element: HtmlElement) -> str:
    """`_compact(text_of(element))`, collapsed once."""
    return "".join(element.text_content().split())


def _is_kicker(paragraph: HtmlElement, link: HtmlElement) -> bool:
    """The paragraph is a short label ending with a colon, then the link."""
    text = text_of(paragraph)
    label = text[: len(text) - len(text_of(link))].strip()
    return (
        text.endswith(text_of(link))
        and label.endswith((":", "："))
        and len(label.split()) <= _MAX_KICKER_WORDS
        and len(label) <= MAX_HEADER_CHARS
    )


def orphaned_labels(removed: list[HtmlElement]) -> list[HtmlElement]:
    """Labels left alone at the end of their container once the headlines under them went.

    `removed` are the blocks the related rules are about to remove. When they end their
    container (or make up all of it, up to two levels), the short line right above them
    ("Top-Themen", "Fler nyheter:") was their header, in whatever language: if it is set as
    a header (a heading, bold) or shares a box with them alone. A plain short line of the
    article above them ("With Post wires", a poll's last result) stays.
    """
    chosen = _Gone(set(removed))
    labels: list[HtmlElement] = []
    for element in removed:
        top = element
        for _ in range(_ORPHAN_LEVELS):
            parent = top.getparent()
            if parent is None or parent.tag in NEVER_PRUNE:
                break
            if not all(chosen(c) for c in parent if chosen.has_text(c)):
                break
            top = parent
        if any(chosen.has_text(n) and not chosen(n) for n in top.itersiblings()):
            continue
        label = _previous_text_block(top, chosen)
        if (
            label is not None
            and label not in labels
            and _is_label(label)
            and (_marked_as_header(label) or _alone_with(label, chosen))
        ):
            labels.append(label)
    return labels


def _marked_as_header(element: HtmlElement) -> bool:
    """Set as a header: a heading, or all of its text in bold."""
    if element.tag in HEADING_TAGS:
        return True
    bold = "".join(text_of(b) for b in element.iter("strong", "b"))
    return bool(bold) and _compact(bold) == _compact(text_of(element))


class _Gone:
    """Whether an element goes with the removed blocks (`chosen`): one of them, or all of
    its text in them; and whether it has text at all. Remembered per element: every block
    of a run asks about the same siblings and parents."""

    def __init__(self, chosen: set[HtmlElement]) -> None:
        self.chosen = chosen
        self._known: dict[HtmlElement, bool] = {}
        self._texts: dict[HtmlElement, bool] = {}

    def __call__(self, element: HtmlElement) -> bool:
        known = self._known.get(element)
        if known is None:
            known = self._known[element] = element in self.chosen or _covered(element, self.chosen)
        return known

    def has_text(self, element: HtmlElement) -> bool:
        known = self._texts.get(element)
        if known is None:
            known = self._texts[element] = _has_text(element)
        return known


def _alone_with(label: HtmlElement, chosen: _Gone) -> bool:
    """The label shares its container with the removed headlines and nothing else (a box
    of related links), not with the article's paragraphs."""
    parent = label.getparent()
    if parent is None or parent.tag in NEVER_PRUNE:
        return False
    return all(c is label or chosen(c) for c in parent if chosen.has_text(c))


def _covered(element: HtmlElement, chosen: set[HtmlElement]) -> bool:
    """All of the element's text is in elements of `chosen` below it."""
    rest = _compact_text(element)
    for descendant in element.iterdescendants():
        if descendant in chosen:
            rest = rest.replace(_compact_text(descendant), "", 1)
    return not rest


def _has_text(element: HtmlElement) -> bool:
    return isinstance(element.tag, str) and element.tag not in INVISIBLE_TAGS and has_text(element)


def _previous_text_block(element: HtmlElement, chosen: _Gone) -> HtmlElement | None:
    for previous in element.itersiblings(preceding=True):
        if chosen.has_text(previous) and not chosen(previous):
            return previous
    return None


def _is_label(element: HtmlElement) -> bool:
    """A header's few words: no sentence, no link, no list."""
    text = text_of(element)
    no_space = len(_NO_SPACE.findall(text)) * 2 > len(_compact(text))
    return (
        element.tag in _LABEL_TAGS
        and len(text) <= (_MAX_NO_SPACE_LABEL_CHARS if no_space else _MAX_LABEL_CHARS)
        and len(text.split()) <= _MAX_KICKER_WORDS
        and not text.rstrip(":： ").endswith((".", "!", "?", "…", "。", "！", "？"))
        and next(element.iter("a", "li"), None) is None
    )


def _headline_sized(text: str) -> bool:
    """A headline's length: a few words, or a few dozen characters of CJK text."""
    words = len(text.split())
    if words < _MIN_HEADLINE_WORDS and len(_NO_SPACE.findall(text)) >= _MIN_NO_SPACE_CHARS:
        return len(text) <= _MAX_NO_SPACE_CHARS
    return _MIN_HEADLINE_WORDS <= words <= _MAX_TEASER_WORDS


def _is_headline_link(link: HtmlElement, url: str | None, host: str | None) -> bool:
    href = link.get("href", "")
    if not is_internal_link(href, url, host) or _DOCUMENT_LINK.search(href):
        return False
    text = text_of(link)
    return _headline_sized(text) and not ends_like_a_sentence(text, _NOT_HEADLINE_STOPS)


def find_teaser_runs(body: HtmlElement, url: str | None) -> list[list[HtmlElement]]:
    """Trailing runs of sibling blocks that are each one link to another page of the site
    (three or more), or a card of one (two or more, when each is cut off or pictured)."""
    host = host_of(url)
    sizes = _Sizes()
    teasers_by_parent: dict[HtmlElement, dict[HtmlElement, bool]] = {}
    for link in body.iter("a"):
        href = link.get("href", "")
        if not is_internal_link(href, url, host) or _IMAGE_LINK.search(href):
            continue
        found = _teaser_block(link, sizes)
        parent = found[0].getparent() if found is not None else None
        if found is not None and parent is not None:
            teasers_by_parent.setdefault(parent, {})[found[0]] = found[1]
    runs = []
    for parent, teasers in teasers_by_parent.items():
        if len(teasers) >= _MIN_CARD_RUN:
            run = _trailing_run(parent, teasers)
            least = _MIN_CARD_RUN if all(teasers[b] for b in run) else _MIN_TEASER_RUN
            if len(run) >= least and not _announced(run[0]):
                runs.append(run)
    return runs


def _announced(first: HtmlElement) -> bool:
    """True when the text just before `first` announces a list ("Read the reports:")."""
    element: HtmlElement | None = first
    for _ in range(_ANNOUNCEMENT_LEVELS):
        if element is None or element.tag in NEVER_PRUNE:
            return False
        for previous in element.itersiblings(preceding=True):
            if not isinstance(previous.tag, str) or previous.tag in INVISIBLE_TAGS:
                continue
            text = text_of(previous)
            if text:
                return text.endswith(":")
        element = element.getparent()
    return False


class _Sizes:
    """Text size and link count per element, computed once: many links share ancestors."""

    def __init__(self) -> None:
        self._text: dict[HtmlElement, tuple[int, int]] = {}
        self._links: dict[HtmlElement, int] = {}

    def text(self, element: HtmlElement) -> tuple[int, int]:
        """(characters, words) of the element's visible text."""
        size = self._text.get(element)
        if size is None:
            words = element.text_content().split()
            size = self._text[element] = (sum(map(len, words)) + len(words) - 1, len(words))
        return size

    def links(self, element: HtmlElement) -> int:
        """How many pages the element links to (a card's image and headline link one)."""
        count = self._links.get(element)
        if count is None:
            count = self._links[element] = len({a.get("href") for a in element.iter("a")})
        return count


def _teaser_block(link: HtmlElement, sizes: _Sizes) -> tuple[HtmlElement, bool] | None:
    """The largest block around `link` that is still little more than that one link, or
    a card of it (`_card_dek`); and whether that is a card whose dek is cut off or that
    shows the story's picture (two such make a run)."""
    link_chars = 0
    found = None
    for ancestor in link.iterancestors():
        # Cheapest test first: containers of several links fail it without measuring text
        # (the link's own text too: most links sit beside others).
        if ancestor.tag in NEVER_PRUNE or sizes.links(ancestor) != 1:
            break
        if not link_chars:
            link_chars = sizes.text(link)[0]
            if link_chars <= 0:
                return None
        chars, words = sizes.text(ancestor)
        if words > _MAX_TEASER_WORDS + _MAX_CARD_SUMMARY_WORDS:
            break
        if ancestor.tag not in _TEASER_BLOCK_TAGS:
            continue
        if words <= _MAX_TEASER_WORDS and link_chars >= _TEASER_LINK_SHARE * chars:
            found = (ancestor, False)
        elif (dek := _card_dek(ancestor, link)) is not None:
            found = (ancestor, dek.endswith(_CUT_OFF) or _pictured(ancestor, link))
    return found


def _card_dek(block: HtmlElement, link: HtmlElement) -> str | None:
    """The dek of a card: a block that opens with `link`, a headline, and goes on with a
    few words that are cut off ("... who said t…") or end without a stop (a dek, not a
    sentence), or with a sentence under the story's picture. None for anything else: a
    digest's linked headline followed by a sentence of its own is the article's
    ("<a>Council votes</a> The vote was close.")."""
    headline = text_of(link)
    text = text_of(block)
    if not _headline_sized(headline) or not text.startswith(headline):
        return None
    dek = text[len(headline) :].strip()
    if len(dek.split()) > _MAX_CARD_SUMMARY_WORDS:
        return None
    if dek.endswith(_CUT_OFF) or not ends_like_a_sentence(dek, _ANY_STOP):
        return dek
    return dek if _pictured(block, link) else None


def _pictured(block: HtmlElement, link: HtmlElement) -> bool:
    """The block shows a picture that links to the same story as `link` (a card's image):
    then a dek that is a whole sentence is the story's description, not the article's."""
    href = link.get("href")
    return any(
        other is not link
        and other.get("href") == href
        and next(other.iter("img"), None) is not None
        for other in block.iter("a")
    )


def _trailing_run(parent: HtmlElement, teasers: Container[HtmlElement]) -> list[HtmlElement]:
    """The teaser blocks after the parent's last child with other text in it."""
    run: list[HtmlElement] = []
    for child in parent:
        if child in teasers:
            run.append(child)
        elif isinstance(child.tag, str) and child.tag not in INVISIBLE_TAGS and has_text(child):
            run = []
    return run
