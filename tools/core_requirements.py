"""Print the project's requirements without Qt, one a line, for the Qt-free test
environment (``make test-core``): the console/ and db/ tests must pass where
PySide6, qasync and pyqtgraph are not installed."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

QT = {"pyside6-essentials", "pyside6", "qasync", "pyqtgraph", "pytest-qt"}
LINTERS = {"ruff", "mypy", "import-linter", "types-shapely"}  # `make lint` runs them, in .venv


def name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    return (match.group(0) if match else requirement).lower().replace("_", "-")


def core_requirements(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    return [r for r in wanted if name(r) not in QT | LINTERS]


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    print("\n".join(core_requirements(root / "pyproject.toml")))
