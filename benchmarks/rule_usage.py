"""Rule usage: for every generic cleaning rule, on how many distinct sites it acted.

    python benchmarks/rule_usage.py              # both dev sets
    python benchmarks/rule_usage.py --texts 3    # with up to 3 removed texts per rule
    python benchmarks/rule_usage.py --plain-markup   # class and id values renamed first
    python benchmarks/rule_usage.py --plain-tags     # and sectioning tags written as <div>

A generic rule needs evidence from at least three different sites; one that acted on
fewer is fitted to the pages it was written for, and moves to that site's module or goes.
The chain runs over both dev sets (`devsets.py`: the Zyte benchmark and fundus-dev) with
`newscrawl.cleaning.evidence` collecting what each rule did. Rules are:

* phrases: each kind of tail header, chrome line or closing line in
  `cleaning/markers.py` (`tail_header/most_read`, `chrome_line/credit`), with all its
  languages;
* class words: each word of `CHROME_CLASS_WORDS` (`html/chrome_blocks/<word>`);
* structural rules: the HTML pruning stages (`html/...`), the text stages (`text/...`) and
  the extraction's fallbacks (`extraction/...`).

A phrase counts wherever it acted: at the HTML level (a related list's header), or at the
text level. The text-level cleaners serve two uses, so both are run: the crawl's chain,
and `clean_text` over trafilatura's and readability's text of the same pages (cleaning
what other tools produce, as `newscrawl clean` does).

For rules that remove text, "wrong" counts removed texts that are mostly article text by
the gold (half or more of their 4-gram shingles are in the gold body): a rule that acts on
many sites and removes the article is no better than one fitted to a site. Phrase entries
and class words that never acted are listed at the end.

With `--plain-markup` (`newscrawl.testing.evaluation.plain_markup`) the class words can no
longer act, and the structural rules meet what they would meet on a site whose class names
say nothing (hashed CSS-in-JS names): a rule that only acts there, such as the
comment-thread cut, has its evidence in that run. `--plain-tags` (`plain_tags`) also writes
`<article>`, `<nav>`, `<aside>`, ... as `<div>`s, as a site that names nothing would.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from devsets import SETS, SHARED, DevPage, load

from newscrawl.cleaning import clean_text, evidence
from newscrawl.cleaning.markers import CHROME_CLASS_WORDS, TABLES
from newscrawl.items import Page
from newscrawl.stages import Rejected, extract, remove_chrome, strip_related_tail
from newscrawl.testing.evaluation import plain_markup, plain_tags, shingles, tokenize

MIN_SITES = 3
#: Tables whose every phrase is a rule; the others are keyed by kind of line. (None:
#: every table says, per entry, what its lines are, in every language.)
_BY_PHRASE: set[str] = set()
#: Rules that keep or recover text rather than remove it ("wrong" does not apply).
_KEEPING = (
    "extraction/",
    "html/furniture_kept",
    "html/hidden_kept",
    "html/embedded_post_kept",
    "html/ruby_inline",
)


@dataclass
class Usage:
    sites: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)
    chars: int = 0
    wrong: int = 0
    acts: int = 0
    texts: list[str] = field(default_factory=list)


def run(pages: Sequence[DevPage], keep_texts: int) -> dict[str, Usage]:
    usage: dict[str, Usage] = defaultdict(Usage)
    for n, page in enumerate(pages, 1):
        if sys.stderr.isatty():
            print(f"\r{page.set}: {n}/{len(pages)}", end="", file=sys.stderr, flush=True)
        with evidence.collecting() as reports:
            try:
                article, _ = extract(Page(url=page.url, html=page.html, spider="x", fetched_at=""))
                article, _ = remove_chrome(article)
                strip_related_tail(article)
            except Rejected:
                pass
        with evidence.collecting() as text_reports:
            for tool_text in _other_tools_text(page.html):
                clean_text(tool_text)
        gold = Counter(shingles(tokenize(page.truth)))
        for rule, text in [*reports, *((f"clean_text:{r}", t) for r, t in text_reports)]:
            for key in dict.fromkeys(k for variant in _variants(rule) for k in _keys(variant)):
                entry = usage[key]
                entry.sites.add(page.site)
                entry.pages.add(f"{page.set}:{page.id}")
                entry.acts += 1
                entry.chars += len(text)
                if not rule.startswith(_KEEPING) and _mostly_gold(text, gold):
                    entry.wrong += 1
                if len(entry.texts) < keep_texts and text.strip():
                    entry.texts.append(" ".join(text.split())[:120])
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return usage


def _other_tools_text(html: str) -> list[str]:
    """The page's text as two widely used extractors give it: what `clean_text` cleans."""
    import trafilatura
    from readability import Document

    from newscrawl.extraction.second_opinion import block_text

    texts = [trafilatura.extract(html, include_comments=False) or ""]
    # readability gives up on some pages; trafilatura's text stands then
    with contextlib.suppress(Exception):
        texts.append(block_text(Document(html).summary(html_partial=True)))
    return texts


