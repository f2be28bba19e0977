"""Tails benchmark: related-headline tails in every format are cut, real article endings kept.

    python benchmarks/tails.py                    # both levels, trafilatura as HTML baseline
    python benchmarks/tails.py --level text       # text level only (a few seconds)
    python benchmarks/tails.py --failures 3       # print up to 3 failed cases per row
    python benchmarks/tails.py --level html --plain-markup  # class names renamed

Built from the two development sets (`devsets.py`): the article is a real gold body, the
tail is made of REAL headlines, the titles of OTHER pages of the sets in their own language
(fundus-dev's gold title; a Zyte page's `og:title` or `<title>`, without its " | Site" part,
in the language its `<html lang>` declares). Header phrases come from `HEADERS` below, an
independent list of phrases sites use, written for this benchmark and kept apart from the
cleaner's `newscrawl/cleaning/markers.py` (a benchmark built from the cleaner's own phrases
would only measure itself). Everything is drawn from one seeded `random.Random`, so a rerun
gives the same cases and numbers.

Two levels:

* text: article lines + tail lines, through `newscrawl.clean_text` (what `newscrawl clean`
  runs) AND through the crawl's text stages (`stages.remove_chrome`, then
  `stages.strip_related_tail`, with the article's title); a case counts for a system only
  when both agree on success.
* HTML: a page built around the article (its paragraphs in an `<article>` or a content
  `<div>`, with a site header, navigation, breadcrumb, byline, share bar, newsletter box
  and footer), the tail after the article's last paragraph INSIDE its container, as `<p>`,
  `<li>` or bare `<a>` lists, with or without a header element, through
  `newscrawl.extract_article(html, url)`. trafilatura alone
  (`trafilatura.extract(html, include_comments=False)`, as `quality.py` calls it) on the
  same pages is the baseline.

What counts (lines are compared after collapsing whitespace):

* control: the same article without the tail, through the same system.
* tail **gone**: no headline of the tail occurs anywhere in the output (case-insensitive
  substring), and no other line of the tail (header, separator, date, site name) is a
  whole line of it.
* article **kept**: text level: the output starts with the control's output, unchanged
  (so with gone, the output IS the control); HTML level: every line of the control's
  output that is an article line is still there, in order. Lines without a letter or
  digit (a "___" separator) carry no article text and are not compared. A defect the
  article has without any tail is not counted against tails: it shows in the "real body"
  report. Cases whose page without the tail gives no article at all are not measured
  (their number is printed).
* **fully removed** = gone and kept, the number the targets are about.
* negatives (an article ending that looks like a tail, appended to a real body after its
  article: not under the copyright notice or e-mail line a gold body may end with, where
  no page continues its article) are **intact** when the output holds, in order, every
  article line the control kept plus every line of the ending (text level: the control's
  lines in order, then the ending exactly as written, at the end; another closing line
  that ends a gold body may stay once an ending follows it).
* real bodies: each gold body alone, unchanged (text level: output == article; HTML
  level: every article line present, in order), reported apart with what was lost: the
  gold sometimes keeps page furniture (a copyright line, a "Read more: ..." teaser) that
  a cleaner is right to drop, so this is a report, not a target.

Formats (`TEXT_FORMATS`, `HTML_FORMATS`): with a header (in the headlines' language;
plain, UPPER CASE or with a colon) or without one; plain lines, bullets, numbers, the
seed's "-" separator and trailing " -", dates (in, before or under the headline), " | Site"
and " - Site" suffixes (the article's site, or each headline's own), one headline,
headlines ending in "?", "." or "!", teaser cards (headline and the other page's first
sentence), "Read more: headline" on one line, a widget's kicker or rank on a line of its
own above each headline (`WIDGET_FORMATS`), other pages' opening words cut short at a
related-posts widget's word limit ("... for …", "... for [...]"; `EXCERPT_FORMATS`); at
the HTML level as `<ul>`/`<ol>` of links,
`<p>` links, bare `<a>` lists, plain `<p>`/`<li>` headlines, dated `<li>`, and cards
whose dek is cut off ("... who said t…", an image and the headline linking to the story;
`CARD_FORMATS`), inside the article's body container or after it inside the `<article>`.

Negatives (`_negative_endings`): a real short last sentence and a real quote (from other
bodies of the language), a real announced list ("...:" and its items, from the gold
bodies), the same items straight after a paragraph, bulleted, as extractors render an
`<ul>`, and under a subheading, a text credit, an editor's note, an embedded post with its
"— Name (@handle) date" line, a schedule ("Tour dates:" and "date – City" lines), a
subheading that happens to be a header phrase over a paragraph, and an image credit; at
the HTML level also a roundup (linked headlines with a sentence each, a briefing's items:
`roundup_negative_cases`).

Credit lines, decided here. A *text credit* (who reported, wrote, edited: "Reporting by
...", "... contributed to this report", "Mitarbeit: ...") is about the article, not its
text: the gold of both dev sets leaves it out on 8 of the 9 sites where newscrawl's output
held one. An *image credit* ("Photo: Jane Doe/Reuters", "Foto: dpa", "Image credit:
NASA") is the caption furniture of a picture (1 of 112 fundus-dev bodies and 3 of 181
Zyte bodies keep one). Both may go, and the article above them must stay: the "text
credit" and "image credit" rows check that, intact = every article line kept (the credit
itself may or may not be there). An agency tag ending the last paragraph ("... weiter.
(dpa)") is part of that paragraph, and an editor's note is part of the article.
"""

from __future__ import annotations

import argparse
import html as html_lib
import random
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from devsets import DevPage, load

SEED = 20240314

# --- vocabulary of the benchmark (independent of newscrawl/cleaning/markers.py) ---------

# fmt: off
#: Headers real sites put over related headlines, per language. `{site}` is the site name.
HEADERS: dict[str, tuple[str, ...]] = {
    "en": (
        "Read more", "Related", "Related stories", "Related articles", "Trending",
        "Trending now", "More from {site}", "Also read", "Most popular", "Most read",
        "You may also like", "Recommended for you", "Latest news", "Top stories",
        "What to read next", "More stories", "Don't miss", "Editor's picks",
        "Popular on {site}", "Read next",
    ),
    "de": (
        "Lesen Sie auch", "Mehr zum Thema", "Das könnte Sie auch interessieren",
        "Weitere Artikel", "Meistgelesen", "Auch interessant", "Mehr von {site}",
        "Empfehlungen der Redaktion", "Beliebte Artikel", "Top-Themen",
        "Weitere Nachrichten", "Auch lesenswert", "Das könnte dich auch interessieren",
    ),
    "fr": (
        "À lire aussi", "Lire aussi", "Sur le même sujet", "Les plus lus", "Voir aussi",
        "À découvrir", "Dernières actualités",
    ),
    "es": (
        "Lee también", "Te puede interesar", "Noticias relacionadas", "Lo más leído",
        "Más noticias", "Más de {site}", "También te puede interesar", "Te recomendamos",
    ),
    "it": (
        "Leggi anche", "Potrebbe interessarti", "I più letti", "Articoli correlati",
        "Ti potrebbe interessare", "Ultime notizie",
    ),
    "pt": ("Leia também", "Veja também", "Mais lidas", "Notícias relacionadas", "Leia mais"),
    "ru": ("Читайте также", "Самое читаемое", "Похожие новости", "Новости по теме", "Популярное"),
    "ja": ("関連記事", "あわせて読みたい", "おすすめ記事", "人気記事", "関連ニュース"),
    "ko": ("관련기사", "많이 본 뉴스", "추천 기사", "인기 기사", "관련 뉴스"),
    "sv": ("Läs också", "Läs mer", "Mest läst", "Relaterat", "Fler nyheter"),
    "no": ("Les også", "Les mer", "Mest lest", "Flere saker"),
    "tr": ("İlgili Haberler", "Bunlar da ilginizi çekebilir", "Çok Okunanlar", "Benzer Haberler"),
    "id": ("Baca juga", "Berita terkait", "Terpopuler", "Berita Lainnya"),
    "sw": ("Habari zaidi", "Soma pia", "Habari zinazohusiana"),
}

