"""Export cases to a file, as a scheduled job would:

    python main.py export --format open311-json --from 2026-11-01 --to 2026-11-30 \\
        --out cases.json --database-url postgresql://dispatcher1@db.example:5432/hotline

--from and --to are days of the centre's calendar (Asia/Shanghai), both included:
the cases taken in over those days. Without them, every case. --status open keeps the
open cases only. The login's rights decide what is exported (a unit's handler gets
their unit's cases). The file is written whole or not at all.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import sys
from pathlib import Path

from console.accounts import credentials
from console.app import roles_of
from console.case_export import service
from console.case_export.query import Selection
from console.casework.queue import CaseFilter
from console.core.clock import CENTRE_TZ
from console.core.errors import ConsoleError, DatabaseUnavailable
from console.core.store import Store

NAME = "export"
HELP = "export cases as CSV or Open311 GeoReport v2 (JSON, XML)"
log = logging.getLogger(__name__)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a day (YYYY-MM-DD): {text!r}") from exc


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=service.FORMATS)
    parser.add_argument("--out", required=True, type=Path, help="the file to write")
    parser.add_argument("--from", dest="since", type=_day, default=None, metavar="DAY",
                        help="first day of intake (YYYY-MM-DD)")
    parser.add_argument("--to", dest="until", type=_day, default=None, metavar="DAY",
                        help="last day of intake, included (YYYY-MM-DD)")
    parser.add_argument("--status", choices=("all", "open"), default="all")


def selection_of(args: argparse.Namespace) -> Selection:
    def start(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(), CENTRE_TZ)

    statuses = None if args.status == "all" else CaseFilter().statuses
    return Selection(
        CaseFilter(statuses=statuses, sort_key="created_at", descending=False),
        since=start(args.since) if args.since else None,
        before=start(args.until + dt.timedelta(days=1)) if args.until else None)


async def export(url: str, args: argparse.Namespace) -> service.Exported:
    store = Store(url, credentials.login_role(url))
    try:
        store.roles = await roles_of(store)
        return await service.export(store, selection_of(args), args.format, args.out)
    finally:
        await store.close()


def run(args: argparse.Namespace) -> int:
    url = getattr(args, "database_url", None)
    if not url:
        print("export: name the database with --database-url or CONSOLE_DATABASE_URL",
              file=sys.stderr)
        return 2
    if args.since and args.until and args.until < args.since:
        print("export: --to is before --from", file=sys.stderr)
        return 2
    try:
        done = asyncio.run(export(url, args))
    except service.ExportFailed as exc:
        print(f"export: cannot write {exc.path}: {exc.reason}; no file was written",
              file=sys.stderr)
        return 1
    except DatabaseUnavailable as exc:
        print(f"export: the database cannot be reached: {str(exc).splitlines()[0]}",
              file=sys.stderr)
        return 1
    except ConsoleError as exc:
        print(f"export: refused ({exc.code}); no file was written", file=sys.stderr)
        return 1
    print(f"exported {done.cases} cases to {done.path}")
    return 0