def _variants(rule: str) -> list[str]:
    """A header that matched several phrases ("html/related_lists/a/b/1+c/d/2") is
    evidence for each of them."""
    head, _, rest = rule.partition("/tail_header/")
    if not rest or "+" not in rest:
        return [rule]
    return [f"{head}/tail_header/{p}" for p in rest.replace("tail_header/", "").split("+")]


def _keys(rule: str) -> list[str]:
    """What a report is evidence for: its mechanism, and the phrase or class word it used.

    "html/related_lists/tail_header/latest/3" is evidence for the mechanism
    "html/related_lists" and for the kind of header "tail_header/latest".
    """
    # The crawl's chain and `clean_text` over other tools' text run the same rules: one
    # rule, evidence from both.
    named = _named(rule.removeprefix("clean_text:"))
    prefix = ""
    parts = named.split("/")
    for i, part in enumerate(parts[:-2]):
        if part in TABLES and parts[i + 2].isdigit():
            mechanism = "/".join(parts[:i]) if i > 1 else f"text/{part}s"
            phrase = "/".join(parts[i : i + 3])
            # Chrome and closing lines are one rule per kind of line (all its languages).
            rule_id = phrase if part in _BY_PHRASE else "/".join(parts[i : i + 2])
            return [prefix + mechanism, rule_id]
    if named.startswith("html/chrome_blocks/"):
        return ["html/chrome_blocks", "class/" + named.split("/")[2]]
    if named.startswith("html/furniture/") or named.startswith("html/furniture_kept/"):
        return ["/".join(parts[:2])]
    return [prefix + named]


def _named(rule: str) -> str:
    """Fold per-language copies of one pattern (copyright lines) into its first entry."""
    parts = rule.split("/")
    for i, part in enumerate(parts[:-2]):
        if part in TABLES and parts[i + 2].isdigit():
            table, language, index = parts[i], parts[i + 1], int(parts[i + 2])
            pattern = TABLES[table][language][index]
            first = _first_entry(table, pattern)
            return "/".join([*parts[:i], *first.split("/")])
    return rule


def _first_entry(table: str, pattern: str) -> str:
    for language, phrases in TABLES[table].items():
        if pattern in phrases:
            return f"{table}/{language}/{phrases.index(pattern)}"
    raise KeyError(pattern)


def _mostly_gold(text: str, gold: Counter[tuple[str, ...]]) -> bool:
    own = shingles(tokenize(text))
    return bool(own) and sum(1 for s in own if s in gold) * 2 >= len(own)


def _pattern(rule: str) -> str:
    parts = rule.split("/")
    for i, part in enumerate(parts[:-2]):
        if part in TABLES and parts[i + 2].isdigit():
            return TABLES[part][parts[i + 1]][int(parts[i + 2])]
    return ""


