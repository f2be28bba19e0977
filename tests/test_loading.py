"""newscrawl's page loader parses exactly as trafilatura's `load_html` does (its parser
differs only in how lxml picks the elements' Python class)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from support.devpages import SETS, pages
from trafilatura.utils import load_html as trafilatura_load_html

from newscrawl.extraction.loading import load_html

PAGES = Path(__file__).parent / "fixtures" / "pages"

ODD_INPUTS: list[str | bytes] = [
    "",
    "not html at all",
    "<p>one block</p>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>declared</p></body></html>',
    "<html/>\n<body><p>self-closed html</p></body>",
    b"<html><body><p>caf\xc3\xa9</p></body></html>",
    b"<html><head><meta charset='latin-1'></head><body><p>caf\xe9</p></body></html>",
    # Parsed from UTF-8 bytes, whatever the page declares.
    "<html><head><meta charset='iso-8859-1'></head><body><p>café 東京 😀</p></body></html>",
    # Characters XML forbids: deleted, before the doctype and `<html/>` repairs.
    "<!DOCTYPE html>\x0c\n<html><body><p>a\x00b\x1fc</p></body></html>",
    "\x0c\x0c<html/>\n<body><p>self-closed after controls</p></body>",
    "<html><body><p>non\ufffechar\uffff</p></body></html>",
    "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Strict//EN'/>\n<html><body><p>x</p></html>",
]


def _serialized(tree: lxml.html.HtmlElement | None) -> str | None:
    return None if tree is None else lxml.html.tostring(tree, encoding="unicode")


@pytest.mark.parametrize(
    "html",
    [
        *(page.html for name in SETS for page in pages(name)),
        *(path.read_bytes() for path in sorted(PAGES.glob("*.html"))),
        *ODD_INPUTS,
    ],
)
def test_same_tree_as_trafilatura(html: str | bytes) -> None:
    assert _serialized(load_html(html)) == _serialized(trafilatura_load_html(html))


def test_elements_are_html_elements() -> None:
    tree = load_html("<html><body><form><input name='q'></form><p>text</p></body></html>")
    assert tree is not None
    assert all(isinstance(e, lxml.html.HtmlElement) for e in tree.iter())
    assert tree.find(".//p").text_content() == "text"
