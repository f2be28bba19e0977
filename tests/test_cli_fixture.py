"""`newscrawl fixture record/check` and `newscrawl sites`: recording a site's golden
fixtures from a saved page or the web, checking them, and the errors a user meets."""

from __future__ import annotations

import gzip
import json
import urllib.request
from typing import TYPE_CHECKING, Any

import pytest
from conftest import FIXTURES

from newscrawl import __version__
from newscrawl.addon import NEWSCRAWL_SETTINGS
from newscrawl.cli import main
from newscrawl.commands.sites import write_table
from newscrawl.testing.golden import load_fixture, slug_for

if TYPE_CHECKING:
    from pathlib import Path

GUARDIAN = FIXTURES / "sites" / "guardian" / "the-guardian-view-on-hong-kong-a-city-on-the-brink"
GUARDIAN_URL = (
    "https://www.theguardian.com/commentisfree/2019/nov/18/"
    "the-guardian-view-on-hong-kong-a-city-on-the-brink"
)
LOCAL_SITE = """
name = "local"
domains = ["127.0.0.1"]
language = "en"
[sources]
feeds = ["https://127.0.0.1/feed.xml"]
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with a saved Guardian page and a TOML site for local pages."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_bytes(
        gzip.decompress(GUARDIAN.with_suffix(".html.gz").read_bytes())
    )
    (tmp_path / "sites").mkdir()
    (tmp_path / "sites" / "local.toml").write_text(LOCAL_SITE, encoding="utf-8")
    return tmp_path


def _allow_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test's own server, on loopback, which the address guard refuses by default."""
    monkeypatch.setitem(NEWSCRAWL_SETTINGS, "NEWSCRAWL_ALLOW_PRIVATE_HOSTS", ["127.0.0.1"])


def _record(*extra: str, url: str = GUARDIAN_URL, site: str = "guardian") -> int:
    return main(["fixture", "record", site, url, *extra])


