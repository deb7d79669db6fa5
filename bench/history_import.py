"""History import: 100,000 rows of the Pingshan 2018 export's shape (the 10,000 real
rows repeated with fresh REC_IDs when ../shared/data has them, else generated in
the same shape from the demo's names) imported by an admin's login through the
service (read and check the file, map, stage, move, events, one transaction),
beside the floor: PostgreSQL's COPY of the same case rows into the same table.

    python -m bench.history_import [--quick]
"""

from __future__ import annotations

import asyncio
import csv
import os
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from bench._cli import run_alone
from bench._db import load_reference_data, scratch_database, server_url
from bench._stats import table
from db.engine import libpq_target, normalise_url

DATA = Path(os.environ.get("HOTLINE_SHARED_DATA", Path(__file__).resolve().parents[2]
                           / "shared" / "data")) / "pingshan-events" / "pingshan_events_2018.csv"
ROWS, QUICK_ROWS = 100_000, 20_000
CASE_COLUMNS = ("id", "public_no", "channel", "nature", "text", "address", "lon", "lat",
                "street_code", "community_code", "category_id", "urgency", "status",
                "assigned_unit_id", "due_at", "created_at", "updated_at", "accepted_at",
                "dispatched_at", "resolved_at", "first_resolved_at", "closed_at",
                "imported_from", "imported_id", "imported_on_time")


def _source_rows(url: str) -> tuple[list[str], list[list[str]], str]:
    """The rows to repeat: the real export's, or made in its shape from our names."""
    if DATA.exists():
        with DATA.open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            return next(reader), list(reader), "the real 10,000 rows repeated"
    rng = random.Random(15)
    with libpq_target(url).connect() as conn:
        places = conn.execute("SELECT s.name, c.name FROM community c JOIN street s"
                              " ON s.code = c.street_code").fetchall()
        paths = [r[0].split(" / ") for r in conn.execute(
            "SELECT path FROM category WHERE level = 3").fetchall()]
        units = [r[0] for r in conn.execute("SELECT name FROM unit").fetchall()]
    header = ["REC_ID", "CREATE_TIME", "STREET_NAME", "COMMUNITY_NAME", "EVENT_SRC_NAME",
              "EVENT_PROPERTY_NAME", "EVENT_TYPE_NAME", "MAIN_TYPE_NAME", "SUB_TYPE_NAME",
              "DISPOSE_UNIT_NAME", "INTIME_ARCHIVE_NUM", "OVERTIME_ARCHIVE_NUM"]
    rows = []
    for i in range(10_000):
        street, community = rng.choice(places)
        late = rng.random() < 0.09
        rows.append([str(i + 1), f"2018-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
                     f" {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00", street,
                     community, rng.choice(["12345", "@坪山", "美丽深圳", "12319"]),
                     rng.choice(["投诉", "咨询", "建议"]), *rng.choice(paths),
                     rng.choice(units), "0" if late else "1", "1" if late else "0"])
    return header, rows, "10,000 rows made in the export's shape (no real data here)"


def _write_file(url: str, count: int, folder: Path) -> tuple[Path, str]:
    header, rows, origin = _source_rows(url)
    rec = header.index("REC_ID")
    path = folder / "events.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for i in range(count):
            row = list(rows[i % len(rows)])
            row[rec] = str(10_000_000 + i)  # a fresh source id for every repeat
            writer.writerow(row)
    return path, origin


