"""List the news sites of the project: Python site modules and TOML site files alike.

    newscrawl sites [--markdown] [--readme README.md]

One line per site: name, domain, language, kinds of source and the file that declares it.
`--markdown` prints the same as the table in README's "Shipped sites"; `--readme FILE`
rewrites that table in FILE, between its `<!-- sites -->` and `<!-- /sites -->` lines. A
test keeps README's table equal to this output, so the list of sites is never stale.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import newscrawl
from newscrawl.crawl.spiderloader import project_settings, site_spiders, source_file

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable

    from newscrawl.spiders import NewsSpider

_PACKAGE_PARENT = Path(newscrawl.__file__).resolve().parent.parent
README_START = "<!-- sites -->"
README_END = "<!-- /sites -->"
_KINDS = {
    "news_sitemap": ("news sitemap", "news_sitemap_urls"),
    "sitemap": ("sitemap", "sitemap_urls"),
    "feed": ("feed", "feed_urls"),
    "listing": ("listing", "listing_urls"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--readme", type=Path, help="rewrite the sites table in this file")


def run(args: argparse.Namespace) -> int:
    spiders = site_spiders(project_settings()).values()
    if args.readme is not None:
        write_table(args.readme, markdown_table(spiders))
        print(f"updated the sites table in {args.readme}")
    elif args.markdown:
        print(markdown_table(spiders))
    else:
        for row in rows(spiders):
            print("  ".join(row))
    return 0


def rows(spiders: Iterable[type[NewsSpider]]) -> list[tuple[str, str, str, str, str]]:
    """(name, domain, language, kinds of source, file), by name."""
    return [
        (
            spider.name,
            spider.allowed_domains[0] if spider.allowed_domains else "",
            spider.language or "",
            ", ".join(source_kinds(spider)),
            _display_path(source_file(spider)),
        )
        for spider in sorted(spiders, key=lambda s: s.name)
    ]


def source_kinds(spider: type[NewsSpider]) -> list[str]:
    """The kinds of source a site declares, in the order they are requested."""
    order = [*spider.source_order, *(k for k in _KINDS if k not in spider.source_order)]
    return [_KINDS[k][0] for k in order if getattr(spider, _KINDS[k][1])]


def markdown_table(spiders: Iterable[type[NewsSpider]]) -> str:
    lines = ["| site | domain | language | sources | file |", "|---|---|---|---|---|"]
    for name, domain, language, kinds, path in rows(spiders):
        lines.append(f"| `{name}` | {domain} | {language} | {kinds} | `{path}` |")
    return "\n".join(lines)


def write_table(readme: Path, table: str) -> None:
    """Replace the lines between README's table markers with `table`."""
    text = readme.read_text(encoding="utf-8")
    before, start, rest = text.partition(README_START)
    _, end, after = rest.partition(README_END)
    if not start or not end:
        raise ValueError(f"{readme} has no {README_START} ... {README_END} lines around a table")
    readme.write_text(f"{before}{start}\n{table}\n{end}{after}", encoding="utf-8")


def _display_path(path: Path) -> str:
    """newscrawl's own files as `newscrawl/...`, a project's relative to the working
    directory: the same table whatever the folder it is printed from."""
    for base in (_PACKAGE_PARENT, Path.cwd().resolve()):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return str(path)
