"""The server extension that switches Nagle's algorithm off for kernel WebSockets."""

import json
from types import SimpleNamespace

from utils import server


def test_linking_selects_the_no_delay_connection():
    app = SimpleNamespace(kernel_websocket_connection_class=None)
    server._link_jupyter_server_extension(app)
    assert app.kernel_websocket_connection_class is server.NoDelayKernelConnection


def test_connecting_sets_tcp_nodelay(monkeypatch):
    calls = []
    connection = object.__new__(server.NoDelayKernelConnection)
    monkeypatch.setattr(
        server.NoDelayKernelConnection, "websocket_handler", SimpleNamespace(set_nodelay=calls.append), raising=False
    )
    monkeypatch.setattr(server.ZMQChannelsWebsocketConnection, "connect", lambda self: "connected")
    assert connection.connect() == "connected"
    assert calls == [True]


def test_enable_writes_the_extension_config(tmp_path):
    path = server.enable(tmp_path)
    assert path == tmp_path / "etc/jupyter/jupyter_server_config.d/plumbing-premium.json"
    assert json.loads(path.read_text()) == {"ServerApp": {"jpserver_extensions": {"utils.server": True}}}


def test_lab_defaults_turn_the_news_prompt_off_and_keep_other_overrides(tmp_path):
    path = tmp_path / "share/jupyter/lab/settings/overrides.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}))
    assert server.set_lab_defaults(tmp_path) == path
    settings = json.loads(path.read_text())
    assert settings["@jupyterlab/apputils-extension:notification"] == {"fetchNews": "false", "checkForUpdates": False}
    assert settings["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}


def test_importing_the_extension_stays_light():
    import subprocess
    import sys

    probe = "import sys, utils.server; print(sorted(m for m in ('altair', 'pandas', 'pandera') if m in sys.modules))"
    assert (
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip() == "[]"
    )


def test_the_bundle_is_served_by_its_current_name_only():
    import asyncio
    import concurrent.futures

    from tornado.httpclient import AsyncHTTPClient
    from tornado.httpserver import HTTPServer
    from tornado.testing import bind_unused_port
    from tornado.web import Application

    from utils._bundle import bundle_name, bundled_esm

    async def fetch(path):
        sock, port = bind_unused_port()
        http = HTTPServer(Application([(server.BUNDLE_ROUTE, server.BundleHandler)]))
        http.add_sockets([sock])
        try:
            return await AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}{path}", raise_error=False)
        finally:
            http.stop()

    def run(path):  # in a thread of its own: the test session may already have an event loop running
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, fetch(path)).result()

    found = run(f"/plumbing-premium/{bundle_name()}")
    assert found.code == 200 and found.body.decode() == bundled_esm()
    assert "immutable" in found.headers["Cache-Control"]
    assert run("/plumbing-premium/whatif-0000000000000000.js").code == 404