def _admin_url(url: str) -> str:
    name = f"hc_bench_admin_{os.getpid()}"
    with libpq_target(url).connect(autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {name}")  # type: ignore[arg-type]
        conn.execute(f"CREATE ROLE {name} LOGIN IN ROLE hotline_admin")  # type: ignore[arg-type]
    return normalise_url(url).set(username=name).render_as_string(hide_password=False)


async def _service(url: str, path: Path, source: str = "pingshan-2018"
                   ) -> tuple[float, float, int, int]:
    """The service as an admin's seat runs it (the export under ``source``, a profile of
    its own): seconds to read, to write; how many imported and refused."""
    import dataclasses

    from console.core.store import Store
    from console.history_import import builtin, service
    from console.history_import.matching import CREATE

    store = Store(url, normalise_url(url).username or "")
    store.roles = frozenset({"admin"})
    try:
        started = time.perf_counter()
        profile = dataclasses.replace(builtin.PINGSHAN_2018, source=source, name=source)
        preview = await service.read_file(store, path, profile)
        read = time.perf_counter() - started
        chosen: dict[str, dict[str, str]] = {}
        for unknown in preview.unknowns:
            chosen.setdefault(unknown.kind, {})[unknown.key] = CREATE
        started = time.perf_counter()
        result = await service.run(store, preview, chosen)
        written = time.perf_counter() - started
    finally:
        await store.close()
    return read, written, result.imported, len(result.problems)


def _floor(url: str, source: str, floor: str = "floor") -> float:
    """COPY the very case rows the import made (under the source ``floor``) into ``case``."""
    with libpq_target(url).connect() as conn:
        rows = conn.execute(f"SELECT {', '.join(CASE_COLUMNS)} FROM \"case\""  # type: ignore[arg-type]
                            " WHERE imported_from = %s", (source,)).fetchall()
        conn.commit()
        fresh = [(uuid.uuid4(), f"F{floor}-{i:09d}", *r[2:22], floor, *r[23:])
                 for i, r in enumerate(rows)]
        started = time.perf_counter()
        with conn.cursor().copy(f"COPY \"case\" ({', '.join(CASE_COLUMNS)}) FROM STDIN"  # type: ignore[arg-type]
                                ) as copy:
            for row in fresh:
                copy.write_row(row)
        conn.commit()
        return time.perf_counter() - started


_drop_role_later: list[str] = []  # roles are the cluster's: dropped after the database


def run(quick: bool = False) -> None:
    count = QUICK_ROWS if quick else ROWS
    repeats = 1 if quick else 3  # import and floor taken turn about: a busy machine
    print(f"\n== History import: {count:,} rows of the Pingshan 2018 export's shape ==")
    reads, writes, floors = [], [], []
    with scratch_database("import") as url, tempfile.TemporaryDirectory() as tmp:
        load_reference_data(url)
        path, origin = _write_file(url, count, Path(tmp))
        admin = _admin_url(url)
        try:
            for i in range(repeats):  # each under a source of its own: fresh ids
                read, written, imported, problems = asyncio.run(
                    _service(admin, path, f"pingshan-2018-{i}"))
                reads.append(read)
                writes.append(written)
                floors.append(_floor(url, f"pingshan-2018-{i}", f"floor-{i}"))
        finally:
            _drop_role_later.append(normalise_url(admin).username or "")
    with libpq_target(server_url()).connect(autocommit=True) as conn:
        for name in _drop_role_later:
            conn.execute(f"DROP ROLE IF EXISTS {name}")  # type: ignore[arg-type]
    read, written, floor = (statistics.median(x) for x in (reads, writes, floors))
    total = read + written
    ratios = ", ".join(f"{(r + w) / f:.1f}" for r, w, f in zip(reads, writes, floors,
                                                                  strict=True))
    print(f"{origin}; {imported:,} cases imported, {problems:,} rows not importable;"
          f" median of {repeats} turn(s), each adding the import's and the floor's cases")
    print(table("seconds", ["step", "import", "COPY floor", "x floor"], [
        ["read and check the file", f"{read:.2f}", "", ""],
        ["write (stage, move, events, commit)", f"{written:.2f}", "", ""],
        ["the whole import", f"{total:.2f}", f"{floor:.2f}", f"{total / floor:.1f}"],
    ]))
    print(f"each turn: {ratios} x floor; target: within 3x the COPY of the same rows into case")


if __name__ == "__main__":
    run_alone(run, __doc__)
