"""A report's file: .pdf or .xlsx (written whole or not at all by
``console/core/output_file.py``, as the roster's exports are)."""

from __future__ import annotations

from pathlib import Path

from console.core.output_file import OutputError

SUFFIXES = (".pdf", ".xlsx")


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise OutputError(f"{path.name}: the file must end in .pdf or .xlsx")
    return suffix[1:]
