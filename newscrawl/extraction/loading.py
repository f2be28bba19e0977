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
the two loaders to the same trees).
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
from trafilatura.utils import decode_file, is_dubious_html, repair_faulty_html

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
    text = repair_faulty_html(text, beginning)
    tree: HtmlElement | None = None
    from_bytes = False
    try:
        tree = fromstring(text, parser=_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, from_bytes = _from_bytes(text), True
    except Exception as error:
        logger.debug("lxml could not parse the page: %s", error)
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(text)
    if tree is not None and dubious and len(tree) < 2:
        return None  # not (well-formed) HTML
    return tree


def _from_bytes(text: str) -> HtmlElement | None:
    try:
        return fromstring(text.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception as error:
        logger.debug("lxml could not parse the page as bytes: %s", error)
        return None
