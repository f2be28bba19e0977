"""Render the demo news site, *The Harbour Gazette*, from ``tools/demo_content.toml`` into
``newscrawl/demo/site/`` (package data: the demo spider serves it).

What and why
------------
newscrawl's showcase and end-to-end test crawl a small, fictional news website offline. For
that test to mean anything the site has to look like the real thing (three different page
templates, heavy chrome, related-headline tails, sitemaps, feeds, a PDF, a dead link) and its
contents have to be known exactly. So the site is *generated*: ``content.toml`` holds every
article (title, authors, dates, tags, paragraphs), this module renders it into static files
under ``site/`` and both are committed. Rendering is deterministic: same input, same bytes
(sorted iteration, no clock, gzip with ``mtime=0``).

Usage::

    python tools/build_demo.py            # (re)write newscrawl/demo/site/
    python tools/build_demo.py --check    # exit 1 if the committed site is stale

Tests import the expectations from here: :func:`load_content`, :func:`article_url`,
:data:`CHROME_SNIPPETS` (strings from the page chrome that must never reach an exported
article), :data:`TAIL_SNIPPETS` (the related headlines), :data:`CAPTION_SNIPPETS` (photo
captions) and :data:`NON_ARTICLE_URLS` (paths that must not be exported). Compare them with
whitespace collapsed to single spaces.

Conventions the crawler and its test server rely on
---------------------------------------------------
* ``{{BASE}}`` placeholder. Sitemaps and feeds need absolute URLs, but the demo is served
  from ``http://127.0.0.1:<random port>``. So ``robots.txt``, ``sitemap_index.xml``,
  ``sitemaps/*.xml``, ``sitemaps/*.xml.gz`` and ``feeds/*.xml`` write ``{{BASE}}`` where the
  scheme and host go (``{{BASE}}/city/2026/...``), and the test server replaces it with the
  real ``http://127.0.0.1:<port>`` when serving (for ``.xml.gz``: decompress, replace,
  recompress). HTML pages never contain ``{{BASE}}``: they link site-relative (``/city/``),
  and their canonical URL (``<link rel="canonical">``, ``og:url``, JSON-LD) uses the
  outlet's canonical host ``https://www.harbourgazette.example``, which is deliberately not
  the host the page is fetched from.
* ``robots.txt`` disallows ``/search`` and ``/account/`` and names the sitemap index as
  ``Sitemap: {{BASE}}/sitemap_index.xml`` (robots.txt requires an absolute URL, hence the
  placeholder).
* Gzip: only ``sitemaps/archive-2026-10.xml.gz`` is compressed; a static server sends it
  with ``Content-Encoding: gzip``. ``--check`` compares it decompressed, so a different
  zlib build cannot make the check fail.
* Traps on purpose: the news sitemap and RSS feed list one removed story (404); a business
  article links to a PDF at a dated, article-like URL that is also in the archive sitemap;
  section and home pages link to some articles twice (teaser and "Most read") and home
  teasers also link to ``<article>#comments``; ``/about.html`` is prose without any
  article metadata; one ``inline_related`` article's UTC date (JSON-LD) is the day before
  its URL date. Listing pages declare ``og:type`` ``website`` (author pages ``profile``);
  static pages declare none.

Article templates
-----------------
``semantic``
    HTML5 ``<article>``, ``<time>``, ``rel="author"``, ``<div class="article-body">``,
    related links in ``<aside>``; JSON-LD ``NewsArticle``, OpenGraph and ``article:*`` meta.
``soup``
    Legacy CMS markup: layout tables, hashed class names, no semantic elements (the
    headline is a ``<div>``), body in ``<div class="q7_txt">``
    (with one ``<br><br>``-joined pair of paragraphs), plain-text byline
    ("By A and B | Updated 4 November 2026, 09:12"), metadata only in ``<meta>`` tags, no
    JSON-LD and no canonical link.
``inline_related``
    WordPress-like theme whose related headlines sit inside the body container after the
    last paragraph: ``<p>-</p>`` then one ``<p>`` per headline ending in `` -`` (the very
    last one has no dash on every other page, as in real extractor output); JSON-LD
    ``Article`` with a single ``author`` object and UTC (``Z``) dates.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import json
import sys
import tomllib
from datetime import date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

__all__ = [
    "BASE_PLACEHOLDER",
    "CAPTION_SNIPPETS",
    "CHROME_SNIPPETS",
    "CONTENT_PATH",
    "NON_ARTICLE_URLS",
    "SITE_DIR",
    "TAIL_SNIPPETS",
    "ContentError",
    "article_url",
    "build_site",
    "check_site",
    "load_content",
    "main",
    "related_articles",
    "validate_content",
    "write_site",
]

Article = dict[str, Any]
Content = dict[str, Any]

TOOLS_DIR: Final = Path(__file__).resolve().parent
CONTENT_PATH: Final = TOOLS_DIR / "demo_content.toml"
SITE_DIR: Final = TOOLS_DIR.parent / "newscrawl" / "demo" / "site"
BASE_PLACEHOLDER: Final = "{{BASE}}"
LOGO_PATH: Final = "/static/img/gazette-logo.svg"

TEMPLATES: Final = ("semantic", "soup", "inline_related")
LANGUAGES: Final = ("en", "de", "fr")
FIRST_DAY: Final = date(2026, 10, 1)
LAST_DAY: Final = date(2026, 11, 20)
MIN_BLOCKS, MAX_BLOCKS = 4, 12
MIN_WORDS, MAX_WORDS = 150, 900
RSS_ITEMS: Final = 12
HOME_TEASERS: Final = 10
ARCHIVE_MONTH: Final = "2026-10"

# --------------------------------------------------------------------------------------
# Chrome text. Everything a page shows around the article comes from here (or from the
# authors' bios and photo credits in content.toml), so that CHROME_SNIPPETS is complete.
# --------------------------------------------------------------------------------------

SKIP_LINK: Final = "Skip to main content"
NAV_SUBSCRIBE: Final = "Subscribe"
NAV_SIGN_IN: Final = "Sign in"
SEARCH_LABEL: Final = "Search the Gazette"
BREADCRUMB_PREFIX: Final = "You are here:"
SHARE_PROMPT: Final = {
    "en": "Share this article",
    "de": "Artikel teilen",
    "fr": "Partager cet article",
}
COPY_LINK: Final = {"en": "Copy link", "de": "Link kopieren", "fr": "Copier le lien"}
SHARE_NETWORKS: Final = ("Facebook", "X", "WhatsApp", "Email")
NEWSLETTERS: Final = {
    "default": (
        "Sign up for The Morning Briefing",
        "The day's essential Saltmere news, in your inbox before 7am.",
    ),
    "sport": (
        "Sign up for Full Time",
        "Rovers, rowing and the weekend's results from across the estuary, every Monday.",
    ),
    "culture": (
        "Sign up for The Weekend Edit",
        "What to see, hear and read in Saltmere, every Friday lunchtime.",
    ),
}
NEWSLETTER_SMALLPRINT: Final = (
    "You can unsubscribe at any time. By signing up you agree to our privacy policy."
)
COOKIE_TEXT: Final = (
    "We use cookies to personalise content and ads, to provide social media features and "
    "to analyse our traffic. You can change your choices at any time."
)
COOKIE_ACCEPT: Final = "Accept all"
COOKIE_MANAGE: Final = "Manage preferences"
AD_LABEL: Final = "Advertisement"
AD_LABEL_LEGACY: Final = "ADVERTISEMENT"
SPONSORED_LABEL: Final = "Paid partner content"
SPONSORED_TEXT: Final = "Winter breaks on the estuary from £49 a night"
READ_MORE: Final = {"en": "Read more", "de": "Mehr zum Thema", "fr": "À lire aussi"}
TRENDING: Final = "Trending"
MOST_POPULAR: Final = "Most popular"
MOST_READ: Final = "Most read"
LATEST: Final = "Latest news"
PAYWALL_LABEL: Final = "Subscriber exclusive"
PAYWALL_TEXT: Final = (
    "This article is available to Gazette subscribers. Sign in or subscribe to keep reading."
)
COMMENTS_NOTE: Final = "Comments are moderated according to our community guidelines."
COMMENTS_MORE: Final = "Show more comments"
MORE_FROM: Final = "More from"
TAGGED: Final = "Topics:"
DOWNLOAD_PREFIX: Final = "Download:"
FOOTER_LINKS: Final = (
    ("/about.html", "About us"),
    ("/contact.html", "Contact"),
    ("/privacy.html", "Privacy"),
    ("/subscribe.html", "Subscribe"),
    ("/feeds/rss.xml", "RSS"),
)
COPYRIGHT: Final = "© 2026 The Harbour Gazette. All rights reserved."
PHOTOGRAPH: Final = "Photograph:"

# Reader comments, shown two or three per article by rotation: (name, text).
COMMENTS: Final = {
    "en": (
        (
            "harbourwatcher",
            "Good to see the Gazette talking to the people affected rather than just the "
            "press office.",
        ),
        (
            "Marjorie P",
            "I have lived here for forty years and never seen anything in this city finished "
            "on time. We shall see.",
        ),
        ("northgate_nick", "Does anyone know if this changes anything for the 14 bus?"),
        ("saltmere_sal", "Proper local journalism. This is why I pay for it."),
        ("FennickFerryFan", "Somebody needs to ask who signed this off in the first place."),
        (
            "K. Dunmore",
            "Interesting piece, but it would be nice to hear the other side of the argument too.",
        ),
        ("quaysider", "My grandad would have had plenty to say about this. Times change."),
        ("RopewalkRita", "Shared with the neighbours. Fingers crossed it works out."),
    ),
    "de": (
        ("Hanne K.", "Schön zu sehen, dass die Partnerschaft nach so vielen Jahren lebt."),
        ("foerdeblick", "Bin gespannt, ob das im Alltag so gut klappt wie bei der Eröffnung."),
        ("Jens aus Osterholm", "Grüße nach Saltmere! Wir freuen uns auf den Besuch."),
    ),
    "fr": (
        ("Gwen L.", "Merci pour cet article, on parle trop rarement de nos petits ports."),
        ("marin56", "Triste de voir le port se vider année après année."),
        ("Soazig", "Bravo à ceux qui continuent malgré tout."),
    ),
}

MONTHS: Final = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}
BY: Final = {"en": "By", "de": "Von", "fr": "Par"}
AND: Final = {"en": "and", "de": "und", "fr": "et"}
PUBLISHED: Final = {"en": "Published", "de": "Veröffentlicht", "fr": "Publié le"}
UPDATED: Final = {"en": "Updated", "de": "Aktualisiert", "fr": "Mis à jour le"}
OG_LOCALE: Final = {"en": "en_GB", "de": "de_DE", "fr": "fr_FR"}

STYLESHEET: Final = """\
/* The Harbour Gazette: minimal demo stylesheet. */
body { margin: 0; font: 17px/1.55 Georgia, "Times New Roman", serif; color: #1b1b1b; }
a { color: #0b4f71; }
.site-header, .site-footer, .masthead, .primary-nav ul { padding: 0 1rem; }
.primary-nav ul, .share ul, .tags ul { list-style: none; display: flex; gap: 1rem; }
.layout { display: flex; gap: 2rem; max-width: 1100px; margin: 0 auto; padding: 0 1rem; }
.layout > article, .layout > .content-area { flex: 3; }
.layout > aside.sidebar, .layout > .widget-area { flex: 1; font-size: 0.9em; }
.cookie-banner { position: fixed; bottom: 0; left: 0; right: 0; background: #eee; padding: 1rem; }
.ad-slot { background: #f4f4f4; min-height: 90px; text-align: center; font-size: 0.7em; }
figcaption, .credit { font-size: 0.8em; color: #555; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; }
"""

LOGO_SVG: Final = """\
<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
<title>The Harbour Gazette</title>
<rect width="64" height="64" fill="#0b4f71"/>
<path d="M8 44 Q20 36 32 44 T56 44" stroke="#fff" stroke-width="4" fill="none"/>
<text x="32" y="30" font-family="Georgia" font-size="22" fill="#fff" text-anchor="middle">HG</text>
</svg>
"""


class ContentError(ValueError):
    """content.toml is inconsistent or breaks one of the demo's rules."""


# --------------------------------------------------------------------------------------
# Loading and small helpers
# --------------------------------------------------------------------------------------


def load_content(path: Path | str | None = None) -> Content:
    """Parse ``content.toml`` (or ``path``) and return it as a plain dict."""
    with Path(path or CONTENT_PATH).open("rb") as fh:
        return tomllib.load(fh)


def parse_dt(value: str) -> datetime:
    """Parse one of content.toml's ISO 8601 timestamps (always with a UTC offset)."""
    return datetime.fromisoformat(value)


def article_url(article: Article) -> str:
    """Site-relative URL of an article: ``/<section>/<yyyy>/<mm>/<dd>/<slug>.html``.

    The date is the local date of ``published`` as written (its own UTC offset).
    """
    day = parse_dt(article["published"]).date()
    return f"/{article['section']}/{day:%Y/%m/%d}/{article['slug']}.html"


def text_blocks(article: Article) -> list[str]:
    """The article's text as an extractor should return it, block by block, in order:
    paragraphs, list items, and a list box's heading before its items."""
    blocks: list[str] = []
    for block in article["paragraphs"]:
        if isinstance(block, str):
            blocks.append(block)
        elif isinstance(block, list):
            blocks.extend(block)
        else:
            blocks.extend([block["heading"], *block["items"]])
    return blocks


def _body(article: Article) -> list[Any]:
    """The blocks a page shows: the article's, then its contributor credit if it has one
    (a line about the article that the cleaner removes, so not one of `text_blocks`)."""
    credit = article.get("credit")
    return [*article["paragraphs"], *([credit] if credit else [])]


def section_url(slug: str, page: int = 1) -> str:
    return f"/{slug}/" if page == 1 else f"/{slug}/page/{page}/"


def tag_url(slug: str) -> str:
    return f"/tag/{slug}/"


def author_url(slug: str) -> str:
    return f"/author/{slug}/"


def _index_file(url: str) -> str:
    """Map a site-relative URL to the file that serves it (``/x/`` -> ``/x/index.html``)."""
    return url + "index.html" if url.endswith("/") else url


def _e(text: str) -> str:
    """Escape for HTML text and double-quoted attributes (apostrophes stay readable)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def _x(text: str) -> str:
    return xml_escape(text)


def _words(block: Any) -> list[str]:
    return [word for text in _block_texts(block) for word in text.split()]


def _block_texts(block: Any) -> list[str]:
    """The visible strings of one body block (paragraph, list or headed list)."""
    if isinstance(block, str):
        return [block]
    if isinstance(block, list):
        return [str(item) for item in block]
    if isinstance(block, dict):
        return [str(block.get("heading", "")), *[str(i) for i in block.get("items", [])]]
    raise ContentError(f"unsupported paragraph block: {block!r}")


def _join_names(names: list[str], lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {AND[lang]} {names[-1]}"


def _display_dt(value: str, lang: str) -> str:
    dt = parse_dt(value)
    month = MONTHS[lang][dt.month - 1]
    if lang == "de":
        return f"{dt.day}. {month} {dt.year}, {dt:%H:%M} Uhr"
    if lang == "fr":
        return f"{dt.day} {month} {dt.year} à {dt.hour}h{dt.minute:02d}"
    return f"{dt.day} {month} {dt.year}, {dt:%H:%M}"


def _display_date(value: str) -> str:
    dt = parse_dt(value)
    return f"{dt.day} {MONTHS['en'][dt.month - 1]} {dt.year}"


def _utc_z(value: str) -> str:
    """The same instant as ``value`` in the UTC ``Z`` form with milliseconds."""
    dt = parse_dt(value)
    utc = dt - (dt.utcoffset() or timedelta(0))
    return f"{utc:%Y-%m-%dT%H:%M:%S}.000Z"


def _legacy_class(label: str) -> str:
    """A stable, meaningless class pair for the legacy CMS template (e.g. ``xa3f1 k9e2``)."""
    digest = hashlib.sha1(label.encode()).hexdigest()
    return f"x{digest[:4]} {chr(ord('a') + int(digest[4:6], 16) % 26)}{digest[6:9]}"


def _json_ld(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("</", "<\\/")


# --------------------------------------------------------------------------------------
# The site model: lookups and orderings shared by every renderer
# --------------------------------------------------------------------------------------


class Site:
    """content.toml plus the lookups and orderings the renderers need."""

    def __init__(self, content: Content) -> None:
        articles = sorted(content["articles"], key=lambda a: a["slug"])
        articles.sort(key=lambda a: parse_dt(a["published"]), reverse=True)
        self.content = content
        self.sections: dict[str, dict[str, Any]] = {s["slug"]: s for s in content["sections"]}
        self.authors: dict[str, dict[str, Any]] = {a["slug"]: a for a in content["authors"]}
        self.tags: dict[str, str] = dict(content["tags"])
        self.articles: list[Article] = articles  # newest first, ties broken by slug
        self.by_slug: dict[str, Article] = {a["slug"]: a for a in articles}

    @property
    def name(self) -> str:
        return str(self.content["site"]["name"])

    @property
    def canonical_base(self) -> str:
        return str(self.content["site"]["canonical_base"]).rstrip("/")

    def canonical(self, url: str) -> str:
        return self.canonical_base + url

    def index_of(self, article: Article) -> int:
        return self.articles.index(article)

    def author_names(self, article: Article) -> list[str]:
        return [self.authors[slug]["name"] for slug in article["authors"]]

    def byline_names(self, article: Article) -> str:
        names = self.author_names(article)
        return _join_names(names, article["language"]) if names else str(article["byline"])

    def section_articles(self, slug: str) -> list[Article]:
        return [a for a in self.articles if a["section"] == slug]

    def tag_articles(self, tag: str) -> list[Article]:
        return [a for a in self.articles if tag in a["tags"]]

    def author_articles(self, slug: str) -> list[Article]:
        return [a for a in self.articles if slug in a["authors"]]

    def section_pages(self, slug: str) -> list[list[Article]]:
        size = int(self.content["site"]["section_page_size"])
        items = self.section_articles(slug)
        return [items[i : i + size] for i in range(0, len(items), size)] or [[]]

    def most_read(self, exclude: Article | None = None) -> list[Article]:
        chosen = [self.by_slug[s] for s in self.content["site"]["most_read"]]
        return [a for a in chosen if a is not exclude][:5]

    def removed(self) -> list[Article]:
        return list(self.content.get("removed_articles", []))

    def credit(self, article: Article) -> str:
        agency = article.get("agency", self.content["site"]["short_name"])
        return f"{PHOTOGRAPH} {article['photographer']} / {agency}"

    def newsletter(self, section: str) -> tuple[str, str]:
        return NEWSLETTERS.get(section, NEWSLETTERS["default"])


def related_articles(content: Content, article: Article) -> list[Article]:
    """The 5 to 8 other articles shown in ``article``'s related-headlines block.

    Rotation over the newest-first list, starting just after the article itself, so each
    page links to different stories; the count varies with the article's position.
    """
    site = Site(content)
    return _related(site, site.by_slug[article["slug"]])


def _related(site: Site, article: Article) -> list[Article]:
    index = site.index_of(article)
    count = 5 + index % 4
    others = site.articles[index + 1 :] + site.articles[:index]
    step = 1 + index % 3
    picked: list[Article] = []
    position = 0
    while len(picked) < count:
        candidate = others[position % len(others)]
        if candidate not in picked:
            picked.append(candidate)
        position += step
        if position > 10 * len(others):  # step shares a factor with len(others)
            step = 1
    return picked


# --------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------

_REQUIRED_ARTICLE_KEYS: Final = (
    "slug",
    "section",
    "template",
    "title",
    "authors",
    "published",
    "description",
    "tags",
    "image",
    "caption",
    "photographer",
    "language",
    "paragraphs",
)


def validate_content(content: Content) -> None:
    """Raise :class:`ContentError` listing every rule ``content`` breaks."""
    problems: list[str] = []
    for article in content.get("articles", []):
        where = f"article {article.get('slug', '?')!r}"
        missing = [k for k in _REQUIRED_ARTICLE_KEYS if k not in article]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
        else:
            problems.extend(_check_dates(article, where))
    if problems:
        raise ContentError("content.toml is invalid:\n  " + "\n  ".join(problems))
    site = Site(content)
    seen_slugs: set[str] = set()
    seen_urls: set[str] = set()
    chrome = chrome_snippets(content) + caption_snippets(content)
    titles = {a["slug"]: a["title"] for a in site.articles}
    for article in content["articles"]:
        slug = article.get("slug", "?")
        where = f"article {slug!r}"
        if slug in seen_slugs:
            problems.append(f"{where}: duplicate slug")
        seen_slugs.add(slug)
        url = article_url(article)
        if url in seen_urls:
            problems.append(f"{where}: duplicate URL {url}")
        seen_urls.add(url)
        if article["template"] not in TEMPLATES:
            problems.append(f"{where}: unknown template {article['template']!r}")
        if article["section"] not in site.sections:
            problems.append(f"{where}: unknown section {article['section']!r}")
        if article["language"] not in LANGUAGES:
            problems.append(f"{where}: unsupported language {article['language']!r}")
        unknown_authors = [a for a in article["authors"] if a not in site.authors]
        if unknown_authors:
            problems.append(f"{where}: unknown authors {unknown_authors}")
        if not article["authors"] and not article.get("byline"):
            problems.append(f"{where}: no authors, so a byline is required")
        unknown_tags = [t for t in article["tags"] if t not in site.tags]
        if unknown_tags:
            problems.append(f"{where}: tags missing from [tags]: {unknown_tags}")
        blocks = article["paragraphs"]
        if not MIN_BLOCKS <= len(blocks) <= MAX_BLOCKS:
            problems.append(f"{where}: {len(blocks)} blocks, want {MIN_BLOCKS}-{MAX_BLOCKS}")
        try:
            words = sum(len(_words(block)) for block in blocks)
        except ContentError as exc:
            problems.append(f"{where}: {exc}")
            continue
        if not MIN_WORDS <= words <= MAX_WORDS:
            problems.append(f"{where}: {words} words, want {MIN_WORDS}-{MAX_WORDS}")
        prose = "\n".join(
            [article["title"], article["description"]]
            + [t for block in blocks for t in _block_texts(block)]
        ).casefold()
        for snippet in chrome:
            if snippet.casefold() in prose:
                problems.append(f"{where}: its text contains chrome/caption {snippet!r}")
        for other_slug, title in titles.items():
            if other_slug != slug and title.casefold() in prose:
                problems.append(f"{where}: its text contains the title of {other_slug!r}")
    for slug in content["site"]["most_read"]:
        if slug not in site.by_slug:
            problems.append(f"site.most_read: unknown article {slug!r}")
    for removed in site.removed():
        if article_url(removed) in seen_urls:
            problems.append(f"removed article {removed['slug']!r} collides with a live one")
    if problems:
        raise ContentError("content.toml is invalid:\n  " + "\n  ".join(problems))


def _check_dates(article: Article, where: str) -> list[str]:
    problems: list[str] = []
    stamps = {"published": article["published"]}
    if "modified" in article:
        stamps["modified"] = article["modified"]
    parsed: dict[str, datetime] = {}
    for key, value in stamps.items():
        try:
            dt = parse_dt(value)
        except (TypeError, ValueError):
            problems.append(f"{where}: {key} {value!r} is not ISO 8601")
            continue
        if dt.tzinfo is None:
            problems.append(f"{where}: {key} {value!r} has no UTC offset")
            continue
        if not FIRST_DAY <= dt.date() <= LAST_DAY:
            problems.append(f"{where}: {key} {value!r} is outside {FIRST_DAY}..{LAST_DAY}")
        parsed[key] = dt
    if "published" in parsed and "modified" in parsed and parsed["modified"] < parsed["published"]:
        problems.append(f"{where}: modified is earlier than published")
    return problems


# --------------------------------------------------------------------------------------
# Expectations exported for tests
# --------------------------------------------------------------------------------------


def chrome_snippets(content: Content) -> tuple[str, ...]:
    """Strings that appear in page chrome and must never appear in an exported article.

    Compare after collapsing whitespace: the navigation is listed joined by single spaces.
    """
    site = Site(content)
    nav = " ".join([s["name"] for s in content["sections"]] + [NAV_SUBSCRIBE, NAV_SIGN_IN])
    snippets: list[str] = [
        nav,
        SKIP_LINK,
        str(content["site"]["tagline"]),
        SEARCH_LABEL,
        BREADCRUMB_PREFIX,
        *SHARE_PROMPT.values(),
        *COPY_LINK.values(),
        *[text for pair in NEWSLETTERS.values() for text in pair],
        NEWSLETTER_SMALLPRINT,
        COOKIE_TEXT,
        COOKIE_ACCEPT,
        COOKIE_MANAGE,
        AD_LABEL,
        AD_LABEL_LEGACY,
        SPONSORED_LABEL,
        SPONSORED_TEXT,
        *READ_MORE.values(),
        TRENDING,
        MOST_POPULAR,
        MOST_READ,
        PAYWALL_LABEL,
        PAYWALL_TEXT,
        COMMENTS_NOTE,
        COMMENTS_MORE,
        *[text for pool in COMMENTS.values() for _, text in pool],
        *[_comment_heading(site, a) for a in site.articles],
        *[f"{MORE_FROM} {a['name']}" for a in content["authors"]],
        *[sentence for a in content["authors"] for sentence in _sentences(a["bio"])],
        *[f"{DOWNLOAD_PREFIX} {a['attachment']['label']}" for a in _with_attachment(site)],
        _publisher_line(site),
        COPYRIGHT,
        *[site.credit(a) for a in site.articles],
    ]
    return tuple(dict.fromkeys(snippets))


def caption_snippets(content: Content) -> tuple[str, ...]:
    """The lead photos' captions: not chrome strictly, but not article text either."""
    return tuple(dict.fromkeys(str(a["caption"]) for a in Site(content).articles))


def tail_snippets(content: Content) -> tuple[str, ...]:
    """Texts of the related headlines ("Read more", "Trending", inline tails, "Most popular").

    These are other articles' titles: when checking one article's text, skip its own title
    (no page lists itself, but a title-aware check should still exclude it).
    """
    site = Site(content)
    titles: list[str] = []
    for article in site.articles:
        titles += [a["title"] for a in _related(site, article)]
        titles += [a["title"] for a in site.most_read(exclude=article)]
    return tuple(dict.fromkeys(titles))


def non_article_urls(content: Content) -> tuple[str, ...]:
    """Site-relative URLs that exist (or are linked) but must not be exported as articles.

    Directory pages are listed both as ``/x/`` and ``/x/index.html``. Includes the removed
    story (404), the PDF, listing and static pages, robots.txt, sitemaps, feeds and assets.
    """
    site = Site(content)
    urls: list[str] = []
    for url in _listing_urls(site):
        urls.append(url)
        if url.endswith("/"):
            urls.append(_index_file(url))
    urls += [page["path"] for page in content["pages"]]
    urls += [a["attachment"]["path"] for a in _with_attachment(site)]
    urls += [article_url(a) for a in site.removed()]
    urls += [
        "/robots.txt",
        "/sitemap_index.xml",
        "/sitemaps/news.xml",
        f"/sitemaps/archive-{ARCHIVE_MONTH}.xml.gz",
        "/sitemaps/pages.xml",
        "/feeds/rss.xml",
        "/feeds/atom.xml",
        "/static/css/gazette.css",
        LOGO_PATH,
    ]
    return tuple(dict.fromkeys(urls))


def _listing_urls(site: Site) -> list[str]:
    urls = ["/"]
    for slug in site.sections:
        urls += [section_url(slug, n) for n in range(1, len(site.section_pages(slug)) + 1)]
    urls += [tag_url(t) for t in _used_tags(site)]
    urls += [author_url(a) for a in site.authors]
    return urls


def _used_tags(site: Site) -> list[str]:
    return sorted({t for a in site.articles for t in a["tags"]})


def _with_attachment(site: Site) -> list[Article]:
    return [a for a in site.articles if "attachment" in a]


def _sentences(text: str) -> list[str]:
    parts = [p.strip() for p in text.replace(". ", ".\n").split("\n")]
    return [p for p in parts if p]


def _publisher_line(site: Site) -> str:
    info = site.content["site"]
    return f"{info['name']} is published by {info['publisher']}, {info['publisher_address']}."


# --------------------------------------------------------------------------------------
# Chrome shared by the modern templates (semantic article pages and all listing pages)
# --------------------------------------------------------------------------------------


def _head(
    site: Site,
    *,
    title: str,
    description: str,
    extra: str = "",
) -> str:
    return f"""<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<meta name="description" content="{_e(description)}">
<link rel="stylesheet" href="/static/css/gazette.css">
<link rel="icon" href="{LOGO_PATH}" type="image/svg+xml">
<link rel="alternate" type="application/rss+xml" title="{_e(site.name)}" href="/feeds/rss.xml">
{extra}<script>
window.dataLayer = window.dataLayer || []; dataLayer.push({{"event": "pageview"}});
</script>
</head>"""


def _header(site: Site, active: str | None) -> str:
    items = []
    for slug, section in site.sections.items():
        current = ' aria-current="page"' if slug == active else ""
        items.append(f'<li><a href="{section_url(slug)}"{current}>{_e(section["name"])}</a></li>')
    items.append(f'<li class="nav-subscribe"><a href="/subscribe.html">{NAV_SUBSCRIBE}</a></li>')
    items.append(f'<li class="nav-account"><a href="/account/sign-in.html">{NAV_SIGN_IN}</a></li>')
    nav = "\n".join(items)
    tagline = _e(site.content["site"]["tagline"])
    return f"""<a class="skip-link" href="#main">{SKIP_LINK}</a>
<header class="site-header">
<div class="masthead">
<a class="logo" href="/">
<img src="{LOGO_PATH}" alt="" width="40" height="40"> {_e(site.name)}
</a>
<p class="tagline">{tagline}</p>
<form class="search" action="/search" method="get" role="search">
<label class="visually-hidden" for="q">{SEARCH_LABEL}</label>
<input id="q" name="q" type="search" placeholder="Search">
<button type="submit">Search</button>
</form>
</div>
<nav class="primary-nav" aria-label="Sections">
<ul>
{nav}
</ul>
</nav>
</header>"""


def _footer(site: Site) -> str:
    links = "\n".join(f'<li><a href="{url}">{_e(label)}</a></li>' for url, label in FOOTER_LINKS)
    return f"""<footer class="site-footer">
<nav aria-label="Footer">
<ul>
{links}
</ul>
</nav>
<p class="publisher">{_e(_publisher_line(site))}</p>
<p class="copyright">{_e(COPYRIGHT)}</p>
</footer>"""


def _cookie_banner() -> str:
    return f"""<div class="cookie-banner" role="dialog" aria-label="Cookie consent">
<p>{_e(COOKIE_TEXT)}</p>
<button type="button" class="cookie-accept">{COOKIE_ACCEPT}</button>
<button type="button" class="cookie-manage">{COOKIE_MANAGE}</button>
</div>"""


def _ad_slot(unit: str) -> str:
    return f"""<div class="ad-slot" data-ad-unit="{unit}" aria-hidden="true">
<p class="ad-label">{AD_LABEL}</p>
</div>"""


def _sponsored() -> str:
    return f"""<div class="promo promo--partner">
<p class="promo-label">{SPONSORED_LABEL}</p>
<p class="promo-text">{_e(SPONSORED_TEXT)}</p>
</div>"""


def _newsletter_box(site: Site, section: str) -> str:
    heading, blurb = site.newsletter(section)
    return f"""<section class="newsletter-signup">
<h2>{_e(heading)}</h2>
<p>{_e(blurb)}</p>
<form action="/newsletters/subscribe" method="post">
<label for="nl-email-{section}">Email address</label>
<input id="nl-email-{section}" name="email" type="email" required>
<button type="submit">Sign up</button>
</form>
<p class="smallprint">{_e(NEWSLETTER_SMALLPRINT)}</p>
</section>"""


def _share_links(site: Site, article: Article) -> list[tuple[str, str]]:
    target = quote(site.canonical(article_url(article)), safe="")
    title = quote(article["title"], safe="")
    return [
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={target}"),
        ("X", f"https://x.com/intent/post?url={target}&text={title}"),
        ("WhatsApp", f"https://wa.me/?text={title}%20{target}"),
        ("Email", f"mailto:?subject={title}&body={target}"),
    ]


def _share_bar(site: Site, article: Article) -> str:
    lang = article["language"]
    items = "\n".join(
        f'<li><a class="share-{name.lower()}" href="{_e(url)}" rel="noopener" target="_blank">'
        f"{name}</a></li>"
        for name, url in _share_links(site, article)
    )
    return f"""<div class="share" aria-label="{_e(SHARE_PROMPT[lang])}">
<p class="share-prompt">{_e(SHARE_PROMPT[lang])}</p>
<ul>
{items}
<li><button type="button" class="share-copy">{_e(COPY_LINK[lang])}</button></li>
</ul>
</div>"""


def _comment_heading(site: Site, article: Article) -> str:
    return f"{4 + (site.index_of(article) * 7) % 23} comments"


def _comments(site: Site, article: Article) -> list[tuple[str, str, str]]:
    """(name, display time, text) of the two or three comments shown under an article."""
    index = site.index_of(article)
    pool = COMMENTS[article["language"]]
    shown = 2 + index % 2
    published = parse_dt(article["published"])
    result = []
    for k in range(shown):
        name, text = pool[(index * 3 + k) % len(pool)]
        when = (published + timedelta(minutes=(k + 1) * (37 + index))).isoformat()
        result.append((name, when, text))
    return result


def _comments_section(site: Site, article: Article) -> str:
    lang = article["language"]
    items = "\n".join(
        f"""<li class="comment">
<p class="comment-meta"><span class="comment-author">{_e(name)}</span>
<time datetime="{when}">{_e(_display_dt(when, lang))}</time></p>
<p class="comment-text">{_e(text)}</p>
<p class="comment-actions">
<button type="button">Reply</button> <button type="button">Report</button>
</p>
</li>"""
        for name, when, text in _comments(site, article)
    )
    return f"""<section class="comments" id="comments" aria-labelledby="comments-title">
<h2 id="comments-title">{_comment_heading(site, article)}</h2>
<p class="comments-note">{_e(COMMENTS_NOTE)}</p>
<ol class="comment-list">
{items}
</ol>
<button type="button" class="comments-more">{COMMENTS_MORE}</button>
</section>"""


def _author_bios(site: Site, article: Article, css: str = "author-bio") -> str:
    boxes = []
    for slug in article["authors"]:
        author = site.authors[slug]
        boxes.append(f"""<div class="{css}">
<p class="author-name"><a href="{author_url(slug)}">{_e(author["name"])}</a></p>
<p class="author-text">{_e(author["bio"])}</p>
<p class="author-more"><a href="{author_url(slug)}">{_e(MORE_FROM)} {_e(author["name"])}</a></p>
</div>""")
    return "\n".join(boxes)


def _link_list(articles: list[Article], css: str, ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    items = "\n".join(f'<li><a href="{article_url(a)}">{_e(a["title"])}</a></li>' for a in articles)
    return f'<{tag} class="{css}">\n{items}\n</{tag}>'


def _most_popular_box(site: Site, article: Article | None, heading: str) -> str:
    return f"""<section class="most-popular">
<h2>{heading}</h2>
{_link_list(site.most_read(exclude=article), "most-popular-list", ordered=True)}
</section>"""


def _figure(site: Site, article: Article, css: str = "lead-image") -> str:
    return f"""<figure class="{css}">
<img src="{_e(article["image"])}" alt="{_e(article["caption"])}" width="1200" height="675">
<figcaption>{_e(article["caption"])}
<span class="credit">{_e(site.credit(article))}</span></figcaption>
</figure>"""


def _attachment_box(article: Article) -> str:
    if "attachment" not in article:
        return ""
    att = article["attachment"]
    return f"""<aside class="documents">
<p><strong>{DOWNLOAD_PREFIX}</strong>
<a href="{_e(att["path"])}" type="application/pdf">{_e(att["label"])}</a></p>
</aside>
"""


def _paywall_notice(article: Article) -> str:
    if not article.get("paywalled"):
        return ""
    return f"""<div class="paywall-notice" data-paywall="soft">
<p class="paywall-label">{PAYWALL_LABEL}</p>
<p>{_e(PAYWALL_TEXT)}</p>
</div>
"""


def _render_blocks(blocks: list[Any], *, heading_tag: str = "h2", box_class: str) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, str):
            out.append(f"<p>{_e(block)}</p>")
        elif isinstance(block, list):
            out.append(_ul(block))
        else:
            out.append(
                f'<div class="{box_class}">\n<{heading_tag}>{_e(block["heading"])}'
                f"</{heading_tag}>\n{_ul(block['items'])}\n</div>"
            )
    return out


def _ul(items: list[str]) -> str:
    lines = "\n".join(f"<li>{_e(item)}</li>" for item in items)
    return f"<ul>\n{lines}\n</ul>"


def _tags_list(site: Site, article: Article) -> str:
    items = "\n".join(
        f'<li><a href="{tag_url(t)}" rel="tag">{_e(site.tags[t])}</a></li>' for t in article["tags"]
    )
    return f'<div class="tags">\n<p>{TAGGED}</p>\n<ul>\n{items}\n</ul>\n</div>'


def _page(lang: str, head: str, body_class: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="{lang}">
{head}
<body class="{body_class}">
{body}
</body>
</html>
"""


# --------------------------------------------------------------------------------------
# Template 1: semantic
# --------------------------------------------------------------------------------------


def render_semantic(site: Site, article: Article) -> str:
    lang = article["language"]
    url = article_url(article)
    canonical = site.canonical(url)
    section = site.sections[article["section"]]
    meta = _semantic_meta(site, article, canonical)
    head = _head(
        site,
        title=f"{article['title']} | {section['name']} | {site.name}",
        description=article["description"],
        extra=meta,
    )
    bylines = [
        f'<a rel="author" href="{author_url(slug)}">{_e(site.authors[slug]["name"])}</a>'
        for slug in article["authors"]
    ]
    byline = _join_names(bylines, lang) if bylines else _e(article["byline"])
    times = (
        f'<time datetime="{article["published"]}">{PUBLISHED[lang]} '
        f"{_e(_display_dt(article['published'], lang))}</time>"
    )
    if "modified" in article:
        times += (
            f' <span class="sep">·</span> <time datetime="{article["modified"]}">'
            f"{UPDATED[lang]} {_e(_display_dt(article['modified'], lang))}</time>"
        )
    blocks = _render_blocks(_body(article), box_class="key-points")
    if len(blocks) >= 6:
        blocks.insert(3, _ad_slot("article-mid"))
    body_class = "article-body paywalled-content" if article.get("paywalled") else "article-body"
    body_html = "\n".join(blocks)
    related = _link_list(_related(site, article), "related-list")
    body = f"""{_header(site, article["section"])}
<main id="main">
<nav class="breadcrumbs" aria-label="Breadcrumb">
<ol>
<li><a href="/">Home</a></li>
<li><a href="{section_url(article["section"])}">{_e(section["name"])}</a></li>
</ol>
</nav>
<div class="layout">
<article class="story" lang="{lang}">
<header class="story-header">
<p class="kicker"><a href="{section_url(article["section"])}">{_e(section["name"])}</a></p>
<h1>{_e(article["title"])}</h1>
<p class="standfirst">{_e(article["description"])}</p>
<p class="byline">{BY[lang]} {byline}</p>
<p class="dateline">{times}</p>
</header>
{_share_bar(site, article)}
{_figure(site, article)}
{_paywall_notice(article)}<div class="{body_class}">
{body_html}
</div>
{_attachment_box(article)}<footer class="story-footer">
{_tags_list(site, article)}
{_author_bios(site, article)}
{_share_bar(site, article)}
</footer>
<aside class="related" aria-labelledby="related-heading">
<h2 id="related-heading">{_e(READ_MORE[lang])}</h2>
{related}
</aside>
</article>
<aside class="sidebar">
{_ad_slot("sidebar-top")}
{_most_popular_box(site, article, MOST_POPULAR)}
{_newsletter_box(site, article["section"])}
{_sponsored()}
</aside>
</div>
{_comments_section(site, article)}
</main>
{_footer(site)}
{_cookie_banner()}"""
    return _page(lang, head, f"article-page section-{article['section']}", body)


def _semantic_meta(site: Site, article: Article, canonical: str) -> str:
    image = site.canonical(article["image"])
    authors: list[dict[str, Any]] = [
        {
            "@type": "Person",
            "name": site.authors[slug]["name"],
            "url": site.canonical(author_url(slug)),
        }
        for slug in article["authors"]
    ] or [{"@type": "Organization", "name": article["byline"]}]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "url": canonical,
        "headline": article["title"],
        "description": article["description"],
        "image": [image],
        "datePublished": article["published"],
    }
    if "modified" in article:
        data["dateModified"] = article["modified"]
    data |= {
        "author": authors,
        "articleSection": site.sections[article["section"]]["name"],
        "keywords": [site.tags[t] for t in article["tags"]],
        "inLanguage": article["language"],
        "isAccessibleForFree": not article.get("paywalled", False),
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": site.name,
            "url": site.canonical("/"),
            "logo": {"@type": "ImageObject", "url": site.canonical(LOGO_PATH)},
        },
    }
    if article.get("paywalled"):
        data["hasPart"] = {
            "@type": "WebPageElement",
            "isAccessibleForFree": False,
            "cssSelector": ".paywalled-content",
        }
    lines = [
        f'<link rel="canonical" href="{_e(canonical)}">',
        f'<meta property="og:site_name" content="{_e(site.name)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{_e(article["title"])}">',
        f'<meta property="og:description" content="{_e(article["description"])}">',
        f'<meta property="og:url" content="{_e(canonical)}">',
        f'<meta property="og:image" content="{_e(image)}">',
        f'<meta property="og:locale" content="{OG_LOCALE[article["language"]]}">',
        f'<meta property="article:published_time" content="{article["published"]}">',
    ]
    if "modified" in article:
        lines.append(f'<meta property="article:modified_time" content="{article["modified"]}">')
    lines.append(
        f'<meta property="article:section" content="{_e(data["articleSection"])}">',
    )
    lines += [
        f'<meta property="article:tag" content="{_e(site.tags[t])}">' for t in article["tags"]
    ]
    lines += [
        '<meta name="twitter:card" content="summary_large_image">',
        f'<script type="application/ld+json">\n{_json_ld(data)}\n</script>',
    ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------
# Template 2: soup (legacy CMS)
# --------------------------------------------------------------------------------------


def render_soup(site: Site, article: Article) -> str:
    c = _legacy_class
    lang = article["language"]
    url = article_url(article)
    canonical = site.canonical(url)
    section = site.sections[article["section"]]
    stamp = str(article.get("modified", article["published"]))
    label = UPDATED[lang] if "modified" in article else PUBLISHED[lang]
    byline = f"{BY[lang]} {site.byline_names(article)} | {label} {_display_dt(stamp, lang)}"
    authors_meta = ", ".join(site.author_names(article)) or article["byline"]
    head = f"""<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{_e(article["title"])} - {_e(site.name)}</title>
<meta name="description" content="{_e(article["description"])}">
<meta name="author" content="{_e(authors_meta)}">
<meta name="keywords" content="{_e(", ".join(site.tags[t] for t in article["tags"]))}">
<meta property="article:published_time" content="{article["published"]}">
<meta property="og:site_name" content="{_e(site.name)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{_e(article["title"])}">
<meta property="og:description" content="{_e(article["description"])}">
<meta property="og:url" content="{_e(canonical)}">
<meta property="og:image" content="{_e(site.canonical(article["image"]))}">
<link rel="stylesheet" href="/static/css/gazette.css">
<script type="text/javascript">
var cms_pg = {{"sid": "{article["section"]}", "tpl": "art_v2"}};
</script>
</head>"""
    nav = "\n".join(
        f'<div class="{c("nav-item")}"><a href="{section_url(slug)}">{_e(s["name"])}</a></div>'
        for slug, s in site.sections.items()
    )
    share = "\n".join(
        f'<a class="{c("share-" + name)}" href="{_e(link)}">{name}</a>'
        for name, link in _share_links(site, article)
    )
    blocks = _render_blocks(_body(article), heading_tag="b", box_class=c("key-points").split()[0])
    blocks = _join_pair_with_br(_body(article), blocks)
    if len(blocks) >= 5:
        blocks.insert(4, f'<div class="{c("ad-inline")}"><span>{AD_LABEL_LEGACY}</span></div>')
    trending = "\n".join(
        f'<div class="{c("t-row")}"><a href="{article_url(a)}">{_e(a["title"])}</a></div>'
        for a in _related(site, article)
    )
    popular = "\n".join(
        f'<div class="{c("p-row")}"><span>{n}.</span> '
        f'<a href="{article_url(a)}">{_e(a["title"])}</a></div>'
        for n, a in enumerate(site.most_read(exclude=article), start=1)
    )
    comments = "\n".join(
        f'<div class="{c("cm-row")}"><div class="{c("cm-h")}"><b>{_e(name)}</b> '
        f'{_e(_display_dt(when, lang))}</div><div class="{c("cm-t")}">{_e(text)}</div></div>'
        for name, when, text in _comments(site, article)
    )
    bios = _author_bios(site, article, css=c("bio"))
    tags = " | ".join(f'<a href="{tag_url(t)}">{_e(site.tags[t])}</a>' for t in article["tags"])
    newsletter, blurb = site.newsletter(article["section"])
    section_link = f'<a href="{section_url(article["section"])}">{_e(section["name"])}</a>'
    body = f"""<div id="ckb" class="{c("cookie")}">{_e(COOKIE_TEXT)}
<a href="#" class="{c("ck-ok")}">{COOKIE_ACCEPT}</a>
<a href="/privacy.html" class="{c("ck-set")}">{COOKIE_MANAGE}</a></div>
<div class="{c("top")}">
<table class="{c("hdr")}" width="100%" cellpadding="0" cellspacing="0"><tr>
<td class="{c("logo")}"><a href="/">
<img src="{LOGO_PATH}" alt="{_e(site.name)}" width="64" height="64">
</a></td>
<td class="{c("navcell")}">
{nav}
<div class="{c("nav-item")}"><a href="/subscribe.html">{NAV_SUBSCRIBE}</a></div>
<div class="{c("nav-item")}"><a href="/account/sign-in.html">{NAV_SIGN_IN}</a></div>
</td></tr></table>
</div>
<div class="{c("crumbs")}">{BREADCRUMB_PREFIX} <a href="/">Home</a> › {section_link}</div>
<table class="{c("wrap")}" width="100%" cellpadding="0" cellspacing="0"><tr>
<td class="{c("maincol")}" valign="top">
<div class="x9f2k a81c">
<div class="{c("sect")}"><a href="{section_url(article["section"])}">{_e(section["name"])}</a></div>
<div class="{c("hl")}"><span class="{c("hl-in")}">{_e(article["title"])}</span></div>
<div class="{c("byl")}">{_e(byline)}</div>
<div class="{c("shr")}"><span>{_e(SHARE_PROMPT[lang])}</span>
{share}
<a href="#" class="{c("share-copy")}">{_e(COPY_LINK[lang])}</a></div>
<div class="{c("ph")}"><img src="{_e(article["image"])}" alt="" width="640" height="360">
<div class="{c("ph-c")}">{_e(article["caption"])}</div>
<div class="{c("ph-cr")}">{_e(site.credit(article))}</div></div>
{_paywall_notice(article)}<div class="q7_txt">
{chr(10).join(blocks)}
</div>
<div class="{c("tg")}">{TAGGED} {tags}</div>
{bios}
<div class="{c("blk")}">
<div class="{c("blk-h")}">{TRENDING}</div>
{trending}
</div>
<div class="{c("cms")}" id="comments">
<div class="{c("cms-h")}">{_comment_heading(site, article)}</div>
<div class="{c("cms-n")}">{_e(COMMENTS_NOTE)}</div>
{comments}
<div class="{c("cms-more")}"><a href="#comments">{COMMENTS_MORE}</a></div>
</div>
</div>
</td>
<td class="{c("sidecol")}" valign="top" width="300">
<div class="{c("ad-side")}"><span>{AD_LABEL_LEGACY}</span></div>
<div class="{c("blk2")}">
<div class="{c("blk-h")}">{MOST_POPULAR}</div>
{popular}
</div>
<div class="{c("nl")}"><div class="{c("nl-h")}">{_e(newsletter)}</div><div>{_e(blurb)}</div>
<form action="/newsletters/subscribe" method="post">
<input type="text" name="email" value=""> <input type="submit" value="Sign up">
</form>
<div class="{c("nl-s")}">{_e(NEWSLETTER_SMALLPRINT)}</div></div>
<div class="{c("promo")}"><div>{SPONSORED_LABEL}</div><div>{_e(SPONSORED_TEXT)}</div></div>
</div>
</td>
</tr></table>
<div class="{c("ftr")}">
{" | ".join(f'<a href="{u}">{_e(t)}</a>' for u, t in FOOTER_LINKS)}
<div class="{c("ftr-p")}">{_e(_publisher_line(site))}</div>
<div class="{c("ftr-c")}">{_e(COPYRIGHT)}</div>
</div>"""
    return _page(lang, head, c("body"), body)


def _join_pair_with_br(source: list[Any], rendered: list[str]) -> list[str]:
    """Merge the first pair of plain paragraphs after the second block into one ``<p>``.

    Old CMSs store some paragraphs as ``text<br><br>text``; this reproduces one such pair.
    """
    for i in range(2, len(source) - 1):
        if isinstance(source[i], str) and isinstance(source[i + 1], str):
            merged = f"<p>{_e(source[i])}<br>\n<br>\n{_e(source[i + 1])}</p>"
            return [*rendered[:i], merged, *rendered[i + 2 :]]
    return rendered


# --------------------------------------------------------------------------------------
# Template 3: inline_related (related headlines inside the body container)
# --------------------------------------------------------------------------------------


def render_inline_related(site: Site, article: Article) -> str:
    lang = article["language"]
    index = site.index_of(article)
    url = article_url(article)
    canonical = site.canonical(url)
    section = site.sections[article["section"]]
    post_id = 4000 + sum(map(ord, article["slug"]))
    author: dict[str, Any]
    if article["authors"]:
        first = site.authors[article["authors"][0]]
        author = {
            "@type": "Person",
            "name": first["name"],
            "url": site.canonical(author_url(first["slug"])),
        }
    else:
        author = {"@type": "Organization", "name": article["byline"]}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article["title"],
        "description": article["description"],
        "url": canonical,
        "image": {"@type": "ImageObject", "url": site.canonical(article["image"])},
        "author": author,
        "datePublished": _utc_z(article["published"]),
    }
    if "modified" in article:
        data["dateModified"] = _utc_z(article["modified"])
    data["publisher"] = {"@type": "Organization", "name": site.name}
    data["inLanguage"] = lang
    if article.get("paywalled"):
        data["isAccessibleForFree"] = "False"
    head = _head(
        site,
        title=f"{article['title']} – {site.name}",
        description=article["description"],
        extra=(
            f'<link rel="canonical" href="{_e(canonical)}">\n'
            f'<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{_e(article["title"])}">\n'
            f'<meta property="og:url" content="{_e(canonical)}">\n'
            f'<meta property="og:image" content="{_e(site.canonical(article["image"]))}">\n'
            f'<script type="application/ld+json">\n{_json_ld(data)}\n</script>\n'
        ),
    )
    author_links = [
        f'<span class="author vcard"><a class="url fn n" href="{author_url(s)}">'
        f"{_e(site.authors[s]['name'])}</a></span>"
        for s in article["authors"]
    ]
    byline = _join_names(author_links, lang) if author_links else _e(article["byline"])
    blocks = _render_blocks(_body(article), heading_tag="h3", box_class="key-points")
    tail = ["<p>-</p>"]
    related = _related(site, article)
    for k, other in enumerate(related):
        last = k == len(related) - 1
        dash = "" if last and index % 2 == 0 else " -"
        if k % 3 == 1:
            tail.append(f"<p>{_e(other['title'])}{dash}</p>")
        else:
            tail.append(f'<p><a href="{article_url(other)}">{_e(other["title"])}</a>{dash}</p>')
    content_html = "\n".join(blocks + tail)
    comments = "\n".join(
        f"""<li class="comment even thread-even depth-1">
<article class="comment-body">
<footer class="comment-meta"><b class="fn">{_e(name)}</b>
<time datetime="{when}">{_e(_display_dt(when, lang))}</time></footer>
<div class="comment-content"><p>{_e(text)}</p></div>
<div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div>
</article>
</li>"""
        for name, when, text in _comments(site, article)
    )
    section_link = f'<a href="{section_url(article["section"])}">{_e(section["name"])}</a>'
    category_link = (
        f'<a href="{section_url(article["section"])}" rel="category tag">{_e(section["name"])}</a>'
    )
    post_classes = (
        f"post-{post_id} post type-post status-publish format-standard has-post-thumbnail "
        f"hentry category-{article['section']}"
    )
    tags = ", ".join(
        f'<a href="{tag_url(t)}" rel="tag">{_e(site.tags[t])}</a>' for t in article["tags"]
    )
    published = (
        f'<time class="entry-date published" datetime="{article["published"]}">'
        f"{_e(_display_dt(article['published'], lang))}</time>"
    )
    modified = ""
    if "modified" in article:
        modified = (
            f' <time class="updated" datetime="{article["modified"]}">'
            f"{_e(_display_dt(article['modified'], lang))}</time>"
        )
    body = f"""<div id="page" class="site">
{_header(site, article["section"])}
<div id="content" class="site-content layout">
<div id="primary" class="content-area">
<main id="main" class="site-main">
<p id="breadcrumbs"><span><a href="/">Home</a> » {section_link} »
<span class="breadcrumb_last">{_e(article["title"])}</span></span></p>
<div id="post-{post_id}" class="{post_classes}">
<div class="entry-header">
<span class="cat-links">{category_link}</span>
<h1 class="entry-title">{_e(article["title"])}</h1>
<div class="entry-meta"><span class="byline">{BY[lang]} {byline}</span>
<span class="posted-on">{published}{modified}</span></div>
</div>
<div class="post-thumbnail">
{_figure(site, article, css="wp-block-image size-large")}
</div>
<div class="sharedaddy sd-sharing-enabled">
{_share_bar(site, article)}
</div>
{_paywall_notice(article)}<div class="entry-content">
{content_html}
</div>
<div class="entry-footer">
<span class="tags-links">{TAGGED} {tags}</span>
</div>
{_author_bios(site, article, css="author-info")}
</div>
<div id="comments" class="comments-area">
<h2 class="comments-title">{_comment_heading(site, article)}</h2>
<p class="comment-notes">{_e(COMMENTS_NOTE)}</p>
<ol class="comment-list">
{comments}
</ol>
<p class="load-more"><a href="#comments">{COMMENTS_MORE}</a></p>
</div>
</main>
</div>
<aside id="secondary" class="widget-area">
<section class="widget widget_ad">{_ad_slot("sidebar")}</section>
<section class="widget widget_popular_posts">
<h2 class="widget-title">{MOST_POPULAR if lang == "en" else _e(READ_MORE[lang])}</h2>
{_link_list(site.most_read(exclude=article), "wpp-list")}
</section>
<section class="widget widget_newsletter">
{_newsletter_box(site, article["section"])}
</section>
</aside>
</div>
{_footer(site)}
</div>
{_cookie_banner()}"""
    body_class = f"post-template-default single single-post postid-{post_id} single-format-standard"
    return _page(lang, head, body_class, body)


# --------------------------------------------------------------------------------------
# Listing and static pages (not articles)
# --------------------------------------------------------------------------------------


def _teaser(site: Site, article: Article, *, comments_link: bool = False) -> str:
    section = site.sections[article["section"]]
    extra = ""
    if comments_link:
        extra = (
            f' <a class="teaser-comments" href="{article_url(article)}#comments">'
            f"{_comment_heading(site, article)}</a>"
        )
    return f"""<li class="teaser">
<p class="teaser-kicker"><a href="{section_url(article["section"])}">{_e(section["name"])}</a></p>
<h3><a href="{article_url(article)}">{_e(article["title"])}</a></h3>
<p class="teaser-standfirst">{_e(article["description"])}</p>
<p class="teaser-meta">{_e(site.byline_names(article))} ·
<time datetime="{article["published"]}">{_e(_display_date(article["published"]))}</time>{extra}</p>
</li>"""


def _listing_page(
    site: Site,
    *,
    url: str,
    title: str,
    heading: str,
    intro: str,
    main: str,
    active: str | None = None,
    og_type: str | None = "website",
) -> str:
    """A non-article page in the modern template. ``og_type=None`` leaves out OpenGraph
    (as the static pages do: they carry no page-type metadata at all)."""
    extra = f'<link rel="canonical" href="{_e(site.canonical(url))}">\n'
    if og_type:
        extra += (
            f'<meta property="og:type" content="{og_type}">\n'
            f'<meta property="og:title" content="{_e(heading)}">\n'
            f'<meta property="og:url" content="{_e(site.canonical(url))}">\n'
        )
    head = _head(site, title=title, description=intro, extra=extra)
    body = f"""{_header(site, active)}
<main id="main">
<div class="layout">
<div class="content-area">
<h1>{_e(heading)}</h1>
<p class="intro">{_e(intro)}</p>
{main}
</div>
<aside class="sidebar">
{_ad_slot("listing-side")}
{_most_popular_box(site, None, MOST_READ)}
{_newsletter_box(site, active or "home")}
</aside>
</div>
</main>
{_footer(site)}
{_cookie_banner()}"""
    return _page("en", head, "listing-page", body)


def render_home(site: Site) -> str:
    latest = "\n".join(_teaser(site, a, comments_link=True) for a in site.articles[:HOME_TEASERS])
    blocks = []
    for slug, section in site.sections.items():
        items = _link_list(site.section_articles(slug)[:3], "section-headlines")
        blocks.append(f"""<section class="section-block">
<h2><a href="{section_url(slug)}">{_e(section["name"])}</a></h2>
{items}
<p class="more"><a href="{section_url(slug)}">More {_e(section["name"])}</a></p>
</section>""")
    main = f"""<section class="latest">
<h2>{LATEST}</h2>
<ul class="teasers">
{latest}
</ul>
</section>
{chr(10).join(blocks)}"""
    return _listing_page(
        site,
        url="/",
        title=f"{site.name}: news from Saltmere and the Marrow Estuary",
        heading=site.name,
        intro=str(site.content["site"]["tagline"]),
        main=main,
    )


def render_section_page(site: Site, slug: str, page: int, pages: list[list[Article]]) -> str:
    section = site.sections[slug]
    teasers = "\n".join(_teaser(site, a) for a in pages[page - 1])
    pager = []
    if page > 1:
        pager.append(f'<a rel="prev" href="{section_url(slug, page - 1)}">Previous page</a>')
    if page < len(pages):
        pager.append(f'<a rel="next" href="{section_url(slug, page + 1)}">Next page</a>')
    pagination = (
        f'<nav class="pagination" aria-label="Pages">{" ".join(pager)}</nav>' if pager else ""
    )
    title = section["name"] if page == 1 else f"{section['name']} (page {page})"
    return _listing_page(
        site,
        url=section_url(slug, page),
        title=f"{title} | {site.name}",
        heading=title,
        intro=section["description"],
        main=f'<ul class="teasers">\n{teasers}\n</ul>\n{pagination}',
        active=slug,
    )


def render_tag_page(site: Site, tag: str) -> str:
    teasers = "\n".join(_teaser(site, a) for a in site.tag_articles(tag))
    name = site.tags[tag]
    return _listing_page(
        site,
        url=tag_url(tag),
        title=f"{name} | {site.name}",
        heading=name,
        intro=f"All our coverage tagged {name}.",
        main=f'<ul class="teasers">\n{teasers}\n</ul>',
    )


def render_author_page(site: Site, slug: str) -> str:
    author = site.authors[slug]
    teasers = "\n".join(_teaser(site, a) for a in site.author_articles(slug))
    main = f"""<div class="author-profile">
<p class="author-role">{_e(author["role"])}</p>
<p class="author-text">{_e(author["bio"])}</p>
</div>
<h2>Latest from {_e(author["name"])}</h2>
<ul class="teasers">
{teasers}
</ul>"""
    return _listing_page(
        site,
        url=author_url(slug),
        title=f"{author['name']} | {site.name}",
        heading=author["name"],
        intro=f"{author['role']} at {site.name}.",
        main=main,
        og_type="profile",
    )


def render_static_page(site: Site, page: dict[str, Any]) -> str:
    paragraphs = "\n".join(f"<p>{_e(p)}</p>" for p in page["paragraphs"])
    return _listing_page(
        site,
        url=page["path"],
        title=f"{page['title']} | {site.name}",
        heading=page["title"],
        intro=page["paragraphs"][0],
        main=f'<div class="page-body">\n{paragraphs}\n</div>',
        og_type=None,
    )


# --------------------------------------------------------------------------------------
# robots.txt, sitemaps, feeds, PDF
# --------------------------------------------------------------------------------------


def render_robots() -> str:
    return f"""# The Harbour Gazette
User-agent: *
Disallow: /search
Disallow: /account/

Sitemap: {BASE_PLACEHOLDER}/sitemap_index.xml
"""


def _lastmod(article: Article) -> str:
    return str(article.get("modified", article["published"]))


def render_sitemap_index(site: Site) -> str:
    newest = _lastmod(max(site.articles, key=lambda a: parse_dt(_lastmod(a))))
    october = [a for a in site.articles if a["published"].startswith(ARCHIVE_MONTH)]
    archive_mod = _lastmod(max(october, key=lambda a: parse_dt(_lastmod(a))))
    entries = [
        ("/sitemaps/news.xml", newest),
        (f"/sitemaps/archive-{ARCHIVE_MONTH}.xml.gz", archive_mod),
        ("/sitemaps/pages.xml", newest),
    ]
    body = "\n".join(
        f"  <sitemap>\n    <loc>{BASE_PLACEHOLDER}{path}</loc>\n"
        f"    <lastmod>{mod}</lastmod>\n  </sitemap>"
        for path, mod in entries
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{body}
</sitemapindex>
"""


def _news_entries(site: Site) -> list[Article]:
    """Articles published after the archive month, plus the removed story, newest first."""
    entries = [a for a in site.articles if not a["published"].startswith(ARCHIVE_MONTH)]
    entries += site.removed()
    return sorted(entries, key=lambda a: (parse_dt(a["published"]), a["slug"]), reverse=True)


def render_news_sitemap(site: Site) -> str:
    items = []
    for article in _news_entries(site):
        items.append(f"""  <url>
    <loc>{BASE_PLACEHOLDER}{article_url(article)}</loc>
    <news:news>
      <news:publication>
        <news:name>{_x(site.name)}</news:name>
        <news:language>{article["language"]}</news:language>
      </news:publication>
      <news:publication_date>{article["published"]}</news:publication_date>
      <news:title>{_x(article["title"])}</news:title>
    </news:news>
  </url>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{chr(10).join(items)}
</urlset>
"""


def render_archive_sitemap(site: Site) -> str:
    entries = [
        (article_url(a), _lastmod(a))
        for a in reversed(site.articles)
        if a["published"].startswith(ARCHIVE_MONTH)
    ]
    entries += [(a["attachment"]["path"], a["published"]) for a in _with_attachment(site)]
    items = "\n".join(
        f"  <url>\n    <loc>{BASE_PLACEHOLDER}{path}</loc>\n    <lastmod>{mod}</lastmod>\n  </url>"
        for path, mod in entries
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{items}
</urlset>
"""


def render_pages_sitemap(site: Site) -> str:
    urls = _listing_urls(site) + [
        page["path"] for page in site.content["pages"] if not page["path"].startswith("/account/")
    ]
    items = "\n".join(
        f"  <url>\n    <loc>{BASE_PLACEHOLDER}{url}</loc>\n"
        f"    <changefreq>{'hourly' if url == '/' else 'daily'}</changefreq>\n  </url>"
        for url in urls
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{items}
</urlset>
"""


def render_rss(site: Site) -> str:
    entries = _news_entries(site)[:RSS_ITEMS]
    items = []
    for article in entries:
        link = f"{BASE_PLACEHOLDER}{article_url(article)}"
        creator = ", ".join(site.authors[s]["name"] for s in article["authors"]) or article.get(
            "byline", site.name
        )
        items.append(f"""    <item>
      <title>{_x(article["title"])}</title>
      <link>{link}</link>
      <guid isPermaLink="true">{link}</guid>
      <pubDate>{format_datetime(parse_dt(article["published"]))}</pubDate>
      <dc:creator>{_x(creator)}</dc:creator>
      <category>{_x(site.sections[article["section"]]["name"])}</category>
      <description>{_x(article["description"])}</description>
    </item>""")
    build_date = format_datetime(parse_dt(entries[0]["published"]))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>{_x(site.name)}</title>
    <link>{BASE_PLACEHOLDER}/</link>
    <description>{_x(site.content["site"]["tagline"])}</description>
    <language>en-gb</language>
    <lastBuildDate>{build_date}</lastBuildDate>
    <atom:link href="{BASE_PLACEHOLDER}/feeds/rss.xml" rel="self" type="application/rss+xml"/>
{chr(10).join(items)}
  </channel>
</rss>
"""


def render_atom(site: Site) -> str:
    slug = str(site.content["site"]["atom_section"])
    section = site.sections[slug]
    articles = site.section_articles(slug)
    updated = _lastmod(max(articles, key=lambda a: parse_dt(_lastmod(a))))
    entries = []
    for article in articles:
        authors = "".join(
            f"\n    <author><name>{_x(name)}</name></author>"
            for name in (site.author_names(article) or [article["byline"]])
        )
        entries.append(f"""  <entry>
    <id>tag:harbourgazette.example,2026:{article["slug"]}</id>
    <title>{_x(article["title"])}</title>
    <link rel="alternate" type="text/html" href="{BASE_PLACEHOLDER}{article_url(article)}"/>
    <published>{article["published"]}</published>
    <updated>{_lastmod(article)}</updated>{authors}
    <category term="{_x(slug)}" label="{_x(section["name"])}"/>
    <summary>{_x(article["description"])}</summary>
  </entry>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>tag:harbourgazette.example,2026:feeds/{slug}</id>
  <title>{_x(site.name)}: {_x(section["name"])}</title>
  <subtitle>{_x(section["description"])}</subtitle>
  <updated>{updated}</updated>
  <link rel="self" type="application/atom+xml" href="{BASE_PLACEHOLDER}/feeds/atom.xml"/>
  <link rel="alternate" type="text/html" href="{BASE_PLACEHOLDER}{section_url(slug)}"/>
{chr(10).join(entries)}
</feed>
"""


def render_pdf(title: str, lines: list[str]) -> bytes:
    """A minimal, valid one-page PDF (Helvetica, ASCII text) with a correct xref table."""

    def pdf_text(text: str) -> str:
        ascii_text = text.replace("£", "GBP ").encode("ascii", "replace").decode("ascii")
        return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 18 Tf", "56 780 Td", f"({pdf_text(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        ops += ["0 -22 Td", f"({pdf_text(line)}) Tj"]
    ops.append("ET")
    stream = "\n".join(ops).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Title (" + pdf_text(title).encode("ascii") + b") /Producer (newscrawl demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode()
    return bytes(out)


def _attachment_pdf(article: Article) -> bytes:
    lines = [f"Published {_display_date(article['published'])}.", ""]
    for block in article["paragraphs"]:
        if isinstance(block, dict):
            lines += [f"- {item}" for item in block["items"]]
    lines += ["", "Summary prepared for The Harbour Gazette demo site."]
    return render_pdf(article["attachment"]["label"].removesuffix(" (PDF)"), lines)


# --------------------------------------------------------------------------------------
# Building, writing and checking
# --------------------------------------------------------------------------------------

_RENDERERS: Final = {
    "semantic": render_semantic,
    "soup": render_soup,
    "inline_related": render_inline_related,
}


def build_site(content: Content | None = None) -> dict[str, bytes]:
    """Render the whole site: ``{relative posix path: file bytes}``, sorted by path."""
    content = load_content() if content is None else content
    validate_content(content)
    site = Site(content)
    pages: dict[str, str] = {
        "robots.txt": render_robots(),
        "sitemap_index.xml": render_sitemap_index(site),
        "sitemaps/news.xml": render_news_sitemap(site),
        "sitemaps/pages.xml": render_pages_sitemap(site),
        "feeds/rss.xml": render_rss(site),
        "feeds/atom.xml": render_atom(site),
        "static/css/gazette.css": STYLESHEET,
        LOGO_PATH.lstrip("/"): LOGO_SVG,
        "index.html": render_home(site),
    }
    for article in site.articles:
        pages[article_url(article).lstrip("/")] = _RENDERERS[article["template"]](site, article)
    for slug in site.sections:
        section_pages = site.section_pages(slug)
        for number in range(1, len(section_pages) + 1):
            path = _index_file(section_url(slug, number)).lstrip("/")
            pages[path] = render_section_page(site, slug, number, section_pages)
    for tag in _used_tags(site):
        pages[_index_file(tag_url(tag)).lstrip("/")] = render_tag_page(site, tag)
    for slug in site.authors:
        pages[_index_file(author_url(slug)).lstrip("/")] = render_author_page(site, slug)
    for page in content["pages"]:
        pages[page["path"].lstrip("/")] = render_static_page(site, page)
    files = {path: text.encode("utf-8") for path, text in pages.items()}
    archive = render_archive_sitemap(site).encode("utf-8")
    files[f"sitemaps/archive-{ARCHIVE_MONTH}.xml.gz"] = gzip.compress(archive, 9, mtime=0)
    for article in _with_attachment(site):
        files[article["attachment"]["path"].lstrip("/")] = _attachment_pdf(article)
    return dict(sorted(files.items()))


def _comparable(path: str, data: bytes) -> bytes:
    return gzip.decompress(data) if path.endswith(".gz") else data


def check_site(files: dict[str, bytes], site_dir: Path = SITE_DIR) -> list[str]:
    """Differences between the rendered ``files`` and ``site_dir`` (empty when up to date)."""
    problems = []
    on_disk = (
        {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
        if site_dir.is_dir()
        else set()
    )
    for path, data in files.items():
        target = site_dir / path
        if path not in on_disk:
            problems.append(f"missing: {path}")
        elif _comparable(path, target.read_bytes()) != _comparable(path, data):
            problems.append(f"differs: {path}")
    problems += [f"not generated: {path}" for path in sorted(on_disk - files.keys())]
    return problems


def write_site(files: dict[str, bytes], site_dir: Path = SITE_DIR) -> None:
    """Write ``files`` under ``site_dir`` and delete anything else in it."""
    site_dir.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
    for stale in sorted(site_dir.rglob("*"), reverse=True):
        relative = stale.relative_to(site_dir).as_posix()
        if stale.is_file() and relative not in files:
            stale.unlink()
        elif stale.is_dir() and not any(stale.iterdir()):
            stale.rmdir()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if the site on disk differs from what would be generated",
    )
    parser.add_argument("--site", type=Path, default=SITE_DIR, help="output directory")
    parser.add_argument("--content", type=Path, default=CONTENT_PATH, help="source TOML")
    args = parser.parse_args(argv)
    try:
        files = build_site(load_content(args.content))
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.check:
        problems = check_site(files, args.site)
        if problems:
            shown = "\n  ".join(problems[:20])
            more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
            print(
                f"demo site {args.site} is out of date ({len(problems)} problems):\n  {shown}"
                f"{more}\nrun: python newscrawl/demo/build.py",
                file=sys.stderr,
            )
            return 1
        print(f"demo site {args.site} is up to date ({len(files)} files)")
        return 0
    write_site(files, args.site)
    print(f"wrote {len(files)} files to {args.site}")
    return 0


_CONTENT: Final = load_content()
CHROME_SNIPPETS: Final[tuple[str, ...]] = chrome_snippets(_CONTENT)
CAPTION_SNIPPETS: Final[tuple[str, ...]] = caption_snippets(_CONTENT)
TAIL_SNIPPETS: Final[tuple[str, ...]] = tail_snippets(_CONTENT)
NON_ARTICLE_URLS: Final[tuple[str, ...]] = non_article_urls(_CONTENT)

if __name__ == "__main__":
    sys.exit(main())
