"""The package's layout shows its layers (see README, "Layout"): a handful of public
modules at the top, then one folder per layer, and test support apart from the runtime."""

from __future__ import annotations

import ast
from pathlib import Path

from newscrawl.core.resources import resource

PACKAGE = Path(__file__).parents[1] / "newscrawl"

#: The public API, the schema, the defaults, the article chain and the console script.
TOP_LEVEL = {"__init__", "_imports", "addon", "api", "cli", "dedup", "items", "settings", "stages"}
#: Runtime modules that use test support on purpose: the demo spider serves its site with
#: `LocalSite`; `newscrawl fixture` and `scrapy genspider` write golden fixtures.
USES_TESTING = {"spiders/demo.py", "commands/fixture.py", "scrapy_commands/genspider.py"}


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_top_level_holds_only_the_public_modules() -> None:
    assert {path.stem for path in PACKAGE.glob("*.py")} == TOP_LEVEL


def test_the_runtime_does_not_import_test_support() -> None:
    offenders = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] != "testing"
        and str(path.relative_to(PACKAGE)) not in USES_TESTING
        and any(name.startswith("newscrawl.testing") for name in _imported(path))
    )
    assert offenders == []


def test_the_demo_site_ships_and_its_generator_does_not() -> None:
    assert [path.name for path in (PACKAGE / "demo").glob("*.py")] == ["__init__.py"]
    assert resource("newscrawl", "demo", "site", "index.html").is_file()
    assert (PACKAGE.parent / "tools" / "build_demo.py").is_file()
