"""Where the GUI thread is while a probe is late: a watchdog thread that, while the
probe's last fire is more than ``after_s`` ago, samples the GUI thread's Python stack
every 10 ms and counts each stack's innermost frames (for ``seat_stalls --why``).
A stack that ends in the event loop is Qt's own C++ work (painting, layout), a wait
for the GIL that another thread holds, or the machine not giving the process a core.
To tell those apart it also counts the GUI thread's CPU time over the late samples
(CPU time well below the late time: waiting, for a core or for the GIL) and where
the seat's other threads were in Python code meanwhile (a worker running Python
holds the GIL; every entry of the GUI thread into Python waits for it)."""

from __future__ import annotations

import collections
import sys
import threading
import time
import traceback

SAMPLE_S = 0.01
WAITING = ("wait", "select", "poll", "sleep", "acquire", "get", "_worker", "join",
           "run_forever", "_run_once", "recv", "accept")  # idle in these


class StallStacks:
    def __init__(self, last_fire: list[float], after_s: float = 0.04, depth: int = 10) -> None:
        self._last = last_fire  # [perf_counter of the probe's last fire], kept by the probe
        self._after, self._depth = after_s, depth
        gui = threading.main_thread()
        self._gui = gui.ident
        self._gui_clock = time.pthread_getcpuclockid(gui.ident or 0)
        self.counts: collections.Counter[str] = collections.Counter()
        self.others: collections.Counter[str] = collections.Counter()
        self.late_s = self.cpu_s = 0.0  # over consecutive late samples
        self.watching = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-stacks", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        previous: tuple[float, float] | None = None
        names = {}
        while not self._stop.wait(SAMPLE_S):
            now = time.perf_counter()
            if not self.watching or now - self._last[0] < self._after:
                previous = None
                continue
            cpu = time.clock_gettime(self._gui_clock)
            if previous is not None:
                self.late_s += now - previous[0]
                self.cpu_s += cpu - previous[1]
            previous = (now, cpu)
            frames = sys._current_frames()  # noqa: SLF001
            frame = frames.get(self._gui or 0)
            if frame is not None:
                self.counts[self._key(traceback.extract_stack(frame))] += 1
            if len(names) != threading.active_count():
                names = {t.ident: t.name for t in threading.enumerate()}
            for ident, other in frames.items():
                if ident in (self._gui, threading.get_ident()):
                    continue
                code = other.f_code
                if not code.co_name.startswith(WAITING):
                    where = code.co_filename.split("site-packages/")[-1]
                    self.others[f"{names.get(ident, ident)}: {where}:{code.co_name}"] += 1

    def _key(self, stack: traceback.StackSummary) -> str:
        lines = []
        for f in stack[-self._depth:]:
            where = f.filename.split("site-packages/")[-1]
            lines.append(f"    {where}:{f.lineno} {f.name}")
        return "\n".join(lines)

    def report(self, top: int = 8) -> str:
        lines = [f"  late samples: {self.late_s * 1000:.0f} ms, of which the GUI thread ran "
                 f"{self.cpu_s * 1000:.0f} ms (the rest: waiting for a core or the GIL)"]
        if self.others:
            lines.append("  other threads in Python code meanwhile (samples):")
            lines += [f"    {n:4d}  {where}" for where, n in self.others.most_common(top)]
        lines += [f"  {n * SAMPLE_S * 1000:.0f} ms sampled in:\n{stack}"
                  for stack, n in self.counts.most_common(top)]
        return "\n".join(lines)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
