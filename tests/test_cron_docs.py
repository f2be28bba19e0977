"""README's cron and systemd examples, run as written: the crontab line in cron's bare
environment from a folder that is not a checkout, and the unit files through
`systemd-analyze verify` (where systemd is installed)."""

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


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)\n```", SECTION, flags=re.DOTALL)


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
    variables = dict(
        line.split("=", 1) for line in crontab.splitlines() if re.match(r"^[A-Z_]+=", line)
    )
    (job,) = [line for line in crontab.splitlines() if re.match(r"^[\d*]", line)]
    command = job.split(None, 5)[5].replace("SITE", "synthetic")
    home = _home(tmp_path)
    site = synthetic(5)
    site.install(home / "news")
    with (home / "news" / "sites" / "synthetic.toml").open("a") as toml:
        # Loopback: no need to wait, and the address guard must let the test site through.
        toml.write(
            "[settings]\nAUTOTHROTTLE_ENABLED = false\n"
            'NEWSCRAWL_ALLOW_PRIVATE_HOSTS = ["127.0.0.1"]\n'
        )

    # What cron gives a job: a bare environment, sh, the crontab's variables, $HOME as cwd.
    env = {"HOME": str(home), "LOGNAME": "news", "PATH": "/usr/bin:/bin", "SHELL": "/bin/sh"}
    env.update(variables)
    process = subprocess.run(
        ["/bin/sh", "-c", command], cwd=home, env=env, capture_output=True, text=True, timeout=120
    )
    assert process.returncode == 0, process.stderr
    log = (home / "news" / "logs" / "synthetic.log").read_text()
    assert "Run summary: synthetic" in log
    (feed,) = feed_files(home / "news", "synthetic")
    assert len(read_jsonl(feed)) == 5
    assert (home / "news" / "data" / "state.sqlite3").is_file()


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
