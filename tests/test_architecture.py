"""Imports flow widgets -> console -> db; console/ and db/ import no Qt; widgets/ touch
no database."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT = ("PySide6", "pyqtgraph", "qasync", "shiboken6", "widgets")
DATABASE = ("db", "sqlalchemy", "psycopg")


def test_import_linter_contracts_hold() -> None:
    # lint-imports reads the contracts from pyproject.toml; 0 means every contract holds.
    # In a process of its own: it configures logging with dictConfig, which disables
    # every logger already made, and the later tests would no longer see any log.
    done = subprocess.run([sys.executable, "-c", LINT], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


LINT = ("import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml'))")


def imports_of(packages: tuple[str, ...], forbidden: tuple[str, ...]) -> list[str]:
    """Every import of a ``forbidden`` package in ``packages``, wherever it stands."""
    offenders = []
    for package in packages:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                         else [node.module or ""] if isinstance(node, ast.ImportFrom)
                         and not node.level else [])
                offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names
                              if n.split(".")[0] in forbidden]
    return offenders


def test_console_and_db_import_no_qt() -> None:
    assert imports_of(("console", "db"), QT) == []


def test_widgets_import_no_database() -> None:
    assert imports_of(("widgets",), DATABASE) == []
