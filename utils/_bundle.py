"""The panel's JavaScript, bundled with Vega so that charts render offline.

``vl_convert.javascript_bundle`` inlines Vega, Vega-Lite and Vega-Embed into
one ES module (about 0.9 MB). Bundling takes a couple of seconds, so the result
is cached on disk, keyed by the source and the vl-convert version: only the
first lesson ever opened on a machine pays for it (``make`` pays it in advance).

The bundle travels to a page once, not once per panel: each panel sends only
:func:`loader_esm`, a small module that imports the bundle by its name
(:func:`bundle_name`, which changes whenever the bundle would) from the server
(``utils.server`` in JupyterLab, the template's static folder in Voila) or, where
neither serves it, asks the kernel for it once.
"""

from __future__ import annotations

import hashlib
import os
from importlib.metadata import version
from pathlib import Path

import platformdirs
import vl_convert

__all__ = ["bundle_name", "bundled_esm", "cache_dir", "loader_esm", "PANEL_SOURCE"]

PANEL_SOURCE = Path(__file__).with_name("whatif.js")
LOADER_SOURCE = Path(__file__).with_name("whatif_loader.js")


def cache_dir() -> Path:
    """Where bundles are kept: ``$PLUMBING_CACHE_DIR`` or the user's cache folder."""
    return Path(os.environ.get("PLUMBING_CACHE_DIR") or platformdirs.user_cache_dir("plumbing-premium"))


def bundle_name(source_path: Path = PANEL_SOURCE) -> str:
    """``whatif-<key>.js``: the key hashes the source and the vl-convert version, so a new bundle gets a new name."""
    source = source_path.read_text(encoding="utf-8")
    key = hashlib.sha256(f"{version('vl-convert-python')}\n{source}".encode()).hexdigest()[:16]
    return f"{source_path.stem}-{key}.js"


def loader_esm() -> str:
    """The small module each panel sends: it loads the bundle named by :func:`bundle_name` once per page."""
    return LOADER_SOURCE.read_text(encoding="utf-8").replace("__BUNDLE__", bundle_name())


def bundled_esm(source_path: Path = PANEL_SOURCE) -> str:
    """The ES module at ``source_path`` with Vega bundled in, from the cache when possible."""
    source = source_path.read_text(encoding="utf-8")
    cached = cache_dir() / bundle_name(source_path)
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    bundle = vl_convert.javascript_bundle(source)
    _write_atomically(cached, bundle)
    return bundle


def _write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file, so two kernels starting together never read half a file.

    A cache that cannot be written (a read-only home) is not an error: the
    bundle is simply rebuilt next time.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass


if __name__ == "__main__":  # ``python -m utils._bundle`` warms the cache
    bundled_esm()
