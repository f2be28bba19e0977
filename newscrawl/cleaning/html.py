"""Remove site chrome from the HTML tree before the extractor sees it.

Structure tells chrome from article better than text does. Removed here, each rule under
its own name in the returned report (and first, unreported, the scripts and style sheets
of `<head>`, JSON-LD aside: nobody reads them, and trafilatura would copy them):

- `furniture`: `<nav>`, `<footer>`, `<aside>`, scripts and the like, which trafilatura
  discards anyway (removed first, so that no later rule spends time on them), and, once
  `scan` found them, the same regions marked by an ARIA landmark role outside the article
  (`role="navigation"`, `"banner"`, `"contentinfo"`, menus: `structure.find_landmarks`);
  except one that holds most of the page's prose: that is the article, put there by
  broken markup (an unclosed `<aside>`) or by a site that serves it in `<noscript>`, and
  it is turned into a plain block instead (a landmark region is kept as it is);
- `hidden`: hidden elements (`hidden`, `aria-hidden="true"`, inline `display:none`), which
  readers never see but extractors happily return, unless they hold the article's prose
  (pages that reveal the article, or its second half, by script); a hidden paragraph of
  prose that stays is shown (its hiding attributes dropped), as trafilatura drops it;
- `dialogs`: overlays that say they are (`role="dialog"`, `aria-modal="true"`,
  `<dialog>`): consent managers, menus, share and sign-up boxes, whatever their class
  names and prose, unless one holds the page's `<h1>` or an `<article>`;
- (kept) an embedded post (a tweet, in its platform's embed markup) takes the place of
  wrappers that hold nothing else, which trafilatura drops for their class names
  ("social-media-embed", "article-widget");
- `site_rules`: a site's own chrome selectors (`SiteRules.drop`);
- `chrome_blocks`: elements whose class or id names newsletter boxes, share bars,
  breadcrumbs and the like (`markers.CHROME_CLASS_WORDS`);
- `signup_boxes`: the few lines around an e-mail field (newsletter and log-in boxes,
  comment forms), whatever their class names;
- `fact_boxes`: info and fact boxes (class or id "infobox", "fact-box", ...), side content
  whatever prose they hold, unless the article is in one;
- `tag_lists`: tag and category link lists (`rel="tag"`);
- `other_articles`: `<article>` elements besides the one carrying the headline;
- `related_lists`, `inline_teasers`, `link_paragraphs`, `teaser_links`: related-headline
  blocks, with or without a header phrase (`related`); `related_labels`: the label left
  alone above such a block ("Top-Themen"), in any language.

Layout tables are left as they are: trafilatura reads old table-layout pages better than
it reads them flattened into blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from lxml.cssselect import CSSSelector
from lxml.etree import XPath

from newscrawl.cleaning import evidence, related, structure
from newscrawl.cleaning.dom import NEVER_PRUNE, drop, outermost, prose_chars, text_of
from newscrawl.cleaning.markers import matching_phrases
from newscrawl.cleaning.scan import HIDDEN_STYLE, scan

if TYPE_CHECKING:
    from lxml.html import HtmlElement


#: The platforms' own embed markup for a post quoted in an article.
_EMBEDDED_POSTS = XPath(
    "descendant::blockquote[contains(concat(' ', normalize-space(@class), ' '), ' twitter-tweet ')"
    " or contains(@class, 'instagram-media') or contains(@class, 'tiktok-embed')"
    " or contains(@class, 'bluesky-embed') or contains(@class, 'text-post-media')]"
)


# Elements trafilatura always discards (a subset of its MANUALLY_CLEANED list).
_FURNITURE_TAGS = (
    *("nav", "footer", "aside", "svg", "noscript", "iframe", "template", "select"),
    *("script", "style"),
)
# Furniture that may hold the article (the others never hold text a reader sees as such).
_CONTAINER_FURNITURE = frozenset({"nav", "footer", "aside", "noscript"})
#: Furniture that holds code, not text: removed unreported, as the code in `<head>` is.
#: Reported, scripts and style sheets were 95% of the furniture's "text" on the dev sets
#: (18 of 19 million characters), in the counts the crawl's stats and health report give.
_CODE_FURNITURE = frozenset({"script", "style"})
#: A furniture element holding this share of the page's prose holds the article...
_ARTICLE_PROSE_SHARE = 0.5
#: ...and at least this many characters of it.
_MIN_ARTICLE_PROSE = 400


@dataclass(frozen=True)
class SiteRules:
    """Cleaning rules one site adds to the general ones (picklable: sent to workers)."""

    #: CSS selectors of elements to remove before extraction.
    drop: tuple[str, ...] = ()
    #: Extra tail headers (whole lines) that introduce related headlines on this site.
    tail_headers: tuple[str, ...] = ()
    #: Field rules, (field, "css:..." | "xpath:..." | "jsonld:..." | "meta:..."), for fields
    #: the site's metadata gets wrong (see `newscrawl.extraction.overrides`).
    fields: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PageClues:
    """What the page says about its own article (structured data), used as evidence."""

    #: Forms of the headline: JSON-LD `headline`, `og:title`, `<title>` without site name.
    headlines: tuple[str, ...] = ()


@dataclass
class _Removed:
    """Removes elements from the page and records their text by rule."""

    root: HtmlElement
    by_stage: dict[str, list[str]] = field(default_factory=dict)

    def add(
        self, stage: str, element: HtmlElement, *, attached: bool = False, detail: str = ""
    ) -> None:
        """Remove `element`; `attached` skips the check that no earlier rule removed it.
        `detail` names the rule's variant for the rule-usage report (`evidence`)."""
        if not attached and not _attached(element, self.root):
            return  # removed already, with an ancestor
        text = text_of(element)
        if text:
            self.by_stage.setdefault(stage, []).append(text)
        evidence.fired(f"html/{stage}/{detail}" if detail else f"html/{stage}", text)
        drop(element)


