"""README's cron and systemd examples, run as written: the crontab lines (the hourly crawl,
and the health check under `chronic`) in cron's bare environment from a folder that is not
a checkout, and the unit files through `systemd-analyze verify` (where systemd is
installed)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import feed_files, read_jsonl

README = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
SECTION = README.split("## Run it every hour\n", 1)[1].split("\n## ", 1)[0]
HEALTH = README.split("### Site health: a canary for cron\n", 1)[1].split("\n## ", 1)[0]
#: What cron gives a job: a bare environment, sh, the crontab's variables, $HOME as cwd.
CRON_PATH = "/usr/bin:/bin"

#: moreutils' `chronic`, for machines without it: run the command, print its output only
#: when it fails, exit with its code.
CHRONIC = """#!/bin/sh
out=$(mktemp); "$@" >"$out" 2>&1; code=$?
[ "$code" -ne 0 ] && cat "$out"; rm -f "$out"; exit "$code"
"""


def _blocks(language: str, section: str = SECTION) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)\n```", section, flags=re.DOTALL)


def _crontab(block: str) -> tuple[dict[str, str], str]:
    """A crontab's variables, and the command of its one job."""
    variables = dict(
        line.split("=", 1) for line in block.splitlines() if re.match(r"^[A-Z_]+=", line)
    )
    (job,) = [line for line in block.splitlines() if re.match(r"^[\d*]", line)]
    return variables, job.split(None, 5)[5]


def _cron(command: str, home: Path, variables: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "LOGNAME": "news", "PATH": CRON_PATH, "SHELL": "/bin/sh"}
    env.update(variables)
    return subprocess.run(
        ["/bin/sh", "-c", command], cwd=home, env=env, capture_output=True, text=True, timeout=300
    )


def _home(tmp_path: Path) -> Path:
    """A home as the README sets it up, with this test run's environment as the venv."""
    home = tmp_path / "home"
    (home / ".venvs").mkdir(parents=True)
    (home / ".venvs" / "newscrawl").symlink_to(Path(sys.prefix))
    for folder in ("news/logs", "news/sites"):
        (home / folder).mkdir(parents=True)
    return home


def test_crontab_line_runs_in_crons_environment(tmp_path: Path, synthetic) -> None:
    (crontab,) = _blocks("crontab")
    variables, command = _crontab(crontab)
    command = command.replace("SITE", "synthetic")
    home = _home(tmp_path)
    site = synthetic(5)
    site.install(home / "news")
    with (home / "news" / "sites" / "synthetic.toml").open("a") as toml:
        # Loopback: no need to wait, and the address guard must let the test site through;
        # extraction inline (the cron line is under test, not the worker pool).
        toml.write(
            "[settings]\nAUTOTHROTTLE_ENABLED = false\nNEWSCRAWL_WORKERS = 0\n"
            'NEWSCRAWL_ALLOW_PRIVATE_HOSTS = ["127.0.0.1"]\n'
        )

    process = _cron(command, home, variables)
    assert process.returncode == 0, process.stderr
    log = (home / "news" / "logs" / "synthetic.log").read_text()
    assert "Run summary: synthetic" in log
    (feed,) = feed_files(home / "news", "synthetic")
    assert len(read_jsonl(feed)) == 5
    assert (home / "news" / "data" / "state.sqlite3").is_file()


def test_chronic_line_mails_a_failed_health_check(tmp_path: Path, synthetic) -> None:
    """The health section's crontab under cron's PATH: a site whose pages are all too
    short fails its health check, so the crawl exits with 3 and chronic prints its log (a
    `scrapy: not found` would exit with 127)."""
    (crontab,) = _blocks("crontab", HEALTH)
    variables, command = _crontab(crontab)
    assert " chronic " in command
    command = command.replace("crawl example", "crawl synthetic")
    if shutil.which("chronic", path=CRON_PATH) is None:
        stand_in = tmp_path / "chronic"
        stand_in.write_text(CHRONIC)
        stand_in.chmod(0o755)
        command = command.replace(" chronic ", f" {stand_in} ")
    home = _home(tmp_path)
    site = synthetic(0, stubs=12)  # a layout change: every page empty or too short
    site.install(home / "news")
    with (home / "news" / "sites" / "synthetic.toml").open("a") as toml:
        # Loopback: no need to wait, and an address guard must let the test site through;
        # extraction inline (the cron line is under test, not the worker pool).
        toml.write(
            "[settings]\nAUTOTHROTTLE_ENABLED = false\nNEWSCRAWL_WORKERS = 0\n"
            'NEWSCRAWL_ALLOW_PRIVATE_HOSTS = ["127.0.0.1"]\n'
        )

    process = _cron(command, home, variables)
    assert process.returncode == 3, process.stdout + process.stderr
    printed = process.stdout + process.stderr
    assert "WARNING: Site health: synthetic:" in printed
    assert "Run summary: synthetic" in printed


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd is not installed")
def test_systemd_units_verify(tmp_path: Path) -> None:
    service, timer = _blocks("ini")
    home = _home(tmp_path)
    units = home / ".config" / "systemd" / "user"
    units.mkdir(parents=True)
    (units / "newscrawl@.service").write_text(service + "\n")
    (units / "newscrawl@.timer").write_text(timer + "\n")
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(tmp_path)}
    process = subprocess.run(
        ["systemd-analyze", "--user", "verify", "newscrawl@demo.service", "newscrawl@demo.timer"],
        cwd=units,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert process.returncode == 0 and not process.stderr.strip(), process.stderr
