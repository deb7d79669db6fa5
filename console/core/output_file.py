"""Writing an exported file (a report, the roster) so that nothing half-written is ever
left: the file is made beside its target under a temporary name and renamed over it
only once complete; on any failure the temporary file goes and the target is untouched."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


class OutputError(ValueError):
    """A target the file cannot be written to (the message says why)."""


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """``write(temporary)`` then rename to ``path``; returns ``path``."""
    path = Path(path)
    if not path.parent.is_dir():
        raise OutputError(f"{path.parent}: no such folder")
    handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix,
                                    dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        if not temporary.stat().st_size:
            raise OutputError(f"{path.name}: nothing was written")
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return path