#: Section names that widgets show as a kicker above each headline, per language.
SECTIONS: dict[str, tuple[str, ...]] = {
    "en": ("Politics", "Sport", "Business", "World", "Culture", "Opinion", "Technology"),
    "de": ("Politik", "Sport", "Wirtschaft", "Kultur", "Panorama", "Ausland"),
    "fr": ("Politique", "Sport", "Économie", "Culture", "Monde"),
    "es": ("Política", "Deportes", "Economía", "Cultura", "Internacional"),
    "it": ("Politica", "Sport", "Economia", "Cultura", "Esteri"),
    "pt": ("Política", "Esporte", "Economia", "Cultura", "Mundo"),
    "ru": ("Политика", "Спорт", "Экономика", "Культура", "В мире"),
    "ja": ("政治", "スポーツ", "経済", "国際", "社会"),
    "ko": ("정치", "스포츠", "경제", "사회", "국제"),
    "sv": ("Politik", "Sport", "Ekonomi", "Kultur", "Utrikes"),
    "no": ("Politikk", "Sport", "Økonomi", "Kultur", "Utenriks"),
    "tr": ("Politika", "Spor", "Ekonomi", "Kültür", "Dünya"),
    "id": ("Politik", "Olahraga", "Ekonomi", "Budaya", "Internasional"),
    "sw": ("Siasa", "Michezo", "Uchumi", "Kimataifa"),
}

#: Text credits that end wire and agency copy, per language ({a}, {b}: real author names).
TEXT_CREDITS: dict[str, tuple[str, ...]] = {
    "en": (
        "Reporting by {a}; Editing by {b}", "(Reporting by {a}; additional reporting by {b})",
        "{a} contributed to this report.", "Additional reporting by {a}.",
        "— {a}, Associated Press",
    ),
    "de": ("Mitarbeit: {a}", "(dpa)", "Mit Material von dpa und AFP", "Text: {a}"),
    "fr": ("Avec AFP", "(Avec AFP et Reuters)", "Par {a}, avec AFP"),
    "es": ("Con información de EFE", "(EFE)", "Redacción: {a}"),
    "it": ("(ANSA)", "Ha collaborato {a}"),
    "pt": ("Com informações da Reuters", "(Agência Brasil)"),
}

#: The rows of credit endings, which may go (see the module docstring).
TEXT_CREDIT = "text credit (may go)"
IMAGE_CREDIT = "image credit (may go)"

#: Image credits (caption furniture; see the module docstring).
IMAGE_CREDITS: dict[str, tuple[str, ...]] = {
    "en": ("Photo: {a}/Reuters", "Image credit: {a}", "(Photo by {a}/Getty Images)"),
    "de": ("Foto: dpa", "Foto: {a}/dpa", "Bild: Keystone"),
    "fr": ("Photo : AFP", "Crédit photo : {a}"),
    "es": ("Foto: EFE", "Fotografía: {a}"),
}

#: Editor's notes and corrections: part of the article.
NOTES: dict[str, tuple[str, ...]] = {
    "en": (
        "Editor's note: An earlier version of this story misstated the date of the vote.",
        "Correction: This article has been updated to correct the spelling of a name.",
    ),
    "de": (
        "Anmerkung der Redaktion: In einer früheren Version hieß es, die Abstimmung sei am "
        "Dienstag gewesen.",
    ),
}

_DATE_FORMATS = ("{d:02d}.{m:02d}.{y}", "{y}-{m:02d}-{d:02d}", "{d:02d}/{m:02d}/{y}",
                 "{mon} {d}, {y}")
_MONTHS_EN = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
              "Oct.", "Nov.", "Dec.")
# fmt: on
_BULLETS = ("• ", "- ", "* ", "– ", "» ", "· ")
_PLACES = ("Berlin", "Hamburg", "Denver, CO", "Austin, TX", "Lyon", "Madrid", "Milano", "Oslo")


# --- pages, headlines, articles ---------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One dev page as material: its article lines, headline, site name, language."""

    id: str
    url: str
    lines: tuple[str, ...]
    title: str
    site: str
    language: str | None
    published: str | None
    authors: tuple[str, ...]
    description: str | None


_META = re.compile(
    r"<meta\b[^>]*?(?:property|name)\s*=\s*[\"'](?P<key>og:title|og:site_name|og:description)"
    r"[\"'][^>]*?content\s*=\s*[\"'](?P<value>[^\"']*)[\"']",
    re.IGNORECASE,
)
_META_REVERSED = re.compile(
    r"<meta\b[^>]*?content\s*=\s*[\"'](?P<value>[^\"']*)[\"'][^>]*?(?:property|name)\s*=\s*"
    r"[\"'](?P<key>og:title|og:site_name|og:description)[\"']",
    re.IGNORECASE,
)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2})\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·)\s+")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _meta(html: str) -> dict[str, str]:
    found: dict[str, str] = {}
    head = html[:200_000]
    for pattern in (_META, _META_REVERSED):
        for match in pattern.finditer(head):
            found.setdefault(match["key"].lower(), _norm(html_lib.unescape(match["value"])))
    return found


def _headline_of(page: DevPage, meta: dict[str, str]) -> str:
    """The page's headline without a " | Site" part: the longest part when the others are
    short (a site name), else the whole title."""
    if page.meta and page.meta.title:
        return _norm(html_lib.unescape(page.meta.title))
    match = _TITLE.search(page.html[:200_000])
    title = meta.get("og:title") or (_norm(html_lib.unescape(match.group(1))) if match else "")
    parts = _SEPARATORS.split(title)
    if len(parts) > 1:
        longest = max(parts, key=len)
        if all(len(p.split()) <= 4 for p in parts if p is not longest):
            return longest
    return title


def _site_name(page: DevPage, meta: dict[str, str]) -> str:
    name = meta.get("og:site_name", "")
    if 2 <= len(name) <= 40:
        return name
    host = page.site.split(".")
    return host[-2].capitalize() if len(host) >= 2 else page.site


def sources(pages: Sequence[DevPage]) -> list[Source]:
    found = []
    for page in pages:
        meta = _meta(page.html)
        language = page.language
        if language is None:
            match = _LANG.search(page.html[:5000])
            language = match.group(1).lower() if match else None
            # `<html lang>` is a template's setting: an English body under lang="de" is English.
            if _reads_english(page.truth):
                language = "en"
        lines = tuple(_norm(line) for line in page.truth.split("\n") if line.strip())
        if not lines:
            continue
        found.append(
            Source(
                id=page.id,
                url=page.url,
                lines=lines,
                title=_headline_of(page, meta),
                site=_site_name(page, meta),
                language=language,
                published=page.meta.published if page.meta else None,
                authors=tuple(page.meta.authors) if page.meta else (),
                description=meta.get("og:description"),
            )
        )
    return found


# Calls to action a gold body may keep ("Click here to ..."): not article prose to end on.
_PROMO = re.compile(r"click here|sign up|subscribe|follow us|download|https?://", re.IGNORECASE)
_ENGLISH = frozenset(("the", "and", "of", "to", "in", "is", "that", "for", "with", "was"))


def _reads_english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text[:3000].lower())
    return len(words) >= 30 and sum(w in _ENGLISH for w in words) >= 0.12 * len(words)


def _good_headline(title: str) -> bool:
    cjk = sum(
        1 for c in title if unicodedata.name(c, "").startswith(("CJK", "HANGUL", "HIRA", "KATA"))
    )
    return (len(title.split()) >= 3 or cjk >= 8) and len(title) <= 200


# --- cases ------------------------------------------------------------------------------


@dataclass
class Case:
    level: str  # "text" or "html"
    kind: str  # "tail" or "negative"
    format: str
    language: str
    article: Source
    #: Text level: lines appended to the article. HTML level: unused (see `html`).
    added: list[str] = field(default_factory=list)
    #: Headlines of the tail (substring check) and other tail lines (whole-line check).
    headlines: list[str] = field(default_factory=list)
    other_lines: list[str] = field(default_factory=list)
    #: Lines of a negative ending that must come out (in order).
    ending: list[str] = field(default_factory=list)
    #: HTML level: markup placed after the article's paragraphs.
    markup: str = ""
    #: HTML level: inside the body container, or after it inside the article.
    inside: bool = True
    template: int = 0


