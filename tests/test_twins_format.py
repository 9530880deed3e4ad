"""The twins' formatting (utils/panels/_format.js) writes numbers exactly as Python's f-strings do."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

SPECS = [",.0f", ",.2f", ".1f", ".0f", ".3f", ".1%", ".0%", ",.1%", "+.1%", "+,.0f", ",d", ".3g", "g", ".4g"]
RUNNER = Path(__file__).resolve().parent / "twins" / "format.mjs"


def twin_format(pairs):
    node = shutil.which("node")
    assert node, "node is needed to test the panels' JavaScript twins: `apt-get install nodejs`."
    done = subprocess.run([node, str(RUNNER)], input=json.dumps(pairs), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def python_format(value, spec):
    return format(int(value) if spec.endswith("d") else value, spec)


def test_the_twins_format_numbers_as_python_does():
    rng = random.Random(0)
    values = [0.0, -0.0, 1.0, -1.0, 1645.4, 0.171, 2.5e-5, 123456789.25, 0.125, 2.5, 3.5, -0.004, 1e21, 99.95, 0.005]
    values += [rng.uniform(-1e6, 1e6) for _ in range(150)] + [rng.uniform(0, 1) for _ in range(150)]
    pairs = [
        [value, spec]
        for value in values
        for spec in SPECS
        if not (spec.endswith("d") and not float(value).is_integer())  # Python's "d" takes integers only
    ]
    mismatches = [
        (value, spec, python_format(value, spec), got)
        for (value, spec), got in zip(pairs, twin_format(pairs), strict=True)
        if python_format(value, spec) != got
    ]
    assert mismatches == []
