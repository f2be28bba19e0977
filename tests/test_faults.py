"""`scrapy crawl urls` end to end over a site that fails in 33 ways (`support/faultsite.py`): every
good page is exported whole, no fault is exported, no request reaches a refused address,
and memory stays bounded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import POOL, CrawlResult, run_crawl
from support.faultsite import FAULTS, TAIL, Canary, FaultSite, paragraphs

# One crawl for the module's tests: with pytest-xdist, all of them in one worker.
pytestmark = pytest.mark.xdist_group("faults")


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[FaultSite, Canary]]:
    canary = Canary()
    site = FaultSite(canary.port)
    yield site, canary
    site.stop()
    canary.stop()


@pytest.fixture(scope="module")
def crawl(
    servers: tuple[FaultSite, Canary], tmp_path_factory: pytest.TempPathFactory
) -> CrawlResult:
    site, _ = servers
    cwd = tmp_path_factory.mktemp("faults")
    (cwd / "urls.txt").write_text("\n".join(site.urls()) + "\n")
    settings = {
        # Only the site's own port: the canary, at another port of 127.0.0.1, is refused.
        "NEWSCRAWL_ALLOW_PRIVATE_HOSTS": f"127.0.0.1:{site.port}",
        "RETRY_TIMES": "1",  # the 503 then 200 page
        # The crawl's own timeout ends the hanging and trickling pages.
        "DOWNLOAD_TIMEOUT": "8",
        "NEWSCRAWL_DUPLICATES": "drop",
        # Extraction in workers, as in production: the memory bound is the crawl
        # process's, with the gzip bomb and the huge pages parsed elsewhere.
        **POOL,
    }
    result = run_crawl("urls", cwd, args={"file": str(cwd / "urls.txt")}, settings=settings)
    site.released.set()  # the hanging pages may now end
    return result


def test_the_site_serves_every_fault(servers: tuple[FaultSite, Canary]) -> None:
    site, _ = servers
    assert len([p for p in site.routes if p.startswith("/fault/")]) == FAULTS >= 25


def test_the_crawl_ends_well(crawl: CrawlResult) -> None:
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert "Traceback" not in crawl.log


def test_every_good_page_is_exported_whole(
    crawl: CrawlResult, servers: tuple[FaultSite, Canary]
) -> None:
    site, _ = servers
    exported = {item["url"].removeprefix(site.base): item for item in crawl.items}
    for good in site.good:
        assert good.path in exported, f"{good.path} not exported: {sorted(exported)}"
        text = exported[good.path]["text"]
        expected = paragraphs(good.seed, good.script)
        assert text.startswith(expected[0]), (good.path, text[:200])
        assert text.endswith(expected[-1]), (good.path, text[-200:])
        assert not any(line in text for line in TAIL), good.path


def test_no_fault_is_exported(crawl: CrawlResult, servers: tuple[FaultSite, Canary]) -> None:
    site, _ = servers
    exported = sorted(item["url"].removeprefix(site.base) for item in crawl.items)
    assert exported == sorted(good.path for good in site.good)
    for reason in ("truncated", "invalid_bytes", "http_500", "http_404", "download_error"):
        assert crawl.stat(f"newscrawl/dropped/{reason}") >= 1, reason


def test_no_request_reaches_a_refused_address(
    crawl: CrawlResult, servers: tuple[FaultSite, Canary]
) -> None:
    _, canary = servers
    assert canary.hits == []
    # Ten redirects and a meta refresh, each refused (robots.txt requests too).
    assert crawl.stat("newscrawl/refused/private_address") >= 11
    assert "Refused to connect to 169.254.169.254" in crawl.log
    assert "Refused to connect to localhost: resolved to 127.0.0.1" in crawl.log


def test_memory_stays_bounded(crawl: CrawlResult) -> None:
    # A 64 MB gzip bomb, nested, a 17 MB page, 100,000 nested elements, 50,000 links:
    # Scrapy's own memory probe, the peak of the crawl process.
    peak = crawl.stat("memusage/max")
    assert 0 < peak < 700 * 1024 * 1024, peak
