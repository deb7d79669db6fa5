"""python -m bench [--quick]: run every benchmark and print its figures."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402

from bench import (  # noqa: E402
    area_figures,
    countdown,
    countdown_read,
    export,
    geo_locate,
    heat_plan,
    history_import,
    intake,
    map_read,
    map_view,
    point_in_cell,
    queue_live,
    queue_open,
    queue_paint,
    reports,
    roster,
    seat_latency,
    seat_memory,
    seat_stalls,
    startup,
    stats_pane,
    sweep,
)
from bench._db import server_url, shown  # noqa: E402
from bench._qt import close_qt_loop  # noqa: E402
from db.engine import libpq_target  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="50 cases for latency, 10,000 for the queue, 5,000 on the map,"
                        " 100,000 for the map's figures, 20,000 rows to import, 5,000 open"
                        " cases for the sweep and the seat's stalls (20 s a phase),"
                        " 3 starts, 5,000 open cases for a minute of the seat's memory"
                        " and for the countdown's read,"
                        " 20,000 cases to export; 100,000 for the statistics; 3 s of saves"
                        " at 10 and 50 seats")
    args = parser.parse_args()
    with libpq_target(server_url()).connect() as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]  # type: ignore[index]
    print(f"server {shown(server_url())} (PostgreSQL {version}); Python"
          f" {platform.python_version()}; {os.cpu_count()} CPUs;"
          f" QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}")
    started = time.perf_counter()
    seat_latency.run(args.quick)
    intake.run(args.quick)
    queue_open.run(args.quick)
    queue_live.run(args.quick)
    queue_paint.run(args.quick)
    countdown.run(args.quick)
    countdown_read.run(args.quick)
    sweep.run(args.quick)
    seat_stalls.run(args.quick)
    roster.run(args.quick)
    geo_locate.run(args.quick)
    area_figures.run(args.quick)
    stats_pane.run(args.quick)
    heat_plan.main(["--quick"] if args.quick else [])
    point_in_cell.run(args.quick)
    map_view.run(args.quick)
    map_read.run(args.quick)
    history_import.run(args.quick)
    startup.run(args.quick)
    seat_memory.run(args.quick)
    export.run(args.quick)
    reports.run(args.quick)
    close_qt_loop()
    print(f"\nall benchmarks: {time.perf_counter() - started:.0f} s")


main()