def prune_chrome(
    tree: HtmlElement,
    url: str | None,
    rules: SiteRules | None = None,
    clues: PageClues | None = None,
) -> dict[str, list[str]]:
    """Remove chrome from `tree` in place; return the removed text by rule."""
    body = tree.find("body")
    if body is None:
        body = tree
    removed = _Removed(tree)
    _drop_head_code(tree)
    furniture = _furniture(body)
    holders = _article_holders(
        body, [element for element in furniture if element.tag in _CONTAINER_FURNITURE]
    )
    for element in furniture:
        if element in holders:
            evidence.fired(f"html/furniture_kept/{element.tag}", text_of(element))
            element.tag = "div"  # trafilatura would discard it whole
        elif element.tag in _CODE_FURNITURE:
            drop(element)
        else:
            removed.add("furniture", element, attached=True, detail=element.tag)
    _lift_embedded_posts(body)
    candidates = scan(body)
    hidden = structure.find_hidden_blocks(candidates.hidden)
    for element in hidden:
        removed.add("hidden", element)
    _show_hidden_paragraphs(set(candidates.hidden) - set(hidden))
    for element in structure.find_dialogs(candidates.dialogs):
        removed.add("dialogs", element)
    landmarks = structure.find_landmarks(candidates.landmarks)
    holders = _article_holders(body, landmarks)
    for element in landmarks:
        if element not in holders:
            removed.add("furniture", element, detail=f"role_{element.get('role')}")
    for selector in rules.drop if rules else ():
        for element in _css(selector)(tree):
            if element.tag not in NEVER_PRUNE:
                removed.add("site_rules", element)
    naming = evidence.collecting_enabled()
    for element in structure.find_chrome_blocks(candidates.chrome):
        word = structure.chrome_word(element) if naming else ""
        removed.add("chrome_blocks", element, detail=word)
    for element in structure.find_signup_boxes(body):
        removed.add("signup_boxes", element)
    for element in structure.find_fact_boxes(candidates.boxes, body):
        removed.add("fact_boxes", element)
    for element in structure.find_tag_lists(body):
        removed.add("tag_lists", element)
    if clues is not None:
        for element in structure.find_other_articles(body, clues.headlines):
            removed.add("other_articles", element)
    _remove_related(body, url, candidates.headers, removed)
    return removed.by_stage


def _lift_embedded_posts(body: HtmlElement) -> None:
    """Put each embedded post (a tweet, an Instagram or TikTok post, as the platform's
    embed code writes it) in the place of the wrappers that hold nothing else: a site
    names them "social-media-embed" or "article-widget", words for which trafilatura
    drops a block, and the quoted post is the article's."""
    for post in _EMBEDDED_POSTS(body):
        text = text_of(post)
        outer = post
        for ancestor in post.iterancestors():
            if ancestor.tag in (*NEVER_PRUNE, "article") or text_of(ancestor) != text:
                break
            outer = ancestor
        if outer is not post:
            post.tail = outer.tail
            outer.getparent().replace(outer, post)
            evidence.fired("html/embedded_post_kept", text)


