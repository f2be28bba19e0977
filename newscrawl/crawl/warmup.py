"""Imported by the worker pool's forkserver: pays extraction's one-time costs once, before
any worker is forked, so every worker (and every recycled one) starts warm.

A fresh process extracts its first pages far slower than the rest: htmldate's date search
hands some strings to dateparser, which then loads its ~200 locales and compiles their
regexes (~1.5 s of CPU); trafilatura and lxml fill caches of their own. Workers are
replaced every `NEWSCRAWL_WORKER_MAX_TASKS` tasks, so unwarmed, each one pays again.
"""

from __future__ import annotations

import logging

from newscrawl import stages
from newscrawl.items import Page

logger = logging.getLogger(__name__)

_PARAGRAPH = (
    "The harbour authority said on Tuesday that the new ferry terminal would open next "
    "spring, after two years of delays caused by storms and a shortage of steel. "
)
_PAGE = (
    "<html><head><title>Ferry terminal to open in spring</title></head><body>"
    "<header><nav><a href='/'>Home</a></nav></header><article>"
    "<h1>Ferry terminal to open in spring</h1><p class='byline'>By Ann Example</p>"
    "<p class='date'>Published 3 March 2021, 10:15</p>"
    + "".join(f"<p>{_PARAGRAPH * 3}</p>" for _ in range(6))
    + "<p>Share this article</p></article><footer>© Example</footer></body></html>"
)


def warm_up() -> None:
    """Run the extraction stack once; never raises (a failed warm-up only costs time)."""
    try:
        from htmldate.extractors import get_external_parser

        # A date no locale reads: dateparser tries, and so loads, every locale.
        get_external_parser().get_date_data("12 Xyzember 2020")
        page = Page(
            url="https://example.com/2021/03/03/ferry.html",
            html=_PAGE,
            spider="warm-up",
            fetched_at="2021-03-03T10:15:00+00:00",
        )
        article, _ = stages.extract(page)
        stages.strip_related_tail(stages.remove_chrome(article)[0])
    except Exception:  # warming up must never break the pool
        logger.debug("Worker warm-up failed", exc_info=True)


warm_up()
