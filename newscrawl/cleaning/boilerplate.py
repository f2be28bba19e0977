"""Remove site chrome that survives extraction as whole lines of text.

Two kinds of lines, both matched as whole lines only (a sentence that merely mentions a
newsletter is never touched):

- chrome lines, anywhere: share prompts, "Advertisement", cookie and newsletter prompts,
  photo credits, comment counters;
- closing lines, only in the trailing block after the last paragraph of prose: copyright,
  "Write to ... at ...", tag lists, subscription promos.

And the headline itself, when the extractor repeated it as the first line of the body.
"""

from __future__ import annotations

import re

from newscrawl.cleaning.markers import CHROME_LINE_RE, CLOSING_LINE_RE

_MAX_CHROME_WORDS = 40


def remove_boilerplate(text: str, title: str | None = None) -> tuple[str, list[str]]:
    """Return `text` without chrome lines (and a repeated title), and the removed lines."""
    lines = text.split("\n")
    removed: list[str] = []
    kept: list[str] = []
    for line in lines:
        if _is_chrome(line):
            removed.append(line.strip())
        else:
            kept.append(line)
    kept, closing = _strip_closing(kept)
    removed.extend(closing)
    if title:
        kept, title_lines = _strip_title(kept, title)
        removed[:0] = title_lines
    return "\n".join(kept).strip("\n"), removed


def _is_chrome(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and len(stripped.split()) <= _MAX_CHROME_WORDS and bool(
        CHROME_LINE_RE.match(stripped)
    )


def _strip_closing(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop closing lines from the end, skipping over short non-prose lines between them."""
    removed: list[str] = []
    end = len(lines)
    while end > 0:
        stripped = lines[end - 1].strip()
        if not stripped:
            end -= 1
        elif len(stripped.split()) <= _MAX_CHROME_WORDS and CLOSING_LINE_RE.match(stripped):
            removed.insert(0, stripped)
            end -= 1
        else:
            break
    return lines[:end], removed


_NORMALIZE = re.compile(r"\W+")


def _strip_title(lines: list[str], title: str) -> tuple[list[str], list[str]]:
    """Drop a leading line that repeats the headline."""
    wanted = _NORMALIZE.sub(" ", title).strip().casefold()
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if wanted and _NORMALIZE.sub(" ", line).strip().casefold() == wanted:
            return lines[:index] + lines[index + 1 :], [line.strip()]
        break
    return lines, []
