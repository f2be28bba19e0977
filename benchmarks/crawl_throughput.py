"""Crawl throughput: how fast a real crawl runs with extraction off the reactor.

Extraction and cleaning cost ~15-25 ms of CPU per page. Run inline in a pipeline, they
stall the Twisted reactor and every download with it; newscrawl runs them in a process
pool (`newscrawl.crawl.offload.WorkerPool`). This script measures what that buys, end to end,
on one machine and in one run, so the numbers compare:

1. builds a local site of N pages (default 2,000) by cycling through real article pages
   (the 181 pages of the Zyte article-extraction benchmark, ~170 kB each), each copy under
   its own URL (`/p/00001.html`), and writes their URLs to a file;
2. serves it from a separate process (`newscrawl.testing.localsite.LocalSite`; `--server twisted`
   for Twisted serving the same pages from memory), its pages read into memory up front,
   so the server's CPU is not in the crawler's process and no disk read is timed. The
   threaded LocalSite is not the bottleneck: ~0.3 ms of CPU per page, ~12% of a core in
   `fetch` mode while the crawler's process is at 100%;
3. runs one real `scrapy crawl urls -a file=...` per mode, with the same URL list and the
   same settings except the mode:

   * `fetch`: newscrawl's pipelines disabled, no feed: the crawl's ceiling;
   * `inline`: the full pipeline on the reactor thread (`NEWSCRAWL_WORKERS=0`);
   * `pool`: the full pipeline in the worker pool (`NEWSCRAWL_WORKERS=--workers`);
   * `trafilatura_inline` (optional): only `trafilatura.extract` called inline by a tiny
     pipeline: the issue's "inline trafilatura" reference;

   `--repeat N` runs N rounds of all modes, interleaved, and reports each mode's median;
4. prints a Markdown table: pages/s, items exported, the ratio to `inline`, and the peak
   RSS of the crawl process and of its pool workers; then every run with where the CPU
   went; then the exact settings.

pages/s is the number of 200 responses divided by the time from the crawl's first
response to its last item leaving the pipelines (scraped or dropped), measured inside the
crawl by a small probe extension (`bench_probe.Probe`, written to the temp dir); start-up
and shutdown (imports, pool start, feed close) are not in it. The rate over Scrapy's
`elapsed_time_seconds` is in the second table. The copies of one page are one article
under several URLs, so the full pipeline exports 181 items and drops the rest as
`duplicate` (after extracting them: the work per page is the same).

CPU: the crawl's process and its workers are sampled from /proc every 0.5 s. A shared
machine's other processes take cores from the crawl, and from `pool` (two cores) far
more than from `inline` (one): the "others" column says how much CPU they used during the
run; a run where they used more than a quarter of a core is marked "(noisy)", and its
ratio means little. Which newscrawl was measured (path and a digest of its sources) is
printed too: with an editable install the package can change between two runs.

Memory: the crawl process's peak is its `ru_maxrss` at the end (the probe); the workers'
is the largest `VmHWM` of any worker process (workers are the children of the pool's
forkserver). "sum" is the largest total `VmRSS` of all workers at one sample. The number
of distinct worker PIDs shows recycling (`NEWSCRAWL_WORKER_MAX_TASKS`); with `--keep`,
`<mode>-<round>.processes.json` lists every process seen with its RSS.

    python benchmarks/crawl_throughput.py                       # 2,000 pages, 3 modes
    python benchmarks/crawl_throughput.py --pages 500 --modes inline,pool --repeat 3
    python benchmarks/crawl_throughput.py --set NEWSCRAWL_WORKER_MAX_TASKS=100 --keep

Exits 1 if a crawl failed (non-zero exit, a finish reason other than `finished`, not
every page fetched with status 200, other pipelines than the mode's, pool workers missing
in `pool` or present inline). Every file is written in a temp dir, removed at the end
unless `--keep` (or a crawl failed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "benchmarks" / "zyte" / "html"
MODES = ("fetch", "inline", "pool", "trafilatura_inline")
DEFAULT_MODES = "fetch,inline,pool"
PIPELINES = (
    "newscrawl.crawl.pipelines.ExtractPipeline",
    "newscrawl.crawl.pipelines.ChromePipeline",
    "newscrawl.crawl.pipelines.TailPipeline",
    "newscrawl.crawl.pipelines.ValidatePipeline",
    "newscrawl.crawl.pipelines.DuplicatesPipeline",
)
#: Settings every mode gets, before the mode's own. `bench_probe` is written to the temp
#: dir; `ModeAddon` runs after newscrawl's add-on (see its docstring).
COMMON_SETTINGS: tuple[tuple[str, str], ...] = (
    ("AUTOTHROTTLE_ENABLED", "0"),
    ("CONCURRENT_REQUESTS", "32"),
    ("CONCURRENT_REQUESTS_PER_DOMAIN", "32"),
    ("ROBOTSTXT_OBEY", "0"),
    # The site is served on loopback, which the address guard refuses by default.
    ("NEWSCRAWL_ALLOW_PRIVATE_HOSTS", "127.0.0.1"),
    ("LOG_LEVEL", "INFO"),
    ("TELNETCONSOLE_ENABLED", "0"),
    # Every mode crawls the same URLs from the same folder: no memory of the previous
    # mode's run (crawl state, duplicate index across runs), or it would skip them all.
    ("NEWSCRAWL_STATE", ""),
    ("NEWSCRAWL_DEDUP_PATH", ""),
    ("EXTENSIONS", json.dumps({"bench_probe.Probe": 1000})),
    ("ADDONS", json.dumps({"newscrawl.addon.NewscrawlAddon": 0, "bench_probe.ModeAddon": 1000})),
)
#: The item pipelines each mode must have run (checked from the crawl's own list).
EXPECTED_PIPELINES: dict[str, list[str]] = {
    "fetch": [],
    "inline": list(PIPELINES),
    "pool": list(PIPELINES),
    "trafilatura_inline": ["bench_probe.TrafilaturaInline"],
}
SAMPLE_SECONDS = 0.5
#: Other processes' CPU (% of one core) over which a run is flagged as disturbed.
NOISY_PERCENT = 25
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

#: Written to the temp dir and put on the crawl's PYTHONPATH.
PROBE_MODULE = '''\
"""Benchmark helpers for crawl_throughput.py, loaded by the crawl it runs."""

import json
import resource
import time

from scrapy import signals
from scrapy.exceptions import DropItem


class ModeAddon:
    """Sets ITEM_PIPELINES to BENCH_ITEM_PIPELINES (JSON), after newscrawl's add-on.

    `-s 'ITEM_PIPELINES={"newscrawl.crawl.pipelines.ExtractPipeline": null, ...}'` alone does not
    disable newscrawl's pipelines: its add-on passes import strings to
    `setdefault_in_component_priority_dict`, which compares them with `load_object(...)`,
    never finds them, and sets them back.
    """

    def update_settings(self, settings):
        if pipelines := settings.get("BENCH_ITEM_PIPELINES"):
            settings.set("ITEM_PIPELINES", json.loads(pipelines), priority="cmdline")


class Probe:
    """Times the crawl's active part; saves its final stats, CPU and peak RSS as JSON."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.first_response = None
        self.last_item = None

    @classmethod
    def from_crawler(cls, crawler):
        probe = cls(crawler)
        crawler.signals.connect(probe.response_received, signal=signals.response_received)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(probe.item_done, signal=signal)
        crawler.signals.connect(probe.engine_stopped, signal=signals.engine_stopped)
        return probe

    def response_received(self, **kwargs):
        if self.first_response is None:
            self.first_response = time.monotonic()

    def item_done(self, **kwargs):
        self.last_item = time.monotonic()

    def engine_stopped(self):
        stats = dict(self.crawler.stats.get_stats())
        usage = resource.getrusage(resource.RUSAGE_SELF)
        stats["bench/main_cpu_seconds"] = usage.ru_utime + usage.ru_stime
        stats["bench/main_maxrss_kb"] = usage.ru_maxrss
        if self.first_response is not None and self.last_item is not None:
            stats["bench/active_seconds"] = self.last_item - self.first_response
        stats["bench/pipelines"] = [
            f"{type(p).__module__}.{type(p).__qualname__}"
            for p in self.crawler.engine.scraper.itemproc.middlewares
        ]
        path = self.crawler.settings.get("BENCH_STATS_FILE")
        with open(path, "w", encoding="utf-8") as out:
            json.dump(stats, out, default=str)


