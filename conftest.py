"""Settings for the whole test run (units, nbval over the lessons, the browser tests).

A learner's progress file is never touched: every kernel and server a test
starts inherits ``PLUMBING_PROGRESS_FILE`` pointing into a scratch folder.
Hypothesis checks properties, not speed: no per-example deadline, which a busy
machine would turn into random failures (speed is measured by the benchmarks).
"""

from __future__ import annotations

import os
import shutil
import tempfile

from hypothesis import settings

from utils.checks import PROGRESS_ENV

settings.register_profile("course", deadline=None)
settings.load_profile("course")

_scratch = tempfile.mkdtemp(prefix="plumbing-progress-")


def pytest_configure(config):
    os.environ[PROGRESS_ENV] = os.path.join(_scratch, "progress.json")


def pytest_unconfigure(config):
    shutil.rmtree(_scratch, ignore_errors=True)
