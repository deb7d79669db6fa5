"""Where the GUI thread is while a probe is late: a watchdog thread that, while the
probe's last fire is more than ``after_s`` ago, samples the GUI thread's Python stack
every 10 ms and counts each stack's innermost frames (for ``seat_stalls --why``).
A stack that ends in the event loop is Qt's own C++ work (painting, layout) or the
machine not giving the process a core."""

from __future__ import annotations

import collections
import sys
import threading
import time
import traceback

SAMPLE_S = 0.01


class StallStacks:
    def __init__(self, last_fire: list[float], after_s: float = 0.04, depth: int = 10) -> None:
        self._last = last_fire  # [perf_counter of the probe's last fire], kept by the probe
        self._after, self._depth = after_s, depth
        self._gui = threading.main_thread().ident
        self.counts: collections.Counter[str] = collections.Counter()
        self.watching = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-stacks", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            if not self.watching or time.perf_counter() - self._last[0] < self._after:
                continue
            frame = sys._current_frames().get(self._gui or 0)  # noqa: SLF001
            if frame is not None:
                self.counts[self._key(traceback.extract_stack(frame))] += 1

    def _key(self, stack: traceback.StackSummary) -> str:
        lines = []
        for f in stack[-self._depth:]:
            where = f.filename.split("site-packages/")[-1]
            lines.append(f"    {where}:{f.lineno} {f.name}")
        return "\n".join(lines)

    def report(self, top: int = 8) -> str:
        return "\n".join(f"  {n * SAMPLE_S * 1000:.0f} ms sampled in:\n{stack}"
                         for stack, n in self.counts.most_common(top))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
