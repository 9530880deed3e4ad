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
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
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
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.spawner_class = "simple"
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


class Hub:
    def __init__(self, scratch: Path) -> None:
        self.port, self.token = free_port(), secrets.token_hex(16)
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
            )
        )
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
        await self.api("POST", "/hub/api/users", {"usernames": [user]})
        await self.api("POST", f"/hub/api/users/{user}/server")
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            model = await self.api("GET", f"/hub/api/users/{user}")
            if model.get("servers", {}).get("", {}).get("ready"):
                return
            await asyncio.sleep(0.5)
        raise RuntimeError(f"server of {user} did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


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
    with tempfile.TemporaryDirectory() as scratch:
        hub = Hub(Path(scratch))
        try:
            await hub.wait_up()
            started = time.perf_counter()
            crowd = [Learner(hub, f"learner{i:02d}", moves, seed=i) for i in range(learners)]
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


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--moves", type=int, default=20, help="slider moves per learner")
    args = parser.parse_args()
    os.environ.setdefault("JUPYTERHUB_SINGLEUSER_APP", "jupyter_server.serverapp.ServerApp")
    asyncio.run(main(args.learners, args.moves))
