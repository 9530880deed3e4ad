"""The class load test still runs: two learners on a local JupyterHub (make load-test runs twenty)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_two_learners_on_a_local_hub():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "load_test.py"), "--learners", "2", "--moves", "3"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2 learners at once, 3 slider moves each (6 in all)")
    assert lines[1].startswith("memory per learner (server + kernel): median ")
    assert lines[2].startswith("slider latency under load")
    assert "learners by memory" in lines[3]