SECTIONS = {
    "Phrases (`cleaning/markers.py`)": lambda rule: rule.split("/")[0] in TABLES,
    "Class words (`CHROME_CLASS_WORDS`)": lambda rule: rule.startswith("class/"),
    "Mechanisms": lambda rule: not (rule.split("/")[0] in TABLES or rule.startswith("class/")),
}


def report(usage: dict[str, Usage], show_texts: int) -> str:
    sections = []
    for title, belongs in SECTIONS.items():
        chosen = {rule: entry for rule, entry in usage.items() if belongs(rule)}
        sections.append(f"## {title}\n\n" + _table(chosen, show_texts))
    return "\n\n".join(sections)


def _table(usage: dict[str, Usage], show_texts: int) -> str:
    lines = [
        "| rule | sites | pages | acts | wrong | chars | verdict |",
        "|---|---|---|---|---|---|---|",
    ]
    for rule, entry in sorted(usage.items(), key=lambda kv: (-len(kv[1].sites), kv[0])):
        verdict = "evidence" if len(entry.sites) >= MIN_SITES else "FEWER THAN 3 SITES"
        pattern = _pattern(rule)
        name = f"`{rule}`" + (f" `{pattern[:70]}`" if pattern else "")
        lines.append(
            f"| {name} | {len(entry.sites)} | {len(entry.pages)} | {entry.acts} | "
            f"{entry.wrong} | {entry.chars} | {verdict} |"
        )
        for text in entry.texts[:show_texts]:
            lines.append(f"|  ↳ {text.replace('|', '¦')} | | | | | | |")
    return "\n".join(lines)


def never_acted(usage: dict[str, Usage]) -> list[str]:
    seen = set(usage)
    unused = []
    for table, entries in TABLES.items():
        if table == "article_note":
            continue  # editor's notes protect lines; they never remove any
        for label, phrases in entries.items():
            if table not in _BY_PHRASE:
                if f"{table}/{label}" not in seen:
                    unused.append(f"`{table}/{label}`")
                continue
            for index, pattern in enumerate(phrases):
                entry = f"{table}/{label}/{index}"
                if _first_entry(table, pattern) == entry and entry not in seen:
                    unused.append(f"`{entry}` `{pattern[:80]}`")
    for word in sorted(CHROME_CLASS_WORDS):
        if f"class/{word}" not in seen:
            unused.append(f"`class/{word}`")
    return unused


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="zyte,fundus", help=f"comma-separated: {','.join(SETS)}")
    parser.add_argument("--texts", type=int, default=0, help="removed texts to show per rule")
    parser.add_argument(
        "--plain-markup",
        action="store_true",
        help="rename every class and id value first (evaluation.plain_markup): what the "
        "structural rules do where no class word is known",
    )
    parser.add_argument(
        "--plain-tags",
        action="store_true",
        help="--plain-markup, and sectioning tags written as <div> (evaluation.plain_tags)",
    )
    args = parser.parse_args(argv)
    pages = [p for name in args.sets.split(",") for p in load(name.strip(), SHARED)]
    if args.plain_tags:
        pages = [replace(page, html=plain_tags(page.html)) for page in pages]
    elif args.plain_markup:
        pages = [replace(page, html=plain_markup(page.html)) for page in pages]
    usage = run(pages, args.texts)
    sites = len({p.site for p in pages})
    print(f"# Rule usage on {len(pages)} pages from {sites} sites ({args.sets})\n")
    print(report(usage, args.texts))
    fitted = [r for r, u in usage.items() if len(u.sites) < MIN_SITES]
    print(f"\n{len(usage)} rules acted; {len(fitted)} on fewer than {MIN_SITES} sites.")
    unused = never_acted(usage)
    print(f"\n## Phrases and class words that never acted ({len(unused)})\n")
    print("\n".join(f"- {u}" for u in unused))


if __name__ == "__main__":
    main()
