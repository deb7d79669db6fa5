"""The README's keyboard table is the one tools/keyboard_table.py makes from the
declared commands."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent.parent


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("keyboard_table",
                                                  ROOT / "tools" / "keyboard_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


def test_the_readme_keyboard_table_is_made_from_the_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert tool.readme_table(readme) == tool.table(), \
        "run: .venv/bin/python tools/keyboard_table.py --write"


def test_every_key_is_in_the_table() -> None:
    from widgets.common.commands import COMMANDS

    made = tool.table()
    for command in (c for c in COMMANDS if c.key):
        assert f"| {command.key} |" in made or f" {command.key} /" in made \
            or f"/ {command.key} |" in made, command.id
