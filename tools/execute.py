"""Execute lessons in place, the way they are committed: top to bottom, in a fresh kernel.

    python -m tools.execute notebooks/*.ipynb

Outputs are stored; widget state, cell timings and kernel-specific metadata are
not, and widget model ids are made stable, so that a notebook stays small and a
re-run changes nothing unless what the code prints changes.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from utils.checks import PROGRESS_ENV

VOLATILE_CELL_METADATA = ("execution", "collapsed", "scrolled")
WIDGET = "application/vnd.jupyter.widget-view+json"


def lesson_client(notebook: nbformat.NotebookNode, path: Path) -> NotebookClient:
    """A client that runs a lesson as committed: in its folder, python3 kernel, no timings, no widget state."""
    return NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=False,
    )


def run_lesson(client: NotebookClient, **env: str) -> None:
    """Execute in a kernel whose progress file is scratch: no learner's progress is read or written."""
    with tempfile.TemporaryDirectory(prefix="plumbing-progress-") as scratch:
        client.execute(env={**os.environ, PROGRESS_ENV: os.path.join(scratch, "progress.json"), **env})


def execute(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    run_lesson(lesson_client(notebook, path))
    notebook.metadata.pop("widgets", None)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    for index, cell in enumerate(notebook.cells):
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        for output in cell.get("outputs", []):
            widget = output.get("data", {}).get(WIDGET)
            if widget:  # a random id per run; without stored widget state it only needs to be stable
                widget["model_id"] = hashlib.sha1(f"{path.name}:{index}".encode()).hexdigest()[:32]
    nbformat.write(notebook, path)


def main(paths: list[str]) -> None:
    for name in paths:
        print(f"executing {name}", flush=True)
        execute(Path(name))


if __name__ == "__main__":
    main(sys.argv[1:])
