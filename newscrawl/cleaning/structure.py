"""Page structure that tells the article from what surrounds it, beyond related lists.

- hidden blocks: hidden elements (`scan`), unless they hold prose;
- dialogs: overlays (consent managers, menus, share and sign-up boxes), unless they hold
  the page's headline or an article element;
- landmarks: regions marked by an ARIA landmark role (menus, site headers and footers,
  sidebars, search boxes) outside the article;
- chrome blocks: elements whose class or id names a widespread kind of site chrome
  (newsletter sign-up, share bar, breadcrumb, ...: `markers.CHROME_CLASS_WORDS`), unless
  they hold article-like prose;
- fact boxes: elements whose class or id names an info or fact box, whatever prose they
  hold, once the article has begun above them;
- other articles: when one `<article>` element carries the headline, the other
  `<article>` elements outside it are other stories (teaser cards, "next story");
- tag lists: the links a blog marks `rel="tag"` (tags, categories), with their label;
- sign-up boxes: the few lines around an e-mail field (a newsletter's pitch, a log-in
  box, a comment form's notice), whatever their class names say.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml.etree import XPath

from newscrawl.cleaning import evidence
from newscrawl.cleaning.dom import (
    NEVER_PRUNE,
    comparable,
    is_link_dominated,
    outermost,
    prose_chars,
    prose_runs,
    text_of,
)
from newscrawl.cleaning.markers import CHROME_CLASS_WORDS
from newscrawl.core.text import is_prose

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml.html import HtmlElement

# Class names that name a taxonomy term, not a component (WordPress puts `tag-<slug>`
# and `category-<slug>` on the article itself: `tag-newsletter` is an article).
_TERM_CLASS = re.compile(r"^(tag|category|categories|topic|term|post|format|type)[-_]", re.I)
_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
#: A block holding this many prose paragraphs is article text, whatever its class says.
_MIN_PROSE_PARAGRAPHS = 2
# The article root holds this share of the page's prose: text runs of 120+ characters,
# found by libxml2 (no Python walk over the page; the cheap length test first).
_ROOT_PROSE_SHARE = 0.8
#: ... or this share, for the block under the page's only headline (`_headed_root`).
_HEADED_ROOT_SHARE = 0.6
_MIN_ROOT_CHUNKS = 3
_ROOT_TAGS = frozenset({"div", "section", "td"})
#: Prose above a fact box for it to go: the article began before it.
_MIN_PROSE_BEFORE_BOXES = 400
_MAX_TAG_LIST_WORDS = 80
_TAG_LINKS = XPath(".//a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]")
_TAG_LIST_LINK_SHARE = 0.6
#: An e-mail field, as HTML types it or as sign-up forms name it ("EMAIL", "user_email").
_EMAIL_FIELDS = XPath(
    ".//input[@type='email' or contains(translate(@name, 'EMAIL', 'email'), 'email')]"
)
#: A sign-up box is a heading, a pitch and the consent text: a few lines...
_MAX_SIGNUP_WORDS = 80
#: ... that hold little of the page's prose (a brief's paragraphs in the same block stay).
_MAX_SIGNUP_PROSE_SHARE = 0.2


def find_chrome_blocks(candidates: Iterable[HtmlElement]) -> list[HtmlElement]:
    """Outermost candidates whose class or id names chrome, that do not hold article prose.

    `candidates` are elements whose class or id mentions a chrome word (`scan`), in
    document order: a candidate inside one found already goes with it, unmeasured.
    """
    found: list[HtmlElement] = []
    chosen: set[HtmlElement] = set()
    for element in candidates:
        if any(a in chosen for a in element.iterancestors()):
            continue
        if (
            element.tag not in NEVER_PRUNE
            and _names_chrome(element)
            and not _holds_prose(element, _MIN_PROSE_PARAGRAPHS)
        ):
            found.append(element)
            chosen.add(element)
    return found


def find_hidden_blocks(candidates: Iterable[HtmlElement]) -> list[HtmlElement]:
    """Outermost hidden candidates (`scan`) that do not hold article prose.

    Pages hide boilerplate (menus, modals, templates), but some also hide the article, or
    its second half, until a script or a "Read more" button reveals it: as a block, or
    paragraph by paragraph (a paywall's `<p hidden>`). A hidden paragraph of prose is kept.
    """
    return outermost(
        [
            element
            for element in candidates
            if element.tag not in NEVER_PRUNE
            and not _holds_prose(element, 1 if element.tag == "p" else _MIN_PROSE_PARAGRAPHS)
        ]
    )


def find_dialogs(candidates: Iterable[HtmlElement]) -> list[HtmlElement]:
    """Outermost dialogs (`scan`: `role="dialog"`, `aria-modal="true"`, `<dialog>`) that
    hold no `<h1>` and no `<article>`.

    A page's overlays are chrome whatever their class names: a consent manager's
    preference centre (paragraphs of prose about cookies, so prose does not keep them), a
    menu, a share or sign-up box, a form to report a comment. On the dev sets' pages 27
    sites have one, and none holds a sentence of the article. A dialog that holds the
    page's headline or an article element is where a site shows its article, and stays.
    """
    return outermost(
        [
            element
            for element in candidates
            if element.tag not in NEVER_PRUNE and next(element.iter("h1", "article"), None) is None
        ]
    )


def find_landmarks(candidates: Iterable[HtmlElement]) -> list[HtmlElement]:
    """Outermost landmark regions (`scan`: `role="navigation"`, `"banner"`,
    `"contentinfo"`, ...) outside the article and the page's main region, that hold no
    `<h1>`.

    They are the chrome `<nav>`, `<header>`, `<footer>` and `<aside>` are (trafilatura
    reads the role "navigation" alone). On the dev pages (293, 201 sites) none holds a
    sentence of a gold body: menus on 60 sites, search boxes on 40, site headers on 35,
    footers on 32. Inside `<article>` or `<main>` a role is left to the other rules (a
    site marks its author box "contentinfo": the author's name is there); so is one that
    holds an `<h1>` (a "banner" that is the article's header, with its standfirst).
    """
    return outermost(
        [
            element
            for element in candidates
            if element.tag not in NEVER_PRUNE
            and not any(
                a.tag in ("article", "main") or a.get("role") == "main"
                for a in element.iterancestors()
            )
            and next(element.iter("h1"), None) is None
        ]
    )


def find_fact_boxes(candidates: Iterable[HtmlElement], body: HtmlElement) -> list[HtmlElement]:
    """Outermost candidates (class or id naming an info or fact box, `scan`) that the
    article has begun above: no `<h1>` inside, and a paragraph's worth of prose before.

    A page sets such a box apart from the article's running text: key facts, background,
    a glossary, a disclaimer, a full transcript. Unlike other chrome, a box holds prose, so
    prose does not keep it; the check is that the article is elsewhere and started before
    it (a page whose article is the box, a "Factbox" story, has no prose above it). (The
    dev sets' golds leave every such box out: 9 boxes with text, on 7 sites.)
    """
    boxes = [
        element
        for element in outermost(list(candidates))
        if element.tag not in NEVER_PRUNE and next(element.iter("h1"), None) is None
    ]
    if not boxes:
        return []
    order = {element: n for n, element in enumerate(body.iter())}
    runs = [(order.get(run.getparent(), -1), len(run)) for run in prose_runs(body)]

    def prose_before(box: HtmlElement) -> int:
        start = order.get(box, -1)
        return sum(size for at, size in runs if 0 <= at < start)

    return [box for box in boxes if prose_before(box) >= _MIN_PROSE_BEFORE_BOXES]


def find_signup_boxes(body: HtmlElement) -> list[HtmlElement]:
    """The box around each e-mail field: the largest block around it that is a few lines
    (`_MAX_SIGNUP_WORDS`), without the headline and with little of the page's prose.

    A reader's e-mail address is asked for by newsletter and alert sign-ups, log-in and
    account boxes, comment forms: never by the article. The form itself goes with its
    fields; the box's heading and pitch ("Duisburg-Newsletter: Jetzt kostenlos anmelden!")
    are what extractors keep. (An e-mail field is on 61 dev sites; what this removes
    there holds no sentence of the gold.)"""
    found: list[HtmlElement] = []
    page_prose: int | None = None
    for field in _EMAIL_FIELDS(body):
        box = None
        for ancestor in field.iterancestors():
            if ancestor.tag in NEVER_PRUNE or ancestor is body:
                break
            if len(text_of(ancestor).split()) > _MAX_SIGNUP_WORDS:
                break
            if next(ancestor.iter("h1"), None) is not None:
                break
            held = prose_chars(ancestor)
            if held:
                page_prose = prose_chars(body) if page_prose is None else page_prose
                if held > _MAX_SIGNUP_PROSE_SHARE * page_prose:
                    break
            box = ancestor
        if box is not None and text_of(box):
            found.append(box)
    return outermost(found)


def _names_chrome(element: HtmlElement) -> bool:
    return bool(chrome_word(element))


def chrome_word(element: HtmlElement) -> str:
    """The chrome word (`CHROME_CLASS_WORDS`) the element's class or id names, or ""."""
    names = (element.get("class") or "").split() + (element.get("id") or "").split()
    for name in names:
        if _TERM_CLASS.match(name):
            continue
        words = {w.lower() for w in _CLASS_WORD.findall(name)} & CHROME_CLASS_WORDS
        if words:
            return min(words)
    return ""


def _holds_prose(element: HtmlElement, paragraphs: int) -> bool:
    """At least `paragraphs` paragraphs of prose below `element`. A `<p>`: the markup says
    paragraph, so its words alone decide (`is_prose` without a stop; whitespace does not
    change a word count, so the text is not collapsed). Pages that write no `<p>` (a
    `<div>` a paragraph, or text parted by `<br>`s) hold their paragraphs as runs of prose
    outside any `<p>` (`prose_runs`): each counts too. Stops counting there."""
    count = 0
    for p in element.iter("p"):
        if is_prose(p.text_content(), needs_stop=False):
            count += 1
            if count >= paragraphs:
                return True
    for run in prose_runs(element):
        holder = run.getparent()
        if holder is not None and run.is_tail:
            holder = holder.getparent()
        if holder is None or holder.tag == "p" or any(a.tag == "p" for a in holder.iterancestors()):
            continue  # counted with its <p>
        count += 1
        if count >= paragraphs:
            return True
    return False


def find_tag_lists(body: HtmlElement) -> list[HtmlElement]:
    """Blocks that list the article's tags or categories (links marked `rel="tag"`).

    `rel="tag"` is the microformat blogs put on tag and category links; the block around
    such links, while made of links, is the "Tags: a, b, c" line.
    """
    blocks: list[HtmlElement] = []
    for link in _TAG_LINKS(body):
        block = None
        for ancestor in link.iterancestors():
            if ancestor.tag in NEVER_PRUNE or len(text_of(ancestor).split()) > _MAX_TAG_LIST_WORDS:
                break
            if not is_link_dominated(ancestor, _TAG_LIST_LINK_SHARE):
                break
            block = ancestor
        if block is not None and block not in blocks:
            blocks.append(block)
    return outermost(blocks)


def find_other_articles(body: HtmlElement, headlines: tuple[str, ...]) -> list[HtmlElement]:
    """`<article>` elements unrelated to the one that carries the page's headline.

    Only when exactly one `<h1>` shows the headline and it sits in an `<article>`: without
    that anchor (a headline above the `<article>`, or repeated in a teaser card), several
    `<article>` elements may just be the article's own parts.
    """
    wanted = {comparable(h) for h in headlines if h}
    wanted.discard("")
    if not wanted:
        return []
    titles = [h for h in body.iter("h1") if comparable(h.text_content()) in wanted]
    main = next(titles[0].iterancestors("article"), None) if len(titles) == 1 else None
    if main is None:
        return []
    around = set(main.iterancestors())
    others = [
        a
        for a in body.iter("article")
        if a is not main and a not in around and main not in set(a.iterancestors())
    ]
    return outermost(others)


def find_article_root(body: HtmlElement) -> HtmlElement | None:
    """The block that holds the article's prose, on pages whose markup names none.

    Extractors find the body by its markup (`<article>`, `<main>`, class names such as
    "article-body"); a page with none of them (obfuscated class names, old layouts) leaves
    them guessing paragraph by paragraph, and lists and subheadings get lost. The root is
    the innermost block holding most of the page's prose (`prose_runs`: runs of text as
    long as a paragraph's sentences, in paragraphs or between line breaks, shorter in
    scripts without spaces; captions aside), reader comments (a long thread can outweigh
    a short article) and the text of links (a teaser card's summary, inside its link)
    left out. On a page with one `<h1>`, the block under it that holds a smaller majority
    of the prose (`_headed_root`) is the root instead, where it lies inside that block or
    no such block is found. A lede set apart before the root, a `<p>` of prose beside it,
    takes the root up to their parent (`_with_lede`). Tagged as `<article>`, the root
    shows the extractor where to read; that narrows what it reads, so the caller undoes
    the tag when the text falls short of the page's prose.
    """
    if next(body.iter("article", "main"), None) is not None:
        return None
    held: dict[HtmlElement, int] = {}
    total = chunks = 0
    for run in prose_runs(body):
        container = run.getparent()
        if container is not None and run.is_tail:
            container = container.getparent()
        if container is None:
            continue
        ancestors = [container, *container.iterancestors()]
        if any(_names_comments(a) or a.tag == "a" for a in ancestors):
            continue
        size = len(run)
        total += size
        chunks += 1
        for ancestor in ancestors:
            held[ancestor] = held.get(ancestor, 0) + size
    if chunks < _MIN_ROOT_CHUNKS:
        return None
    roots = [e for e, size in held.items() if size >= _ROOT_PROSE_SHARE * total]
    root = max(roots, key=_depth)  # the innermost
    headed = _headed_root(body, held, total)
    if headed is not None and (root.tag not in _ROOT_TAGS or root in headed.iterancestors()):
        root = headed
        if evidence.collecting_enabled():
            evidence.fired("extraction/headed_root", text_of(root))
    root = _with_lede(root, held)
    return root if root.tag in _ROOT_TAGS else None


def _with_lede(root: HtmlElement, held: dict[HtmlElement, int]) -> HtmlElement:
    """The root's parent, when a `<p>` of prose stands before the root in it: the lede set
    apart from the rest (a paywall's visible first paragraph over the hidden rest, a lede
    above the body's block). Shown the root alone, the extractor would leave it out."""
    parent = root.getparent()
    if parent is None or parent.tag not in _ROOT_TAGS:
        return root
    for sibling in root.itersiblings(preceding=True):
        if sibling.tag == "p" and held.get(sibling):
            if evidence.collecting_enabled():
                evidence.fired("extraction/root_with_lede", text_of(sibling))
            return parent
    return root


def _depth(element: HtmlElement) -> int:
    return sum(1 for _ in element.iterancestors())


def _headed_root(body: HtmlElement, held: dict[HtmlElement, int], total: int) -> HtmlElement | None:
    """The block under the page's only `<h1>` that holds its prose, when the block around
    that headline holds most of the page's prose: less than `find_article_root` asks of a
    block without a headline, since a sidebar or footer of prose outweighs a short
    article's share. trafilatura needs the innermost block: it tests the whole page for
    `<p>` text, and a page with some (a sidebar's) has it skip the text written straight
    into a `<div>`, except in the block it is shown as the article."""
    headlines = list(body.iter("h1"))
    if len(headlines) != 1:
        return None
    around = [
        a for a in headlines[0].iterancestors() if held.get(a, 0) >= _HEADED_ROOT_SHARE * total
    ]
    if not around:
        return None
    root = max(around, key=_depth)
    while True:  # down to the block that holds all of it (the body under headline and byline)
        inner = [child for child in root if held.get(child) == held[root]]
        if len(inner) != 1:
            return root
        root = inner[0]


def _names_comments(element: HtmlElement) -> bool:
    names = f"{element.get('class', '')} {element.get('id', '')}".lower()
    return "comment" in names
