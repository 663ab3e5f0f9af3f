"""Re-exports that import their module on first use (PEP 562), so importing a package is cheap.

`import wardnews` and `wardnews -h` should not pay for Whoosh, numpy or the gazetteers:
each package names what it exports and where from, and a name is imported when first read.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable, Callable]:
    """A module's `__getattr__` and `__dir__` for names exported from its submodules.

    `exports` maps each public name to the module that defines it, relative to `package`.
    """

    def __getattr__(name: str):
        try:
            where = exports[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(where, package), name)
        setattr(sys.modules[package], name, value)  # the next read is a plain attribute
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(exports))

    return __getattr__, __dir__
