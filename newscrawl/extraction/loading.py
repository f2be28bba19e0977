"""Parse a page as trafilatura's `load_html` does, into elements whose Python class lxml
picks without calling Python.

lxml.html gives each element its Python class by a Python call (`HtmlElementClassLookup`)
every time it makes the element's object, and drops the object as soon as nothing refers
to it. Extraction walks the page many times, on the tree and on the copies trafilatura
makes of it (a copy keeps the parser, and so the lookup): some 4% of a page's CPU went to
those calls. Here the parser is trafilatura's, with lxml's C-level default lookup; the
elements are the same `HtmlElement`s, except that `<form>`, `<input>`, `<select>`,
`<textarea>` and `<label>` lack lxml.html's form helpers (`.value`, `.fields`), which no
extractor uses. The checks and repairs are trafilatura's own (`tests/test_loading.py` holds
the two loaders to the same trees). The parser reads the page as UTF-8 bytes: libxml2
reads them faster than a Python string, and in bytes a page is checked for the characters
XML forbids (trafilatura deletes them with a regular expression over the text, which cost
a third of the parsing) at a third of that cost.
"""

from __future__ import annotations

import logging

from lxml.etree import ElementDefaultClassLookup
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    fromstring,
)
from trafilatura.utils import (
    DOCTYPE_TAG,
    FAULTY_HTML,
    decode_file,
    is_dubious_html,
    repair_faulty_html,
)

logger = logging.getLogger(__name__)

_PARSER = HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
)
_PARSER.set_element_class_lookup(
    ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
)


def load_html(html: str | bytes) -> HtmlElement | None:
    """The page's tree, as `trafilatura.utils.load_html` parses it; None when it is not
    HTML."""
    text = decode_file(html)
    beginning = text[:50].lower()
    dubious = is_dubious_html(beginning)
    tree: HtmlElement | None = None
    try:
        tree = fromstring(_repaired_bytes(text, beginning), parser=_PARSER)
    except Exception as error:
        logger.debug("lxml could not parse the page: %s", error)
    if tree is not None and dubious and len(tree) < 2:
        return None  # not (well-formed) HTML
    return tree


#: What `trafilatura.utils.INVALID_XML_CHARS` deletes: the control characters XML forbids
#: (tab, newline and carriage return aside), in UTF-8, and two noncharacters.
_C0_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_NONCHARACTERS = ("\ufffe", "\uffff")


def _repaired_bytes(text: str, beginning: str) -> bytes:
    """The page as `trafilatura.utils.repair_faulty_html` repairs it, in UTF-8."""
    data = text.encode("utf8", "surrogatepass")
    if len(data.translate(None, _C0_BYTES)) != len(data) or any(
        noncharacter in text for noncharacter in _NONCHARACTERS
    ):
        # Rare: trafilatura's own repair, which deletes them first.
        return repair_faulty_html(text, beginning).encode("utf8", "surrogatepass")
    repaired = _repaired_markup(text, beginning)
    return data if repaired is text else repaired.encode("utf8", "surrogatepass")


def _repaired_markup(text: str, beginning: str) -> str:
    """The rest of `repair_faulty_html`: a doctype libxml2 trips on, a self-closing
    `<html/>`; `text` itself when there is neither."""
    if "doctype" in beginning:
        first_line, newline, rest = text.partition("\n")
        fixed = DOCTYPE_TAG.sub("", first_line, count=1)
        if fixed != first_line:
            text = fixed + newline + rest
    for line in text[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return FAULTY_HTML.sub(r"\1>", text, count=1)
    return text
