"""Which cleaning rule acted, and on what: the hook behind the rule-usage report.

Every generic rule reports here when it acts (`fired("html/chrome_blocks", text)`); the
report (`benchmarks/rule_usage.py`) collects the reports over the dev sets and counts the
distinct sites each rule acted on, since a generic rule needs evidence from several
sites. Outside a `collecting()` block a report costs one context-variable lookup.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

#: (rule, text it acted on) pairs, while a report is collecting.
_reports: ContextVar[list[tuple[str, str]] | None] = ContextVar("_reports", default=None)


def fired(rule: str, text: str = "") -> None:
    """Record that `rule` acted (removed, kept or changed `text`)."""
    reports = _reports.get()
    if reports is not None:
        reports.append((rule, text))


def collecting_enabled() -> bool:
    """True inside `collecting()`: rules may then spend time naming themselves exactly."""
    return _reports.get() is not None


@contextmanager
def collecting() -> Iterator[list[tuple[str, str]]]:
    """Collect every rule report made inside the block, in order."""
    reports: list[tuple[str, str]] = []
    token = _reports.set(reports)
    try:
        yield reports
    finally:
        _reports.reset(token)
