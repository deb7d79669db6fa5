"""Freed memory goes back to the system at most every TRIM_EVERY_S, and the process
keeps at most two malloc arenas (glibc only)."""

from __future__ import annotations

import sys
import time

import pytest

from widgets.shell import heap

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")


def test_trimming_is_rate_limited() -> None:
    start = time.monotonic() + 10 * heap.TRIM_EVERY_S  # after any trim made before
    assert heap.trim(start)
    assert not heap.trim(start + heap.TRIM_EVERY_S / 2)
    assert heap.trim(start + heap.TRIM_EVERY_S)


def test_trimming_gives_pages_back() -> None:
    """A large block freed in the middle of the heap is returned (resident memory falls)."""
    from bench._stats import rss_mb

    blocks = [bytearray(100_000) for _ in range(2_000)]  # ~200 MB in small-ish blocks
    keep = blocks[-1]
    del blocks
    before = rss_mb()
    assert heap.trim(time.monotonic() + 1000 * heap.TRIM_EVERY_S)
    assert rss_mb() < before - 50 and len(keep) == 100_000


def test_arenas_can_be_limited() -> None:
    assert heap.limit_arenas()
