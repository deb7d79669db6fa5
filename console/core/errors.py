"""Errors the console's users can act on, kept apart from bugs.

Domain code speaks in codes (``"phone.invalid"``); the widgets turn each code
into translated words. Anything that is not a ``ConsoleError`` is our bug: it
is logged with a traceback and reported as such.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass


class ConsoleError(Exception):
    """Something the user can act on."""

    code = "error"


@dataclass
class FieldError:
    field: str
    code: str
    params: dict[str, object] = dataclasses.field(default_factory=dict)


class ValidationError(ConsoleError):
    """Input refused; ``errors`` says which fields and why. Nothing was saved."""

    code = "validation"

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}: {e.code}" for e in errors))
        self.errors = errors

    def for_field(self, name: str) -> FieldError | None:
        return next((e for e in self.errors if e.field == name), None)


class DatabaseUnavailable(ConsoleError):
    """The environment failed: the database cannot be reached right now."""

    code = "database.unavailable"


class DatabaseBusy(ConsoleError):
    """The environment failed: what the change needs stayed locked too long (another
    seat holds it) or the statement ran past the login's time limit. Nothing was saved."""

    code = "database.busy"


class ConflictError(ConsoleError):
    """Somebody else changed the row first (optimistic concurrency)."""

    code = "conflict"

    def __init__(self, message: str, *, changed_by: str | None = None,
                 action: str | None = None, at: dt.datetime | None = None) -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.action = action  # what they did, as an event kind
        self.at = at          # when (a timezone-aware datetime) if known


class PermissionDenied(ConsoleError):
    """The person's role does not allow this (the database refuses it too once
    every person logs in as their own role)."""

    code = "permission.denied"


def require_role(roles: frozenset[str], *allowed: str) -> None:
    """Raise PermissionDenied unless one of ``allowed`` (or admin) is among ``roles``."""
    if "admin" not in roles and not roles.intersection(allowed):
        raise PermissionDenied(f"needs one of {sorted(allowed)}")