class TrafilaturaInline:
    """The issue's reference: plain `trafilatura.extract`, inline, on the reactor."""

    def __init__(self):
        import trafilatura

        self.trafilatura = trafilatura

    def process_item(self, item):
        text = self.trafilatura.extract(item.html, url=item.url)
        if not text:
            raise DropItem(f"no text: {item.url}")
        return {"url": item.url, "text": text}
'''

#: The site server, run as `python -c SERVER KIND ROOT`: prints its base URL, serves
#: until SIGTERM.
SERVER_SCRIPT = """\
import signal, sys
from pathlib import Path
kind, root = sys.argv[1], Path(sys.argv[2])
if kind == "localsite":
    from newscrawl.testing.localsite import LocalSite
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    site = LocalSite(root).start()
    for path in sorted((root / "p").glob("*.html")):
        site.body(path.resolve())  # into LocalSite's cache: no disk read while timed
    print(site.base_url, flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    site.stop()
else:
    from twisted.internet import reactor
    from twisted.web.resource import Resource
    from twisted.web.server import Site
    from twisted.web.static import Data

    top = Resource()
    pages = Resource()
    top.putChild(b"p", pages)
    for path in sorted((root / "p").glob("*.html")):
        pages.putChild(path.name.encode(), Data(path.read_bytes(), "text/html; charset=utf-8"))
    port = reactor.listenTCP(0, Site(top), interface="127.0.0.1")
    print(f"http://127.0.0.1:{port.getHost().port}", flush=True)
    reactor.run()
"""


@dataclass
class ProcessSample:
    """What the sampler saw of one process of the crawl's tree."""

    role: str
    peak_kb: int = 0
    first_rss_kb: int = 0
    last_rss_kb: int = 0


@dataclass
class TreeSampler:
    """Samples the crawl's process tree from /proc in a thread, every `SAMPLE_SECONDS`:
    memory per process, and CPU time of the main process and of the pool's workers."""

    root_pid: int
    server_pid: int
    processes: dict[int, ProcessSample] = field(default_factory=dict)
    workers_sum_peak_kb: int = 0
    #: (monotonic time, CPU seconds of main, workers, server, whole machine, main's RSS in
    #: kB) at each sample.
    cpu: list[tuple[float, float, float, float, float, int]] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> TreeSampler:
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _loop(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self.sample()

    def sample(self) -> None:
        workers_kb = main_kb = 0
        main_cpu = workers_cpu = 0.0
        for pid, role in crawl_tree(self.root_pid).items():
            status, times = read_status(pid), read_cpu(pid)
            if status is None or times is None:
                continue
            seen = self.processes.setdefault(pid, ProcessSample(role, first_rss_kb=status[0]))
            seen.last_rss_kb = status[0]
            seen.peak_kb = max(seen.peak_kb, status[1])
            if role == "main":
                main_cpu, main_kb = times[0], status[0]
            elif role == "forkserver":
                workers_cpu += times[1]  # the workers it has reaped
            elif role == "worker":
                workers_kb += status[0]
                workers_cpu += times[0]
        self.workers_sum_peak_kb = max(self.workers_sum_peak_kb, workers_kb)
        previous = self.cpu[-1][2] if self.cpu else 0.0
        server_cpu = (read_cpu(self.server_pid) or (0.0, 0.0))[0]
        cpu = (main_cpu, max(workers_cpu, previous), server_cpu, machine_cpu_seconds())
        self.cpu.append((time.monotonic(), *cpu, main_kb))

    def save(self, path: Path) -> None:
        """Every process seen (pid, role, RSS first/last/peak kB) and the CPU samples, for
        a closer look with `--keep`."""
        processes = [{"pid": pid, **asdict(seen)} for pid, seen in self.processes.items()]
        path.write_text(json.dumps({"processes": processes, "cpu": self.cpu}))

    def main_rss_mb(self) -> list[float]:
        """The crawl process's RSS (MB) at 25, 50, 75 and 100% of the run: flat, or growing
        with pages?"""
        samples = [s[5] for s in self.cpu if s[5]]
        if not samples:
            return []
        return [samples[min(len(samples) - 1, len(samples) * q // 4)] / 1024 for q in (1, 2, 3, 4)]

    def of_role(self, role: str) -> list[ProcessSample]:
        return [p for p in self.processes.values() if p.role == role]

    @property
    def workers_cpu_seconds(self) -> float:
        return self.cpu[-1][2] if self.cpu else 0.0

    def steady_cpu_percent(self) -> tuple[float, float, float, float]:
        """CPU % of one core used by main, workers, server, and every other process (a
        noisy neighbour makes the run unfair) over the middle half of the run."""
        if len(self.cpu) < 4:
            return (float("nan"),) * 4
        first, last = self.cpu[len(self.cpu) // 4], self.cpu[3 * len(self.cpu) // 4]
        seconds = last[0] - first[0]
        main, workers, server, machine = (
            100 * (b - a) / seconds for a, b in zip(first[1:5], last[1:5], strict=True)
        )
        return main, workers, server, machine - main - workers - server


def parent_pids() -> dict[int, int]:
    """pid -> parent pid, for every process."""
    parents = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def crawl_tree(root: int) -> dict[int, str]:
    """The crawl's processes by role: main, forkserver, worker (the forkserver's children),
    other (multiprocessing's resource tracker)."""
    children: dict[int, list[int]] = {}
    for pid, parent in parent_pids().items():
        children.setdefault(parent, []).append(pid)
    roles = {root: "main"}
    for pid in children.get(root, []):
        roles[pid] = "forkserver" if "forkserver" in read_cmdline(pid) else "other"
        for grandchild in children.get(pid, []):
            roles[grandchild] = "worker" if roles[pid] == "forkserver" else "other"
    return roles


def read_cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def read_status(pid: int) -> tuple[int, int] | None:
    """(VmRSS, VmHWM) of `pid` in kB, or None when it is gone."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return None
    values = {
        k: int(v.split()[0])
        for k, v in (line.split(":", 1) for line in lines)
        if k.startswith("Vm")
    }
    return (values["VmRSS"], values["VmHWM"]) if "VmHWM" in values else None


def machine_cpu_seconds() -> float:
    """CPU seconds all cores have spent running processes (user, nice, system) since boot:
    not idle, not I/O wait, not interrupts (loopback traffic's kernel work is there)."""
    with Path("/proc/stat").open() as stat:
        ticks = [int(v) for v in stat.readline().split()[1:]]
    return sum(ticks[:3]) / CLOCK_TICKS


def read_cpu(pid: int) -> tuple[float, float] | None:
    """CPU seconds (user + system) of `pid`, and of its children it has waited for; None
    when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    own, children = int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])
    return own / CLOCK_TICKS, children / CLOCK_TICKS


# The site


def build_site(source: Path, pages: int, root: Path) -> list[str]:
    """Write `pages` copies of the source pages under root/p/; return their URL paths."""
    sources = sorted(source.glob("*.html.gz"))
    if not sources:
        raise SystemExit(f"no *.html.gz pages in {source}")
    originals = root / "originals"
    originals.mkdir(parents=True)
    (root / "p").mkdir()
    decompressed = []
    for number, path in enumerate(sources):
        target = originals / f"{number:03d}.html"
        target.write_bytes(gzip.decompress(path.read_bytes()))
        decompressed.append(target)
    paths = []
    for number in range(1, pages + 1):
        name = f"p/{number:05d}.html"
        os.link(decompressed[(number - 1) % len(decompressed)], root / name)
        paths.append(f"/{name}")
    return paths


def start_server(kind: str, root: Path) -> tuple[subprocess.Popen[str], str]:
    """Start the site server in its own process; return it and its base URL."""
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER_SCRIPT, kind, str(root)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    base_url = server.stdout.readline().strip()
    if not base_url.startswith("http://"):
        server.kill()
        raise SystemExit(f"the {kind} server did not start")
    return server, base_url


def stop_server(server: subprocess.Popen[str]) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


# The crawls


@dataclass
class CrawlResult:
    mode: str
    #: The mode, and its round when runs are repeated ("pool #2").
    label: str
    returncode: int
    stats: dict[str, Any]
    wall_seconds: float
    server_cpu_seconds: float
    sampler: TreeSampler
    log: Path

    def stat(self, name: str, default: Any = 0) -> Any:
        return self.stats.get(name, default)

    @property
    def pages_ok(self) -> int:
        return int(self.stat("downloader/response_status_count/200"))

    @property
    def items(self) -> int:
        return int(self.stat("item_scraped_count"))

    @property
    def active_seconds(self) -> float:
        """First response to last item out of the pipelines."""
        return float(self.stat("bench/active_seconds", float("nan")))

    @property
    def rate(self) -> float:
        return self.pages_ok / self.active_seconds if self.active_seconds > 0 else 0.0

    @property
    def elapsed_rate(self) -> float:
        elapsed = self.stat("elapsed_time_seconds")
        return self.pages_ok / elapsed if elapsed else 0.0

    @property
    def main_peak_mb(self) -> float:
        return self.stat("bench/main_maxrss_kb") / 1024

    @property
    def main_cpu_seconds(self) -> float:
        return float(self.stat("bench/main_cpu_seconds"))

    def cpu_bound_rate(self, cores: int) -> float:
        """pages/s this crawl would reach if nothing but its CPU use limited it: no idle
        core, no other process. The crawl's process is one thread (one core at most); it,
        its workers and the site server share `cores`. Start-up CPU included. Unlike
        pages/s, it hardly moves when a neighbour takes a core: compare it when the
        "others" column says a run was disturbed."""
        pages = max(self.pages_ok, 1)
        main = self.main_cpu_seconds / pages
        total = main + (self.sampler.workers_cpu_seconds + self.server_cpu_seconds) / pages
        return min(1 / main, cores / total) if main > 0 else 0.0

    def failure(self, pages: int) -> str:
        """Why this crawl failed or measured the wrong thing; "" when it did not."""
        if self.returncode != 0:
            return f"exit code {self.returncode}"
        if not self.stats:
            return "no stats written"
        if self.stat("finish_reason", None) != "finished":
            return f"finish reason {self.stat('finish_reason', None)!r}"
        if self.pages_ok != pages:
            return f"{self.pages_ok} of {pages} pages fetched with status 200"
        if (pipelines := self.stat("bench/pipelines", [])) != EXPECTED_PIPELINES[self.mode]:
            return f"ran the pipelines {pipelines}, not {EXPECTED_PIPELINES[self.mode]}"
        if (self.mode == "pool") != bool(self.sampler.of_role("worker")):
            return "pool workers: " + ("none" if self.mode == "pool" else "some, in an inline mode")
        return ""


def mode_settings(mode: str, workers: str) -> list[tuple[str, str]]:
    """The settings that make a mode, on top of `COMMON_SETTINGS`."""
    pipelines = {name: None for name in PIPELINES}
    if mode == "fetch":
        return [("BENCH_ITEM_PIPELINES", json.dumps(pipelines)), ("FEEDS", "{}")]
    if mode == "inline":
        return [("NEWSCRAWL_WORKERS", "0")]
    if mode == "pool":
        return [("NEWSCRAWL_WORKERS", workers)]
    if mode == "trafilatura_inline":
        pipelines["bench_probe.TrafilaturaInline"] = 100  # type: ignore[assignment]
        return [("BENCH_ITEM_PIPELINES", json.dumps(pipelines)), ("NEWSCRAWL_WORKERS", "0")]
    raise ValueError(f"unknown mode {mode!r}")


def crawl_command(
    mode: str, name: str, urls: Path, workdir: Path, workers: str, extra: list[tuple[str, str]]
) -> list[str]:
    settings = [
        *COMMON_SETTINGS,
        *mode_settings(mode, workers),
        *extra,
        ("LOG_FILE", str(workdir / f"{name}.log")),
        ("BENCH_STATS_FILE", str(workdir / f"{name}.stats.json")),
    ]
    command = [sys.executable, "-m", "scrapy", "crawl", "urls", "-a", f"file={urls}"]
    for setting, value in settings:
        command += ["-s", f"{setting}={value}"]
    if mode != "fetch":
        command += ["-O", str(workdir / f"{name}.jsonl")]
    return command


def crawl_env(workdir: Path) -> dict[str, str]:
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="newscrawl.settings")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(workdir), env.get("PYTHONPATH")) if p)
    return env


def run_crawl(
    mode: str,
    round_: int,
    urls: Path,
    workdir: Path,
    workers: str,
    extra: list[tuple[str, str]],
    server_pid: int,
) -> CrawlResult:
    name = f"{mode}-{round_}"
    command = crawl_command(mode, name, urls, workdir, workers, extra)
    stats_file = workdir / f"{name}.stats.json"
    server_before = (read_cpu(server_pid) or (0.0, 0.0))[0]
    started = time.monotonic()
    crawl = subprocess.Popen(command, cwd=workdir, env=crawl_env(workdir))
    sampler = TreeSampler(crawl.pid, server_pid).start()
    returncode = crawl.wait()
    wall = time.monotonic() - started
    sampler.stop()
    sampler.save(workdir / f"{name}.processes.json")
    stats = json.loads(stats_file.read_text()) if stats_file.is_file() else {}
    return CrawlResult(
        mode=mode,
        label=f"{mode} #{round_}" if round_ > 1 else mode,
        returncode=returncode,
        stats=stats,
        wall_seconds=wall,
        server_cpu_seconds=(read_cpu(server_pid) or (0.0, 0.0))[0] - server_before,
        sampler=sampler,
        log=workdir / f"{name}.log",
    )


# The report


def mb(kb: float) -> str:
    return f"{kb / 1024:.0f}"


def median_run(runs: list[CrawlResult]) -> CrawlResult:
    """The run with the median rate (the lower one of the middle two)."""
    return sorted(runs, key=lambda r: r.rate)[(len(runs) - 1) // 2]


def summary_table(by_mode: dict[str, list[CrawlResult]]) -> list[str]:
    """One row per mode: its median run, and the range of rates when repeated."""
    inline = median_run(by_mode["inline"]) if "inline" in by_mode else None
    lines = [
        "| mode | pages/s | items | × inline | main peak RSS MB | workers peak RSS MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for mode, runs in by_mode.items():
        r = median_run(runs)
        rate = f"{r.rate:.1f}"
        if len(runs) > 1:
            rate += f" ({min(x.rate for x in runs):.1f}–{max(x.rate for x in runs):.1f})"
        ratio = f"{r.rate / inline.rate:.2f}×" if inline and inline.rate else "–"
        workers = r.sampler.of_role("worker")
        peak = max((w.peak_kb for w in workers), default=0)
        worker_mb = f"{mb(peak)} (sum {mb(r.sampler.workers_sum_peak_kb)})" if workers else "–"
        lines.append(
            f"| {mode} | {rate} | {r.items} | {ratio} | {r.main_peak_mb:.0f} | {worker_mb} |"
        )
    return lines


def cpu_bound_summary(results: list[CrawlResult], cores: int) -> list[str]:
    """The pool/inline ratio from CPU use alone (medians over rounds): what the ratio would
    be on this machine with no other process and no idle core."""
    rates = {
        mode: statistics.median(r.cpu_bound_rate(cores) for r in results if r.mode == mode)
        for mode in ("inline", "pool")
        if any(r.mode == mode for r in results)
    }
    if len(rates) < 2 or not rates["inline"]:
        return []
    return [
        f"CPU-bound estimate (see the second table): inline {rates['inline']:.1f}, pool"
        f" {rates['pool']:.1f} pages/s, pool {rates['pool'] / rates['inline']:.2f}× inline.",
        "",
    ]


def details_table(results: list[CrawlResult], cores: int) -> list[str]:
    lines = [
        "| mode | active s | pages/s over elapsed_time | CPU-bound pages/s"
        " | steady CPU % main / workers / server / others"
        " | CPU ms/page main / workers / server | worker PIDs (RSS MB first → last)"
        " | main RSS MB at ¼ ½ ¾ end | dropped |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |",
    ]
    for r in results:
        pages = max(r.pages_ok, 1)
        percents = r.sampler.steady_cpu_percent()
        steady = " / ".join(f"{p:.0f}" for p in percents)
        if percents[3] > NOISY_PERCENT:
            steady += " (noisy)"
        per_page = " / ".join(
            f"{1000 * seconds / pages:.1f}"
            for seconds in (
                r.main_cpu_seconds,
                r.sampler.workers_cpu_seconds,
                r.server_cpu_seconds,
            )
        )
        workers = r.sampler.of_role("worker")
        recycled = (
            f"{len(workers)} ({mb(statistics.median(w.first_rss_kb for w in workers))}"
            f" → {mb(statistics.median(w.last_rss_kb for w in workers))})"
            if workers
            else "–"
        )
        drops = {
            key.removeprefix("newscrawl/dropped/"): value
            for key, value in r.stats.items()
            if key.startswith("newscrawl/dropped/")
        }
        dropped = ", ".join(f"{k} {v}" for k, v in sorted(drops.items())) or "–"
        lines.append(
            f"| {r.label} | {r.active_seconds:.1f} | {r.elapsed_rate:.1f}"
            f" | {r.cpu_bound_rate(cores):.1f} | {steady}"
            f" | {per_page} | {recycled}"
            f" | {' '.join(f'{v:.0f}' for v in r.sampler.main_rss_mb()) or '–'} | {dropped} |"
        )
    return lines


def newscrawl_version(workdir: Path) -> str:
    """Where the crawls import newscrawl from, and a digest of its sources: the package may
    change between two runs (an editable install), and then their numbers do not compare."""
    code = (
        "import hashlib, pathlib, newscrawl\n"
        "root = pathlib.Path(newscrawl.__file__).parent\n"
        "digest = hashlib.sha1()\n"
        "for path in sorted(root.rglob('*.py')):\n"
        "    digest.update(path.read_bytes())\n"
        "print(root, newscrawl.__version__, digest.hexdigest()[:12])"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], env=crawl_env(workdir), capture_output=True, text=True
    )
    return found.stdout.strip() or "not importable"


def report(
    results: list[CrawlResult],
    args: argparse.Namespace,
    cores: int,
    extra: list[tuple[str, str]],
    version: str,
) -> str:
    lines = [
        f"## Crawl throughput: {args.pages} pages, {cores} cores, server {args.server}",
        "",
        f"{args.repeat} round(s) of {', '.join(args.modes)}, interleaved; a mode's row is its"
        " median run (range of pages/s in brackets), every run is in the second table.",
        "",
        f"newscrawl: {version} (path, version, sha1 of its .py files)",
        "",
        *summary_table({m: [r for r in results if r.mode == m] for m in args.modes}),
        "",
        "pages/s: 200 responses / (last item out of the pipelines − first response).",
        "Workers peak RSS: the largest VmHWM of one worker (sum: of all workers at one time).",
        "",
        *cpu_bound_summary(results, cores),
        *details_table(results, cores),
        "",
        "CPU-bound pages/s: 1 / max(main CPU per page, all CPU per page / cores): the rate if"
        " CPU alone limited the crawl. "
        "Steady CPU %: of one core, over the middle half of the crawl (others: every other"
        " process on the machine; well above 0, the run had a noisy neighbour). CPU ms/page:"
        " whole crawl, start-up included. Worker RSS: medians over the workers seen.",
        "",
        "Settings, every mode: " + " ".join(f"-s '{n}={v}'" for n, v in [*COMMON_SETTINGS, *extra]),
    ]
    lines += [
        f"- {mode}: " + " ".join(f"-s '{n}={v}'" for n, v in mode_settings(mode, args.workers))
        for mode in args.modes
    ]
    return "\n".join(lines)


# Command line


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages in the site (2000)")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="*.html.gz pages")
    parser.add_argument("--modes", default=DEFAULT_MODES, help=f"of {', '.join(MODES)}")
    parser.add_argument("--workers", default="auto", help="NEWSCRAWL_WORKERS of `pool`")
    parser.add_argument(
        "--server", choices=("localsite", "twisted"), default="localsite", help="site server"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an extra Scrapy setting for every mode (repeatable)",
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds of all modes, interleaved (1)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, feeds)")
    args = parser.parse_args(argv)
    args.modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if unknown := [m for m in args.modes if m not in MODES]:
        parser.error(f"unknown modes {unknown}; choose from {', '.join(MODES)}")
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    if bad := [s for s in args.set if "=" not in s]:
        parser.error(f"--set takes NAME=VALUE, not {bad}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    extra = [(name, value) for name, _, value in (s.partition("=") for s in args.set)]
    cores = len(os.sched_getaffinity(0))
    workdir = Path(tempfile.mkdtemp(prefix="newscrawl-throughput-"))
    try:
        (workdir / "bench_probe.py").write_text(PROBE_MODULE)
        paths = build_site(args.source, args.pages, workdir / "site")
        server, base_url = start_server(args.server, workdir / "site")
        try:
            urls = workdir / "urls.txt"
            urls.write_text("".join(f"{base_url}{p}\n" for p in paths))
            version_before = newscrawl_version(workdir)
            results = []
            for round_ in range(1, args.repeat + 1):
                for mode in args.modes:
                    print(f"crawling: {mode} #{round_} ...", file=sys.stderr, flush=True)
                    results.append(
                        run_crawl(mode, round_, urls, workdir, args.workers, extra, server.pid)
                    )
        finally:
            stop_server(server)
        version = newscrawl_version(workdir)
        if version != version_before:
            version = f"CHANGED DURING THE RUN: {version_before} -> {version}"
        print(report(results, args, cores, extra, version))
        failures = [(r, r.failure(args.pages)) for r in results]
        for result, why in failures:
            if why:
                print(f"\nFAILED {result.label}: {why} (log: {result.log})", file=sys.stderr)
        if any(why for _, why in failures):
            args.keep = True
            return 1
        return 0
    finally:
        if args.keep:
            print(f"\nkept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
