"""Find a news site's sitemaps and feeds and print a ready site stub.

    newscrawl discover https://www.example.com [--format python|toml] [--name NAME]
    newscrawl discover example.com --format toml > sites/example.toml
    newscrawl discover http://intranet.example/ -s NEWSCRAWL_ALLOW_PRIVATE_HOSTS=intranet.example

Reads robots.txt, the home page's feed and sitemap links, then probes the paths CMSs
commonly use; checks each candidate by parsing it; proposes an article URL rule from the
article URLs they list. The stub goes to standard output, what was found and what was
wrong (a sitemap robots.txt names that answers 404, an HTML page where a feed should be,
a source on a private address the address guard refused) to standard error.

Requests go out as a crawl's would: the project's settings (`USER_AGENT` from
`NEWSCRAWL_CONTACT_URL`, `DOWNLOAD_TIMEOUT`, `DOWNLOAD_MAXSIZE`, the address guard and
`NEWSCRAWL_ALLOW_PRIVATE_HOSTS`, robots.txt read with Protego), `-s NAME=VALUE` as in
`scrapy crawl`.
"""

from __future__ import annotations

import argparse
import sys

from newscrawl.discovery import Discovery, discover, render_python, render_toml, site_name
from newscrawl.discovery.settings import crawl_settings
from newscrawl.spiders.config import name_problem


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", help="the site's home page (https:// is assumed when omitted)")
    parser.add_argument(
        "--format",
        choices=("python", "toml"),
        default="python",
        help="a Python site module (as `scrapy genspider -t news`) or a TOML site file "
        "(default: python)",
    )
    parser.add_argument(
        "--name", type=_name, help="spider name (default: from the domain, e.g. 'example')"
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        metavar="S",
        help="seconds to wait for each response (default: the DOWNLOAD_TIMEOUT setting, 30)",
    )
    parser.add_argument(
        "-s",
        "--set",
        dest="settings",
        action="append",
        default=[],
        type=_setting,
        metavar="NAME=VALUE",
        help="set a Scrapy setting, as `scrapy crawl -s` does (may be repeated)",
    )


def run(args: argparse.Namespace) -> int:
    settings = crawl_settings(dict(args.settings))
    found = discover(args.url, timeout=args.timeout, settings=settings)
    name = args.name or site_name(found.domain)
    render = render_toml if args.format == "toml" else render_python
    sys.stdout.write(render(found, name))
    sys.stdout.flush()  # the stub first, then the report, when both go to a terminal
    print(report(found), file=sys.stderr)
    return 0


def report(found: Discovery) -> str:
    """What was found and what was wrong, for a person reading the terminal."""
    lines = [f"newscrawl discover: {found.home_url} ({found.requests} requests)"]
    lines += [f"  note: {note}" for note in found.notes]
    for source in found.sources:
        lines.append(f"  found {source.url}: {source.describe()}")
    for problem in found.problems:
        if problem.declared:
            lines.append(f"  problem {problem.url} ({problem.found_by}): {problem.problem}")
    for host, refusal in found.refused.items():
        requests = f"{refusal.requests} request{'s' if refusal.requests > 1 else ''}"
        lines.append(
            f"  refused {host}: {refusal.why} ({requests} not sent; "
            "NEWSCRAWL_ALLOW_PRIVATE_HOSTS lists hosts allowed anyway)"
        )
    if not found.news_sitemaps + found.sitemaps + found.feeds:
        lines.append("  no sitemap or feed found: the stub crawls the home page's links only")
    lines.append(f"  article URLs: {found.proposal.explain()}")
    return "\n".join(lines)


def _name(value: str) -> str:
    problem = name_problem(value, "spider name")
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value


def _setting(value: str) -> tuple[str, str]:
    name, equals, setting = value.partition("=")
    if not equals or not name.strip():
        raise argparse.ArgumentTypeError(f"{value!r} is not NAME=VALUE")
    return name.strip(), setting


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number of seconds")
    return seconds
