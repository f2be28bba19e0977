"""Remove site chrome from the HTML tree before the extractor sees it.

Structure tells chrome from article better than text does. Removed here:

- hidden elements (`hidden`, `aria-hidden="true"`, inline `display:none`), which readers
  never see but extractors happily return;
- a site's own chrome selectors (`SiteRules.drop`);
- teaser runs: three or more consecutive sibling blocks, each little more than one link to
  another page of the same site, ending their container (a "Read more" list inside the
  article body is built exactly like that; a real paragraph is not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BLOCK_TAGS = frozenset({"p", "li", "div", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "section"})
_MIN_TEASER_RUN = 3
_MIN_LINK_SHARE = 0.7  # of a teaser block's text that sits inside its one link
_MAX_TEASER_WORDS = 30
# Elements that are never the article; the `<body>`/`<html>` guard keeps pages that hide
# everything until JavaScript runs.
_NEVER_PRUNE = frozenset({"html", "body", "head"})


@dataclass(frozen=True)
class SiteRules:
    """Cleaning rules one site adds to the general ones (picklable: sent to workers)."""

    #: CSS selectors of elements to remove before extraction.
    drop: tuple[str, ...] = ()
    #: Extra tail headers (whole lines) that introduce related headlines on this site.
    tail_headers: tuple[str, ...] = ()


@dataclass
class _Removed:
    by_stage: dict[str, list[str]] = field(default_factory=dict)

    def add(self, stage: str, element: HtmlElement) -> None:
        text = " ".join(element.text_content().split())
        if text:
            self.by_stage.setdefault(stage, []).append(text)
        _drop(element)


def prune_chrome(
    tree: HtmlElement, url: str | None, rules: SiteRules | None = None
) -> dict[str, list[str]]:
    """Remove chrome from `tree` in place; return the removed text by rule."""
    removed = _Removed()
    for element in _hidden_elements(tree):
        removed.add("hidden", element)
    for selector in rules.drop if rules else ():
        for element in _css(selector)(tree):
            if element.tag not in _NEVER_PRUNE:
                removed.add("site_rules", element)
    for run in _teaser_runs(tree, url):
        for element in run:
            removed.add("teaser_links", element)
    return removed.by_stage


@lru_cache(maxsize=256)
def _css(selector: str) -> CSSSelector:
    return CSSSelector(selector)


def _hidden_elements(tree: HtmlElement) -> list[HtmlElement]:
    hidden = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _NEVER_PRUNE:
            continue
        if (
            element.get("hidden") is not None
            or element.get("aria-hidden", "").lower() == "true"
            and element.tag not in {"svg", "i", "span", "img"}
            or _HIDDEN_STYLE.search(element.get("style", ""))
        ):
            hidden.append(element)
    # Keep only the outermost: removing a parent removes its children.
    outermost = set(hidden)
    return [e for e in hidden if not any(a in outermost for a in e.iterancestors())]


def _teaser_runs(tree: HtmlElement, url: str | None) -> list[list[HtmlElement]]:
    host = urlsplit(url).hostname if url else None
    runs: list[list[HtmlElement]] = []
    for parent in tree.iter():
        if not isinstance(parent.tag, str):
            continue
        children = [c for c in parent if isinstance(c.tag, str)]
        if len(children) < _MIN_TEASER_RUN:
            continue
        run: list[HtmlElement] = []
        for child in children:
            if child.tag in _BLOCK_TAGS and _is_teaser(child, url, host):
                run.append(child)
            elif child.text_content().strip():
                run = []
        # Only a run that ends its container: related links follow the article.
        if len(run) >= _MIN_TEASER_RUN:
            runs.append(run)
    return runs


def _is_teaser(block: HtmlElement, url: str | None, host: str | None) -> bool:
    text = " ".join(block.text_content().split())
    if not text or len(text.split()) > _MAX_TEASER_WORDS:
        return False
    links = block.findall(".//a")
    if len(links) != 1:
        return False
    href = links[0].get("href", "")
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return False
    target = urlsplit(urljoin(url or "", href))
    if target.hostname and host and target.hostname.removeprefix("www.") != host.removeprefix(
        "www."
    ):
        return False
    if url and target.path == urlsplit(url).path:
        return False
    link_text = " ".join(links[0].text_content().split())
    return len(link_text) >= _MIN_LINK_SHARE * len(text)


def _drop(element: HtmlElement) -> None:
    """Remove `element` but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
