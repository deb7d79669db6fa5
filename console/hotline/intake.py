"""Call intake: a case draft is validated, then saved in one transaction that
also appends its ``created`` event. The draft's UUID is made on the seat, so a
resubmission after a timeout or an outage never makes a second case.

A case's point (longitude and latitude, GCJ-02) is the one picked on the map when
the draft has one; a draft with a grid cell and no point is placed at the cell's
centre as the database has it when the case is saved (the ``created`` event says
which: ``placed``). The database refuses a point outside the case's cell as stored
(boundaries imported since the seat located it): ``point.outside_cell``.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from console.casework import cases, first_move
from console.casework.lifecycle import CaseState
from console.catalog.catalog import Catalog
from console.core import events
from console.core.errors import FieldError, ValidationError
from console.core.store import Store
from console.core.text_rules import check_text
from console.hotline import case_row
from console.hotline import phone as phones
from console.hotline.channels import CHANNELS, NATURES, PHONE_CHANNELS
from db import schema as s

PUBLIC_NO_PREFIX = "PS"
MAX_TEXT = 20_000
MAX_ADDRESS = 500
MAX_NAME = 64
POINT_IN_CELL = "case_point_in_cell"  # the database's check that a point lies in its cell
DAY_TURNED = "ck_case_deadline_when_open"  # no deadline stored: case_row._INSERT


@dataclass(frozen=True)
class CaseDraft:
    """What the operator typed, exactly as typed."""

    id: uuid.UUID = field(default_factory=uuid.uuid4)
    channel: str = "phone_12345"
    nature: str = "complaint"
    caller_phone: str = ""
    caller_name: str = ""
    text: str = ""
    address: str = ""
    street_code: str | None = None
    community_code: str | None = None
    grid_code: str | None = None
    category_id: int | None = None
    urgency: str | None = None
    lon: float | None = None  # a point picked on the map (GCJ-02); both or neither
    lat: float | None = None


# Where a saved case's point came from (the ``created`` event's ``placed``).
PLACED_AT_POINT, PLACED_AT_CELL_CENTRE = "point", "cell_centre"


@dataclass(frozen=True)
class CreatedCase:
    id: uuid.UUID
    public_no: str
    created: bool  # False when this UUID had been saved before (a resubmission)
    # The last event the save appended (the case's newest one for a resubmission):
    # the seat waits until the change feed has applied it.
    event_id: int = 0


def validate(draft: CaseDraft, catalog: Catalog) -> CaseDraft:
    """Return the cleaned draft or raise ValidationError listing every bad field."""
    errors: list[FieldError] = []
    if draft.channel not in CHANNELS:
        errors.append(FieldError("channel", "channel.unknown"))
    if draft.nature not in NATURES:
        errors.append(FieldError("nature", "nature.unknown"))
    phone = ""
    if draft.caller_phone.strip() or draft.channel in PHONE_CHANNELS:
        try:
            phone = phones.e164(draft.caller_phone)
        except phones.PhoneError as exc:
            errors.append(FieldError("caller_phone", exc.code))
    name = check_text(draft.caller_name, "caller_name", MAX_NAME, errors, required=False)
    body = check_text(draft.text, "text", MAX_TEXT, errors, required=True)
    address = check_text(draft.address, "address", MAX_ADDRESS, errors, required=False)

    category = catalog.categories.get(draft.category_id) if draft.category_id else None
    if draft.category_id is None:
        errors.append(FieldError("category", "category.empty"))
    elif category is None or not category.active:
        errors.append(FieldError("category", "category.unknown"))
    elif not category.is_leaf:
        errors.append(FieldError("category", "category.not_leaf"))
    usable = category if category is not None and category.active and category.is_leaf else None
    urgency = draft.urgency or (usable.urgency if usable else None)
    # The class comes from the category's standard; a shift leader changes it on
    # one case afterwards, with a reason (the ``reclass`` move).
    if usable is not None and usable.urgency and draft.urgency not in (None, usable.urgency):
        errors.append(FieldError("urgency", "urgency.by_category",
                                 {"urgency": usable.urgency}))
    # Without a usable category there is no default urgency to complain about.
    if (draft.urgency is not None or usable is not None) and urgency not in s.URGENCIES:
        errors.append(FieldError("urgency", "urgency.unknown"))

    street, community, cell = draft.street_code, draft.community_code, draft.grid_code
    if cell is not None:
        grid = catalog.grid_cells.get(cell)
        if grid is None:
            errors.append(FieldError("grid", "grid.unknown"))
        elif community not in (None, grid.community_code):
            errors.append(FieldError("grid", "grid.mismatch"))
        elif street not in (None, grid.street_code):  # typed, not to be overridden
            errors.append(FieldError("grid", "grid.street_mismatch"))
        else:  # the cell decides its community and street
            community, street = grid.community_code, grid.street_code
    if community is not None:
        comm = catalog.communities.get(community)
        if comm is None:
            errors.append(FieldError("community", "community.unknown"))
        elif street not in (None, comm.street_code):
            errors.append(FieldError("community", "community.mismatch"))
        else:
            street = comm.street_code
    if street is not None and street not in catalog.streets:
        errors.append(FieldError("street", "street.unknown"))
    if not _point_ok(draft.lon, draft.lat):
        errors.append(FieldError("point", "point.invalid"))
    if errors:
        raise ValidationError(errors)
    return replace(draft, caller_phone=phone, caller_name=name, text=body, address=address,
                   street_code=street, community_code=community, urgency=urgency)


def _point_ok(lon: float | None, lat: float | None) -> bool:
    """Neither, or both: finite longitude and latitude on the globe."""
    if lon is None and lat is None:
        return True
    return (isinstance(lon, (int, float)) and isinstance(lat, (int, float))
            and not isinstance(lon, bool) and not isinstance(lat, bool)
            and math.isfinite(lon) and math.isfinite(lat)
            and -180 <= lon <= 180 and -90 <= lat <= 90)


def _constraint(exc: IntegrityError) -> str | None:
    diag = getattr(exc.orig, "diag", None)
    return getattr(diag, "constraint_name", None)


async def create_case(store: Store, catalog: Catalog, draft: CaseDraft) -> CreatedCase:
    """Save a new case (idempotent on the draft's UUID). Raises ValidationError.

    No transaction stands open while the seat works (issue 16): the read before the
    save runs by itself, and the save (caller, case, ``created`` event; the dispatch
    move when the category goes out by itself, ``first_move``) is begun, committed
    and announced to the other seats in one round trip."""
    clean = validate(draft, catalog)
    assert clean.category_id is not None  # validated
    for _ in range(2):  # a second time only when the day turned between read and save
        async with store.unbegun() as conn:
            known = await case_row.before(conn, clean.id, clean.category_id, clean.urgency,
                                          clean.street_code)
            if known.public_no is not None:  # this UUID was saved before
                return _saved_before(clean.id, known)
            values, data = _row(clean, store, catalog, known)
            then = None
            if known.route is not None:  # it goes out by itself: the move, worked out now
                _move, then = first_move.dispatch(_as_inserted(clean, data), known.route,
                                                  clean.id, store.actor)
            try:
                with _refusals():
                    made = await case_row.commit_created(
                        conn, store, values, data, known.now, tell=_tell(clean, True),
                        then=then)
            except _DayTurned:
                continue
            if made is None:  # a concurrent resubmission won the race
                return _saved_before(clean.id, await case_row.before(conn, clean.id))
        event_id = made.event_id
        if known.route is not None and not made.moved:  # what it was worked out from changed
            event_id = await first_move.dispatch_after(
                store, clean.id, clean.category_id, clean.street_code) or event_id
        return CreatedCase(clean.id, made.public_no, created=True, event_id=event_id)
    raise AssertionError("the day turned twice during one save")


def _as_inserted(clean: CaseDraft, data: events.CaseCreated) -> CaseState:
    """The case as the save's insert makes it, for its first move (``cases._lock``'s
    columns: a new case is accepted at version 1, unassigned, with no unit clock)."""
    return CaseState("accepted", 1, None, None, data.due_at, None, 0,
                     clean.channel == s.GRID_REPORT_CHANNEL, None, None, 1, None,
                     clean.urgency, None, data.due_estimated)


class _DayTurned(Exception):
    """The centre's day turned between the read before a save and its insert: a
    deadline in working days is counted again."""


@contextmanager
def _refusals() -> Iterator[None]:
    """The database's refusals of a case row that the seat acts on: a point not in its
    cell as stored now (0018) is the operator's to mend; a day turned since the read
    before (no deadline stored) is counted again."""
    try:
        yield
    except IntegrityError as exc:
        if _constraint(exc) == POINT_IN_CELL:
            raise ValidationError([FieldError("point", "point.outside_cell")]) from exc
        if _constraint(exc) == DAY_TURNED:
            raise _DayTurned from exc
        raise


def _saved_before(case_id: uuid.UUID, known: case_row.Before) -> CreatedCase:
    assert known.public_no is not None
    return CreatedCase(case_id, known.public_no, created=False, event_id=known.newest_event)


def _tell(clean: CaseDraft, notify: bool) -> bool:
    """Whether the citizen is told of the acceptance: a caller's phone, not a grid
    worker's report."""
    return notify and bool(clean.caller_phone) and clean.channel != "grid_worker"


