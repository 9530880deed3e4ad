"""utils.panels re-exports exactly what each panel module lists in its __all__: one public surface."""

import importlib
import pkgutil

import utils.panels


def test_the_package_exports_every_modules_public_names_and_nothing_else():
    modules = [m.name for m in pkgutil.iter_modules(utils.panels.__path__)]
    exported = []
    for name in modules:
        module = importlib.import_module(f"utils.panels.{name}")
        assert hasattr(module, "__all__"), f"utils/panels/{name}.py needs an __all__: its public surface"
        exported += module.__all__
        for public in module.__all__:
            assert getattr(utils.panels, public) is getattr(module, public)
    assert len(exported) == len(set(exported)), "two panel modules export the same name"
    assert sorted(utils.panels.__all__) == sorted(exported)