class Material:
    """Headlines and articles by language, and real text to build negatives from."""

    def __init__(self, found: list[Source], rng: random.Random) -> None:
        self.rng = rng
        self.all = found
        self.by_language: dict[str, list[Source]] = defaultdict(list)
        for source in found:
            if source.language:
                self.by_language[source.language].append(source)
        self.authors = sorted({a for s in found for a in s.authors if 2 <= len(a.split()) <= 3})
        self.lists = _real_lists(found)
        self.short_lines: dict[str, list[str]] = defaultdict(list)
        self.paragraphs: dict[str, list[str]] = defaultdict(list)
        self.quotes: dict[str, list[str]] = defaultdict(list)
        for source in found:
            language = source.language or "?"
            for line in source.lines[1:]:
                words = len(line.split())
                if 25 <= words <= 80 and line.endswith("."):
                    self.paragraphs[language].append(line)
                if (
                    3 <= words <= 12
                    and line.endswith((".", "!"))
                    and ":" not in line
                    and not _PROMO.search(line)
                ):
                    self.short_lines[language].append(line)
                if line[:1] in '“"„«‘' and line[-1:] in '”"“»’' and 6 <= words <= 45:
                    self.quotes[language].append(line)

    def languages(self) -> list[str]:
        return sorted(k for k, v in self.by_language.items() if len(v) >= 2)

    def headlines(self, language: str, article: Source, count: int) -> list[Source]:
        """`count` other pages of `language` whose headline is usable next to `article`."""
        body = _norm(" ".join(article.lines)).casefold()
        pool = [
            s
            for s in self.by_language[language]
            if s.id != article.id
            and _good_headline(s.title)
            and s.title.casefold() not in body
            and s.title != article.title
            and s.title != s.site
        ]
        self.rng.shuffle(pool)
        return pool[:count]

    def article(self, language: str) -> Source:
        return self.rng.choice(self.by_language[language])

    def author(self) -> str:
        return self.rng.choice(self.authors) if self.authors else "Jane Doe"


def _real_lists(found: list[Source]) -> list[tuple[str, str, list[str]]]:
    """Announced lists in the gold bodies: a line ending with ":" and 3-5 short lines."""
    lists = []
    for source in found:
        lines = source.lines
        for i, line in enumerate(lines[:-3]):
            if not line.endswith(":") or len(line.split()) > 40:
                continue
            items = []
            for item in lines[i + 1 : i + 6]:
                if len(item.split()) > 15 or item.endswith(":") or "http" in item:
                    break
                items.append(item)
            if len(items) >= 3:
                lists.append((source.language or "?", line, items))
    return lists


# --- tail formats -----------------------------------------------------------------------


def _header(rng: random.Random, language: str, site: str) -> str:
    header = rng.choice(HEADERS[language]).format(site=site)
    style = rng.random()
    if style < 0.2:
        header = header.upper()
    elif style < 0.4:
        header += ":"
    return header


def _date(rng: random.Random, source: Source) -> str:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", source.published or "")
    y, m, d = (
        (int(match[1]), int(match[2]), int(match[3]))
        if match
        else (rng.choice((2019, 2023, 2024, 2025)), rng.randint(1, 12), rng.randint(1, 28))
    )
    template = rng.choice(_DATE_FORMATS)
    return template.format(d=d, m=m, y=y, mon=_MONTHS_EN[m - 1])


def _punctuated(rng: random.Random, title: str) -> str:
    """The headline ending in ?, . or ! (kept when it already does)."""
    if title.endswith(("?", ".", "!", "？", "。", "！")):
        return title
    return title + rng.choice("?.!")


@dataclass(frozen=True)
class Format:
    """A way of writing a tail: header or not, line shape, how many headlines."""

    name: str
    header: bool
    least: int
    most: int
    render: Callable[[random.Random, list[Source], Source], tuple[list[str], list[str]]]


def _plain(rng: random.Random, items: list[Source], article: Source) -> tuple[list[str], list[str]]:
    return [s.title for s in items], []


def _bulleted(rng: random.Random, items: list[Source], a: Source) -> tuple[list[str], list[str]]:
    bullet = rng.choice(_BULLETS)
    return [bullet + s.title for s in items], []


def _numbered(rng: random.Random, items: list[Source], a: Source) -> tuple[list[str], list[str]]:
    style = rng.choice(("{n}. ", "{n}) ", "{n} "))
    return [style.format(n=n) + s.title for n, s in enumerate(items, 1)], []


def _dated(rng: random.Random, items: list[Source], a: Source) -> tuple[list[str], list[str]]:
    style = rng.randrange(4)
    lines: list[str] = []
    others: list[str] = []
    for s in items:
        date = _date(rng, s)
        if style == 0:
            lines.append(f"{s.title} ({date})")
        elif style == 1:
            lines.append(f"{date} | {s.title}")
        elif style == 2:
            lines.append(f"{date} {s.title}")
        else:
            lines += [s.title, date]
            others.append(date)
    return lines, others


def _site_suffix(rng: random.Random, items: list[Source], a: Source) -> tuple[list[str], list[str]]:
    separator = rng.choice((" | ", " - ", " – "))
    own = rng.random() < 0.3  # aggregator style: each headline's own site
    return [s.title + separator + (s.site if own else a.site) for s in items], []


def _seed_dashes(rng: random.Random, items: list[Source], a: Source) -> tuple[list[str], list[str]]:
    return ["-", *(f"{s.title} -" for s in items)], ["-"]


def _punct(rng: random.Random, items: list[Source], a: Source) -> tuple[list[str], list[str]]:
    return [_punctuated(rng, s.title) for s in items], []


def _summary(source: Source) -> str | None:
    """A teaser's summary: the page's first sentence-like line (not a copyright line)."""
    return next(
        (
            line
            for line in source.lines
            if 8 <= len(line.split()) <= 40
            and line.rstrip("\"'”’»)").endswith((".", "!", "?"))
            and not re.search(r"[©ⓒ]|copyright", line, re.IGNORECASE)
        ),
        None,
    )


def _cards(rng: random.Random, items: list[Source], a: Source) -> tuple[list[str], list[str]]:
    lines: list[str] = []
    others: list[str] = []
    for s in items:
        summary = _summary(s)
        lines.append(s.title)
        if summary:
            lines.append(summary)
            others.append(summary)
    return lines, others


def _above_each(items: list[Source], labels: list[str]) -> tuple[list[str], list[str]]:
    """Each headline with its label on the line above (the labels are no headlines)."""
    return [
        line for label, s in zip(labels, items, strict=True) for line in (label, s.title)
    ], labels


def _kickers(rng: random.Random, items: list[Source], a: Source) -> tuple[list[str], list[str]]:
    upper = rng.random() < 0.5
    kickers = [rng.choice(SECTIONS.get(s.language or "", SECTIONS["en"])) for s in items]
    return _above_each(items, [k.upper() if upper else k for k in kickers])


def _ranks(rng: random.Random, items: list[Source], a: Source) -> tuple[list[str], list[str]]:
    style = rng.choice(("{n}", "{n:02d}", "{n}."))
    return _above_each(items, [style.format(n=n) for n in range(1, len(items) + 1)])


TEXT_FORMATS: tuple[Format, ...] = (
    Format("header + plain lines", True, 2, 5, _plain),
    Format("header + bullets", True, 2, 5, _bulleted),
    Format("header + numbers", True, 2, 5, _numbered),
    Format("header + dates", True, 2, 4, _dated),
    Format("header + | Site / - Site", True, 2, 4, _site_suffix),
    Format("header + headlines ending ?.!", True, 1, 4, _punct),
    Format("header + one headline", True, 1, 1, _plain),
    Format("header + one headline ending ?.!", True, 1, 1, _punct),
    Format("header + teaser cards", True, 2, 3, _cards),
    Format("no header: seed's trailing ' -'", False, 2, 8, _seed_dashes),
    Format("no header: bullets", False, 3, 5, _bulleted),
    Format("no header: numbers", False, 3, 5, _numbered),
    Format("no header: dates", False, 3, 5, _dated),
    Format("no header: | Site / - Site", False, 2, 5, _site_suffix),
    Format("no header: plain lines", False, 3, 6, _plain),
)


