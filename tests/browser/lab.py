"""Drive the course in a real JupyterLab with headless Chromium: shared by the browser
tests and by the benchmark (``make bench``).

Nothing leaves the machine: JupyterLab listens on 127.0.0.1 only, Chromium runs
with its background networking off, and every request to another host is
aborted and recorded, so a test can assert that none was made.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from tools.present import voila_command, voila_env

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
PANEL = "section.pp-whatif"
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"
SETTINGS = {
    # No "notify me about Jupyter news?" pop-up, and no autosave of the scratch copies.
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


FONTS = Path(__file__).with_name("fonts.conf")
FONT_PACKAGES = {
    "/usr/share/fonts/truetype/dejavu": "fonts-dejavu-core",
    "/usr/share/fonts/truetype/liberation": "fonts-liberation",
}


def launch_chromium(playwright):
    """Debian's headless Chromium, offline, seeing only the course's fixed set of fonts (``fonts.conf``)."""
    missing = [package for folder, package in FONT_PACKAGES.items() if not Path(folder).is_dir()]
    if missing:
        raise RuntimeError(f"fonts missing: `apt-get install {' '.join(missing)}` (what .ci/run does).")
    return playwright.chromium.launch(
        executable_path=chromium_path(), args=CHROMIUM_FLAGS, env={**os.environ, "FONTCONFIG_FILE": str(FONTS)}
    )


def chromium_path() -> str:
    """Debian's Chromium, or $CHROMIUM; a clear error if neither is installed."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError("Chromium not found: `apt-get install chromium` (what .ci/run does) or set CHROMIUM=/path.")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Lab:
    """A JupyterLab server serving a scratch copy of the lessons."""

    url: str
    token: str
    root: Path
    process: subprocess.Popen

    def lesson_url(self, name: str) -> str:
        """The lesson alone in a fresh workspace (``reset`` forgets previously opened tabs)."""
        return f"{self.url}/lab/tree/{name}?reset&token={self.token}"

    def shut_down_kernels(self) -> None:
        """End every session, so that each test starts from fresh kernels."""
        for session in self._api("GET", "/api/sessions"):
            self._api("DELETE", f"/api/sessions/{session['id']}")

    def _api(self, method: str, path: str):
        request = urllib.request.Request(f"{self.url}{path}?token={self.token}", method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None


@contextlib.contextmanager
def _serving(command: list[str], env: dict[str, str], scratch: Path, status_url: str) -> Iterator[subprocess.Popen]:
    """Run a server until the block ends, its output logged to ``scratch``; wait until it answers."""
    with (scratch / f"{Path(command[2]).name}.log").open("w") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(status_url, process)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


@contextlib.contextmanager
def running_lab(scratch: Path) -> Iterator[Lab]:
    """Start JupyterLab on a free loopback port over a copy of ``notebooks/``; stop it after."""
    notebooks = scratch / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    settings = scratch / "settings"
    for name, values in SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(scratch / "workspaces"),
        "JUPYTER_RUNTIME_DIR": str(scratch / "runtime"),
    }
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={notebooks}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    url = f"http://127.0.0.1:{port}"
    with _serving(command, env, scratch, f"{url}/api/status?token={token}") as process:
        yield Lab(url, token, notebooks, process)


@contextlib.contextmanager
def running_voila(scratch: Path, notebook: Path) -> Iterator[str]:
    """Serve one lesson in app mode, as ``make present`` does; yield its URL."""
    port = _free_port()
    command = voila_command(notebook, port)
    url = f"http://127.0.0.1:{port}/"
    with _serving(
        command, voila_env(JUPYTER_RUNTIME_DIR=str(scratch / "runtime")), scratch, f"{url}voila/static/voila.js"
    ):
        yield url


