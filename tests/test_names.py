"""Spider and site names become folder and file names (`data/<name>/`, `<name>.lock`), stats
keys and log lines: one with a newline, or longer than `MAX_NAME_LENGTH`, is a clear
error wherever a name comes in (a TOML site file, `-a site=`, `scrapy crawl`,
`scrapy genspider`, `newscrawl discover --name`), never a file or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from newscrawl.cli import main
from newscrawl.discovery import site_name
from newscrawl.spiders.args import ArgumentError
from newscrawl.spiders.config import (
    MAX_NAME_LENGTH,
    SiteConfigError,
    is_valid_name,
    load_sites,
    name_problem,
    spider_name_problem,
)
from newscrawl.spiders.site import SiteSpider

LONG = "a" * (MAX_NAME_LENGTH + 1)


@pytest.mark.parametrize("name", ["gazette\n", "gaz\nette", "gazette\r", "\ngazette", LONG])
def test_bad_site_names(name: str) -> None:
    assert not is_valid_name(name)
    assert name_problem(name)
    assert "\n" not in (name_problem(name) or "")  # one line, the name escaped


def test_good_names() -> None:
    assert is_valid_name("a" * MAX_NAME_LENGTH) and is_valid_name("harbour_gazette2")
    assert spider_name_problem("my-site.example") is None  # any name Scrapy allows
    for name in ("my site", "a\nb", "a/b", "", "a" * (MAX_NAME_LENGTH + 1), "tab\there"):
        assert spider_name_problem(name), name


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (r"gazette\n", "name 'gazette\\n' must be lower-case letters, digits and _"),
        (LONG, f"name '{'a' * 40}'... must be at most {MAX_NAME_LENGTH} characters, not 65"),
    ],
)
def test_a_toml_site_name_is_checked(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / "site.toml"
    path.write_text(f'name = "{name}"\ndomains = ["a.example"]\n[sources]\nfeeds = ["u"]\n')
    with pytest.raises(SiteConfigError) as error:
        load_sites(path)
    assert str(error.value).startswith(f"{path}: {message}")


def test_a_toml_language_with_a_newline_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_text('name = "x"\ndomains = ["a"]\nlanguage = "en\\n"\n[sources]\nfeeds = ["u"]\n')
    with pytest.raises(SiteConfigError, match="must be an ISO 639-1 code"):
        load_sites(path)


@pytest.mark.parametrize("wanted", ["gazette\n", LONG])
def test_a_site_argument_is_checked(tmp_path: Path, wanted: str) -> None:
    path = tmp_path / "sites.toml"
    path.write_text(
        '[[sites]]\nname = "gazette"\ndomains = ["a"]\n[sites.sources]\nfeeds = ["u"]\n'
        '[[sites]]\nname = "courier"\ndomains = ["b"]\n[sites.sources]\nfeeds = ["v"]\n'
    )
    with pytest.raises(ArgumentError, match=r"^-a site '.*'(\.\.\.)? must be"):
        SiteSpider.from_crawler(get_crawler(SiteSpider), config=str(path), site=wanted)


def test_scrapy_crawl_refuses_a_name_with_a_newline(tmp_path: Path) -> None:
    result = _scrapy(tmp_path, "crawl", "demo\n")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "error: spider name 'demo\\n' must have no spaces, newlines, control characters or slashes"
    )
    assert not (tmp_path / "data").exists()


def test_scrapy_genspider_refuses_a_name_with_a_newline(tmp_path: Path) -> None:
    package = tmp_path / "mysites"
    package.mkdir()
    (package / "__init__.py").write_text("")
    result = _scrapy(
        tmp_path,
        *("genspider", "-t", "news", "-s", "NEWSPIDER_MODULE=mysites"),
        *("daily\nplanet", "dailyplanet.example"),
        PYTHONPATH=str(tmp_path),
    )
    assert result.returncode == 2
    assert "error: spider name 'daily\\nplanet' must be lower-case letters" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in package.iterdir()) == ["__init__.py"]
    assert not (tmp_path / "tests").exists()


def test_discover_name_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["discover", "example.com", "--name", LONG])
    assert f"must be at most {MAX_NAME_LENGTH} characters" in capsys.readouterr().err


@pytest.mark.parametrize("domain", ["x" * 300 + ".example", "1" * 300, "news.\u00fc\u00e9.example"])
def test_a_name_made_from_any_domain_is_valid(domain: str) -> None:
    assert is_valid_name(site_name(domain)), site_name(domain)


def _scrapy(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=cwd,
        env={**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