#: Longer "words" than this are a script without spaces; its excerpts are cut by
#: characters, about two a word (a 100-character limit for a 50-word one).
_CHARS_PER_WORD = 20
_NO_SPACE_CHARS_PER_WORD = 2


def _excerpts(rng: random.Random, items: list[Source], a: Source) -> tuple[list[str], list[str]]:
    """A related-posts widget showing each other page's opening words (its paragraphs,
    joined) up to a word limit, cut short with an ellipsis where the limit falls inside the
    text; a text shorter than the limit shows whole."""
    limit = rng.choice((30, 40, 55, 100))
    ellipsis = rng.choice((" …", "…", "...", " [...]", " […]"))
    lines: list[str] = []
    for s in items:
        text = " ".join(s.lines)
        if len(text) > _CHARS_PER_WORD * len(text.split()):
            # A script without spaces: the widget counts characters.
            chars = limit * _NO_SPACE_CHARS_PER_WORD
            lines.append(text[:chars] + ellipsis if len(text) > chars else text)
            continue
        words = text.split()
        lines.append(" ".join(words[:limit]) + ellipsis if len(words) > limit else text)
    return lines, lines


#: Widgets that extractors flatten into lines of their own: a kicker or a rank above each
#: headline. `main` draws them with a random generator of their own, so that adding them
#: left every other case of the benchmark as it was.
WIDGET_FORMATS: tuple[Format, ...] = (
    Format("header + kicker above each headline", True, 2, 5, _kickers),
    Format("header + rank above each headline", True, 2, 5, _ranks),
)
#: Teaser excerpts, drawn with a generator of their own too (`main`).
EXCERPT_FORMATS: tuple[Format, ...] = (
    Format("header + excerpts cut short", True, 2, 5, _excerpts),
)


def _inline_teaser(
    rng: random.Random, material: Material, language: str, article: Source
) -> Case | None:
    items = material.headlines(language, article, 1)
    if not items:
        return None
    header = rng.choice(HEADERS[language]).format(site=article.site)
    line = (
        f"{header}: {items[0].title}"
        if rng.random() < 0.7
        else f"{header.upper()}: {items[0].title}"
    )
    return Case(
        "text", "tail", "inline 'Read more: headline'", language, article, [line], [items[0].title]
    )


def text_tail_cases(
    material: Material,
    per_language: int,
    formats: Sequence[Format] = TEXT_FORMATS,
    *,
    inline_teasers: bool = True,
) -> list[Case]:
    """Cases of each format in each language, then (`inline_teasers`) the inline "Read
    more: headline" cases, all drawn from `material`'s random generator in that order."""
    rng = material.rng
    cases: list[Case] = []
    for fmt in formats:
        for language in material.languages():
            if fmt.header and language not in HEADERS:
                continue
            for _ in range(per_language):
                article = material.article(language)
                count = rng.randint(fmt.least, fmt.most)
                items = material.headlines(language, article, count)
                if len(items) < fmt.least:
                    continue
                lines, others = fmt.render(rng, items, article)
                if fmt.header:
                    header = _header(rng, language, article.site)
                    lines = [header, *lines]
                    others = [header, *others]
                cases.append(
                    Case(
                        "text",
                        "tail",
                        fmt.name,
                        language,
                        article,
                        lines,
                        [s.title for s in items],
                        others,
                    )
                )
    if not inline_teasers:
        return cases
    for language in material.languages():
        if language not in HEADERS:
            continue
        for _ in range(per_language):
            case = _inline_teaser(rng, material, language, material.article(language))
            if case:
                cases.append(case)
    return cases


# --- negatives --------------------------------------------------------------------------


def _negative_endings(material: Material, article: Source) -> dict[str, list[str]]:
    """Endings that look like tails but are the article's, for one article (by category)."""
    rng = material.rng
    language = article.language or "?"
    endings: dict[str, list[str]] = {}
    shorts = [s for s in material.short_lines.get(language, []) if s not in article.lines]
    if shorts:
        endings["short last paragraph"] = [rng.choice(shorts)]
    quotes = [q for q in material.quotes.get(language, []) if q not in article.lines]
    if quotes:
        endings["final quote"] = [rng.choice(quotes)]
    lists = [x for x in material.lists if x[0] == language] or [
        x for x in material.lists if x[0] == "en"
    ]
    if lists:
        _, intro, items = rng.choice(lists)
        bullet = rng.choice(("- ", "• ", ""))
        endings["announced list"] = [intro, *(bullet + i for i in items)]
        # A list straight after a paragraph, no colon announcing it: as extractors render
        # an <ul>, every item bulleted.
        paragraphs = material.paragraphs.get(language, [])
        _, _, items = rng.choice(lists)
        if paragraphs:
            endings["list after a paragraph"] = [
                rng.choice(paragraphs),
                *(f"{rng.choice(('- ', '• '))}{i}" for i in items),
            ]
        _, intro, items = rng.choice(lists)
        endings["list under a subheading"] = [
            rng.choice(
                ("Das Wichtigste in Kürze", "Die Eckdaten")
                if language == "de"
                else ("Key points", "At a glance", "Timeline")
            ),
            *(f"- {i}" for i in items),
        ]
    if language in TEXT_CREDITS:
        line = rng.choice(TEXT_CREDITS[language])
        endings[TEXT_CREDIT] = [line.format(a=material.author(), b=material.author())]
    if language in NOTES:
        endings["editor's note"] = [rng.choice(NOTES[language])]
    author = material.author()
    handle = re.sub(r"\W", "", author.split()[-1])[:12] or "news"
    endings["embedded post"] = [
        rng.choice(shorts) if shorts else "This is what it looks like tonight.",
        f"— {author} (@{handle}) {_date(rng, article)}",
    ]
    endings["dated schedule"] = [
        rng.choice(("Tour dates:", "The dates:", "Termine:", "Fechas:")),
        *(f"{_date(rng, article)} – {rng.choice(_PLACES)}" for _ in range(rng.randint(3, 5))),
    ]
    if language in HEADERS:
        paragraphs = material.paragraphs.get(language, [])
        paragraph = rng.choice(paragraphs) if paragraphs else None
        if paragraph and paragraph not in article.lines:
            # A subheading that happens to be a header phrase, then prose.
            endings["header-like subheading + paragraph"] = [
                rng.choice(HEADERS[language]).format(site=article.site).rstrip(":"),
                paragraph,
            ]
    return endings


def _credit(material: Material, article: Source) -> list[str] | None:
    language = article.language or "?"
    if language not in IMAGE_CREDITS:
        return None
    return [material.rng.choice(IMAGE_CREDITS[language]).format(a=material.author())]


# A copyright notice or an e-mail address: page furniture some gold bodies keep at their end
# (entermedia's "columnist address / [photo credit] / ⓒ ... all rights reserved").
_PAGE_NOTICE = re.compile(r"©|ⓒ|\bcopyright\b|저작권|[\w.+-]+@[\w-]+\.\w", re.IGNORECASE)
_NOTICE_LINES = 3


def _article_part(source: Source) -> Source:
    """`source` without the page notices among its last lines, to append an ending to.

    A page ends its article, then its furniture: an ending appended under a copyright
    notice is a page that no site makes, and a cleaner is right to cut what follows the
    notice (`boilerplate`'s page-closing lines)."""
    lines = source.lines
    last = range(max(1, len(lines) - _NOTICE_LINES), len(lines))
    start = next((i for i in last if _PAGE_NOTICE.search(lines[i])), None)
    if start is None:
        return source
    return replace(source, id=f"{source.id}#article", lines=lines[:start])


