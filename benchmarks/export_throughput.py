"""`newscrawl export` at scale: wall time, articles per second and peak memory.

Generates synthetic run files (1,000,000 articles by default, ~4 kB of text each, 600 sites,
12 languages, 36 months, with 4% exact copies, 4% near copies — intro line, dateline, light
edits, a "Read more" list — and 2% re-crawls of the same URL; a truncated last line and a
few broken lines as a killed run leaves them), then runs, each in its own subprocess under
`/usr/bin/time -v` (peak RSS of that process):

* baseline: `gzip -dc | cat > /dev/null`-style pass over the same files (reading cost floor),
* baseline: `newscrawl export --dedup none --sort none` (parse + project + write, nothing else),
* `newscrawl export --dedup near --sort published --split ... --format jsonl.gz`,
* the same with `--format parquet` (needs the `parquet` extra).

Prints a Markdown table. Target: peak RSS < 500 MB for every export.

    python benchmarks/export_throughput.py [--articles 1000000] [--files 24] [--work DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from newscrawl.dedup import content_hash

LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "fi", "cs"]
_MAXRSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")


def _vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    syllables = [a + b for a in "bcdfghklmnprstvz" for b in ("a", "e", "i", "o", "u", "ei", "ou")]
    return ["".join(rng.choices(syllables, k=rng.choice((1, 2, 2, 3, 3, 4)))) for _ in range(size)]


def _text(rng: random.Random, vocabulary: list[str]) -> str:
    words = rng.choices(vocabulary, k=rng.randint(480, 760))
    paragraphs = []
    for start in range(0, len(words), 60):
        sentence = " ".join(words[start : start + 60])
        paragraphs.append(sentence[0].upper() + sentence[1:] + ".")
    return "\n".join(paragraphs)


def _near_copy(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = text.split(" ")
    for _ in range(len(words) // 33):  # ~3% of the words changed
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    intro = rng.choice(["This story was supplied by an agency.", "Updated: adds reaction."])
    more = "\n".join(f"- {' '.join(rng.choices(vocabulary, k=8))}" for _ in range(4))
    return f"{intro}\nBERLIN (dpa) — {' '.join(words)}\nRead more:\n{more}"


def generate(folder: Path, articles: int, files: int, seed: int = 7) -> list[Path]:
    """Write `articles` records over `files` run files (odd ones gzipped) under `folder`."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    recent: list[dict[str, object]] = []
    paths = []
    per_file = -(-articles // files)
    written = 0
    for number in range(files):
        name = f"site{number % 6}/2026-01-{number + 1:02d}T00-00-00.jsonl"
        path = folder / (name + (".gz" if number % 2 else ""))
        path.parent.mkdir(parents=True, exist_ok=True)
        paths.append(path)
        with (
            gzip.open(path, "wt", encoding="utf-8", compresslevel=1)
            if number % 2
            else path.open("w", encoding="utf-8")
        ) as handle:
            for _ in range(min(per_file, articles - written)):
                handle.write(json.dumps(_record(rng, vocabulary, start, recent, written)) + "\n")
                written += 1
            if number == 0:
                handle.write("not json\n[1, 2]\n")
            if number == files - 1:
                handle.write('{"url": "https://cut.example/1", "text": "a run killed mid-wr')
    return paths


def _record(
    rng: random.Random,
    vocabulary: list[str],
    start: datetime,
    recent: list[dict[str, object]],
    n: int,
) -> dict[str, object]:
    site = f"news{rng.randrange(600)}.example"
    roll = rng.random()
    if recent and roll < 0.1:
        original = rng.choice(recent)
        if roll < 0.04:  # the same text on another site
            text = str(original["text"])
        elif roll < 0.08:  # syndicated with changes
            text = _near_copy(str(original["text"]), rng, vocabulary)
        else:  # the same page fetched again in a later run
            return dict(original)
    else:
        text = _text(rng, vocabulary)
    published = start + timedelta(minutes=rng.randrange(36 * 30 * 24 * 60))
    offset = timezone(timedelta(hours=rng.choice((0, 1, 2, -5))))
    url = f"https://www.{site}/{published:%Y/%m/%d}/story-{n}.html"
    record: dict[str, object] = {
        "url": url,
        "canonical_url": url,
        "site": site,
        "title": " ".join(rng.choices(vocabulary, k=9)).capitalize(),
        "authors": [" ".join(rng.choices(vocabulary, k=2)).title()],
        "published": published.astimezone(offset).isoformat(),
        "modified": None,
        "language": rng.choice(LANGUAGES),
        "text": text,
        "description": " ".join(rng.choices(vocabulary, k=25)),
        "tags": rng.choices(vocabulary, k=3),
        "image": f"https://www.{site}/img/{n}.jpg",
        "word_count": len(text.split()),
        "fetched_at": "2026-01-02T03:04:05+00:00",
        "spider": site.split(".")[0],
        "content_hash": content_hash(text),
        "paywalled": None,
    }
    recent.append(record)
    if len(recent) > 2000:
        recent.pop(rng.randrange(len(recent)))
    return record


def _tree_rss_kb(root: int) -> int:
    """Sum of VmRSS over a process and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        children.setdefault(int(fields.get("PPid", "0").strip() or 0), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


class _TreeSampler(threading.Thread):
    """Samples the process tree's summed RSS every 0.2 s; keeps the peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb = pid, 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.2):
            self.peak_kb = max(self.peak_kb, _tree_rss_kb(self.pid))


def timed(command: list[str] | str, shell: bool = False) -> tuple[float, int, int, str]:
    """Run under /usr/bin/time -v: (seconds, peak RSS of the largest process in MB, peak
    summed RSS of the process tree in MB (sampled), stderr)."""
    wrapped = ["/usr/bin/time", "-v", *(["sh", "-c", command] if shell else command)]
    start = time.perf_counter()
    with subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as process:
        sampler = _TreeSampler(process.pid)
        sampler.start()
        stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
        returncode = process.wait()
        sampler.stopped.set()
    seconds = time.perf_counter() - start
    if returncode:
        raise SystemExit(f"failed: {command}\n{stderr[-3000:]}")
    match = _MAXRSS.search(stderr)
    largest = int(match.group(1)) // 1024 if match else -1
    return seconds, largest, sampler.peak_kb // 1024, stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=24)
    parser.add_argument("--work", type=Path, help="folder for inputs and outputs (kept)")
    parser.add_argument("--no-parquet", action="store_true")
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="newscrawl-bench-"))
    runs, out = work / "runs", work / "out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    if not runs.exists():
        started = time.perf_counter()
        generate(runs, args.articles, args.files)
        print(f"generated {args.articles:,} articles in {time.perf_counter() - started:.0f}s")
    size = sum(p.stat().st_size for p in runs.rglob("*") if p.is_file())
    print(f"input: {runs} ({size / 1e9:.2f} GB on disk)\n", flush=True)

    export = [sys.executable, "-m", "newscrawl.cli", "export", str(runs)]
    split = ["--split", "train=0.8,valid=0.1,test=0.1"]
    cases: list[tuple[str, list[str] | str, bool]] = [
        (
            "baseline: decompress + cat the run files",
            f"find {runs} -type f -name '*.gz' -exec gzip -dc {{}} + > /dev/null; "
            f"find {runs} -type f -name '*.jsonl' -exec cat {{}} + > /dev/null",
            True,
        ),
        (
            "baseline: export --dedup none --sort none, jsonl",
            [*export, "-o", str(out / "plain.jsonl"), "--dedup", "none", "--sort", "none"],
            False,
        ),
        (
            "export --dedup near --sort published --split, jsonl.gz",
            [*export, "-o", str(out / "news.jsonl.gz"), *split, "--card", str(out / "card.md")],
            False,
        ),
    ]
    if not args.no_parquet:
        cases.append(
            (
                "export --dedup near --sort published --split, parquet",
                [*export, "-o", str(out / "news.parquet"), *split],
                False,
            )
        )
    rows = []
    for name, command, shell in cases:
        print(f"running: {name}", file=sys.stderr, flush=True)
        seconds, largest, tree, stderr = timed(command, shell)
        rows.append((name, seconds, largest, tree))
        summary = stderr.split("newscrawl export:", 1)[1:]
        if summary:
            print(f"{name}: newscrawl export:{summary[0].splitlines()[0]}", file=sys.stderr)
    print(f"{args.articles:,} articles, {args.files} run files, {size / 1e9:.2f} GB\n")
    print(
        "| run | wall time (s) | articles/s | peak RSS, largest process (MB) "
        "| peak RSS, all processes (MB, sampled) |"
    )
    print("|---|---:|---:|---:|---:|")
    for name, seconds, largest, tree in rows:
        print(
            f"| {name} | {seconds:,.1f} | {args.articles / seconds:,.0f} | {largest:,} | {tree:,} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
