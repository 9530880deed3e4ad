"""The class load test runs safely: two learners on a local JupyterHub (make load-test runs twenty),
private homes, no stranger's login, and nothing left behind when it is stopped."""

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, str(ROOT / "benchmarks" / "load_test.py"), "--learners", "2"]


def test_two_learners_on_a_local_hub():
    result = subprocess.run([*COMMAND, "--moves", "3"], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert re.match(r"hub up at http://127\.0\.0\.1:\d+ in \S+; logins other than the learners' own refused", lines[0])
    assert lines[1].startswith("2 learners at once, 3 slider moves each (6 in all)")
    assert lines[2].startswith("memory per learner (server + kernel): median ")
    assert lines[3].startswith("slider latency under load")
    assert "learners by memory" in lines[4]
    scratch = Path(lines[0].split(" in ")[1].split(";")[0])
    assert not scratch.exists(), "the scratch folder (homes, service token) outlived the run"


def test_sigterm_stops_the_hub_its_servers_and_removes_scratch():
    run = subprocess.Popen([*COMMAND, "--moves", "400"], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        first = run.stdout.readline()
        assert first.startswith("hub up at"), first
        scratch = Path(first.split(" in ")[1].split(";")[0])
        assert scratch.stat().st_mode & 0o777 == 0o700 and (scratch / "homes").stat().st_mode & 0o777 == 0o700
        deadline = time.monotonic() + 120  # until the learners' servers are up, so that there is a crowd to stop
        while time.monotonic() < deadline and len(psutil.Process(run.pid).children(recursive=True)) < 4:
            time.sleep(0.5)
        family = psutil.Process(run.pid).children(recursive=True)
        assert len(family) >= 4, "hub, proxy and two servers"
        assert sorted(p.name for p in (scratch / "homes").iterdir()) == ["learner00", "learner01"]
        run.send_signal(signal.SIGTERM)
        assert run.wait(timeout=90) != 0
    finally:
        if run.poll() is None:
            run.kill()
    gone, alive = psutil.wait_procs(family, timeout=30)
    assert alive == [], f"left running: {[p.cmdline()[:3] for p in alive]}"
    assert not scratch.exists()
