"""Commands run from the command line, without a window, for scheduled jobs:
``python main.py <command> …`` (``python main.py --help`` lists them).

Each command is a module here with ``NAME``, ``add_arguments(parser)`` and
``run(args) -> int`` (the process's exit status), listed in ``COMMANDS``; main.py
gives each its own subparser. Options every command shares (the database, the
replica, the log level) come from ``connection_options``, so they may stand before
or after the command's name.
"""

from __future__ import annotations

import argparse
import os
from types import ModuleType

from console.cli import export

COMMANDS: tuple[ModuleType, ...] = (export,)


def connection_options(parser: argparse.ArgumentParser, *, in_command: bool) -> None:
    """--database-url, --reporting-url and --log-level. In a command's subparser they
    default to nothing set (argparse.SUPPRESS), so a value given before the command's
    name is not overwritten by the subparser's default."""

    def default(value: object) -> object:
        return argparse.SUPPRESS if in_command else value

    parser.add_argument("--database-url", default=default(os.environ.get("CONSOLE_DATABASE_URL")),
                        help="shared server, e.g. postgresql://user@host:5432/hotline "
                             "(a password from PGPASSWORD or ~/.pgpass)")
    parser.add_argument("--reporting-url",
                        default=default(os.environ.get("CONSOLE_REPORTING_URL")),
                        help="a read-only replica for statistics and reports, e.g. "
                             "postgresql://replica:5432/hotline (the login is the "
                             "--database-url's; default: the seat's setting, else the primary)")
    parser.add_argument("--log-level", default=default(os.environ.get("CONSOLE_LOG_LEVEL",
                                                                      "INFO")))


def add_commands(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="command", metavar="command",
                                     title="commands (without one: the console's window)")
    for command in COMMANDS:
        sub = commands.add_parser(command.NAME, help=command.HELP,
                                  description=command.__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        connection_options(sub, in_command=True)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)


def run(args: argparse.Namespace) -> int:
    return int(args.run(args))
