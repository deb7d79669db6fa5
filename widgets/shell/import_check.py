"""PySide6's look at every module imported after it, made cheap.

PySide6 replaces ``__import__`` and, for each module imported after it, asks whether
the module's source names "PySide6" (``shibokensupport.feature._mod_uses_pyside``), to
know which modules may switch its ``from __feature__ import …`` options. It asks
through ``inspect.getsource``, which decodes, splits and keeps in linecache every line
of every module the console imports after Qt: some 400,000 lines, a tenth of the
imports' time. ``install`` puts in a check with the same answer read from the file's
bytes, kept nowhere; a module that is not a plain ``.py`` file (an extension, a
module without a file) is left to PySide6's own check, as is everything when a
PySide6 release no longer has that function.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE = "shibokensupport.feature"
CHECK = "_mod_uses_pyside"


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether the source of ``module`` names PySide6 (``fallback`` when it has no
    ``.py`` source file to read)."""
    origin = getattr(getattr(module, "__spec__", None), "origin", None)
    if not (isinstance(origin, str) and origin.endswith(".py")):
        return fallback(module)
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def install() -> bool:
    """Import PySide6 and replace its check (once); False where there is none to replace."""
    import PySide6.QtCore  # noqa: F401 (loads shibokensupport)

    feature = sys.modules.get(FEATURE)
    original = getattr(feature, CHECK, None)
    if feature is None or not callable(original) or getattr(original, "__wrapped__", None):
        return False

    def check(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    check.__wrapped__ = original  # type: ignore[attr-defined]
    setattr(feature, CHECK, check)
    return True
