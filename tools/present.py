"""One lesson in app mode (Voila), offline, for a projector: ``make present LESSON=03``.

    python -m tools.present 03 [--port 8866]

The page shows the lesson's text, panels and charts without code, and without
worked solutions or notice answers (the ``offline`` template in
``tools/jupyter``). A kernel is kept pre-heated, the lesson already run in it,
so that a visitor sees the first chart at once; at most ``MAX_KERNELS`` kernels
run at a time, and a kernel left idle by a closed tab is shut down.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "tools" / "jupyter"
MAX_KERNELS = 8
IDLE_SECONDS = 600


def voila_command(notebook: Path, port: int | None = None) -> list[str]:
    """The Voila command line that serves ``notebook`` the course's way."""
    return [
        sys.executable,
        "-m",
        "voila",
        "--template=offline",
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        *([f"--port={port}"] if port else []),
        "--preheat_kernel=True",
        "--pool_size=1",
        "--VoilaConfiguration.multi_kernel_manager_class=utils.server.CappedKernelManager",
        f"--CappedKernelManager.max_kernels={MAX_KERNELS}",
        f"--MappingKernelManager.cull_idle_timeout={IDLE_SECONDS}",
        "--MappingKernelManager.cull_interval=60",
        str(notebook),
    ]


def voila_env(**extra: str) -> dict[str, str]:
    """Voila's environment: the course's template, with the panels' bundle in its static folder."""
    publish_bundle()
    return {**os.environ, "JUPYTER_PATH": str(TEMPLATES), **extra}


def publish_bundle() -> Path:
    """Put the panels' bundle where Voila serves static files, so a page loads it once (utils._bundle)."""
    from utils._bundle import bundle_name, bundled_esm

    static = TEMPLATES / "voila" / "templates" / "offline" / "static"
    target = static / bundle_name()
    if not target.exists():
        static.mkdir(exist_ok=True)
        for old in static.glob("whatif-*.js"):
            old.unlink()
        target.write_text(bundled_esm(), encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 3) or (len(argv) == 3 and argv[1] != "--port"):
        print("usage: python -m tools.present LESSON [--port PORT]   (LESSON: 00 to 11)", file=sys.stderr)
        return 2
    matches = sorted((ROOT / "notebooks").glob(f"{argv[0]}_*.ipynb"))
    if len(matches) != 1:
        print(f"LESSON must be a lesson number such as 03, got {argv[0]!r}.", file=sys.stderr)
        return 2
    command = voila_command(matches[0], int(argv[2]) if len(argv) == 3 else None)
    os.execvpe(command[0], command, voila_env())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
