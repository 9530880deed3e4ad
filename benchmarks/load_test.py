"""A class at once: ``make load-test``.

Starts a local JupyterHub on loopback (dummy authenticator, a local-process
spawner, configurable-http-proxy from npm), then has N simulated learners
(20 by default) at the same time: each gets a server, opens lesson 03's panel
in a kernel and moves its sliders, as the browser would, by sending the
widget's new values and waiting for the kernel's redrawn readout. Reports the
memory per learner (single-user server plus kernel), slider latency under that
load (median and 95th percentile, kernel round trip through the hub's proxy),
and how many learners one 32 GB node would hold. Asserts nothing: it reports.
Every request goes to 127.0.0.1, and every loop is bounded in count and time.

Safe on a shared machine: everything lives in a fresh scratch folder only its
owner can enter (``0700``), learners' homes included, so nobody can plant a
startup file in a home before its kernel starts; each simulated learner gets a
random password and every other login is refused; and the hub, the proxy, the
servers and their kernels are stopped and the scratch folder (with the service
token) removed on a normal exit, an error, Ctrl-C or SIGTERM alike.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from pathlib import Path

import numpy as np
import psutil
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parents[1]
PROXY = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
NODE_GB = 32
SYSTEM_RESERVE_GB = 2  # the operating system, the hub and the proxy
PANEL_CODE = """
from utils import data
from utils.panels import serverless_panel
panel = serverless_panel(
    data.pick("gpu_prices", "usd_per_gpu_hour", provider="Modal", gpu="H100"),
    data.pick("gpu_prices", "usd_per_gpu_hour", provider="Lambda", gpu="H100 PCIe"),
)
"""
HUB_CONFIG = """
import hmac
from jupyterhub.auth import Authenticator

PASSWORDS = {passwords!r}


class LearnerPasswords(Authenticator):
    \"\"\"Only the simulated learners log in, each with their own random password.\"\"\"

    async def authenticate(self, handler, data):
        expected = PASSWORDS.get(data.get("username", ""))
        if expected and hmac.compare_digest(expected, data.get("password", "")):
            return data["username"]
        return None


c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.JupyterHub.authenticator_class = LearnerPasswords
c.Authenticator.allowed_users = set(PASSWORDS)
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{scratch}/homes/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = ["--allow-root"]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.notebook_dir = {notebooks!r}
c.JupyterHub.db_url = "sqlite:///{scratch}/hub.sqlite"
c.JupyterHub.cookie_secret_file = "{scratch}/cookie_secret"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api}"
c.JupyterHub.services = [{{"name": "loadtest", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "loadtest", "services": ["loadtest"],
    "scopes": ["admin:users", "admin:servers", "access:servers", "read:users"]}}]
