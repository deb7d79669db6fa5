"""Memory that Python frees, given back to the system (glibc; elsewhere a no-op).

A seat reads large results (tens of thousands of rows: the countdown, the board,
the map's cases) and parses them in worker threads. glibc's malloc gives each
thread that allocates an arena of its own, up to eight per core, and keeps what
is freed in them for later: the seat's resident memory then grows by every large
read, in every arena, and stays there. Two measures against it:

- ``limit_arenas`` (at start, before any thread): at most two arenas, so the
  memory one read frees is there for the next read in any thread;
- ``trim`` (the GUI thread's collector calls it after a full collection, at most
  once every ``TRIM_EVERY_S``): free pages at the top and in the middle of the
  heap go back to the system.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
import time

log = logging.getLogger(__name__)
M_ARENA_MAX = -8  # glibc's malloc.h
ARENAS = 2
TRIM_EVERY_S = 30.0
_libc: ctypes.CDLL | None = None
_last_trim = 0.0


def _glibc() -> ctypes.CDLL | None:
    global _libc
    if _libc is None and sys.platform.startswith("linux"):
        name = ctypes.util.find_library("c")
        try:
            libc = ctypes.CDLL(name or "libc.so.6")
            if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt"):
                _libc = libc
        except OSError:
            log.info("no C library to tune malloc in: memory is left to it")
    return _libc


def limit_arenas() -> bool:
    """At most ARENAS malloc arenas for the whole process; True when it was set."""
    libc = _glibc()
    return bool(libc is not None and libc.mallopt(M_ARENA_MAX, ARENAS))


def trim(now: float | None = None) -> bool:
    """Give free heap pages back, unless that was done less than TRIM_EVERY_S ago;
    True when it trimmed."""
    global _last_trim
    libc = _glibc()
    now = time.monotonic() if now is None else now
    if libc is None or now - _last_trim < TRIM_EVERY_S:
        return False
    _last_trim = now
    libc.malloc_trim(0)
    return True