def text_negative_cases(material: Material, per_language: int) -> list[Case]:
    rng = material.rng
    cases: list[Case] = []
    for language in material.languages():
        for _ in range(per_language):
            article = _article_part(material.article(language))
            for name, ending in _negative_endings(material, article).items():
                kept = [] if name == TEXT_CREDIT else list(ending)  # a credit may go
                cases.append(
                    Case("text", "negative", name, language, article, list(ending), ending=kept)
                )
            credit = _credit(material, article)
            if credit:
                cases.append(Case("text", "negative", IMAGE_CREDIT, language, article, credit))
    for source in material.all:
        cases.append(Case("text", "real", "real body, unchanged", source.language or "?", source))
    rng.shuffle(cases)
    return cases


# --- HTML pages -------------------------------------------------------------------------


def _slug(text: str, n: int) -> str:
    words = re.findall(r"\w+", text.casefold())[:6]
    return "-".join(words) + f"-{n}"


def _href(rng: random.Random, article: Source, title: str) -> str:
    host = re.sub(r"^https?://", "", article.url).split("/", 1)[0]
    section = rng.choice(("news", "politik", "world", "sport", "kultur"))
    path = f"/{section}/{_slug(title, rng.randint(10000, 99999))}"
    return f"https://{host}{path}" if rng.random() < 0.3 else path


def _link(rng: random.Random, article: Source, title: str, text: str | None = None) -> str:
    href = html_lib.escape(_href(rng, article, title))
    return f'<a href="{href}">{html_lib.escape(text or title)}</a>'


def _header_element(rng: random.Random, text: str) -> str:
    tag = rng.choice(("h2", "h3", "h4", "p-strong", "div-span"))
    text = html_lib.escape(text)
    if tag == "p-strong":
        return f"<p><strong>{text}</strong></p>"
    if tag == "div-span":
        return f'<div class="section-title"><span>{text}</span></div>'
    return f"<{tag}>{text}</{tag}>"


HtmlRender = Callable[[random.Random, list[Source], Source], tuple[str, list[str]]]


def _h_links_ul(rng: random.Random, items: list[Source], a: Source) -> tuple[str, list[str]]:
    return "<ul>" + "".join(f"<li>{_link(rng, a, s.title)}</li>" for s in items) + "</ul>", []


def _h_links_ol(rng: random.Random, items: list[Source], a: Source) -> tuple[str, list[str]]:
    return "<ol>" + "".join(f"<li>{_link(rng, a, s.title)}</li>" for s in items) + "</ol>", []


def _h_links_p(rng: random.Random, items: list[Source], a: Source) -> tuple[str, list[str]]:
    return "".join(f"<p>{_link(rng, a, s.title)}</p>" for s in items), []


def _h_bare_links(rng: random.Random, items: list[Source], a: Source) -> tuple[str, list[str]]:
    if rng.random() < 0.5:
        return '<div class="links">' + "".join(_link(rng, a, s.title) for s in items) + "</div>", []
    return "<p>" + "<br>".join(_link(rng, a, s.title) for s in items) + "</p>", []


def _h_plain_p(rng: random.Random, items: list[Source], a: Source) -> tuple[str, list[str]]:
    return "".join(f"<p>{html_lib.escape(s.title)}</p>" for s in items), []


def _h_plain_li(rng: random.Random, items: list[Source], a: Source) -> tuple[str, list[str]]:
    return "<ul>" + "".join(f"<li>{html_lib.escape(s.title)}</li>" for s in items) + "</ul>", []


def _h_dated(rng: random.Random, items: list[Source], a: Source) -> tuple[str, list[str]]:
    dates = [_date(rng, s) for s in items]
    return "<ul>" + "".join(
        f"<li>{_link(rng, a, s.title)} <time>{html_lib.escape(d)}</time></li>"
        for s, d in zip(items, dates, strict=True)
    ) + "</ul>", dates


def _h_site_suffix(rng: random.Random, items: list[Source], a: Source) -> tuple[str, list[str]]:
    separator = rng.choice((" | ", " - "))
    return "<ul>" + "".join(
        f"<li>{_link(rng, a, s.title)}{html_lib.escape(separator + a.site)}</li>" for s in items
    ) + "</ul>", []


def _h_punct(rng: random.Random, items: list[Source], a: Source) -> tuple[str, list[str]]:
    return "".join(f"<p>{_link(rng, a, s.title, _punctuated(rng, s.title))}</p>" for s in items), []


def _h_cards(rng: random.Random, items: list[Source], a: Source) -> tuple[str, list[str]]:
    out = []
    summaries = []
    for s in items:
        summary = _summary(s) or ""
        summaries.append(summary)
        out.append(
            f'<div class="teaser"><h4>{_link(rng, a, s.title)}</h4>'
            f"<p>{html_lib.escape(summary)}</p></div>"
        )
    return "".join(out), [s for s in summaries if s]


def _cut(text: str, words: int) -> str:
    """`text` cut off after `words` words, as a teaser card's dek is ("... who said t…")."""
    kept = text.split()[:words]
    return " ".join(kept).rstrip(".,;:!?") + random.Random(text).choice(("…", "...", " …"))


def _h_cut_cards(rng: random.Random, items: list[Source], a: Source) -> tuple[str, list[str]]:
    """Cards as card widgets render them: an image and the headline, both linking to the
    story, over its dek cut off after a dozen words or so."""
    return _image_cards(rng, items, a, cut=True)


def _h_image_cards(rng: random.Random, items: list[Source], a: Source) -> tuple[str, list[str]]:
    """As `_h_cut_cards`, the dek a whole sentence (the story's description)."""
    return _image_cards(rng, items, a, cut=False)


def _image_cards(
    rng: random.Random, items: list[Source], a: Source, *, cut: bool
) -> tuple[str, list[str]]:
    out = []
    deks = []
    for s in items:
        href = html_lib.escape(_href(rng, a, s.title))
        dek = _summary(s) or s.lines[0]
        dek = _cut(dek, rng.randint(8, 20)) if cut else dek
        deks.append(dek)
        out.append(
            f'<div><a href="{href}"><img src="/img/{rng.randint(100, 999)}.jpg" alt=""></a>'
            f'<h3><a href="{href}">{html_lib.escape(s.title)}</a></h3>'
            f"<p>{html_lib.escape(dek)}</p></div>"
        )
    return "".join(out), deks


@dataclass(frozen=True)
class HtmlFormat:
    name: str
    header: bool
    least: int
    most: int
    render: HtmlRender


HTML_FORMATS: tuple[HtmlFormat, ...] = (
    HtmlFormat("header + <ul> of links", True, 2, 5, _h_links_ul),
    HtmlFormat("header + <p> links", True, 2, 5, _h_links_p),
    HtmlFormat("header + bare <a> list", True, 2, 5, _h_bare_links),
    HtmlFormat("header + plain <p> headlines", True, 2, 4, _h_plain_p),
    HtmlFormat("header + plain <li> headlines", True, 2, 4, _h_plain_li),
    HtmlFormat("header + one link", True, 1, 1, _h_links_p),
    HtmlFormat("header + links ending ?.!", True, 1, 4, _h_punct),
    HtmlFormat("header + teaser cards", True, 2, 3, _h_cards),
    HtmlFormat("header + dated <li>", True, 2, 4, _h_dated),
    HtmlFormat("no header: <ul> of links", False, 2, 5, _h_links_ul),
    HtmlFormat("no header: <ol> of links", False, 2, 5, _h_links_ol),
    HtmlFormat("no header: <p> links", False, 2, 5, _h_links_p),
    HtmlFormat("no header: bare <a> list", False, 2, 5, _h_bare_links),
    HtmlFormat("no header: dated <li>", False, 2, 4, _h_dated),
    HtmlFormat("no header: <li> + | Site", False, 2, 4, _h_site_suffix),
)
#: Drawn from a material of their own (`--seed` + 2), so that the cases above stay the same.
CARD_FORMATS: tuple[HtmlFormat, ...] = (
    HtmlFormat("no header: cards, dek cut off", False, 2, 4, _h_cut_cards),
    HtmlFormat("no header: cards, dek a sentence", False, 2, 4, _h_image_cards),
)


