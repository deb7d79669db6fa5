"""A report's file: .pdf or .xlsx, written whole or not at all
(``console/core/output_file.py``, which the roster's exports use too)."""

from __future__ import annotations

from pathlib import Path

from console.core.output_file import OutputError, write_atomically

SUFFIXES = (".pdf", ".xlsx")

__all__ = ["SUFFIXES", "OutputError", "format_of", "write_atomically"]


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise OutputError(f"{path.name}: the file must end in .pdf or .xlsx")
    return suffix[1:]