def test_record_writes_the_page_and_the_expected_fields(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _record("--html", "page.html", "--fetched-at", "2020-01-24", "--note", "saved") == 0

    folder = project / "tests" / "fixtures" / "sites" / "guardian"
    json_path = folder / "the-guardian-view-on-hong-kong-a-city-on-the-brink.json"
    data = json.loads(json_path.read_text("utf-8"))
    assert data["url"] == GUARDIAN_URL
    assert data["fetched_at"] == "2020-01-24T00:00:00+00:00"
    assert data["note"] == "saved"
    assert data["expected"]["title"] == "The Guardian view on Hong Kong: a city on the brink"
    assert "fetched_at" not in data["expected"] and "spider" not in data["expected"]
    # Sorted keys, two-space indents, UTF-8 as is: fixtures diff cleanly in review.
    assert json_path.read_text("utf-8") == (
        json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    )
    page = json_path.with_name(json_path.name.replace(".json", ".html.gz"))
    assert gzip.decompress(page.read_bytes()) == (project / "page.html").read_bytes()
    assert page.read_bytes()[4:8] == b"\0\0\0\0"  # gzip mtime 0: same page, same file
    # Outside a checkout of newscrawl, the fixture is tested with `newscrawl fixture check`.
    assert "then run: newscrawl fixture check guardian" in capsys.readouterr().out


def test_record_refuses_to_overwrite_without_update(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _record("--html", "page.html", "--note", "first") == 0
    capsys.readouterr()

    assert _record("--html", "page.html") == 2
    assert "exists; pass --update to replace it" in capsys.readouterr().err

    assert (
        _record(
            "--html",
            "page.html",
            "--update",
            "--name",
            "the-guardian-view-on-hong-kong-a-city-on-the-brink",
        )
        == 0
    )
    fixture = load_fixture(
        project
        / "tests/fixtures/sites/guardian/the-guardian-view-on-hong-kong-a-city-on-the-brink.json"
    )
    assert fixture.extra["note"] == "first"  # a re-recorded fixture keeps its note


def test_check_reports_a_change_and_update_keeps_the_fetch_date(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _record("--html", "page.html", "--fetched-at", "2020-01-24T10:00:00Z", "--name", "hk")
    json_path = project / "tests/fixtures/sites/guardian/hk.json"
    assert main(["fixture", "check"]) == 0
    assert "ok   guardian/hk" in capsys.readouterr().out

    data = json.loads(json_path.read_text("utf-8"))
    data["expected"]["title"] = "An older headline"
    data["expected"]["text"] = data["expected"]["text"].replace("Hong Kong is burning.", "Gone.")
    json_path.write_text(json.dumps(data), encoding="utf-8")

    assert main(["fixture", "check", "guardian"]) == 1
    out = capsys.readouterr().out
    assert "DIFF guardian/hk" in out
    assert "title: expected 'An older headline'" in out
    assert "-Gone." in out and "+Hong Kong is burning." in out

    assert main(["fixture", "check", "--update"]) == 0
    fixture = load_fixture(json_path)
    assert fixture.expected["title"] == "The Guardian view on Hong Kong: a city on the brink"
    assert fixture.fetched_at == "2020-01-24T10:00:00+00:00"
    assert main(["fixture", "check"]) == 0


def test_record_fetches_the_page_with_the_crawl_user_agent(
    project: Path, serve, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = serve(FIXTURES / "pages")
    _allow_loopback(monkeypatch)
    agents = []
    real_open = urllib.request.OpenerDirector.open

    def open_(self: Any, request: urllib.request.Request, *args: Any, **kwargs: Any) -> Any:
        agents.append(request.get_header("User-agent"))
        return real_open(self, request, *args, **kwargs)

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", open_)

    assert _record(site="local", url=f"{base}/article.html") == 0

    fixture = load_fixture(project / "tests/fixtures/sites/local/article.json")
    assert fixture.html == (FIXTURES / "pages" / "article.html").read_bytes()
    assert fixture.expected["title"]
    assert fixture.fetched_at.endswith("+00:00")
    assert agents == [f"newscrawl/{__version__} (+https://github.com/newscrawl/newscrawl)"]
    # The server's charset is kept: the fixture decodes as the crawl decoded the response.
    assert fixture.extra["encoding"] == "utf-8"


def test_saved_page_without_a_charset_is_decoded_as_the_crawl_would(project: Path) -> None:
    page = (FIXTURES / "pages" / "article.html").read_text("utf-8")
    page = page.replace('<meta charset="utf-8">', "").replace("Winter ferry", "Café ferry")
    (project / "latin1.html").write_bytes(page.encode("latin-1"))
    url = "https://www.examplepost.example/city/2026/11/02/ferry-timetable-cut.html"

    assert _record("--html", "latin1.html", site="local", url=url) == 0

    fixture = load_fixture(project / "tests/fixtures/sites/local/ferry-timetable-cut.json")
    assert "encoding" not in fixture.extra
    assert fixture.expected["text"].startswith("Café ferry sailings")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["fixture", "record", "nosuch", GUARDIAN_URL], "no site 'nosuch'; the sites are: "),
        (["fixture", "record", "guardian", GUARDIAN_URL, "--html", "missing.html"], "missing.html"),
        (["fixture", "record", "guardian", GUARDIAN_URL, "--html", "empty.html"], "is empty"),
        (["fixture", "record", "guardian", GUARDIAN_URL, "--html", "image.png"], "is binary"),
        (
            ["fixture", "record", "guardian", GUARDIAN_URL, "--html", "listing.html"],
            "extracts no article from this page",
        ),
        (
            ["fixture", "record", "guardian", GUARDIAN_URL, "--fetched-at", "yesterday"],
            "--fetched-at 'yesterday' is not an ISO 8601",
        ),
        (["fixture", "record", "guardian", GUARDIAN_URL, "--name", "Hong Kong"], "--name"),
        (["fixture", "record", "local", "http://127.0.0.1:1/a.html"], "Offline? Save the page"),
        (["fixture", "check", "nosuch"], "no fixtures in"),
    ],
)
def test_bad_input_is_one_error_line_and_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (project / "empty.html").write_bytes(b"  \n")
    (project / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(64))
    (project / "listing.html").write_bytes((FIXTURES / "pages" / "listing.html").read_bytes())

    assert main(args) == 2
    error = capsys.readouterr().err
    assert error.startswith("newscrawl fixture: error: ") and message in error
    assert not (project / "tests").exists()


def test_fetch_errors_name_the_status_and_the_content_type(
    project: Path, serve, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _allow_loopback(monkeypatch)
    base = serve(FIXTURES / "pages")
    (project / "feed.xml").write_text("<rss/>", encoding="utf-8")
    xml_base = serve(project)

    assert _record(site="local", url=f"{base}/no-such-page.html") == 2
    assert "HTTP 404" in capsys.readouterr().err
    assert _record("--name", "feed", site="local", url=f"{xml_base}/feed.xml") == 2
    assert "not an HTML page" in capsys.readouterr().err


def test_record_warns_when_the_url_is_not_an_article_of_the_site(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "https://www.theguardian.com/world/live/2019/nov/18/hong-kong-live"
    assert _record("--html", "page.html", url=url) == 0
    err = capsys.readouterr().err
    assert "matches one of the site's article_deny rules" in err


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://www.bbc.com/news/world-europe-50473792", "world-europe-50473792"),
        (
            "https://elpais.com/espana/2026-11-19/el-tren-llega-a-tiempo.html",
            "el-tren-llega-a-tiempo",
        ),
        ("https://example.com/", "page"),
        ("https://example.com/Ünïcode Path/", "n-code-path"),
        ("https://example.com/" + "-".join(["word"] * 20), "-".join(["word"] * 12)),
    ],
)
def test_slug_for_url(url: str, slug: str) -> None:
    assert slug_for(url) == slug


def test_sites_lists_python_and_toml_sites(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sites", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert "| `guardian` | theguardian.com | en | news sitemap, feed, listing |" in out
    assert "| `local` | 127.0.0.1 | en | feed | `sites/local.toml` |" in out


def test_sites_rewrites_the_readme_table_between_its_markers(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# X\n<!-- sites -->\nold\n<!-- /sites -->\nend\n", encoding="utf-8")

    write_table(readme, "| new |")

    assert readme.read_text("utf-8") == "# X\n<!-- sites -->\n| new |\n<!-- /sites -->\nend\n"
    readme.write_text("no markers", encoding="utf-8")
    with pytest.raises(ValueError, match="has no <!-- sites -->"):
        write_table(readme, "| new |")