def html_tail_cases(
    material: Material,
    per_language: int,
    formats: Sequence[HtmlFormat] = HTML_FORMATS,
    *,
    inline_teasers: bool = True,
) -> list[Case]:
    rng = material.rng
    cases: list[Case] = []
    for fmt in formats:
        for language in material.languages():
            if fmt.header and language not in HEADERS:
                continue
            for _ in range(per_language):
                article = material.article(language)
                items = material.headlines(language, article, rng.randint(fmt.least, fmt.most))
                if len(items) < fmt.least:
                    continue
                markup, others = fmt.render(rng, items, article)
                if fmt.header:
                    header = _header(rng, language, article.site)
                    markup = _header_element(rng, header) + markup
                    others = [header, *others]
                if rng.random() < 0.5:
                    wrapper = rng.choice(("more", "box", "links-block", "x-7f"))
                    markup = f'<div class="{wrapper}">{markup}</div>'
                cases.append(
                    Case(
                        "html",
                        "tail",
                        fmt.name,
                        language,
                        article,
                        [],
                        [s.title for s in items],
                        others,
                        markup=markup,
                        inside=rng.random() < 0.7,
                        template=rng.randrange(len(TEMPLATES)),
                    )
                )
    if not inline_teasers:
        return cases
    # an inline "Read more: <a>headline</a>" paragraph
    for language in material.languages():
        if language not in HEADERS:
            continue
        for _ in range(per_language):
            article = material.article(language)
            items = material.headlines(language, article, 1)
            if not items:
                continue
            header = rng.choice(HEADERS[language]).format(site=article.site)
            link = _link(rng, article, items[0].title)
            markup = f"<p><strong>{html_lib.escape(header)}:</strong> {link}</p>"
            cases.append(
                Case(
                    "html",
                    "tail",
                    "inline 'Read more: <a>'",
                    language,
                    article,
                    [],
                    [items[0].title],
                    [],
                    markup=markup,
                    inside=True,
                    template=rng.randrange(len(TEMPLATES)),
                )
            )
    return cases


def _ending_markup(rng: random.Random, name: str, ending: list[str]) -> tuple[str, list[str]]:
    """Markup for a negative ending, and the lines an extractor renders from it."""
    esc = html_lib.escape
    if name in ("announced list", "dated schedule"):
        intro, items = ending[0], [re.sub(r"^[-•] ", "", i) for i in ending[1:]]
        return (
            f"<p>{esc(intro)}</p><ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>",
            [intro, *(f"- {i}" for i in items)],
        )
    if name == "list after a paragraph":
        items = [re.sub(r"^[-•] ", "", i) for i in ending[1:]]
        return (
            f"<p>{esc(ending[0])}</p><ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>",
            [ending[0], *(f"- {i}" for i in items)],
        )
    if name == "list under a subheading":
        items = [i[2:] for i in ending[1:]]
        return (
            f"<h3>{esc(ending[0])}</h3><ul>"
            + "".join(f"<li>{esc(i)}</li>" for i in items)
            + "</ul>",
            [ending[0], *(f"- {i}" for i in items)],
        )
    if name == "final quote":
        return f"<blockquote><p>{esc(ending[0])}</p></blockquote>", ending
    if name == TEXT_CREDIT:
        return f"<p><em>{esc(ending[0])}</em></p>", []
    if name == "editor's note":
        return f"<p><em>{esc(ending[0])}</em></p>", ending
    if name == "embedded post":
        return (
            f'<blockquote class="twitter-tweet"><p>{esc(ending[0])}</p>{esc(ending[1])}'
            "</blockquote>",
            ending,
        )
    if name == "header-like subheading + paragraph":
        return f"<h2>{esc(ending[0])}</h2><p>{esc(ending[1])}</p>", ending
    if name == IMAGE_CREDIT:
        return (
            f'<figure><img src="/img/photo.jpg" alt=""><figcaption>{esc(ending[0])}'
            "</figcaption></figure>",
            [],
        )
    return "".join(f"<p>{esc(line)}</p>" for line in ending), ending


def html_negative_cases(material: Material, per_language: int) -> list[Case]:
    rng = material.rng
    cases: list[Case] = []
    for language in material.languages():
        for _ in range(per_language):
            article = _article_part(material.article(language))
            endings = _negative_endings(material, article)
            credit = _credit(material, article)
            if credit:
                endings[IMAGE_CREDIT] = credit
            for name, ending in endings.items():
                markup, expected = _ending_markup(rng, name, ending)
                cases.append(_html_negative(rng, name, language, article, markup, expected))
    return cases


def _html_negative(
    rng: random.Random, name: str, language: str, article: Source, markup: str, ending: list[str]
) -> Case:
    """An HTML negative case: `markup` ends the article's body, `ending` is what an
    extractor renders of it."""
    return Case(
        "html",
        "negative",
        name,
        language,
        article,
        [],
        ending=ending,
        markup=markup,
        inside=True,
        template=rng.randrange(len(TEMPLATES)),
    )


def roundup_negative_cases(material: Material, per_language: int) -> list[Case]:
    """An article that ends with a roundup of the site's stories, each a linked headline
    and a sentence of its own (a briefing, a "what else happened" digest): the
    article's, although each item looks like a teaser card with its dek. Drawn from a
    material of their own, like `CARD_FORMATS`."""
    rng = material.rng
    cases: list[Case] = []
    for language in material.languages():
        for _ in range(per_language):
            article = _article_part(material.article(language))
            items = [
                (s.title, summary)
                for s in material.headlines(language, article, rng.randint(3, 4))
                if (summary := _summary(s))
            ]
            if len(items) < 3:
                continue
            esc = html_lib.escape
            if rng.random() < 0.5:
                markup = "".join(
                    f"<h3>{_link(rng, article, title)}</h3><p>{esc(summary)}</p>"
                    for title, summary in items
                )
                ending = [line for item in items for line in item]
            else:
                markup = "".join(
                    f"<p><strong>{_link(rng, article, title)}</strong> {esc(summary)}</p>"
                    for title, summary in items
                )
                ending = [f"{title} {summary}" for title, summary in items]
            name = "roundup: linked headline + sentence"
            cases.append(_html_negative(rng, name, language, article, markup, ending))
    return cases


_NAV = ("News", "Politics", "Business", "Sport", "Culture", "Opinion", "Video")

TEMPLATES = (
    # 0: <article> with a body <div>; chrome around and in the article.
    """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:type" content="article"><meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">{description}
<meta property="article:published_time" content="2024-03-14T08:30:00+01:00">
</head><body>
<header class="site-header"><a class="logo" href="/">{site}</a>
<nav><ul>{nav}</ul></nav></header>
<div class="cookie-banner"><p>We use cookies to improve your experience.</p>
<button>Accept</button></div>
<main><article class="story">
<div class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a></div>
<h1>{title}</h1>
<div class="byline">{author} · 14.03.2024</div>
<div class="share-tools"><a href="https://twitter.com/intent/tweet">Tweet</a> <a href="https://www.facebook.com/sharer">Share</a></div>
<div class="article-body">
{body}{inside}
</div>
{after}
<aside class="newsletter"><h3>Newsletter</h3><p>Sign up for our daily newsletter.</p></aside>
</article></main>
<footer><p>© 2024 {site}</p><a href="/privacy">Privacy</a> <a href="/imprint">Imprint</a></footer>
</body></html>""",
    # 1: WordPress-style content <div>s, no <article> element.
    """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{title} - {site}</title>
<meta property="og:title" content="{title}"><meta property="og:type" content="article">{description}
</head><body class="single-post">
<div id="top-bar"><ul class="menu">{nav}</ul></div>
<div id="page"><div id="content" class="site-content">
<div class="entry-header"><h1 class="entry-title">{title}</h1>
<span class="posted-on">March 14, 2024</span> <span class="author">by {author}</span></div>
<div class="entry-content">
{body}{inside}
</div>
{after}
<div class="post-tags">Tags: <a href="/tag/a" rel="tag">Politics</a>
<a href="/tag/b" rel="tag">World</a></div>
<div class="sharedaddy"><h3>Share this:</h3><a href="#">Facebook</a> <a href="#">Twitter</a></div>
</div>
<div id="sidebar"><h3>Categories</h3><ul>{nav}</ul></div>
</div>
<div id="footer">Copyright 2024 {site}. All rights reserved.</div>
</body></html>""",
    # 2: <main> with a story <section>, JSON-LD.
    """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{title}</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":{title_json},"datePublished":"2024-03-14T08:30:00Z"}}</script>
</head><body>
<div class="masthead"><a href="/">{site}</a><ul class="sections">{nav}</ul></div>
<main id="main">
<section class="story-header"><h1>{title}</h1><p class="dateline">14 March 2024</p></section>
<section class="story-content">
<div class="ad-slot">Advertisement</div>
{body}{inside}
</section>
{after}
</main>
<div class="site-footer"><ul>{nav}</ul><p>{site} © 2024</p></div>
</body></html>""",
)