def _row(clean: CaseDraft, store: Store, catalog: Catalog, known: case_row.Before
         ) -> tuple[dict[str, object], events.CaseCreated]:
    """The insert's values and the ``created`` event's payload. The deadline counts
    from the database's time by the time limit as the database has it (``known``: the
    seat's catalog may not have followed a change made at another seat yet), on the
    seat's working-day calendar."""
    assert clean.category_id is not None and clean.urgency is not None  # validated
    if known.limit is None:  # every case counts down (a CHECK in the database, too)
        raise ValidationError([FieldError("category", "category.no_limit")])
    deadline = known.limit.due(catalog.calendar, known.now)
    values: dict[str, object] = {
        "id": clean.id, "channel": clean.channel, "nature": clean.nature,
        "phone": clean.caller_phone or None, "name": clean.caller_name or None,
        "text": clean.text, "address": clean.address,
        "lon": None if clean.lon is None or clean.lat is None else float(clean.lon),
        "lat": None if clean.lon is None or clean.lat is None else float(clean.lat),
        "street_code": clean.street_code, "community_code": clean.community_code,
        "grid_code": clean.grid_code, "category_id": clean.category_id,
        "urgency": clean.urgency, "created_by": store.actor,
        "due_at": deadline.at, "due_estimated": deadline.estimated,
        "in_hours": known.limit.limit_hours is not None}
    # The number, the deadline as stored and where the point came from (``placed``:
    # PLACED_AT_POINT or PLACED_AT_CELL_CENTRE, None without a point) are the database's.
    return values, events.CaseCreated(
        public_no="", status="accepted", channel=clean.channel, category_id=clean.category_id,
        urgency=clean.urgency, due_at=deadline.at, due_estimated=deadline.estimated)


