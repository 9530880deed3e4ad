"""A Jupyter server extension that keeps slider updates snappy, and a kernel cap for app mode.

Jupyter Server sends kernel messages to the browser over a WebSocket without
setting TCP_NODELAY, so Nagle's algorithm may hold a small message back until
the browser acknowledges the previous one, and the browser may delay that
acknowledgement by tens of milliseconds. Every slider update is such a small
message. This extension makes the server use a kernel WebSocket connection that
switches Nagle off; measured with ``make bench``, the median slider latency
about halves.

``python -m utils.server``, run by ``make`` and by Binder's ``postBuild``,
enables it for every Jupyter server of the environment, the way an installed
server extension enables itself: a file in
``<prefix>/etc/jupyter/jupyter_server_config.d/``. It also writes the course's
JupyterLab defaults (``<prefix>/share/jupyter/lab/settings/overrides.json``):
no "Would you like to get notified about Jupyter news?" pop-up over the panels.

:class:`CappedKernelManager` starts at most ``max_kernels`` kernels at once:
``make present`` (Voila, one kernel per page load) uses it so that a stream of
page loads cannot start kernels until the machine runs out of memory.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from jupyter_server.utils import url_path_join
from tornado import web
from traitlets import Int

__all__ = ["CappedKernelManager", "NoDelayKernelConnection", "enable"]

ENABLE = {"ServerApp": {"jpserver_extensions": {"utils.server": True}}}
BUNDLE_ROUTE = r"/plumbing-premium/(whatif-[0-9a-f]{16}\.js)"  # under the server's base URL
LAB_DEFAULTS = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}


class NoDelayKernelConnection(ZMQChannelsWebsocketConnection):
    """The standard kernel WebSocket connection, with TCP_NODELAY set on the socket."""

    def connect(self):
        self.websocket_handler.set_nodelay(True)
        return super().connect()


class CappedKernelManager(AsyncMappingKernelManager):
    """A kernel manager that refuses to start more than ``max_kernels`` kernels at once (HTTP 503)."""

    max_kernels = Int(8, config=True, help="The most kernels running at once; a page load beyond it gets 503.")

    # jupyter_client types the synchronous manager's start_kernel; this one, like its parent, is a coroutine.
    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        if len(self.list_kernel_ids()) >= self.max_kernels:
            raise web.HTTPError(
                503, f"{self.max_kernels} kernels are running, the most this server starts: close a tab or try later."
            )
        return await super().start_kernel(*args, **kwargs)


class BundleHandler(web.RequestHandler):
    """Serves the panels' bundle (``utils._bundle``) once per page, cached by the browser for good.

    Only the current bundle's name is served; its name changes with its content, so
    the browser may keep it forever.
    """

    def get(self, name: str) -> None:
        from ._bundle import bundle_name, bundled_esm  # imported on first use: the server stays light

        if name != bundle_name():
            raise web.HTTPError(404)
        self.set_header("Content-Type", "text/javascript; charset=utf-8")
        self.set_header("Cache-Control", "public, max-age=31536000, immutable")
        self.finish(bundled_esm())


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "utils.server"}]


def _link_jupyter_server_extension(serverapp: Any) -> None:
    """Runs before the server builds its web application, so the class is used from the start."""
    serverapp.kernel_websocket_connection_class = NoDelayKernelConnection


def _load_jupyter_server_extension(serverapp: Any) -> None:
    route = url_path_join(serverapp.web_app.settings["base_url"], BUNDLE_ROUTE)
    serverapp.web_app.add_handlers(".*$", [(route, BundleHandler)])
    serverapp.log.info("Plumbing Premium: kernel WebSockets without Nagle's delay; the panels' bundle served once")


def enable(prefix: Path = Path(sys.prefix)) -> Path:
    """Enable the extension for the environment at ``prefix``; return the file written."""
    path = prefix / "etc" / "jupyter" / "jupyter_server_config.d" / "plumbing-premium.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(ENABLE, indent=2) + "\n", encoding="utf-8")
    return path


def set_lab_defaults(prefix: Path = Path(sys.prefix)) -> Path:
    """Write the course's JupyterLab defaults for the environment at ``prefix`` (a learner may still change them)."""
    path = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    path.write_text(json.dumps({**current, **LAB_DEFAULTS}, indent=2) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"enabled the course's server extension: {enable()}")
    print(f"JupyterLab defaults (no news pop-up): {set_lab_defaults()}")