def build_page(case: Case, with_tail: bool = True) -> str:
    import json

    article = case.article
    esc = html_lib.escape
    body = "\n".join(f"<p>{esc(line)}</p>" for line in article.lines)
    extra = case.markup if case.kind == "negative" or with_tail else ""
    description = (
        f'\n<meta property="og:description" content="{esc(article.description)}">'
        if article.description and article.description not in article.lines
        else ""
    )
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in _NAV)
    return TEMPLATES[case.template].format(
        lang=article.language or "en",
        title=esc(article.title),
        title_json=json.dumps(article.title),
        site=esc(article.site),
        description=description,
        nav=nav,
        author=esc("Mara Lindqvist"),
        body=body,
        inside=extra if case.inside else "",
        after="" if case.inside else extra,
    )


# --- systems and scoring ----------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return [_norm(line) for line in text.split("\n") if line.strip()]


_HAS_WORD = re.compile(r"[^\W_]")


def _worded(lines: Sequence[str]) -> list[str]:
    """The lines that hold a word: a separator line ("___", "***") holds no text, so it is
    neither article nor kept."""
    return [line for line in lines if _HAS_WORD.search(line)]


def _text_lines(text: str) -> list[str]:
    """The lines of `text` that carry text (`_worded`)."""
    return _worded(_lines(text))


def _clean_text(text: str, title: str | None) -> str:
    from newscrawl import clean_text

    return clean_text(text)


def _stages(text: str, title: str | None) -> str:
    from newscrawl.items import Article
    from newscrawl.stages import remove_chrome, strip_related_tail

    article = Article(
        url="https://example.org/a",
        canonical_url="https://example.org/a",
        site="example.org",
        title=title,
        text=text,
    )
    article, _ = remove_chrome(article)
    article, _ = strip_related_tail(article)
    return article.text


TEXT_SYSTEMS: dict[str, Callable[[str, str | None], str]] = {
    "clean_text": _clean_text,
    "text stages": _stages,
}


def newscrawl_text(page: str | bytes, url: str | None) -> str:
    """newscrawl's text of a page ("" when it gives no article)."""
    from newscrawl import extract_article

    article = extract_article(page, url)
    return (article or {}).get("text") or ""


