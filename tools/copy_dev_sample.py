"""Copy the fixed sample of dev-set pages the tests score into `tests/fixtures/devpages/`.

    python tools/copy_dev_sample.py

The sample: from each set (`benchmarks/devsets.py`), the pages whose SHA-1 of their id
comes first (an unbiased, stable choice), every fundus-dev page in a script written
without spaces (so CJK extraction is guarded), and the pages the mechanism tests in
`tests/test_never_lose_the_article.py` cite. Each page is stored as its set stores it
(gzip HTML) with its gold in one JSON file per set; the sets' licence notices go along.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from devsets import SHARED, load  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "devpages"
PER_SET = 20
#: Pages the mechanism tests read (see that test module for what each one shows).
CITED = {
    "fundus": {
        "us/WashingtonTimes_2023_04_28",
        "uk/TechRadar_2026_05_21",
        "be/PoliticoEu_2025_10_23",
        "ind/TimesOfIndia_2026_04_16",
        "it/Tageszeitung_2025_04_16",
        "jp/YomiuriShimbun_2024_12_03",
        "jp/ChunichiShimbun_2025_01_13",
    },
    "zyte": set(),
}
LICENCES = {
    "zyte": "Zyte (Scrapinghub) article-extraction benchmark, github.com/scrapinghub/"
    "article-extraction-benchmark, commit 4a3bc979f76c. MIT License, Copyright (c) 2020 "
    "Scrapinghub.",
    "fundus": "fundus parser test data, github.com/flairNLP/fundus, commit 18da6e53592f. "
    "MIT License, Copyright (c) 2023 Max Dallabetta, Conrad Dobberstein, Aaron Wey (fundus). "
    "The pages are copies of publishers' pages, kept for testing extraction; do not "
    "republish them.",
}


def _rank(page_id: str) -> str:
    return hashlib.sha1(page_id.encode()).hexdigest()


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    for name in ("zyte", "fundus"):
        pages = load(name, SHARED)
        chosen = {p.id for p in sorted(pages, key=lambda p: _rank(p.id))[:PER_SET]}
        chosen |= {p.id for p in pages if p.script == "cjk" and name == "fundus"}
        chosen |= CITED[name]
        folder = OUT / name
        folder.mkdir(parents=True)
        gold = {}
        for page in pages:
            if page.id not in chosen:
                continue
            file = _rank(page.id)[:16] + ".html.gz"
            (folder / file).write_bytes(gzip.compress(page.html.encode("utf-8"), mtime=0))
            gold[page.id] = {"file": file, "url": page.url, "body": page.truth}
        (folder / "gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8"
        )
        (folder / "LICENSE.txt").write_text(LICENCES[name] + "\n", "utf-8")
        print(f"{name}: {len(gold)} pages")


if __name__ == "__main__":
    main()
