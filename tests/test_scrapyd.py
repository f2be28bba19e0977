"""Deploy newscrawl to a real scrapyd with `scrapyd-deploy`, run the demo through the
HTTP API, and read its feed: the egg carries its settings entry point and its data."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import urlopen

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Only against a job that never ends: polling its real state is the synchronization.
HANG_GUARD = 600


def _api(url: str, data: dict[str, str] | None = None) -> dict[str, object]:
    body = urlencode(data).encode() if data is not None else None
    with urlopen(url, data=body, timeout=30) as response:  # loopback only
        answer: dict[str, object] = json.loads(response.read())
    assert answer.get("status") == "ok", answer
    return answer


@pytest.mark.usefixtures("demo_port")  # scrapyd's job serves the demo site on its port
def test_scrapyd_deploy_and_run_the_demo(tmp_path: Path, scrapyd_url: str) -> None:
    deploy = shutil.which("scrapyd-deploy")
    if deploy is None:
        pytest.fail("scrapyd-deploy missing: pip install -e '.[test]' installs scrapyd-client")
    # A deploy target of the user's own (~/.config/scrapy.cfg), next to the project's
    # scrapy.cfg, as README shows: `scrapyd-deploy test` builds the egg and uploads it.
    config = tmp_path / "config"
    config.mkdir()
    (config / "scrapy.cfg").write_text(
        f"[deploy:test]\nurl = {scrapyd_url}/\nproject = newscrawl\n", encoding="utf-8"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(config)}
    deployed = subprocess.run(
        [deploy, "test", "--version", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    assert '"status": "ok"' in deployed.stdout, deployed.stdout + deployed.stderr

    spiders = _api(f"{scrapyd_url}/listspiders.json?project=newscrawl")["spiders"]
    assert "demo" in spiders and "lemonde" in spiders  # Python and TOML sites alike
    job = _api(f"{scrapyd_url}/schedule.json", {"project": "newscrawl", "spider": "demo"})["jobid"]
    deadline = time.monotonic() + HANG_GUARD
    while _api(f"{scrapyd_url}/status.json?job={job}")["currstate"] != "finished":
        assert time.monotonic() < deadline, "the job never finished"
        time.sleep(0.2)

    home = tmp_path / "scrapyd"
    (feed,) = (home / "data" / "demo").glob("*.jsonl")
    articles = [json.loads(line) for line in feed.read_text("utf-8").splitlines()]
    log = next((home / "logs" / "newscrawl" / "demo").glob("*.log")).read_text()
    assert len(articles) >= 20, log[-3000:]
    assert "Traceback" not in log and "ERROR" not in log
