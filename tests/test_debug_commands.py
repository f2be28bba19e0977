"""Scrapy's debug commands, run for real against a loopback site: `scrapy parse
--pipelines` shows the exported article (or why the page is dropped), `shell`, `fetch` and
`check` work, and none of them writes to the data folder (crawl state, duplicate index,
run lock, feed, summary): a page looked at is not a page crawled."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
from conftest import CRAWL_ENV, TEST_SETTINGS

if TYPE_CHECKING:
    from pathlib import Path

#: The test crawls' settings (quiet, nothing listening, the loopback site allowed).
SETTINGS = [arg for name, value in TEST_SETTINGS.items() for arg in ("-s", f"{name}={value}")]

#: A spider whose article callback carries Scrapy contracts, for `scrapy check`.
CHECKED_SPIDER = '''
from newscrawl.spiders import NewsSpider


class Checked(NewsSpider):
    name = "checked"
    allowed_domains = ["127.0.0.1"]

    def parse_article(self, response, hints=None):
        """@url {url}
        @returns items 1 1
        @returns requests 0 0
        """
        yield from super().parse_article(response, hints)
'''


@pytest.fixture
def project(tmp_path: Path, synthetic: Any) -> tuple[Path, Any]:
    """A working folder with the synthetic site declared in `sites/`; the site served."""
    site = synthetic(2, stubs=1)
    cwd = tmp_path / "project"
    site.install(cwd)
    return cwd, site


def _scrapy(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args, *SETTINGS],
        cwd=cwd,
        env={**CRAWL_ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _files(cwd: Path) -> dict[str, int]:
    return {str(p.relative_to(cwd)): p.stat().st_mtime_ns for p in cwd.rglob("*") if p.is_file()}


def _unchanged(cwd: Path, before: dict[str, int]) -> None:
    assert _files(cwd) == before
    assert not (cwd / "data").exists()


@pytest.mark.parametrize("workers", ["0", "1"], ids=["inline", "worker-pool"])
def test_parse_with_pipelines_prints_the_article(project: tuple[Path, Any], workers: str) -> None:
    cwd, site = project
    article = site.spec.articles[0]
    before = _files(cwd)
    # The worker pool is the debug default's opposite: `-s` wins over it.
    result = _scrapy(
        cwd,
        "parse",
        site.base_url + article.path,
        "--spider",
        "synthetic",
        "--pipelines",
        "--nocolour",
        "-s",
        f"NEWSCRAWL_WORKERS={workers}",
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # The Article after the pipelines, not the Page the spider yielded (no raw HTML).
    assert f"'title': '{article.title}'" in out
    assert "'word_count': " in out and "'content_hash': " in out
    assert "'html':" not in out
    assert "worker pool could not start" not in result.stderr
    assert "Traceback" not in result.stderr
    _unchanged(cwd, before)


def test_parse_with_pipelines_names_a_drop(project: tuple[Path, Any]) -> None:
    cwd, site = project
    (stub,) = site.spec.stubs
    before = _files(cwd)
    result = _scrapy(
        cwd, "parse", site.base_url + stub, "--spider", "synthetic", "--pipelines", "--nocolour"
    )
    assert result.returncode == 0, result.stderr
    dropped = result.stdout.split("# Dropped by the pipelines", 1)[1]
    assert f"{site.base_url}{stub}" in dropped
    assert "too_short" in dropped or "empty_text" in dropped
    _unchanged(cwd, before)


def test_fetch_prints_the_page(project: tuple[Path, Any]) -> None:
    cwd, site = project
    article = site.spec.articles[0]
    before = _files(cwd)
    for spider in ([], ["--spider", "synthetic"]):
        result = _scrapy(cwd, "fetch", "--nolog", *spider, site.base_url + article.path)
        assert result.returncode == 0, result.stderr
        assert f"<h1>{article.title}</h1>" in result.stdout
    _unchanged(cwd, before)


def test_shell_runs_code_on_the_response(project: tuple[Path, Any]) -> None:
    cwd, site = project
    article = site.spec.articles[1]
    before = _files(cwd)
    result = _scrapy(
        cwd,
        "shell",
        site.base_url + article.path,
        "--spider",
        "synthetic",
        "-c",
        "(response.status, response.css('h1::text').get())",
    )
    assert result.returncode == 0, result.stderr
    assert f"(200, '{article.title}')" in result.stdout
    _unchanged(cwd, before)


def test_check_runs_contracts(tmp_path: Path, project: tuple[Path, Any]) -> None:
    cwd, site = project
    modules = tmp_path / "modules"
    modules.mkdir()
    url = site.base_url + site.spec.articles[0].path
    (modules / "checkspiders.py").write_text(CHECKED_SPIDER.format(url=url))
    before = _files(cwd)
    result = _scrapy(
        cwd,
        "check",
        "checked",
        "-s",
        "SPIDER_MODULES=checkspiders",
        env={"PYTHONPATH": str(modules)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ran 2 contracts" in result.stderr and "OK" in result.stderr
    _unchanged(cwd, before)