def _trafilatura_html(page: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(page, include_comments=False) or ""


HTML_SYSTEMS: dict[str, Callable[[str, str], str]] = {
    "newscrawl": newscrawl_text,
    "trafilatura": _trafilatura_html,
}


def _subsequence(needles: Sequence[str], haystack: Sequence[str]) -> bool:
    position = 0
    for needle in needles:
        try:
            position = haystack.index(needle, position) + 1
        except ValueError:
            return False
    return True


def _strip_marks(line: str) -> str:
    return re.sub(r"^[\s•·*\-–—»>]+|[\s:.\-–—|]+$", "", line).casefold()


def tail_gone(case: Case, output: str, control: Sequence[str]) -> bool:
    """No headline of the tail in the output, and no other line of it among the lines the
    output has beyond the control's (an article may have a "Read more" line of its own)."""
    text = _norm(output).casefold()
    if any(_norm(h).casefold() in text for h in case.headlines):
        return False
    extra = Counter(_strip_marks(line) for line in _lines(output))
    extra.subtract(_strip_marks(line) for line in control)
    return not any(extra[_strip_marks(_norm(o))] > 0 for o in case.other_lines if o.strip())


@dataclass
class Result:
    case: Case
    system: str
    gone: bool = True
    kept: bool = True
    output: str = ""
    #: Article lines the output lost (HTML level), for the failure listing.
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.gone and self.kept


def run_text(
    cases: Sequence[Case], systems: dict[str, Callable[[str, str | None], str]] | None = None
) -> list[Result]:
    results = []
    controls: dict[tuple[str, str], str] = {}
    for case in cases:
        article = "\n".join(case.article.lines)
        for system, clean in (systems or TEXT_SYSTEMS).items():
            key = (system, case.article.id)
            if key not in controls:
                controls[key] = clean(article, case.article.title)
            control = controls[key]
            if case.kind == "real":
                output = control
                # Text, not rules: a trailing "___" is no article line lost.
                unchanged = _worded(_lines(output)) == _worded(case.article.lines)
                results.append(Result(case, system, True, unchanged, output))
                continue
            output = clean("\n".join([article, *case.added]), case.article.title)
            if case.kind == "tail":
                got, want = _text_lines(output), _text_lines(control)
                results.append(
                    Result(
                        case,
                        system,
                        tail_gone(case, output, want),
                        got[: len(want)] == want,
                        output,
                    )
                )
            else:
                # Intact: every line the system keeps of the article alone is there, in
                # order (a closing line a gold body ends with may stay once an ending
                # follows it), then the ending as written; a credit may go.
                got, ending = _lines(output), [_norm(e) for e in case.ending]
                intact = _subsequence(_lines(control), got) and (
                    not ending or got[-len(ending) :] == ending
                )
                results.append(Result(case, system, True, intact, output))
    return results


def run_html(cases: Sequence[Case], systems: Sequence[str], *, plain: bool = False) -> list[Result]:
    """Each case's page through each system; with `plain`, its class and id values renamed
    first (`plain_markup`), so that only structure and text tell the tail."""
    from newscrawl.testing.evaluation import plain_markup

    def page_of(case: Case, *, with_tail: bool = True) -> str:
        page = build_page(case, with_tail=with_tail)
        return plain_markup(page) if plain else page

    results = []
    controls: dict[tuple[str, str, int], list[str]] = {}
    skipped: dict[str, int] = defaultdict(int)
    for n, case in enumerate(cases, 1):
        if sys.stderr.isatty():
            print(f"\rHTML cases: {n}/{len(cases)}", end="", file=sys.stderr, flush=True)
        article_lines = list(case.article.lines)
        page = page_of(case)
        for system in systems:
            extract = HTML_SYSTEMS[system]
            key = (system, case.article.id, case.template)
            if key not in controls:
                bare = Case(
                    case.level, "tail", "", case.language, case.article, template=case.template
                )
                control_out = _lines(extract(page_of(bare, with_tail=False), case.article.url))
                controls[key] = [line for line in _worded(article_lines) if line in control_out]
            kept_article = controls[key]
            if not kept_article:
                skipped[system] += 1  # the bare page gives no article: nothing to measure
                continue
            output = extract(page, case.article.url)
            got = _text_lines(output)
            if case.kind == "tail":
                results.append(
                    Result(
                        case,
                        system,
                        tail_gone(case, output, kept_article),
                        _subsequence(kept_article, got),
                        output,
                        [line for line in kept_article if line not in got],
                    )
                )
            else:
                results.append(
                    Result(
                        case,
                        system,
                        True,
                        _subsequence(kept_article + [_norm(e) for e in case.ending], got),
                        output,
                    )
                )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for system, count in skipped.items():
        print(
            f"{system}: {count} HTML cases not measured (their page without the ending gives "
            "no article; see the real-body report)\n"
        )
    # the bare pages: how complete is each system's article without any tail
    for (system, page_id, template), kept in controls.items():
        source = next(c.article for c in cases if c.article.id == page_id)
        bare = Case(
            "html",
            "real",
            "real body, unchanged",
            source.language or "?",
            source,
            template=template,
        )
        lost = [line for line in _worded(source.lines) if line not in kept]
        results.append(Result(bare, system, True, not lost, "\n".join(lost)))
    return results


# --- reporting --------------------------------------------------------------------------


def _share(results: Sequence[Result], attr: str) -> str:
    if not results:
        return "n/a"
    return f"{sum(1 for r in results if getattr(r, attr)) / len(results):.3f}"


def table(results: Sequence[Result], systems: Sequence[str], key: str, kind: str) -> str:
    groups: dict[str, dict[str, list[Result]]] = defaultdict(lambda: defaultdict(list))
    for r in results:
        if r.case.kind == kind:
            groups[getattr(r.case, key)][r.system].append(r)
    if kind == "tail":
        head = f"| {key} | cases | " + " | ".join(
            f"{s} fully removed | {s} gone | {s} kept" for s in systems
        )
        rows = [head + " |", "|---|---|" + "---|---|---|" * len(systems)]
    else:
        head = f"| {key} | cases | " + " | ".join(f"{s} intact" for s in systems)
        rows = [head + " |", "|---|---|" + "---|" * len(systems)]
    order = sorted(groups) if key == "language" else list(groups)
    total: dict[str, list[Result]] = defaultdict(list)
    for name in order:
        cells = [name, str(len(groups[name][systems[0]]))]
        for s in systems:
            rs = groups[name][s]
            total[s] += rs
            cells += (
                [_share(rs, "ok"), _share(rs, "gone"), _share(rs, "kept")]
                if kind == "tail"
                else [_share(rs, "kept")]
            )
        rows.append("| " + " | ".join(cells) + " |")
    cells = ["**all**", str(len(total[systems[0]]))]
    for s in systems:
        rs = total[s]
        cells += (
            [_share(rs, "ok"), _share(rs, "gone"), _share(rs, "kept")]
            if kind == "tail"
            else [_share(rs, "kept")]
        )
    rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def real_report(results: Sequence[Result], system: str, *, text_level: bool) -> str:
    """The real gold bodies alone: how many come out unchanged, and what the others lost.

    Reported apart from the negatives: the gold sometimes keeps page furniture (a copyright
    line, a "Read more: ..." teaser, a follow prompt) that a cleaner is right to remove.
    """
    real = [r for r in results if r.case.kind == "real" and r.system == system]
    if not real:
        return ""
    intact = sum(1 for r in real if r.kept)
    lines = [
        f"### {system}: real gold bodies, unchanged: {intact}/{len(real)} intact "
        f"({intact / len(real):.3f})",
        "",
    ]
    for r in real:
        if r.kept:
            continue
        if text_level:
            got = set(_lines(r.output))
            lost = [line for line in _worded(r.case.article.lines) if line not in got]
        else:
            lost = _lines(r.output)
        shown = " ⏎ ".join(line[:90] for line in lost[:3]) + (
            f" (+{len(lost) - 3})" if len(lost) > 3 else ""
        )
        lines.append(f"- `{r.case.article.id[:32]}` lost: {shown}")
    return "\n".join(lines)


def failures(results: Sequence[Result], system: str, limit: int) -> str:
    shown: dict[str, int] = defaultdict(int)
    out = []
    for r in results:
        if r.system != system or r.ok or r.case.kind == "real" or shown[r.case.format] >= limit:
            continue
        shown[r.case.format] += 1
        why = "tail left" if not r.gone else "article changed"
        if r.missing:
            why += f" (lost: {' ⏎ '.join(line[:80] for line in r.missing[:2])})"
        tail = " ⏎ ".join(r.case.added or r.case.ending or [r.case.markup[:300]])
        out.append(
            f"- [{r.case.level} / {r.case.format} / {r.case.language} / "
            f"{r.case.article.id[:30]}] {why}\n"
            f"  added: {tail[:400]}\n  output end: {' ⏎ '.join(_lines(r.output)[-4:])[-400:]}"
        )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--level", choices=("text", "html", "both"), default="both")
    parser.add_argument(
        "--per-language", type=int, default=4, help="text cases per format and language"
    )
    parser.add_argument(
        "--html-per-language", type=int, default=3, help="HTML cases per format and language"
    )
    parser.add_argument(
        "--negatives-per-language",
        type=int,
        default=4,
        help="articles per language that get every negative ending (text; half at HTML)",
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip trafilatura at the HTML level"
    )
    parser.add_argument(
        "--failures", type=int, default=0, metavar="N", help="show N failures per format"
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--plain-markup",
        action="store_true",
        help="HTML level: rename every class and id value first (evaluation.plain_markup): "
        "what the structural rules do where no class word is known",
    )
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    pages = [*load("fundus"), *load("zyte")]
    material = Material(sources(pages), rng)
    languages = material.languages()
    print(f"# Tails benchmark (seed {args.seed})\n")
    print(
        f"{len(material.all)} dev pages; languages with 2+ pages: {', '.join(languages)}; "
        f"header phrases in {len([x for x in languages if x in HEADERS])} of them; "
        f"{len(material.lists)} real announced lists\n"
    )
    start = time.process_time()
    if args.level in ("text", "both"):
        cases = text_tail_cases(material, args.per_language) + text_negative_cases(
            material, args.negatives_per_language
        )
        widgets = Material(material.all, random.Random(args.seed + 1))
        cases += text_tail_cases(widgets, args.per_language, WIDGET_FORMATS, inline_teasers=False)
        excerpts = Material(material.all, random.Random(args.seed + 2))
        cases += text_tail_cases(excerpts, args.per_language, EXCERPT_FORMATS, inline_teasers=False)
        results = run_text(cases)
        systems = list(TEXT_SYSTEMS)
        # one verdict per case: both text paths must succeed
        merged = []
        for i in range(0, len(results), len(systems)):
            group = results[i : i + len(systems)]
            merged.append(
                Result(
                    group[0].case,
                    "newscrawl",
                    all(r.gone for r in group),
                    all(r.kept for r in group),
                    group[0].output,
                )
            )
        print("## Text level: tails (newscrawl = clean_text and the crawl's text stages)\n")
        print(table(merged, ["newscrawl"], "format", "tail"), "\n")
        print(table(merged, ["newscrawl"], "language", "tail"), "\n")
        print("## Text level: negatives\n")
        print(table(merged, ["newscrawl"], "format", "negative"), "\n")
        print(table(merged, ["newscrawl"], "language", "negative"), "\n")
        print(real_report(merged, "newscrawl", text_level=True), "\n")
        if args.failures:
            print("### Text level failures\n")
            print(failures(merged, "newscrawl", args.failures), "\n")
        # `newscrawl clean` over a dataset also knows its records' titles: the headlines
        # of a tail are other articles of the dataset (here: every dev page's headline).
        from newscrawl.cleaning import KnownHeadlines, clean_text

        known = KnownHeadlines(source.title for source in material.all)
        with_titles = run_text(
            cases, {"with titles": lambda text, title: clean_text(text, known=known)}
        )
        print("## Text level, with the dataset's titles (`newscrawl clean` over a file)\n")
        print(table(with_titles, ["with titles"], "format", "tail"), "\n")
        print(table(with_titles, ["with titles"], "format", "negative"), "\n")
    if args.level in ("html", "both"):
        systems = ["newscrawl"] if args.no_baseline else ["newscrawl", "trafilatura"]
        cases = html_tail_cases(material, args.html_per_language) + html_negative_cases(
            material, max(1, args.negatives_per_language // 2)
        )
        cards = Material(material.all, random.Random(args.seed + 2))
        cases += html_tail_cases(cards, args.html_per_language, CARD_FORMATS, inline_teasers=False)
        cases += roundup_negative_cases(cards, max(1, args.negatives_per_language // 2))
        results = run_html(cases, systems, plain=args.plain_markup)
        print(
            "## HTML level: tails" + (" (class names renamed)" if args.plain_markup else "") + "\n"
        )
        print(table(results, systems, "format", "tail"), "\n")
        print(table(results, systems, "language", "tail"), "\n")
        print("## HTML level: negatives\n")
        print(table(results, systems, "format", "negative"), "\n")
        print(table(results, systems, "language", "negative"), "\n")
        for system in systems:
            print(real_report(results, system, text_level=False), "\n")
        if args.failures:
            print("### HTML level failures (newscrawl)\n")
            print(failures(results, "newscrawl", args.failures), "\n")
    print(f"CPU: {time.process_time() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
