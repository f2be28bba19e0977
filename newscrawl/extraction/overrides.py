"""Site field rules: where a field really is, for sites whose metadata is wrong or missing.

A rule is a string `KIND:EXPRESSION`:

- `css:.byline a` — text of the matching elements (CSS selector)
- `xpath://span[@class="date"]/@datetime` — XPath (elements give their text)
- `jsonld:author.name` — a dotted path into the page's Article JSON-LD node
- `meta:article:section` — content of `<meta name|property=...>`

List fields (`authors`, `tags`) take every match; the others take the first. Dates are
normalized like every other date. A rule that finds nothing leaves the value extraction found.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from newscrawl.core.dates import normalize_date

#: Fields a site may override, and whether they are lists.
FIELD_NAMES: dict[str, bool] = {
    "title": False,
    "authors": True,
    "published": False,
    "modified": False,
    "section": False,
    "description": False,
    "tags": True,
    "image": False,
    "language": False,
}
_KINDS = ("css", "xpath", "jsonld", "meta")
_DATE_FIELDS = frozenset({"published", "modified"})


def parse_field_rule(rule: str) -> tuple[str, str]:
    """Split and check a rule; raise ValueError saying what is wrong."""
    kind, separator, expression = rule.partition(":")
    if not separator or kind not in _KINDS or not expression.strip():
        raise ValueError(f"rule {rule!r} must be one of {', '.join(k + ':...' for k in _KINDS)}")
    expression = expression.strip()
    try:
        if kind == "css":
            _css(expression)
        elif kind == "xpath":
            _xpath(expression)
    except (etree.XPathError, SyntaxError, ValueError) as error:
        raise ValueError(f"rule {rule!r}: invalid {kind} expression: {error}") from None
    return kind, expression


def read_field_rules(
    rules: tuple[tuple[str, str], ...],
    tree: HtmlElement,
    json_ld: dict[str, Any],
    meta: dict[str, list[str]],
) -> dict[str, Any]:
    """The fields the rules find on this page (run before any pruning of `tree`: a rule may
    point into chrome, e.g. a byline box). Fields no rule finds are absent."""
    found: dict[str, Any] = {}
    for field, rule in rules:
        if field not in FIELD_NAMES:
            continue
        kind, expression = parse_field_rule(rule)
        values = [v for v in _find(kind, expression, tree, json_ld, meta) if v]
        if field in _DATE_FIELDS:
            values = [d for d in (normalize_date(v) for v in values) if d]
        if values:
            found[field] = list(dict.fromkeys(values)) if FIELD_NAMES[field] else values[0]
    return found


def _find(
    kind: str,
    expression: str,
    tree: HtmlElement,
    json_ld: dict[str, Any],
    meta: dict[str, list[str]],
) -> list[str]:
    if kind == "css":
        return [_text(e) for e in _css(expression)(tree)]
    if kind == "xpath":
        found = _xpath(expression)(tree)
        items = found if isinstance(found, list) else [found]
        return [
            _text(e) if isinstance(e, etree._Element) else " ".join(str(e).split()) for e in items
        ]
    if kind == "jsonld":
        return _json_path(json_ld, expression.split("."))
    return list(meta.get(expression.lower(), []))


def _json_path(value: Any, path: list[str]) -> list[str]:
    if not path:
        if isinstance(value, list):
            return [v for item in value for v in _json_path(item, [])]
        return [" ".join(str(value).split())] if isinstance(value, (str, int, float)) else []
    if isinstance(value, list):
        return [v for item in value for v in _json_path(item, path)]
    if isinstance(value, dict) and path[0] in value:
        return _json_path(value[path[0]], path[1:])
    return []


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


@lru_cache(maxsize=256)
def _css(selector: str) -> CSSSelector:
    return CSSSelector(selector)


@lru_cache(maxsize=256)
def _xpath(expression: str) -> etree.XPath:
    return etree.XPath(expression)
