"""PySide6's look at each module imported after it (does it name PySide6?), made from
the file's bytes (widgets/shell/import_check.py): the same answer as PySide6's own on
every module loaded, and no source lines kept."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

CODE = """
import importlib, json, linecache, sys
from widgets.shell import import_check
installed = import_check.install()
feature = sys.modules[import_check.FEATURE]
check = getattr(feature, import_check.CHECK)
again = import_check.install()
linecache.clearcache()
import console.app, widgets.shell.main_window  # checked by the new check on import
kept = sum(len(entry[2]) for entry in linecache.cache.values() if len(entry) > 2)
original = check.__wrapped__
modules = [m for m in list(sys.modules.values()) if getattr(m, "__name__", None)]
differ = [m.__name__ for m in modules if check(m) != original(m)]
print(json.dumps({"installed": installed, "again": again, "kept": kept, "differ": differ,
                  "checked": len(modules),
                  "ours": [check(sys.modules[n]) for n in ("widgets.shell.main_window",
                                                           "console.core.store", "json")]}))
"""


def test_the_check_answers_as_pyside_does_and_keeps_no_lines() -> None:
    done = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True,
                          env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"})
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["installed"] is True and found["again"] is False  # once
    assert found["checked"] > 500 and found["differ"] == []
    assert found["ours"] == [True, False, False]
    # PySide6's own check keeps every line it reads (over 100,000 here).
    assert found["kept"] < 20_000


def test_a_module_without_a_source_file_is_left_to_pyside() -> None:
    asked = []

    def fallback(module: object) -> bool:
        asked.append(module)
        return True

    module = importlib.import_module("math")  # built in: no .py file
    from widgets.shell import import_check

    assert import_check.uses_pyside(module, fallback) is True and asked == [module]
    assert import_check.uses_pyside(import_check, fallback) is True  # it names PySide6
    assert import_check.uses_pyside(json, fallback) is False and asked == [module]
