"""What newscrawl's light entry points cost to load, against a baseline in the same run.

    python benchmarks/import_times.py                    # this checkout, and main
    python benchmarks/import_times.py --baseline HEAD~3 --runs 15
    python benchmarks/import_times.py --baseline ""      # this checkout only

Every case runs in a fresh interpreter, `--runs` times per tree, trees taking turns; the
least time is reported (on a shared machine, the run the other processes disturbed
least). An import case times its statements inside the interpreter (`time.perf_counter`
around them: the interpreter's own start-up is not newscrawl's); a command case times the
whole process, as a user waits for it. Bytecode caches are written and one untimed run
goes first, in both trees: compiling on a first run is not what a user waits for.

The baseline is `git archive REF` unpacked in a temporary folder; each child runs from
its tree's root, which comes first on `sys.path`, with an editable install's finder
taken out (checked: every `newscrawl` module loaded is under it). The last columns name
the heavy packages the case loaded, in each tree.

Targets (issue 12, item 12): `from newscrawl import clean_text` within 0.3 s, and without
Scrapy; `import newscrawl.state` without readability; `newscrawl --help` within 0.5 s.
`tests/test_light_core.py` asserts what each case loads, never how long it takes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("scrapy", "twisted", "trafilatura", "lxml", "readability", "courlan", "numpy")


@dataclass(frozen=True)
class Case:
    name: str
    code: str
    #: Whole process (a command) rather than the statements alone (an import).
    process: bool = False
    target: str = ""


CASES = (
    Case("from newscrawl import clean_text", "from newscrawl import clean_text", target="≤ 0.3 s"),
    Case(
        "dates, URLs and text helpers",
        # Before newscrawl.core held dates and URLs, they were in extraction, urls and dom
        # (and the text measures had no module of their own).
        "try:\n"
        "    from newscrawl.core.dates import normalize_date\n"
        "    from newscrawl.core.urls import canonicalize, host_of\n"
        "    from newscrawl.core.text import word_count\n"
        "except ImportError:\n"
        "    from newscrawl.extraction.dates import normalize_date\n"
        "    from newscrawl.urls import canonicalize\n"
        "    from newscrawl.cleaning.dom import host_of",
    ),
    Case("import newscrawl.state", "import newscrawl.state", target="no readability"),
    Case(
        "newscrawl --help",
        "from newscrawl.cli import main\nmain(['--help'])",
        process=True,
        target="≤ 0.5 s",
    ),
    Case(
        "newscrawl clean --help", "from newscrawl.cli import main\nmain(['clean', '--help'])", True
    ),
    Case(
        "newscrawl export --help",
        "from newscrawl.cli import main\nmain(['export', '--help'])",
        True,
    ),
    Case("scrapy list", "from scrapy.cmdline import execute\nexecute(['scrapy', 'list'])", True),
)

_CHILD = """\
import contextlib, io, json, sys, time
# An editable install's finder would serve modules the tree lacks from the installed
# checkout (`newscrawl.core` for an older tree): only the tree's own files count.
sys.meta_path[:] = [f for f in sys.meta_path if "__editable__" not in getattr(f, "__module__", "")]
sys.path[:] = [entry for entry in sys.path if "__editable__" not in entry]
sys.path_importer_cache.clear()
start = time.perf_counter()
quiet = io.StringIO()
with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
    try:
{code}
    except SystemExit:
        pass
seconds = time.perf_counter() - start
import newscrawl
heavy = [name for name in {heavy!r} if name in sys.modules]
files = [getattr(m, "__file__", None) or "" for n, m in list(sys.modules.items())
         if n == "newscrawl" or n.startswith("newscrawl.")]
print(json.dumps({{"seconds": seconds, "files": files, "heavy": heavy}}))
"""


def run_case(case: Case, root: Path) -> tuple[float, list[str]]:
    """One fresh interpreter from `root`: (seconds, heavy packages loaded)."""
    code = "".join(f"        {line}\n" for line in case.code.splitlines())
    env = {**os.environ, "PYTHONPATH": str(root), "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    process = subprocess.run(
        [sys.executable, "-c", _CHILD.format(code=code, heavy=HEAVY)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{case.name} in {root}: {process.stderr[-2000:]}")
    result = json.loads(process.stdout.splitlines()[-1])
    for file in result["files"]:
        if file and not Path(file).resolve().is_relative_to(root.resolve()):
            raise RuntimeError(f"{case.name}: {file} is not from {root}")
    return (wall if case.process else float(result["seconds"])), list(result["heavy"])


def checkout(ref: str, into: Path) -> str:
    """`git archive REF` unpacked into `into`; the commit's short hash."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", ref], cwd=REPO_ROOT, capture_output=True, text=True
    )
    if commit.returncode != 0:
        raise SystemExit(f"no such git ref: {ref}")
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref], cwd=REPO_ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return commit.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main", help="git ref to compare with ('' none)")
    parser.add_argument("--runs", type=int, default=9, help="timed runs per case and tree")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newscrawl-import-times-") as tmp:
        trees = {"this checkout": REPO_ROOT}
        if args.baseline:
            base = Path(tmp)
            trees = {f"{args.baseline} ({checkout(args.baseline, base)})": base, **trees}
        best: dict[tuple[str, str], float] = {}
        loaded: dict[tuple[str, str], list[str]] = {}
        for case in CASES:
            for root in trees.values():
                run_case(case, root)  # untimed: writes the bytecode caches
            for _ in range(args.runs):
                for label, root in trees.items():
                    seconds, heavy = run_case(case, root)
                    key = (case.name, label)
                    best[key] = min(best.get(key, seconds), seconds)
                    loaded[key] = heavy

    labels = list(trees)
    print(f"Least of {args.runs} runs, seconds ({os.cpu_count()} cores, load {_load()})\n")
    print(
        f"| entry point | {' | '.join(labels)} | target | "
        f"{' | '.join(f'heavy packages loaded, {label}' for label in labels)} |"
    )
    print(f"|---|{'---|' * len(labels)}---|{'---|' * len(labels)}")
    for case in CASES:
        times = " | ".join(f"{best[(case.name, label)]:.3f}" for label in labels)
        names = " | ".join(", ".join(loaded[(case.name, label)]) or "none" for label in labels)
        print(f"| `{case.name}` | {times} | {case.target} | {names} |")


def _load() -> str:
    try:
        return " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