c.JupyterHub.concurrent_spawn_limit = 0
"""


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def learner_names(count: int) -> list[str]:
    return [f"learner{i:02d}" for i in range(count)]


class Hub:
    def __init__(self, scratch: Path, learners: list[str]) -> None:
        self.port, self.token = free_port(), secrets.token_hex(16)
        self.passwords = {name: secrets.token_urlsafe(16) for name in learners}
        self.url = f"http://127.0.0.1:{self.port}"
        config = scratch / "jupyterhub_config.py"
        config.write_text(
            HUB_CONFIG.format(
                port=self.port,
                hub_port=free_port(),
                proxy_api=free_port(),
                singleuser=str(Path(sys.executable).with_name("jupyterhub-singleuser")),
                notebooks=str(ROOT / "notebooks"),
                scratch=scratch,
                proxy=str(PROXY),
                token=self.token,
                passwords=self.passwords,
            )
        )
        (scratch / "homes").mkdir(mode=0o700)
        log = (scratch / "hub.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=scratch, stdout=log, stderr=subprocess.STDOUT
        )
        self.http = AsyncHTTPClient(force_instance=True, defaults={"request_timeout": 180})

    async def api(self, method: str, path: str, body: object | None = None) -> object:
        request = HTTPRequest(
            f"{self.url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
            body=None if body is None and method == "GET" else json.dumps(body or {}),
            allow_nonstandard_methods=True,
        )
        response = await self.http.fetch(request, raise_error=False)
        if response.code >= 400:
            raise RuntimeError(f"{method} {path}: {response.code} {response.body[:200]!r}")
        return json.loads(response.body) if response.body else None

    async def wait_up(self, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                await self.api("GET", "/hub/api/")
                return
            except Exception:  # not up yet
                await asyncio.sleep(0.5)
        raise RuntimeError("JupyterHub did not start")

    async def start_server(self, user: str, seconds: float = 180) -> None:
        # The hub created every allowed learner at start-up.
        await self.api("POST", f"/hub/api/users/{user}/server")
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            model = await self.api("GET", f"/hub/api/users/{user}")
            if model.get("servers", {}).get("", {}).get("ready"):
                return
            await asyncio.sleep(0.5)
        raise RuntimeError(f"server of {user} did not start")

    async def login_refused(self, user: str, password: str) -> bool:
        """Whether the hub's login form turns these credentials away (a success redirects)."""
        form = await self.http.fetch(f"{self.url}/hub/login", raise_error=False)
        cookies = "; ".join(c.split(";", 1)[0] for c in form.headers.get_list("Set-Cookie"))
        xsrf = next((c.split("=", 1)[1] for c in cookies.split("; ") if c.startswith("_xsrf=")), "")
        request = HTTPRequest(
            f"{self.url}/hub/login",
            method="POST",
            headers={"Cookie": cookies},
            body=urllib.parse.urlencode({"username": user, "password": password, "_xsrf": xsrf}),
            follow_redirects=False,
        )
        response = await self.http.fetch(request, raise_error=False)
        return response.code != 302

    def stop(self) -> None:
        """Stop the hub (which stops the proxy and the learners' servers), then anything it left behind."""
        family = psutil.Process(self.process.pid).children(recursive=True) if self.process.poll() is None else []
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        for process in family:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()
        psutil.wait_procs(family, timeout=10)


def message(msg_type: str, content: dict, channel: str) -> tuple[str, str]:
    """A Jupyter message as JSON text for the kernel WebSocket, and its id."""
    msg_id = uuid.uuid4().hex
    header = {
        "msg_id": msg_id,
        "msg_type": msg_type,
        "session": "load",
        "username": "load",
        "version": "5.3",
        "date": "",
    }
    text = json.dumps(
        {"header": header, "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": []}
    )
    return text, msg_id


class Learner:
    """One simulated learner: a kernel on their own server, lesson 03's panel, slider moves."""

    def __init__(self, hub: Hub, name: str, moves: int, seed: int) -> None:
        self.hub, self.name, self.moves = hub, name, moves
        self.rng = random.Random(seed)
        self.latencies: list[float] = []

    async def run(self) -> None:
        await self.hub.start_server(self.name)
        kernel = await self.hub.api("POST", f"/user/{self.name}/api/kernels", {"name": "python3"})
        url = f"ws://127.0.0.1:{self.hub.port}/user/{self.name}/api/kernels/{kernel['id']}/channels"
        ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {self.hub.token}"}))
        await ws.write_message(message("execute_request", {"code": PANEL_CODE, "silent": False}, "shell")[0])
        comm_id, values = await self._panel_comm(ws)
        controls = [("serverless_price", 0.01), ("reserved_price", 0.01), ("utilization_percent", 1)]
        for _ in range(self.moves):
            await asyncio.sleep(self.rng.uniform(0.1, 0.4))  # a learner's pause between key presses
            name, step = self.rng.choice(controls)
            values = {**values, name: round(values[name] + self.rng.choice([-step, step]), 2)}
            update = {"comm_id": comm_id, "data": {"method": "update", "state": {"values": values}, "buffer_paths": []}}
            text, sent = message("comm_msg", update, "shell")
            started = time.perf_counter()
            await ws.write_message(text)
            # The redrawn readout: the kernel's update carrying a new revision, in reply to this message.
            await self._until(
                ws,
                lambda m, sent=sent: (
                    m["parent"] == sent
                    and m["msg_type"] == "comm_msg"
                    and "revision" in m["content"]["data"].get("state", {})
                ),
            )
            self.latencies.append((time.perf_counter() - started) * 1000)
        ws.close()

    async def _panel_comm(self, ws) -> tuple[str, dict]:
        opened = await self._until(
            ws,
            lambda m: m["msg_type"] == "comm_open" and "revision" in m["content"]["data"].get("state", {}),
            seconds=120,
        )
        return opened["content"]["comm_id"], opened["content"]["data"]["state"]["values"]

    @staticmethod
    async def _until(ws, wanted, seconds: float = 60) -> dict:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            raw = await asyncio.wait_for(ws.read_message(), timeout=max(0.1, deadline - time.monotonic()))
            if raw is None:
                raise RuntimeError("kernel connection closed")
            msg = json.loads(raw) if isinstance(raw, str) else None
            if msg and msg.get("msg_type") == "error":
                raise RuntimeError(msg["content"])
            parent = msg and msg.get("parent_header", {}).get("msg_id")
            if msg and wanted({"msg_type": msg["msg_type"], "content": msg["content"], "parent": parent}):
                return msg
        raise TimeoutError("no answer from the kernel")