def _wait_until_up(status_url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with code {process.returncode}")
        with contextlib.suppress(OSError), urllib.request.urlopen(status_url, timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError("JupyterLab did not start in time")


@dataclass
class PageLog:
    """What a page did that a test may forbid: console errors and requests to other hosts."""

    errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)


def watch(page) -> PageLog:
    """Record console errors and uncaught exceptions; abort and record requests leaving localhost."""
    log = PageLog()
    page.on("console", lambda message: log.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: log.errors.append(f"uncaught: {error}"))

    def only_local(route) -> None:
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:", "file:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            log.external_requests.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    return log


def run_all(page, lab: Lab, notebook: str, panels: int, timeout_ms: int = 120_000) -> None:
    """Open a lesson in a fresh kernel, run every cell, and wait until ``panels`` panels are drawn."""
    page.goto(lab.lesson_url(notebook))
    page.locator(NOTEBOOK).wait_for(timeout=timeout_ms)
    page.locator(".jp-StatusBar-TextItem", has_text="| Idle").wait_for(timeout=timeout_ms)  # kernel connected
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").click()
    page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()
    page.wait_for_function(
        """([selector, expected]) => {
            const drawn = [...document.querySelectorAll(selector)].filter(p => p.dataset.revision && p.querySelector('svg'));
            const busy = [...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'));
            return drawn.length === expected && !busy;
        }""",
        arg=[PANEL, panels],
        timeout=timeout_ms,
    )


def panel_state(page, panel_index: int) -> dict:
    """The drawn chart, the readout text and the revision of one panel."""
    return page.evaluate(
        """([selector, index]) => {
            const panel = document.querySelectorAll(selector)[index];
            return {
                chart: panel.querySelector('.pp-chart svg').outerHTML,
                readout: panel.querySelector('.pp-readout').innerText,
                revision: Number(panel.dataset.revision),
            };
        }""",
        [PANEL, panel_index],
    )


def nudge(page, panel_index: int, control_index: int) -> None:
    """Press the key a keyboard user would: one step right (left at the top end), or the next option."""
    control = page.locator(PANEL).nth(panel_index).locator("input, select").nth(control_index)
    control.focus()
    at_end = control.evaluate(
        """el => el.tagName === 'SELECT' ? el.selectedIndex === el.options.length - 1
                 : Number(el.value) + Number(el.step) > Number(el.max) + 1e-9"""
    )
    is_select = control.evaluate("el => el.tagName === 'SELECT'")
    page.keyboard.press(
        ("ArrowUp" if at_end else "ArrowDown") if is_select else ("ArrowLeft" if at_end else "ArrowRight")
    )


def wait_for_revision(page, panel_index: int, after: int, timeout_ms: int = 15_000) -> None:
    page.wait_for_function(
        "([selector, index, after]) => Number(document.querySelectorAll(selector)[index].dataset.revision) > after",
        arg=[PANEL, panel_index, after],
        timeout=timeout_ms,
    )


def control_count(page, panel_index: int) -> int:
    return page.locator(PANEL).nth(panel_index).locator("input, select").count()


def move_every_control(page, panels: int) -> int:
    """Press a key on every control of every panel; each press must change both chart and readout.

    Returns how many controls were moved.
    """
    moved = 0
    for panel in range(panels):
        for control in range(control_count(page, panel)):
            before = panel_state(page, panel)
            nudge(page, panel, control)
            wait_for_revision(page, panel, before["revision"])
            after = panel_state(page, panel)
            assert after["chart"] != before["chart"], f"panel {panel}, control {control}: the chart did not change"
            assert after["readout"] != before["readout"], (
                f"panel {panel}, control {control}: the readout did not change"
            )
            moved += 1
    return moved


def axe_violations(
    page,
    include: tuple[str, ...] = (f"{NOTEBOOK} .jp-MarkdownOutput", f"{NOTEBOOK} .jp-OutputArea-output"),
    impacts: tuple[str, ...] = ("serious", "critical"),
) -> list[dict]:
    """Run axe-core's WCAG 2 A and AA rules over what the lesson itself shows.

    By default that is the rendered Markdown and every output of the open
    notebook, panels included: the course's content. JupyterLab's own editing
    chrome (code editors, cell toolbars) is its project's responsibility and is
    left out, so that a failure always points at something this course can fix.
    """
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async (include) => {
            const run = await axe.run({include}, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}});
            return run.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                              nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }""",
        list(include),
    )
    return [violation for violation in result if violation["impact"] in impacts]


def formulas_holding_prose(page, scope: str = NOTEBOOK) -> list[str]:
    """Typeset formulas that hold a run of three or more italic letters: prose that MathJax ate.

    Two dollar amounts in one paragraph become one formula whose words lose their spaces
    ("turned 1into3"). A real formula names its variables with one letter each
    (``P_r``, ``rK``) and writes words with ``\\text{}``, which is not italic.
    """
    return page.evaluate(
        """(scope) => [...document.querySelectorAll(scope + ' mjx-container')].flatMap(formula =>
            [...formula.querySelectorAll('mjx-mi')]
                .filter(mi => mi.previousElementSibling?.tagName !== 'MJX-MI')
                .map(first => { let run = []; for (let e = first; e && e.tagName === 'MJX-MI'; e = e.nextElementSibling) run.push(e);
                               return run; })
                .filter(run => run.length >= 3)
                .map(() => formula.closest('.jp-Cell, .jp-OutputArea-output, p, div')?.innerText.slice(0, 120) ?? ''))""",
        scope,
    )


def answers_shown_after_run_all(page) -> list[str]:
    """What Run All must never show: an opened worked solution or notice answer, or a check that passed."""
    return page.evaluate(
        f"""() => {{
            const notebook = document.querySelector('{NOTEBOOK}');
            const opened = [...notebook.querySelectorAll('.jp-MarkdownOutput details[open] summary')].map(s => s.innerText);
            const passes = [...notebook.querySelectorAll('.jp-OutputArea-output')]
                .map(o => o.innerText).filter(text => /Exercise \\d\\d\\.\\d+: correct\\./.test(text));
            return [...opened, ...passes];
        }}"""
    )


def press_every_preset_and_tool(page, panels: int) -> int:
    """Press each preset button from the keyboard (each must change chart and readout), then draw the tornado
    and show the share line. Returns how many presets were pressed."""
    pressed = 0
    for panel in range(panels):
        section = page.locator(PANEL).nth(panel)
        buttons = section.locator(".pp-preset")
        if section.locator(".pp-controls input, .pp-controls select").count():
            assert buttons.count() >= 2, f"panel {panel} has controls but fewer than two presets"
        for index in range(buttons.count()):
            before = panel_state(page, panel)
            buttons.nth(index).focus()
            page.keyboard.press("Enter")
            page.wait_for_function(
                "([s, i, text]) => document.querySelectorAll(s)[i].querySelector('.pp-readout').innerText !== text"
                " || document.querySelectorAll(s)[i].querySelector('[aria-pressed=true]')",
                arg=[PANEL, panel, before["readout"]],
                timeout=15_000,
            )
            page.wait_for_timeout(150)  # let the chart follow
            after = panel_state(page, panel)
            label = buttons.nth(index).inner_text()
            assert buttons.nth(index).get_attribute("aria-pressed") == "true", f"panel {panel}, preset {label!r}"
            assert section.locator(".pp-argument").inner_text().strip(), f"preset {label!r} shows no argument"
            if after["readout"] == before["readout"]:  # pressed the preset it was already at
                continue
            assert after["chart"] != before["chart"], f"panel {panel}, preset {label!r}: the chart did not change"
            pressed += 1
        tornado = section.get_by_role("button", name="Which input matters most?")
        if tornado.count():
            tornado.click()
            section.locator(".pp-tornado svg").wait_for(timeout=15_000)
        share = section.get_by_role("button", name="Share these settings")
        if share.count():
            share.click()
            line = section.locator(".pp-share")
            line.wait_for(timeout=15_000)
            assert ".set(" in line.input_value()
    return pressed
