"""Commands run from the command line, without a window, for scheduled jobs:
``python main.py <command> …`` (``python main.py --help`` lists them).

Each command is a module with ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int`` (the process's exit status). ``COMMANDS`` names console's own by
their module's path, imported only when a command is asked for (the window's start
imports none of them); ``widgets/cli.py`` adds the commands that draw with Qt (the
duty reports), and main.py gives each of that list its own subparser. Options every
command shares (the database, the replica, the log level) come from
``connection_options``, so they may stand before or after the command's name. A
command logs warnings and errors only, unless ``--verbose`` or ``--log-level``
(``log_level``).
"""

from __future__ import annotations

import argparse
import importlib
import os
from collections.abc import Mapping

# A command's name and its module's path.
COMMANDS: Mapping[str, str] = {"export": "console.cli.export"}


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
                             "--database-url's; default: CONSOLE_REPORTING_URL, else "
                             + ("the primary)" if in_command
                                else "the seat's setting, else the primary)"))
    parser.add_argument("--log-level", default=default(os.environ.get("CONSOLE_LOG_LEVEL")),
                        help="DEBUG, INFO, WARNING… (default: CONSOLE_LOG_LEVEL, else INFO "
                             "for the window and WARNING for a command)")
    parser.add_argument("-v", "--verbose", action="store_true", default=default(False),
                        help="a command logs at INFO (what it does), not only WARNING")


def log_level(args: argparse.Namespace) -> str:
    """The level to log at: ``--log-level`` (or CONSOLE_LOG_LEVEL) when given; else
    INFO for the window and for a command run ``--verbose``, and WARNING for a command
    (a scheduled job's mail says only what went wrong)."""
    given = getattr(args, "log_level", None)
    if given:
        return str(given).upper()
    command = getattr(args, "command", None) is not None
    return "WARNING" if command and not getattr(args, "verbose", False) else "INFO"


def add_commands(parser: argparse.ArgumentParser, registry: Mapping[str, str]) -> None:
    """A subparser for each command of ``registry`` (a name and its module's path)."""
    commands = parser.add_subparsers(dest="command", metavar="command",
                                     title="commands (without one: the console's window)")
    for name, path in registry.items():
        command = importlib.import_module(path)
        assert name == command.NAME, (name, path)
        sub = commands.add_parser(name, help=command.HELP,
                                  description=command.__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        connection_options(sub, in_command=True)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)


def run(args: argparse.Namespace) -> int:
    return int(args.run(args))
