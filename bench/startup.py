"""Start-up as a person meets it, on the seat's embedded server with a database of the
demo's size (warm: the server runs, the files are in the page cache): from launching
``python main.py`` to the login dialog painted, from the password
sent (Enter) to the main window painted, and launch to main window in all; beside
the floor measured in the same run, a Python process that paints a bare Qt window.
Each start is a fresh process (bench/_startup_seat.py); the median of N runs. The
modules' bytecode is kept between starts as a seat keeps it; a last row starts
without it (every start compiling the console's modules again, as where
PYTHONDONTWRITEBYTECODE is set).

    python -m bench.startup [--quick]
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._cli import run_alone
from bench._stats import table
from console.accounts import login_policy
from console.seat_setup import EmbeddedServer, prepare_embedded

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Bench-Start-42"
LOGIN = "bench_admin"


def _one(home: Path, *args: str, compiled: bool = True) -> dict[str, float]:
    """One start. ``compiled``: the modules' bytecode is written on the first start and
    read on later ones (under ``home``, not in the source tree), as an installed console
    or a checkout has it; without, every start compiles the console's modules again, as
    where PYTHONDONTWRITEBYTECODE is set."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / ".local" / "share"), "BENCH_STARTUP_PASSWORD": PASSWORD}
    if compiled:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    launched = time.time()
    done = subprocess.run([sys.executable, "-m", "bench._startup_seat", str(launched), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=180, check=False,
                          env=env)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"a start failed ({done.returncode}): {done.stderr[-2000:]}")
    times: dict[str, float] = json.loads(lines[-1])
    return times


def _prepare(server: EmbeddedServer, count: int) -> None:
    """The embedded server made ready as a first start makes it, ``count`` cases in it
    and its administrator made: later starts ask for the administrator's password."""
    owner_url = prepare_embedded(server, with_demo=False)
    subprocess.run([sys.executable, "-m", "bench._bulk", str(count)], check=True, cwd=ROOT,
                   env={**os.environ, "BENCH_BULK_URL": owner_url}, stdout=subprocess.DEVNULL)
    asyncio.run(login_policy.make_local_admin(owner_url, LOGIN, "Bench", PASSWORD))


def _row(name: str, starts: list[dict[str, float]], first: str, last: str) -> list[str]:
    """Wall seconds (median, min, max) and CPU seconds (median) from ``first`` to ``last``."""
    wall = [t[last] - t[first] for t in starts]
    cpu = [t[f"{last}_cpu"] - t.get(f"{first}_cpu", 0.0) for t in starts]
    return [name, f"{statistics.median(wall):.2f}", f"{min(wall):.2f}", f"{max(wall):.2f}",
            f"{statistics.median(cpu):.2f}"]


def run(quick: bool = False) -> None:
    runs, count = (3, 1_000) if quick else (7, 4_000)
    print(f"\n== Start-up on the embedded server, {count} cases, median of {runs} starts ==")
    with tempfile.TemporaryDirectory(prefix="hc-bench-start-") as tmp:
        home, data = Path(tmp) / "home", Path(tmp) / "pg"
        home.mkdir()
        server = EmbeddedServer(data)
        try:
            _prepare(server, count)
            _one(home, "--data-dir", str(data))  # a first start warms the files, compiles
            bare, starts, uncompiled = [], [], []
            for _ in range(runs):
                bare.append(_one(home, "--bare"))
                starts.append(_one(home, "--data-dir", str(data)))
                uncompiled.append(_one(home, "--data-dir", str(data), compiled=False))
        finally:
            server.stop()
    rows = [
        _row("floor: bare Qt window painted", bare, "launched", "main_painted"),
        _row("launch -> login dialog painted", starts, "launched", "login_painted"),
        _row("password sent -> main window painted", starts, "login_sent", "main_painted"),
        _row("launch -> main window painted (all)", starts, "launched", "main_painted"),
        _row("the same, no bytecode kept (compiles)", uncompiled, "launched", "main_painted"),
    ]
    print(table("Start-up (seconds; CPU: the process's, all threads)",
                ["", "median", "min", "max", "CPU"], rows))


if __name__ == "__main__":
    run_alone(run, __doc__)
