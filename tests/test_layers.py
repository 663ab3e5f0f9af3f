"""The layers point one way, and what wardnews takes from Whoosh's internals is where it says.

Imports are read from the source of every module (not by importing them): archive imports
neither index nor webui; index imports no webui; webui and the top package use only the
public names of the layers below (their `__all__`); Whoosh is imported by index alone, and
its private names only by segment.py, evaluate.py and commit.py, which list them in
WHOOSH_INTERNALS, checked here against the installed Whoosh.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

import pytest

from conftest import REPO

FOLDERS = {"archive": "wardnews.archive", "index": "wardnews.index", "webui": "wardnews.webui",
           "wardnews": "wardnews"}
ALLOWED = {  # layer → the layers it may import
    "archive": {"archive"},
    "index": {"archive", "index"},
    "webui": {"archive", "index", "webui"},
    "wardnews": {"archive", "index", "webui", "wardnews"},
}
WHOOSH_USERS = ("wardnews.index.segment", "wardnews.index.evaluate", "wardnews.index.commit",
                "wardnews.index.postings")
PUBLIC_WHOOSH = {"whoosh.analysis", "whoosh.columns", "whoosh.fields", "whoosh.filedb.filestore",
                 "whoosh.index", "whoosh.query"}


def _modules() -> dict[str, Path]:
    found = {}
    for folder, package in FOLDERS.items():
        for path in sorted((REPO / folder).rglob("*.py")):
            parts = list(path.relative_to(REPO / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([package, *parts])] = path
    return found


MODULES = _modules()


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ("archive", "index", "webui") else "wardnews"


def imports(module: str) -> list[tuple[str, tuple[str, ...], int]]:
    """(absolute module, names taken from it, line) for every import statement of a module."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, (), node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            found.append((target, tuple(a.name for a in node.names), node.lineno))
    return found


def _public(package: str) -> set[str]:
    return set(importlib.import_module(package).__all__)


def test_every_layer_is_read():
    assert {layer(m) for m in MODULES} == set(ALLOWED)
    assert len(MODULES) > 50


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_the_layers(module):
    wrong = []
    for target, names, line in imports(module):
        if target.split(".")[0] in ("archive", "index", "webui"):
            wrong.append(f"line {line}: top-level {target} (the package is wardnews.{target})")
        if target.split(".")[0] != "wardnews":
            continue
        # `from . import x` inside wardnews names modules: count each as imported.
        targets = [target] if names and f"{target}.{names[0]}" not in MODULES else \
            [f"{target}.{n}" for n in names] if names else [target]
        for each in targets:
            if layer(each) not in ALLOWED[layer(module)]:
                wrong.append(f"line {line}: {layer(module)} imports {each}")
    assert not wrong, wrong


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer(m) in ("webui", "wardnews")))
def test_upper_layers_use_only_the_public_names_of_the_layers_below(module):
    wrong = []
    for target, names, line in imports(module):
        for below in ("wardnews.archive", "wardnews.index"):
            if layer(module) == layer(below) or not (target == below or target.startswith(below + ".")):
                continue
            if target != below:
                wrong.append(f"line {line}: {target} is inside {below}; import from {below}")
            else:
                wrong += [f"line {line}: {below}.{n} is not public" for n in names
                          if n not in _public(below)]
    assert not wrong, wrong


@pytest.mark.parametrize("module", sorted(MODULES))
def test_whoosh_is_used_by_the_index_alone_and_its_internals_by_three_modules(module):
    wrong = []
    for target, names, line in imports(module):
        if target.split(".")[0] != "whoosh":
            continue
        if target == "whoosh":  # from whoosh import query: the module whoosh.query
            target, names = f"whoosh.{names[0]}", ()
        if layer(module) != "index":
            wrong.append(f"line {line}: {target} outside wardnews.index")
        elif module not in WHOOSH_USERS:
            private = [n for n in names if n.startswith("_")]
            if target not in PUBLIC_WHOOSH or private:
                wrong.append(f"line {line}: {target} {private or ''} is Whoosh's own: "
                             f"only {', '.join(WHOOSH_USERS)} may use it")
    assert not wrong, wrong


def _resolve(dotted: str):
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            found = getattr(found, name)
        return found
    raise ImportError(dotted)


def _has(thing, attribute: str) -> bool:
    """Whether a class (or its bases) has the attribute, or sets it on its instances."""
    if hasattr(thing, attribute):
        return True
    assigned = re.compile(rf"\bself\.{re.escape(attribute)}\s*=")
    for cls in getattr(thing, "__mro__", ()):
        try:
            if assigned.search(inspect.getsource(cls)):
                return True
        except (OSError, TypeError):
            continue
    return False


@pytest.mark.parametrize("module", WHOOSH_USERS)
def test_the_whoosh_internals_each_module_relies_on_exist_in_the_installed_whoosh(module):
    internals = importlib.import_module(module).WHOOSH_INTERNALS
    missing = []
    for dotted, attributes in internals.items():
        try:
            thing = _resolve(dotted)
        except (ImportError, AttributeError):
            missing.append(dotted)
            continue
        missing += [f"{dotted}.{a}" for a in attributes if not _has(thing, a)]
    assert not missing, f"the installed Whoosh lacks {missing}: {module} must be updated"


@pytest.mark.parametrize("module", WHOOSH_USERS)
def test_every_private_whoosh_name_a_module_reads_is_listed(module):
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    read, assigned = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            assigned.add(node.name)  # the module's own methods
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            (assigned if isinstance(node.ctx, ast.Store) else read).add(node.attr)
    listed = {a for attributes in importlib.import_module(module).WHOOSH_INTERNALS.values()
              for a in attributes}
    # Private attributes the module reads but never sets are someone else's: Whoosh's.
    assert read - assigned <= listed, sorted(read - assigned - listed)
