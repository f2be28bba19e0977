"""Package data read through importlib.resources works from a zipped egg (scrapyd)."""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING

from newscrawl.core.resources import as_folder
from newscrawl.crawl.spiderloader import site_files
from newscrawl.spiders.config import load_sites

if TYPE_CHECKING:
    from pathlib import Path


def test_a_folder_inside_a_zip_is_copied_out_and_removed(tmp_path: Path) -> None:
    egg = tmp_path / "project.egg"
    with zipfile.ZipFile(egg, "w") as archive:
        archive.writestr("pkg/site/index.html", "<html>home</html>")
        archive.writestr("pkg/site/news/a.html", "<html>a</html>")
        archive.writestr(
            "pkg/sites/example.toml",
            'name = "example"\ndomains = ["example.com"]\n[sources]\nfeeds = ["https://example.com/rss"]\n',
        )
    root = zipfile.Path(egg, "pkg/")
    with as_folder(root / "site") as folder:
        assert (folder / "news" / "a.html").read_text() == "<html>a</html>"
        assert (folder / "index.html").is_file()
    assert not folder.exists()
    (site,) = site_files([root / "sites"])
    assert [spider.name for spider in load_sites(site)] == ["example"]


def test_a_folder_on_disk_is_used_as_it_is(tmp_path: Path) -> None:
    with as_folder(tmp_path) as folder:
        assert folder == tmp_path
    assert tmp_path.exists()
