"""The reports from the command line, for a scheduled job:

    python main.py report weekly --week 2026-W48 --out weekly.pdf
    python main.py report daily --day 2026-11-30 --out daily.xlsx
    python main.py report monthly --month 2026-11 --out monthly.pdf
    python main.py report special --from 2026-11-01 --to 2026-11-30 --category 道路破损 \
        --out roads.pdf
    python main.py report weekly --last --out weekly.pdf     (the week before this one)

A command of main.py's (``widgets/cli.py`` registers it beside console's): the
options every command shares (``--database-url``, ``--reporting-url``, ``--log-level``)
may stand before or after ``report``. The database is the seat's: ``--database-url``
or ``CONSOLE_DATABASE_URL``, else the seat's embedded server (``--data-dir``); with
``--reporting-url`` (or ``CONSOLE_REPORTING_URL``) the report reads from that read-only
replica, logged in as the same person (``console.core.read_source``). A password
comes from libpq's own places (``PGPASSWORD``, ``~/.pgpass``), never from the command
line. The format follows the file's extension (.pdf or .xlsx); the file appears only
once complete.

Exit codes: 0 written; 2 a bad argument or period; 3 the database cannot be reached;
4 the file cannot be written; 1 anything else (a bug, logged with its traceback).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import os
import sys
from pathlib import Path

from console.catalog.catalog import Catalog, load_catalog
from console.core.clock import CENTRE_TZ
from console.core.errors import DatabaseUnavailable
from console.core.output_file import OutputError
from console.core.read_source import reporting_store
from console.core.store import Store
from console.reports import periods
from console.reports.model import Kind
from console.reports.output import format_of
from console.reports.periods import Period, PeriodError

log = logging.getLogger(__name__)
OK, BUG, BAD_INPUT, UNAVAILABLE, NOT_WRITTEN = 0, 1, 2, 3, 4


NAME = "report"
HELP = "make a duty report (daily, weekly, monthly, special) as PDF or Excel"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = "Make a duty report as PDF or Excel."
    p.add_argument("kind", choices=[k.value for k in Kind])
    when = p.add_argument_group("the period (one of)")
    when.add_argument("--day", help="a day, 2026-11-30")
    when.add_argument("--week", help="an ISO week, 2026-W48")
    when.add_argument("--month", help="a month, 2026-11")
    when.add_argument("--from", dest="first", help="the first day of a range")
    when.add_argument("--to", dest="last_day", help="the last day of a range (counted)")
    when.add_argument("--last", dest="previous", action="store_true",
                      help="the last whole day, week or month before today")
    p.add_argument("--category", help="special: a category's code or name (its subtree)")
    p.add_argument("--street", help="special: a street's code or name")
    p.add_argument("--out", required=True, type=Path, help="the file: .pdf or .xlsx")
    p.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                   help="the embedded server's data (when no database URL is given)")
    p.add_argument("--no-map", action="store_true", help="leave the map out of the PDF")


def period_of(args: argparse.Namespace, kind: Kind, today: dt.date) -> Period:
    given = [n for n in ("day", "week", "month", "first", "previous") if getattr(args, n)]
    if len(given) != 1 or (args.first is None) != (args.last_day is None):
        raise PeriodError("give one period: --day, --week, --month, --from with --to, "
                          "or --last")
    if args.day:
        return periods.day(args.day)
    if args.week:
        return periods.week(args.week)
    if args.month:
        return periods.month(args.month)
    if args.first:
        return periods.days(args.first, args.last_day)
    if kind is Kind.DAILY:
        return periods.day(today - dt.timedelta(days=1))
    if kind is Kind.MONTHLY:
        return periods.month_of(today.replace(day=1) - dt.timedelta(days=1))
    return periods.week_of(today - dt.timedelta(days=7))


def subject(catalog: Catalog, category: str | None, street: str | None
            ) -> tuple[int | None, str | None]:
    category_id = street_code = None
    if category is not None:
        found = sorted((c for c in catalog.categories.values() if category in (c.code, c.name)),
                       key=lambda c: (c.code != category, c.level, c.code))
        if not found:
            raise PeriodError(f"no category has the code or name {category!r}")
        if len(found) > 1 and found[0].code != category and found[0].level == found[1].level:
            raise PeriodError(f"several categories are named {category!r}: give its code ("
                              + ", ".join(c.code for c in found) + ")")
        category_id = found[0].id  # by code, else the highest level of that name
    if street is not None:
        codes = [s.code for s in catalog.streets.values() if street in (s.code, s.name)]
        if len(codes) != 1:
            raise PeriodError(f"no street has the code or name {street!r}")
        street_code = codes[0]
    return category_id, street_code


def run(args: argparse.Namespace) -> int:
    kind = Kind(args.kind)
    try:
        fmt = format_of(args.out)
        if not args.out.parent.resolve().is_dir():
            raise OutputError(f"{args.out.parent}: no such folder")
        period = period_of(args, kind, dt.datetime.now(CENTRE_TZ).date())
        if kind is not Kind.SPECIAL and (args.category or args.street):
            raise PeriodError("--category and --street are for the special analysis only")
        if kind is Kind.SPECIAL and not (args.category or args.street):
            raise PeriodError("a special analysis needs --category or --street (or both)")
    except (PeriodError, OutputError) as exc:
        print(f"report: {exc}", file=sys.stderr)
        return BAD_INPUT
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a cron job has no screen
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # fonts for the PDF
    embedded = None
    url = getattr(args, "database_url", None)
    try:
        if not url:
            from console.seat_setup import EmbeddedServer

            data_dir = getattr(args, "data_dir", None)
            embedded = EmbeddedServer(data_dir) if data_dir else EmbeddedServer()
            url = embedded.start()
        return asyncio.run(_make(url, args, kind, period, fmt))
    except DatabaseUnavailable as exc:
        print(f"report: cannot reach the database: {_first_line(exc)}", file=sys.stderr)
        return UNAVAILABLE
    except PeriodError as exc:
        print(f"report: {exc}", file=sys.stderr)
        return BAD_INPUT
    except (OSError, OutputError) as exc:
        print(f"report: cannot write {args.out}: {_first_line(exc)}", file=sys.stderr)
        return NOT_WRITTEN
    except Exception:
        log.exception("the report failed")
        print("report: the report failed (a bug): see the log above", file=sys.stderr)
        return BUG
    finally:
        if embedded is not None:
            embedded.stop()
        del app


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


async def _make(url: str, args: argparse.Namespace, kind: Kind, period: Period,
                fmt: str) -> int:
    from console.accounts.credentials import login_role
    from console.reports.service import schema_problem
    from widgets.reports.produce import produce

    problem = await asyncio.to_thread(schema_problem, url)
    if problem:
        print(f"report: {problem}", file=sys.stderr)
        return UNAVAILABLE
    store = Store(url, login_role(url))
    reading = reporting_store(store, getattr(args, "reporting_url", None))
    try:
        catalog = await load_catalog(reading)
        category_id, street_code = subject(catalog, args.category, args.street)
        await produce(reading, kind, period, args.out, category_id=category_id,
                      street_code=street_code, catalog=catalog, with_map=not args.no_map,
                      in_thread=False)
    finally:
        if reading is not store:
            await reading.close()
        await store.close()
    print(f"report: {args.out} ({fmt}, {period.label})")
    return OK
