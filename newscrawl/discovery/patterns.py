"""Propose an `article_allow` rule from sample article URLs, with a reason a person can check.

The heuristics are deliberately few and plain, tried from the most to the least specific:
a date in the path (`/2026/11/03/`, `/2026-11-03/`, `/20261103/`, `/2026/11/`), a long
numeric id (`-12345678`, `/123456/`), then a first path segment most URLs share
(`/news/`, `/story/`). A rule is proposed only when it covers most of the sample (news
sitemaps and feeds list articles, so a good rule matches nearly all of them); the
date rules are then tightened to the shape of the URL's end (`[\\w-]+\\.html$`) when that
loses no URL. Nothing clever: the point is a rule the user can read and correct.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

#: Share of sampled URLs a rule must match to be proposed.
MIN_COVERAGE = 0.8
#: Fewer sampled URLs than this say too little to propose a rule.
MIN_SAMPLE = 3

#: (pattern, what it means, whether a URL ending may follow it), most specific first.
_SHAPES: tuple[tuple[str, str, bool], ...] = (
    (r"/\d{4}/\d{2}/\d{2}/", "a date in the path (/YYYY/MM/DD/)", True),
    (r"/\d{4}-\d{2}-\d{2}/", "a date in the path (/YYYY-MM-DD/)", True),
    (r"/20\d{6}/", "a date in the path (/YYYYMMDD/)", True),
    (r"/\d{4}/\d{2}/", "a year and month in the path (/YYYY/MM/)", True),
    (r"[/_-]\d{6,}", "a numeric id of 6 digits or more", False),
)
#: Endings that make a date rule stricter, tried in order.
_ENDINGS: tuple[tuple[str, str], ...] = (
    (r"[\w-]+\.html$", "then a .html page"),
    (r"[\w-]+\.htm$", "then a .htm page"),
    (r"[\w-]+/?$", "then a slug"),
)


@dataclass(frozen=True)
class Proposal:
    """The proposed `article_allow` (empty: no rule found) and why."""

    allow: tuple[str, ...]
    matched: int
    sampled: int
    reason: str

    def explain(self) -> str:
        """One line for a comment in the stub."""
        if not self.allow:
            return self.reason
        return f"{self.matched} of {self.sampled} sampled article URLs match: {self.reason}"


def propose_article_allow(urls: list[str]) -> Proposal:
    """The most specific simple rule that covers `MIN_COVERAGE` of `urls`."""
    paths = list(dict.fromkeys(_path(u) for u in urls if _path(u)))
    if len(paths) < MIN_SAMPLE:
        return Proposal(
            (),
            0,
            len(paths),
            f"only {len(paths)} article URLs found in sitemaps and feeds: no rule proposed, "
            "every page of the site is an article candidate; write one by hand",
        )
    for shape, meaning, has_ending in _SHAPES:
        matched = _matching(shape, paths)
        if _enough(matched, paths):
            pattern, ending = _tighten(shape, matched) if has_ending else (shape, "")
            reason = f"{meaning}{f', {ending}' if ending else ''}, e.g. {matched[0]}"
            return Proposal((pattern,), len(_matching(pattern, paths)), len(paths), reason)
    if (prefix := _common_first_segment(paths)) is not None:
        pattern = rf"/{re.escape(prefix)}/[^/?#]+"
        matched = _matching(pattern, paths)
        return Proposal(
            (pattern,),
            len(matched),
            len(paths),
            f"the same first path segment (/{prefix}/), e.g. {matched[0]}",
        )
    return Proposal(
        (),
        0,
        len(paths),
        f"no common shape among {len(paths)} sampled article URLs (e.g. {paths[0]}): "
        "no rule proposed, write one by hand",
    )


def _path(url: str) -> str:
    parts = urlsplit(url.strip())
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _matching(pattern: str, paths: list[str]) -> list[str]:
    compiled = re.compile(pattern)
    return [p for p in paths if compiled.search(p)]


def _enough(matched: list[str], paths: list[str]) -> bool:
    return bool(paths) and len(matched) >= MIN_COVERAGE * len(paths)


def _tighten(shape: str, matched: list[str]) -> tuple[str, str]:
    """The date rule with the URL ending every matched URL shares, if there is one."""
    for ending, meaning in _ENDINGS:
        pattern = shape + ending
        if len(_matching(pattern, matched)) == len(matched):
            return pattern, meaning
    return shape, ""


def _common_first_segment(paths: list[str]) -> str | None:
    """The first path segment shared by `MIN_COVERAGE` of the paths, if they go deeper."""
    firsts = Counter(
        segments[0]
        for segments in (p.split("?", 1)[0].strip("/").split("/") for p in paths)
        if len(segments) > 1 and segments[0]
    )
    if not firsts:
        return None
    segment, count = firsts.most_common(1)[0]
    return segment if count >= MIN_COVERAGE * len(paths) else None
