"""Settings for the whole test run (units, nbval over the lessons, the browser tests).

A learner's progress file is never touched: every kernel and server a test
starts inherits ``PLUMBING_PROGRESS_FILE`` pointing into a scratch folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile

from utils.checks import PROGRESS_ENV

_scratch = tempfile.mkdtemp(prefix="plumbing-progress-")


def pytest_configure(config):
    os.environ[PROGRESS_ENV] = os.path.join(_scratch, "progress.json")


def pytest_unconfigure(config):
    shutil.rmtree(_scratch, ignore_errors=True)
