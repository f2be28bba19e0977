"""A synthetic news site of any size, for crawl tests and benchmarks.

The demo site is 24 hand-written articles; measuring incremental runs, or killing a crawl
half-way, needs hundreds or thousands, each a distinct article that extraction accepts.
`build_site` writes them as static files that `newscrawl.testing.localsite` serves: a robots.txt
naming a sitemap index, sitemaps of `per_sitemap` URLs with `lastmod` (oldest first, so
older sitemaps are an archive that new articles leave alone), an RSS feed of the
newest articles, and the article pages (JSON-LD NewsArticle, a byline, paragraphs of
generated prose, site chrome around them). Optionally, URLs listed in the sitemaps that
answer 404 (deleted stories) and pages too short to be articles.

Everything is derived from `seed` and the article's number, so a rebuild with a few
articles marked modified changes exactly those pages and their sitemap dates.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

SITE_NAME = "The Synthetic Times"
#: Article URL paths: what a site file's `articles.allow` should match.
ARTICLE_PATTERN = r"/news/\d{4}/\d{2}/\d{2}/[\w-]+\.html$"
_EPOCH = datetime(2026, 1, 1, 6, 0, tzinfo=UTC)
# Kept as prose-like text, split once: easier to read and extend than a list literal.
_WORD_TEXT = (
    "council harbour ferry budget mayor river school bridge market station police court "
    "hospital museum festival weather storm farmers workers union strike port tourists "
    "residents planning housing transport energy water library theatre league match coach "
    "season election minister report survey price fuel wages shop bakery fishing fleet "
    "island coast road railway tunnel airport cargo garden park street square church "
    "university students teachers nurses doctors firefighters volunteers charity record "
    "decision meeting vote plan project repair delay closure opening investment contract "
    "company factory jobs profit loss growth decline increase rise fall year month week "
    "morning evening night spring summer autumn winter north south east west old new "
    "local regional national public private early late small large quiet busy"
)
_VERB_TEXT = (
    "approved rejected announced delayed opened closed confirmed questioned reviewed "
    "promised expected welcomed criticised funded planned postponed extended reduced"
)
_WORDS = _WORD_TEXT.split()
_VERBS = _VERB_TEXT.split()
# Before every third word, in turn: the text then reads as plainly English to the language
# field (as a real English page does), which so never loads its detector's model (half a
# second of every crawl's CPU, in a test suite of crawls).
_FUNCTION_WORDS = ("the", "of", "and", "the", "to", "in")
_NAMES = (
    "Maren Holt",
    "Tobias Achebe",
    "Ines Duarte",
    "Lukas Brenner",
    "Priya Nandakumar",
    "Seun Bakare",
    "Camille Ferrand",
    "Callum Reyes",
)


@dataclass(frozen=True)
class SyntheticArticle:
    number: int
    path: str
    title: str
    author: str
    published: datetime
    modified: datetime | None = None

    @property
    def lastmod(self) -> datetime:
        return self.modified or self.published


@dataclass
class SyntheticSite:
    """What `build_site` wrote: the articles (by URL path) and the other listed URLs."""

    root: Path
    articles: list[SyntheticArticle] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    stubs: list[str] = field(default_factory=list)

    def site_file(self, name: str, base_url: str) -> str:
        """A TOML site file for this site served at `base_url` (`sites/NAME.toml`)."""
        return (
            f'name = "{name}"\n'
            'domains = ["127.0.0.1"]\n'
            "[sources]\n"
            f'sitemaps = ["{base_url}/robots.txt"]\n'
            f'feeds = ["{base_url}/feed.xml"]\n'
            "[articles]\n"
            f"allow = ['{ARTICLE_PATTERN}']\n"
        )


def build_site(
    root: Path,
    articles: int,
    *,
    missing: int = 0,
    stubs: int = 0,
    per_sitemap: int = 500,
    feed_size: int = 50,
    modified: dict[int, datetime] | None = None,
    seed: int = 0,
) -> SyntheticSite:
    """Write a site of `articles` articles (and `missing` 404 URLs, `stubs` short pages,
    all listed in the sitemaps) under `root`. `modified` maps article numbers to a
    modification time: those pages get an update paragraph and a newer `lastmod`."""
    modified = modified or {}
    site = SyntheticSite(root)
    for number in range(articles):
        site.articles.append(_article(number, seed, modified.get(number)))
    for number in range(missing):
        site.missing.append(_path(_EPOCH + timedelta(days=number % 300), f"deleted-story-{number}"))
    for number in range(stubs):
        site.stubs.append(_path(_EPOCH + timedelta(days=number % 300), f"live-ticker-{number}"))

    for article in site.articles:
        _write(root / article.path.lstrip("/"), _article_html(article, seed))
    for path in site.stubs:
        _write(root / path.lstrip("/"), _page(SITE_NAME, "<p>Live: updates soon.</p>", path))

    # Sitemaps in publication order, oldest first, as CMSs number them (WordPress's
    # wp-sitemap-posts-post-1.xml holds the first posts): new articles go to the last
    # sitemap, and the older ones stay as they are, an archive. An updated article stays
    # where it is, with a newer `lastmod` there and for its sitemap in the index.
    entries = [(p, _EPOCH) for p in site.missing + site.stubs]
    entries += [(a.path, a.lastmod) for a in sorted(site.articles, key=lambda a: a.published)]
    chunks = [entries[i : i + per_sitemap] for i in range(0, len(entries), per_sitemap)] or [[]]
    index = []
    for number, chunk in enumerate(chunks, start=1):
        name = f"sitemaps/articles-{number:03d}.xml"
        _write(root / name, _sitemap("urlset", "url", chunk))
        index.append((f"/{name}", max((when for _, when in chunk), default=_EPOCH)))
    _write(root / "sitemap_index.xml", _sitemap("sitemapindex", "sitemap", index))
    _write(root / "robots.txt", "User-agent: *\nAllow: /\nSitemap: {{BASE}}/sitemap_index.xml\n")
    newest = sorted(site.articles, key=lambda a: a.published, reverse=True)[:feed_size]
    _write(root / "feed.xml", _rss(newest))
    _write(root / "index.html", _page(SITE_NAME, "<p>Latest news.</p>", "/"))
    return site


def _article(number: int, seed: int, modified: datetime | None) -> SyntheticArticle:
    rng = random.Random(f"{seed}-{number}")
    published = _EPOCH + timedelta(minutes=37 * number)
    title = " ".join(rng.choice(_WORDS) for _ in range(6)).capitalize() + f" ({number})"
    slug = "-".join(title.lower().replace("(", "").replace(")", "").split()[:6]) + f"-{number}"
    return SyntheticArticle(
        number=number,
        path=_path(published, slug),
        title=title,
        author=rng.choice(_NAMES),
        published=published,
        modified=modified,
    )


def _path(day: datetime, slug: str) -> str:
    return f"/news/{day:%Y/%m/%d}/{slug}.html"


def prose(seed: str, count: int | None = None) -> list[str]:
    """Paragraphs of sentence-shaped text, the same for the same `seed` and different
    enough for every other seed that no two are near-duplicates (`newscrawl.dedup`)."""
    rng = random.Random(seed)
    paragraphs = []
    for _ in range(count or rng.randint(5, 8)):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(9, 18))]
            words.insert(rng.randint(1, len(words) - 1), rng.choice(_VERBS))
            words = [
                f"{_FUNCTION_WORDS[n // 3 % len(_FUNCTION_WORDS)]} {word}" if n % 3 == 2 else word
                for n, word in enumerate(words)
            ]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def _paragraphs(article: SyntheticArticle, seed: int) -> list[str]:
    paragraphs = prose(f"{seed}-{article.number}-text")
    if article.modified is not None:
        paragraphs.append(f"Update, {article.modified:%d %B %Y}: the council revised its figures.")
    return paragraphs


def _article_html(article: SyntheticArticle, seed: int) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.published.isoformat(),
        "author": {"@type": "Person", "name": article.author},
        "publisher": {"@type": "Organization", "name": SITE_NAME},
    }
    if article.modified is not None:
        data["dateModified"] = article.modified.isoformat()
    body = "\n".join(f"<p>{escape(p)}</p>" for p in _paragraphs(article, seed))
    content = (
        f"<article><h1>{escape(article.title)}</h1>"
        f'<p class="byline">By <a rel="author" href="/authors/">{escape(article.author)}</a>'
        f' · <time datetime="{article.published.isoformat()}">'
        f"{article.published:%d %B %Y}</time></p>\n{body}\n</article>"
    )
    head = (
        '<meta property="og:type" content="article">'
        f'<script type="application/ld+json">{json.dumps(data)}</script>'
    )
    return _page(article.title, content, article.path, head)


def _page(title: str, content: str, path: str, head: str = "") -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)} | {SITE_NAME}</title>"
        f'<link rel="canonical" href="{{{{BASE}}}}{path}">{head}</head><body>'
        f'<header><a href="/">{SITE_NAME}</a><nav><a href="/news/">News</a></nav></header>'
        f"<main>{content}</main>"
        f"<footer><p>© 2026 {SITE_NAME}</p></footer></body></html>\n"
    )


def _sitemap(root: str, child: str, entries: list[tuple[str, datetime]]) -> str:
    """A sitemap (`urlset` of `url`) or a sitemap index (`sitemapindex` of `sitemap`)."""
    children = "".join(
        f"<{child}><loc>{{{{BASE}}}}{path}</loc><lastmod>{when.isoformat()}</lastmod></{child}>\n"
        for path, when in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<{root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{children}</{root}>\n'
    )


def _rss(articles: list[SyntheticArticle]) -> str:
    items = "".join(
        f"<item><title>{escape(a.title)}</title><link>{{{{BASE}}}}{a.path}</link>"
        f"<pubDate>{a.published:%a, %d %b %Y %H:%M:%S +0000}</pubDate></item>\n"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{SITE_NAME}</title><link>{{{{BASE}}}}/</link>\n{items}</channel></rss>\n"
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
