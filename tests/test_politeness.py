"""The per-site limit holds on a busy machine: a real `scrapy crawl` whose downloader
clock moves 2 ms at every reading, as in a process the kernel keeps preempting."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import run_crawl

if TYPE_CHECKING:
    from pathlib import Path

#: Loaded as an extension: importing it slows Scrapy's downloader clock. Scrapy's own
#: downloader then starts a site's queued requests at once whenever the download delay
#: passes between two readings within one call (15 of 20 at a limit of 1, measured).
BUSY_CLOCK = """
import time
import scrapy.core.downloader

readings = 0


def monotonic():
    global readings
    readings += 1
    return time.monotonic() + readings * 0.002


scrapy.core.downloader.monotonic = monotonic


class BusyClock:
    pass
"""


@pytest.mark.parametrize("delay", ["0", "0.001"], ids=["no-delay", "delay"])
def test_one_request_at_a_time_to_a_site_at_a_limit_of_one(
    tmp_path: Path, synthetic, delay: str
) -> None:
    # With no delay, Scrapy's downloader starts every queued request at once (its clock
    # aside); with one, whenever the delay passes within one call.
    # Each page takes the server 20 ms, so requests started together are answered together.
    site = synthetic(12, delay=0.02)
    name = site.install(tmp_path)
    (tmp_path / "busy_clock.py").write_text(BUSY_CLOCK)
    settings = {
        "CONCURRENT_REQUESTS_PER_DOMAIN": "1",
        "DOWNLOAD_DELAY": delay,
        "EXTENSIONS": '{"busy_clock.BusyClock": 0}',
    }
    result = run_crawl(name, tmp_path, settings=settings)
    assert result.returncode == 0, result.log[-3000:]
    assert len(result.items) == 12, result.log[-3000:]
    assert site.server.most_at_once == 1, site.server.requests
