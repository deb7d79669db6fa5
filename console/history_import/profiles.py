"""Profiles saved in the database (``import_profile``), shared by every admin's seat:
a mapping an admin made at one seat is what the next import asks no more about,
wherever it runs. Why the database and not the seat's settings file: the mappings
are the centre's reference data (which source unit is which of ours), not one
seat's preference, and a save is one version further, so two admins' saves never
silently overwrite each other.

A shipped profile (``builtin``) is offered until an admin saves one of its name.
"""

from __future__ import annotations

from sqlalchemy import func, insert, literal_column, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from console.core.errors import ConflictError, require_role
from console.core.store import Store
from console.history_import import builtin
from console.history_import.profile import Profile, from_json
from db import schema as s

P = s.ImportProfile


async def load_all(store: Store) -> list[Profile]:
    """The saved profiles, then the shipped ones no saved profile replaces; by name."""
    require_role(store.roles, "admin")
    async with store.read() as conn:
        rows = (await conn.execute(select(P.definition, P.version).order_by(P.name))).all()
    saved = {p.name: p for p in (from_json(r.definition, r.version) for r in rows)}
    shipped = [p for name, p in builtin.BUILTIN.items() if name not in saved]
    return sorted([*saved.values(), *shipped], key=lambda p: p.name)


async def save_in(conn: AsyncConnection, profile: Profile) -> Profile:
    """Save ``profile`` in the caller's transaction: a new one if it was never saved,
    else one version further than the version it was read at. Returns it as saved."""
    definition = profile.to_json()
    if profile.version == 0:
        taken = (await conn.execute(select(P.version, P.changed_by)
                                    .where(P.name == profile.name))).one_or_none()
        if taken is not None:
            raise ConflictError(f"profile {profile.name} was saved meanwhile",
                                changed_by=taken.changed_by, action="import_profile_saved")
        await conn.execute(insert(P).values(name=profile.name, definition=definition))
        return from_json(definition, 1)
    done = (await conn.execute(
        update(P).where(P.name == profile.name, P.version == profile.version)
        .values(definition=definition, version=P.version + 1, changed_at=func.now(),
                changed_by=literal_column("session_user"))
        .returning(P.version))).scalar_one_or_none()
    if done is None:
        who = (await conn.execute(select(P.changed_by, P.changed_at)
                                  .where(P.name == profile.name))).one_or_none()
        raise ConflictError(f"profile {profile.name} changed since it was read",
                            changed_by=who.changed_by if who else None,
                            action="import_profile_saved", at=who.changed_at if who else None)
    return from_json(definition, int(done))