async def create_case_in(conn: AsyncConnection, store: Store, catalog: Catalog,
                         clean: CaseDraft, *, auto_dispatch: bool = True,
                         notify: bool = True, known: case_row.Before | None = None
                         ) -> CreatedCase:
    """``create_case`` inside a transaction the caller holds; ``clean`` is validated.
    With ``notify`` the citizen's acceptance notice is queued (when there is a
    citizen to tell). ``known``: the read before, when made already."""
    if known is None:
        known = await case_row.before(conn, clean.id, clean.category_id, clean.urgency)
    if known.public_no is not None:  # this UUID was saved before
        return _saved_before(clean.id, known)
    assert clean.category_id is not None
    values, data = _row(clean, store, catalog, known)
    with _refusals():
        made = await case_row.insert_created(conn, values, data, known.now,
                                             tell=_tell(clean, notify))
    if made is None:  # a concurrent resubmission won the race
        return _saved_before(clean.id, await case_row.before(conn, clean.id))
    public_no, event_id = made
    # Whether it goes out by itself, and where, is the database's word (``known``).
    if auto_dispatch and known.auto_dispatch:
        event_id = await first_move.dispatch_in(conn, store, clean.id, clean.category_id,
                                                clean.street_code) or event_id
    return CreatedCase(clean.id, public_no, created=True, event_id=event_id)


async def answer_on_the_spot(store: Store, catalog: Catalog, draft: CaseDraft,
                             answer: str) -> CreatedCase:
    """Record a question answered during the call (from the quick-answer base or
    the operator's own words): saved and closed as answered in one transaction."""
    clean = validate(draft, catalog)
    async with store.transaction() as conn:
        created = await create_case_in(conn, store, catalog, clean, auto_dispatch=False,
                                       notify=False)
        if created.created:
            moved = await cases.perform_in(conn, store, created.id, "answer", None,
                                           {"answer": answer})
            created = replace(created, event_id=moved.event_id)
    return created
