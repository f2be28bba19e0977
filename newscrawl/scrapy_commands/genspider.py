"""`scrapy genspider`, knowing newscrawl's `news` template next to Scrapy's own.

`scrapy genspider -t news NAME DOMAIN` writes the site module (from
`newscrawl/templates/spiders/news.tmpl`) into the site spiders package, and a fixture
folder for the site's golden pages with instructions, so the site's test fails until a
fixture is recorded.
"""

from __future__ import annotations

import importlib.util
import site
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import scrapy
from scrapy.commands.genspider import Command as ScrapyGenspiderCommand

from newscrawl.spiders.config import name_problem, spider_name_problem
from newscrawl.testing.golden import FIXTURES_DIR

if TYPE_CHECKING:
    import argparse
    import os

SCRAPY_TEMPLATES = Path(scrapy.__path__[0], "templates", "spiders")
FIXTURE_README = """\
# Golden fixtures for {name}

Each fixture is a saved article page of the site and what newscrawl must extract from it:
`<slug>.html.gz` (the page), `<slug>.json` (its URL, fetch date and expected fields).
Record one with

    newscrawl fixture record {name} ARTICLE_URL --html saved-page.html

check the JSON by eye, and commit both files. `pytest tests/test_sites.py -k {name}` runs
them; the test fails while this folder has no fixture.
"""


class Command(ScrapyGenspiderCommand):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if len(args) == 2 and not opts.dump and not opts.list:
            # Scrapy writes any name into the module (a newline breaks its string): a
            # news site's name is a site name, as in a TOML file.
            problem = (
                name_problem(args[0], "spider name")
                if opts.template == "news"
                else spider_name_problem(args[0])
            )
            if problem:
                print(f"error: {problem}", file=sys.stderr)
                self.exitcode = 2
                return
        installed = installed_package(self.settings.get("NEWSPIDER_MODULE"))
        if len(args) == 2 and not opts.dump and installed is not None:
            # Writing into site-packages would be lost at the next upgrade, and belongs to
            # no project the user can test or commit.
            print(
                f"error: the spider module would go into the installed package {installed}. "
                "Add the site as a TOML file in ./sites/ (see README, 'Add a site in 5 "
                "minutes'), or run this in a newscrawl checkout or in your own Scrapy "
                "project (NEWSPIDER_MODULE).",
                file=sys.stderr,
            )
            self.exitcode = 2
            return
        super().run(args, opts)

    def _find_template(self, template: str) -> Path | None:
        filename = template if template.endswith(".tmpl") else f"{template}.tmpl"
        for folder in (Path(self.templates_dir), SCRAPY_TEMPLATES):
            if (folder / filename).exists():
                return folder / filename
        return super()._find_template(template)

    def _list_templates(self) -> None:
        names = {
            p.stem for d in (Path(self.templates_dir), SCRAPY_TEMPLATES) for p in d.glob("*.tmpl")
        }
        print("Available templates:\n" + "\n".join(f"  {n}" for n in sorted(names)))

    def _genspider(
        self,
        module: str,
        name: str,
        url: str,
        template_name: str,
        template_file: str | os.PathLike[str],
    ) -> Path:
        spider_file = super()._genspider(module, name, url, template_name, template_file)
        if template_name == "news":
            folder = fixtures_dir() / name
            folder.mkdir(parents=True, exist_ok=True)
            readme = folder / "README.md"
            if not readme.exists():
                readme.write_text(FIXTURE_README.format(name=name), encoding="utf-8")
            print(f"Created fixture folder (record a page before the tests pass):\n  {folder}")
        return spider_file


def installed_package(module: str | None) -> Path | None:
    """The folder of `module` when it is an installed (not editable) package, else None."""
    if not module:
        return None
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))).resolve()
    site_folders = {
        Path(p).resolve() for p in (*site.getsitepackages(), site.getusersitepackages())
    }
    return folder if any(folder.is_relative_to(s) for s in site_folders) else None


def fixtures_dir() -> Path:
    """Where golden site fixtures live: `tests/fixtures/sites` of the project."""
    return Path.cwd() / FIXTURES_DIR