def _show_hidden_paragraphs(kept: set[HtmlElement]) -> None:
    """Show the hidden paragraphs of prose that stay (a paywall hides the article's
    paragraphs one by one, `<p aria-hidden="true">`, until a script shows them): as they
    are, trafilatura drops them on pages whose class names give it no article block."""
    for element in kept:
        if element.tag != "p":
            continue
        element.attrib.pop("hidden", None)
        if (element.get("aria-hidden") or "").lower() == "true":
            del element.attrib["aria-hidden"]
        style = element.get("style")
        if style and HIDDEN_STYLE.search(style.lower()):
            element.set("style", HIDDEN_STYLE.sub("", style.lower()))
        evidence.fired("html/hidden_kept", text_of(element))


def _remove_related(
    body: HtmlElement, url: str | None, header_candidates: list[HtmlElement], removed: _Removed
) -> None:
    for header in related.find_header_elements(header_candidates):
        if not _attached(header, removed.root):
            continue
        listed = related.headed_list(header)
        phrase = _header_phrase(header) if evidence.collecting_enabled() else ""
        for element in listed:
            removed.add("related_lists", element, detail=phrase)
        teaser = None if listed else related.inline_teaser(header)
        if teaser is not None:
            removed.add("inline_teasers", teaser, detail=phrase)
    paragraphs = related.find_link_paragraphs(body, url)
    labels = related.orphaned_labels(paragraphs)
    for paragraph in paragraphs:
        removed.add("link_paragraphs", paragraph, attached=True)
    runs = related.find_teaser_runs(body, url)
    labels += related.orphaned_labels([element for run in runs for element in run])
    for run in runs:
        for element in run:
            # Found on the tree as pruned so far, and disjoint: no check needed.
            removed.add("teaser_links", element, attached=True)
    for label in labels:
        removed.add("related_labels", label)


def _header_phrase(header: HtmlElement) -> str:
    """The header phrase(s) a related block was found by, for the rule-usage report."""
    return "+".join(matching_phrases("tail_header", text_of(header))) or "unnamed"


def _attached(element: HtmlElement, root: HtmlElement) -> bool:
    """False once an earlier rule removed the element or one of its ancestors."""
    return any(a is root for a in element.iterancestors())


def _article_holders(body: HtmlElement, candidates: list[HtmlElement]) -> set[HtmlElement]:
    """The candidates (containers among the furniture, landmark regions) that hold most of
    the page's prose: the article's.

    Cheap first: a container's text bounds its prose, so menus and footers are passed
    over without measuring, and the page's prose is measured only for a container that
    holds a paragraph's worth of it.
    """
    holders: set[HtmlElement] = set()
    page_prose: int | None = None
    for element in candidates:
        if len(element.text_content()) < _MIN_ARTICLE_PROSE:
            continue
        held = prose_chars(element)
        if held < _MIN_ARTICLE_PROSE:
            continue
        if page_prose is None:
            page_prose = prose_chars(body)
        if held >= _ARTICLE_PROSE_SHARE * page_prose:
            holders.add(element)
    return holders


def _furniture(body: HtmlElement) -> list[HtmlElement]:
    """Navigation, footers, asides, scripts and the like: never the article.

    trafilatura discards these elements itself; removing them first spares every later rule
    (and trafilatura) walking them. JSON-LD scripts stay: they are the page's own metadata.
    """
    found = [
        element
        for element in body.iter(*_FURNITURE_TAGS)
        if element.tag != "script" or not _is_json_ld(element)
    ]
    return outermost(found)


def _drop_head_code(tree: HtmlElement) -> None:
    """Drop the scripts and style sheets of `<head>` (JSON-LD aside): trafilatura copies the
    whole tree before it discards them (2-3% of a page's CPU, measured on both dev sets),
    and nothing after the structured data reads them. Not reported: no reader sees them."""
    head = tree.find("head")
    if head is None:
        return
    for element in list(head.iter("script", "style")):
        if element.tag == "style" or not _is_json_ld(element):
            drop(element)


def _is_json_ld(script: HtmlElement) -> bool:
    """The page's own metadata, which stays wherever the scripts around it go."""
    return script.get("type") == "application/ld+json"


@lru_cache(maxsize=256)
def _css(selector: str) -> CSSSelector:
    return CSSSelector(selector)
