"""The examples in the docstrings of every installed wardnews module run as written."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest



LAYERS = ("wardnews", "wardnews.archive", "wardnews.index", "wardnews.webui")


def _modules() -> list[str]:
    # Each layer is walked from its own package: in an editable install the layers are not
    # inside the folder of `wardnews` (setuptools maps them there).
    found = set(LAYERS)
    for layer in LAYERS:
        package = importlib.import_module(layer)
        found |= {m.name for m in pkgutil.walk_packages(package.__path__, f"{layer}.")}
    return sorted(found - {"wardnews.__main__"})  # importing that one runs the CLI


MODULES = _modules()


def _examples(name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(name)
    return [test for test in doctest.DocTestFinder().find(module) if test.examples]


@pytest.mark.parametrize("name", MODULES)
def test_the_docstring_examples_of_each_module_run(name):
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in _examples(name):
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} doctest example(s) of {name} failed (see above)"


def test_every_layer_is_walked_and_holds_examples():
    # If discovery broke, the test above would pass on nothing.
    assert {"wardnews.archive", "wardnews.index", "wardnews.webui", "wardnews.cli"} <= set(MODULES)
    counted = sum(len(t.examples) for name in MODULES for t in _examples(name))
    assert counted >= 60, counted
