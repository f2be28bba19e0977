"""The `newscrawl` console script: tools that run outside a crawl.

Each subcommand lives in its own module under `newscrawl.commands` and provides
`add_arguments(parser)` and `run(args) -> int`; this module only dispatches.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from typing import TYPE_CHECKING

from newscrawl._imports import MissingExtraError

if TYPE_CHECKING:
    from collections.abc import Sequence

#: subcommand -> (module under newscrawl.commands, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "clean": ("clean", "run the text cleaners over an existing JSON Lines dataset"),
    "discover": ("discover", "find a site's sitemaps and feeds, print a ready site stub"),
    "fixture": ("fixture", "record and check a site's golden fixtures (saved article pages)"),
    "sites": ("sites", "list the news sites of the project (--markdown: README's table)"),
    "export": ("export", "build a dataset from run files: merge, dedup, filter, sort, split"),
    "report": ("report", "write one HTML report of the runs and articles in a data folder"),
    "summary": (
        "summary",
        "show a run's summary, added up over the workers of a distributed crawl",
    ),
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="newscrawl", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and details")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # Only the subcommand that runs is imported: the others' modules pull in Scrapy,
    # trafilatura, pyarrow or plotly, seconds that `newscrawl --help` or `newscrawl clean`
    # should not wait for. The first word that is not an option names it (the options
    # before it, -v and -h, take no value).
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    modules = {}
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        if name != chosen:
            subparsers.add_parser(name, help=help_text)
            continue
        module = importlib.import_module(f"newscrawl.commands.{module_name}")
        sub = subparsers.add_parser(
            name,
            help=help_text,
            description=module.__doc__,
            # The module docstrings hold usage examples: keep their lines.
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(sub)
        modules[name] = module
    args = parser.parse_args(argv)
    args.command_line = ["newscrawl", *argv]  # for records of how an output was made
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s: %(message)s",
    )
    try:
        return int(modules[args.command].run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped early (`newscrawl clean big.jsonl -o - | head`): no error of
        # ours. Point stdout at /dev/null so the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # as a process killed by SIGPIPE
    except (OSError, ValueError, MissingExtraError) as error:
        print(f"newscrawl {args.command}: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
