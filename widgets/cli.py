"""Every command without the window, for main.py: console's own (``console.cli``,
no Qt) and those whose work draws with Qt, whose modules live in widgets/ (console/
may not import Qt). Each is a module path, imported only when a command is asked
for, with the same ``NAME``, ``HELP``, ``add_arguments`` and ``run`` as console's."""

from __future__ import annotations

from collections.abc import Mapping

from console import cli

COMMANDS: Mapping[str, str] = {**cli.COMMANDS, "report": "widgets.reports.cli"}