def memory_per_learner_mb() -> list[float]:
    """Resident memory of each learner's processes (single-user server and kernel), in MB."""
    per_user: dict[str, int] = {}
    for process in psutil.process_iter(["memory_info"]):
        try:
            user = process.environ().get("JUPYTERHUB_USER")
        except (psutil.AccessDenied, psutil.NoSuchProcess):
            continue
        if user and user.startswith("learner"):
            per_user[user] = per_user.get(user, 0) + process.info["memory_info"].rss
    return [rss / 2**20 for rss in per_user.values()]


async def main(learners: int, moves: int) -> None:
    if not PROXY.exists():
        sys.exit(f"{PROXY} is missing: run `npm ci` (make load-test does).")
    names = learner_names(learners)
    with tempfile.TemporaryDirectory(prefix="plumbing-load-") as scratch:  # created 0700
        hub = Hub(Path(scratch), names)
        try:
            await hub.wait_up()
            if not await hub.login_refused(names[0], "a-guess") or not await hub.login_refused("stranger", "x"):
                raise RuntimeError("the hub let a wrong password or a stranger in")
            if await hub.login_refused(names[0], hub.passwords[names[0]]):
                raise RuntimeError("the hub refused a learner's own password: the login check proves nothing")
            print(f"hub up at {hub.url} in {scratch}; logins other than the learners' own refused", flush=True)
            started = time.perf_counter()
            crowd = [Learner(hub, name, moves, seed=i) for i, name in enumerate(names)]
            await asyncio.wait_for(asyncio.gather(*(learner.run() for learner in crowd)), timeout=900)
            elapsed = time.perf_counter() - started
            memory = memory_per_learner_mb()
        finally:
            hub.stop()
    latencies = [x for learner in crowd for x in learner.latencies]
    per_learner = statistics.median(memory)
    fits = int((NODE_GB - SYSTEM_RESERVE_GB) * 1024 / per_learner)
    print(f"{learners} learners at once, {moves} slider moves each ({len(latencies)} in all), {elapsed:.0f} s")
    print(f"memory per learner (server + kernel): median {per_learner:.0f} MB, max {max(memory):.0f} MB")
    print(
        f"slider latency under load (kernel round trip through the hub): median {statistics.median(latencies):.0f} ms,"
        f" p95 {np.percentile(latencies, 95):.0f} ms"
    )
    print(f"one {NODE_GB} GB node, {SYSTEM_RESERVE_GB} GB kept for the system: about {fits} learners by memory")


def stop_on_signals() -> None:
    """SIGTERM ends the run as Ctrl-C does: through every ``finally``, so the hub is stopped and scratch removed."""

    def interrupt(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, interrupt)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--moves", type=int, default=20, help="slider moves per learner")
    args = parser.parse_args()
    os.environ.setdefault("JUPYTERHUB_SINGLEUSER_APP", "jupyter_server.serverapp.ServerApp")
    stop_on_signals()
    try:
        asyncio.run(main(args.learners, args.moves))
    except KeyboardInterrupt:
        sys.exit("stopped: the hub, its servers and the scratch folder are gone")
