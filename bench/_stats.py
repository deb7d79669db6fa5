"""Percentiles, memory readings and plain-text tables."""

from __future__ import annotations

import os
import resource
import statistics
from collections.abc import Sequence


def percentile(samples: Sequence[float], pct: float) -> float:
    """Linear-interpolated percentile (pct in 0..100) of a non-empty sample."""
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * pct / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def spread_row(name: str, samples: Sequence[float]) -> list[str]:
    """name, p50, p90, p99, max in ms (seconds in)."""
    if not samples:
        return [name, "-", "-", "-", "-"]
    return [name, *(ms(percentile(samples, p)) for p in (50, 90, 99)), ms(max(samples))]


def median_ms(samples: Sequence[float]) -> str:
    return ms(statistics.median(samples))


def rss_mb() -> float:
    """Current resident set size of this process (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A left-aligned first column, right-aligned figures."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [title, "-" * len(title)]
    for row in [header, *rows]:
        cells = [str(row[0]).ljust(widths[0])]
        cells += [str(c).rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells))
    return "\n".join(lines)


def heap_mb() -> dict[str, float]:
    """glibc's heap as mallinfo2 tells it, in MB: ``used`` (allocated by malloc, in
    every arena), ``free`` (held by malloc, not in use: holes and the top), ``mmap``
    (large blocks mapped apart). Empty where the C library has no mallinfo2."""
    import ctypes

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
            "uordblks", "fordblks", "keepcost")]

    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except (AttributeError, OSError):
        return {}
    mallinfo2.restype = MallInfo2
    info = mallinfo2()
    return {"used": round(info.uordblks / 2**20, 1), "free": round(info.fordblks / 2**20, 1),
            "mmap": round(info.hblkhd / 2**20, 1)}


def rss_parts_mb() -> dict[str, float]:
    """The resident set by kind of mapping (Linux /proc/self/smaps), in MB: ``files``
    (libraries and other files), ``heap`` (the main malloc heap), ``anon`` (anonymous
    maps: Python's object arenas, other malloc arenas, large blocks, thread stacks)."""
    parts = {"files": 0.0, "heap": 0.0, "anon": 0.0}
    kind = "anon"
    try:
        with open("/proc/self/smaps") as f:
            for line in f:
                head = line.split(maxsplit=6)
                if "-" in head[0] and len(head) >= 5:  # a mapping's first line
                    name = head[5].strip() if len(head) > 5 else ""
                    kind = ("heap" if name == "[heap]" else "files" if name.startswith("/")
                            else "anon")
                elif head[0] == "Rss:":
                    parts[kind] += int(head[1]) / 1024
    except OSError:
        return {}
    return {k: round(v, 1) for k, v in parts.items()}
