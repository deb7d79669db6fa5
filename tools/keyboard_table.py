#!/usr/bin/env python3
"""The README's keyboard table, made from the commands declared in
widgets/common/commands.py (one row per key; keys that do the same in one place
share a row).

    python tools/keyboard_table.py           # print the table
    python tools/keyboard_table.py --write   # put it into README.md
    python tools/keyboard_table.py --check   # exit 1 if README.md's table differs

tests/widgets/test_keyboard_table.py fails while README.md and the list differ.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
# The table sits between these two lines of the README's "## Keyboard" section.
BEGIN = ("<!-- keyboard table: made by tools/keyboard_table.py from "
         "widgets/common/commands.py; change it there -->")
END = "<!-- end of the keyboard table -->"
ROLE_WORDS = {"operator": "operators", "dispatcher": "dispatchers",
              "shift_leader": "shift leaders", "supervisor": "supervisors", "admin": "admins",
              "unit_handler": "unit handlers"}


def table() -> str:
    """The table as Markdown, in the order of the scopes, then of the list."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from widgets.common.commands import COMMANDS, SCOPES

    rows: list[tuple[str, list[str], str]] = []  # where, keys, does
    for scope, where in SCOPES.items():
        for command in (c for c in COMMANDS if c.scope == scope and c.key):
            does = command.doc
            if command.roles:
                names = [ROLE_WORDS[r] for r in sorted(command.roles)]
                does += f" ({' and '.join([*names, 'admins'])} only)"
            same = next((r for r in rows if r[0] == where and r[2] == does), None)
            if same is None:
                rows.append((where, [command.key], does))
            else:
                same[1].append(command.key)
    lines = ["| key | where | does |", "|---|---|---|"]
    lines += [f"| {' / '.join(keys)} | {where} | {does} |" for where, keys, does in rows]
    return "\n".join(lines)


def readme_table(text: str) -> str:
    """The table as README.md has it now."""
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    return text[start:end].strip("\n")


def with_table(text: str, new: str) -> str:
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    return f"{text[:start]}\n{new}\n{text[end:]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="put the table into README.md")
    parser.add_argument("--check", action="store_true", help="exit 1 if README.md differs")
    args = parser.parse_args(argv)
    made = table()
    text = README.read_text(encoding="utf-8")
    if args.write:
        README.write_text(with_table(text, made), encoding="utf-8")
    elif args.check:
        if readme_table(text) != made:
            print("README.md's keyboard table differs from widgets/common/commands.py: "
                  "run tools/keyboard_table.py --write", file=sys.stderr)
            return 1
    else:
        print(made)
    return 0


if __name__ == "__main__":
    sys.exit(main())
