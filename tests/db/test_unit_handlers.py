"""A unit handler at the database, by raw SQL: they see and change only the
cases of their own unit, write only in their own name and never decide their
own return or extension request (migration 0009)."""

from __future__ import annotations

import datetime as dt

import pytest
from psycopg import errors

from tests.db.conftest import MakeLogin
from tests.db.people import login_of, raw
from tests.db.units_fixture import a_handler, dispatched_to, two_units

SIGN = ("UPDATE \"case\" SET status = 'in_progress', signed_at = now(),"
        " version = version + 1 WHERE id = %s")
NOTE = "INSERT INTO case_event (case_id, kind, payload) VALUES (%s, 'progress_noted', '{}')"


@pytest.fixture
async def world(login_as: MakeLogin, database_url: str) -> dict[str, object]:
    unit_x, unit_y = two_units(database_url)
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    return {
        "x": unit_x, "y": unit_y, "dispatcher": dispatcher,
        "case_x": await dispatched_to(operator, dispatcher, unit_x),
        "case_y": await dispatched_to(operator, dispatcher, unit_y),
        "handler_x": a_handler(login_as, database_url, unit_x),
    }


def test_a_handler_sees_only_their_units_cases_and_their_events(
        world: dict[str, object]) -> None:
    with raw(str(world["handler_x"])) as conn:
        seen = {r[0] for r in conn.execute('SELECT id FROM "case"').fetchall()}
        assert seen == {world["case_x"]}
        assert conn.execute("SELECT count(*) FROM case_event WHERE case_id = %s",
                            (world["case_y"],)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM case_event WHERE case_id = %s",
                            (world["case_x"],)).fetchone()[0] >= 2  # type: ignore[index]
        callers = conn.execute("SELECT count(*) FROM caller").fetchone()
        assert callers == (1,)  # the caller of their own case only
        # Taking a group with fewer rights does not lift the unit's limit.
        conn.execute("SET ROLE hotline_staff")
        assert conn.execute('SELECT count(*) FROM "case"').fetchone() == (1,)


def test_other_staff_still_see_every_case(world: dict[str, object]) -> None:
    with raw(str(world["dispatcher"])) as conn:
        assert conn.execute('SELECT count(*) FROM "case"').fetchone() == (2,)


def test_a_handler_without_a_unit_sees_nothing(login_as: MakeLogin,
                                               world: dict[str, object]) -> None:
    with raw(login_as("unit_handler")) as conn:
        assert conn.execute('SELECT count(*) FROM "case"').fetchone() == (0,)


def test_a_handler_cannot_change_another_units_case(world: dict[str, object]) -> None:
    with raw(str(world["handler_x"])) as conn:
        with conn.transaction():
            changed = conn.execute(SIGN, (world["case_y"],)).rowcount
            assert changed == 0  # the row is not theirs to see, let alone change
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(NOTE, (world["case_y"],))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("INSERT INTO unit_request (case_id, unit_id, kind, reason)"
                         " VALUES (%s, %s, 'return', '不归我们管')",
                         (world["case_y"], world["y"]))
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO escalation_order (case_id, level) VALUES (%s, 'urge')",
                         (world["case_x"],))  # a unit never issues orders
    with raw(str(world["dispatcher"])) as conn:
        assert conn.execute('SELECT status, signed_at FROM "case" WHERE id = %s',
                            (world["case_y"],)).fetchone() == ("dispatched", None)


def test_a_handler_signs_and_cannot_move_the_case_elsewhere(
        world: dict[str, object]) -> None:
    case_x = world["case_x"]
    with raw(str(world["handler_x"])) as conn:
        with pytest.raises(errors.InsufficientPrivilege, match="not allowed"), conn.transaction():
            conn.execute("UPDATE \"case\" SET status = 'returned', assigned_unit_id = NULL,"
                         " version = version + 1 WHERE id = %s", (case_x,))
        with pytest.raises(errors.InsufficientPrivilege, match="unit changes"), conn.transaction():
            conn.execute("UPDATE \"case\" SET assigned_unit_id = %s,"
                         " version = version + 1 WHERE id = %s", (world["y"], case_x))
        with pytest.raises(errors.InsufficientPrivilege, match="deadline"), conn.transaction():
            conn.execute("UPDATE \"case\" SET due_at = due_at + interval '3 days',"
                         " version = version + 1 WHERE id = %s", (case_x,))
        with pytest.raises(errors.InsufficientPrivilege, match="signed_at"), conn.transaction():
            conn.execute("UPDATE \"case\" SET signed_at = now() - interval '1 day',"
                         " status = 'in_progress', version = version + 1 WHERE id = %s",
                         (case_x,))
        with conn.transaction():
            assert conn.execute(SIGN, (case_x,)).rowcount == 1
            conn.execute(NOTE.replace("progress_noted", "sign"), (case_x,))
        assert conn.execute('SELECT status, signed_at IS NOT NULL FROM "case" WHERE id = %s',
                            (case_x,)).fetchone() == ("in_progress", True)


def test_a_handler_writes_only_in_their_own_name(world: dict[str, object]) -> None:
    with raw(str(world["handler_x"])) as conn:
        with pytest.raises(errors.InsufficientPrivilege, match="logged in"):
            conn.execute("INSERT INTO case_event (case_id, actor, kind) VALUES"
                         " (%s, 'zhang_dispatcher', 'progress_noted')", (world["case_x"],))
        with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
            conn.execute("INSERT INTO unit_request (case_id, unit_id, kind, reason,"
                         " requested_by) VALUES (%s, %s, 'return', '错派', 'someone_else')",
                         (world["case_x"], world["x"]))


def _apply(url: str, case_id: object, unit_id: object, kind: str = "return") -> int:
    days = 2 if kind == "extension" else None
    with raw(url) as conn:
        row = conn.execute("INSERT INTO unit_request (case_id, unit_id, kind, reason, days)"
                           " VALUES (%s, %s, %s, '不属本单位职责', %s) RETURNING id",
                           (case_id, unit_id, kind, days)).fetchone()
    assert row is not None
    return int(row[0])


def test_nobody_decides_their_own_request(login_as: MakeLogin, database_url: str,
                                          world: dict[str, object]) -> None:
    request = _apply(str(world["handler_x"]), world["case_x"], world["x"])
    decide = ("UPDATE unit_request SET decision = 'approved', decided_by = session_user,"
              " decided_at = now(), version = version + 1 WHERE id = %s")
    with raw(str(world["handler_x"])) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(decide, (request,))
    # A person who is both a unit's handler and a dispatcher still cannot.
    both = a_handler(login_as, database_url, int(world["x"]),  # type: ignore[call-overload]
                     "dispatcher", "shift_leader")
    with raw(database_url) as conn:  # the first request decided, so the case is free
        conn.execute("UPDATE unit_request SET decision = 'refused', decided_by = 'postgres',"
                     " decided_at = now(), decision_reason = '职责属实'"
                     " , version = version + 1 WHERE id = %s", (request,))
    own = _apply(both, world["case_x"], world["x"])
    with raw(both) as conn, pytest.raises(errors.InsufficientPrivilege, match="own request"):
        conn.execute(decide, (own,))
    extension = _apply(both, world["case_x"], world["x"], "extension")
    with raw(both) as conn, pytest.raises(errors.InsufficientPrivilege, match="own request"):
        conn.execute(decide.replace("'approved'", "'refused'").replace(
            "decided_at", "decision_reason = '不行', decided_at"), (extension,))
    assert login_of(both) != "postgres"


def test_a_decision_needs_the_right_group_and_is_final(
        login_as: MakeLogin, world: dict[str, object]) -> None:
    extension = _apply(str(world["handler_x"]), world["case_x"], world["x"], "extension")
    refuse = ("UPDATE unit_request SET decision = 'refused', decided_by = session_user,"
              " decided_at = now(), decision_reason = '时限充足', version = version + 1"
              " WHERE id = %s")
    with raw(str(world["dispatcher"])) as conn, pytest.raises(
            errors.InsufficientPrivilege, match="shift leader or a supervisor"):
        conn.execute(refuse, (extension,))
    leader = login_as("shift_leader")
    with raw(leader) as conn:
        conn.execute(refuse, (extension,))
        with pytest.raises(errors.InsufficientPrivilege, match="final"):
            conn.execute("UPDATE unit_request SET decision = 'approved', version = version + 1"
                         " WHERE id = %s", (extension,))
        # The deadline moves only by an extension approved in the same transaction.
        with pytest.raises(errors.InsufficientPrivilege, match="deadline"), conn.transaction():
            conn.execute("UPDATE \"case\" SET due_at = due_at + interval '2 days',"
                         " version = version + 1 WHERE id = %s", (world["case_x"],))


def test_an_approved_extension_moves_the_deadline_to_what_it_grants(
        login_as: MakeLogin, world: dict[str, object]) -> None:
    extension = _apply(str(world["handler_x"]), world["case_x"], world["x"], "extension")
    leader = login_as("supervisor")
    approve = ("UPDATE unit_request r SET decision = 'approved', decided_by = session_user,"
               " decided_at = now(), previous_due_at = c.due_at,"
               " granted_due_at = c.due_at + interval '2 days', version = r.version + 1"
               " FROM \"case\" c WHERE c.id = r.case_id AND r.id = %s")
    # The unit's clock runs (dispatched by the rule 'dispatch'): its deadline moves too.
    with_unit = approve.replace(", version", ", previous_unit_due_at = c.unit_due_at,"
                                " granted_unit_due_at = c.unit_due_at + interval '2 days',"
                                " version")
    with raw(leader) as conn:
        before = conn.execute('SELECT due_at, unit_due_at FROM "case" WHERE id = %s',
                              (world["case_x"],)).fetchone()
        assert before is not None and before[1] is not None
        with pytest.raises(errors.InsufficientPrivilege, match="unit's running deadline"):
            conn.execute(approve, (extension,))  # silent on the unit's deadline
        with pytest.raises(errors.InsufficientPrivilege, match="deadline"), conn.transaction():
            conn.execute(with_unit, (extension,))
            conn.execute("UPDATE \"case\" SET due_at = due_at + interval '3 days',"
                         " version = version + 1 WHERE id = %s", (world["case_x"],))
        with conn.transaction():
            conn.execute(with_unit, (extension,))
            conn.execute("UPDATE \"case\" SET due_at = due_at + interval '2 days',"
                         " unit_due_at = unit_due_at + interval '2 days',"
                         " version = version + 1 WHERE id = %s", (world["case_x"],))
            conn.execute(NOTE.replace("progress_noted", "unit_request"), (world["case_x"],))
        after = conn.execute('SELECT due_at, unit_due_at FROM "case" WHERE id = %s',
                             (world["case_x"],)).fetchone()
    two_days = dt.timedelta(days=2)
    assert after == (before[0] + two_days, before[1] + two_days)


def _street_units(database_url: str) -> dict[str, int]:
    """A street sub-centre, a community unit of its street, one of another street."""
    with raw(database_url) as conn:
        centre, street = conn.execute("SELECT id, street_code FROM unit WHERE kind = 'centre'"
                                      " AND street_code IS NOT NULL ORDER BY id LIMIT 1"
                                      ).fetchone()  # type: ignore[misc]
        ours, = conn.execute("SELECT id FROM unit WHERE kind = 'community' AND street_code = %s"
                             " ORDER BY id LIMIT 1", (street,)).fetchone()  # type: ignore[misc]
        theirs, = conn.execute("SELECT id FROM unit WHERE kind = 'community'"
                               " AND street_code <> %s ORDER BY id LIMIT 1",
                               (street,)).fetchone()  # type: ignore[misc]
    return {"centre": centre, "ours": ours, "theirs": theirs}


FORWARD = ("UPDATE \"case\" SET assigned_unit_id = %s, dispatched_at = now(),"
           " version = version + 1 WHERE id = %s")


async def test_a_street_sub_centre_dispatches_on_only_to_its_own_communities(
        login_as: MakeLogin, database_url: str) -> None:
    units = _street_units(database_url)
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    case_id = await dispatched_to(operator, dispatcher, units["centre"])
    centre = a_handler(login_as, database_url, units["centre"])
    community = a_handler(login_as, database_url, units["ours"])
    with raw(community) as conn:
        assert conn.execute('SELECT count(*) FROM "case"').fetchone() == (0,)
    with raw(centre) as conn:
        with pytest.raises(errors.InsufficientPrivilege), conn.transaction():
            conn.execute(FORWARD, (units["theirs"], case_id))  # another street's community
        with conn.transaction():
            assert conn.execute(FORWARD, (units["ours"], case_id)).rowcount == 1
            conn.execute(NOTE.replace("progress_noted", "forward"), (case_id,))
        # The sub-centre still sees it (its communities' cases), and cannot take it back:
        # the row is no longer its own to change (migration 0013).
        assert conn.execute('SELECT assigned_unit_id FROM "case"').fetchone() == (units["ours"],)
        with conn.transaction():
            assert conn.execute(FORWARD, (units["centre"], case_id)).rowcount == 0
    with raw(community) as conn:
        assert conn.execute('SELECT count(*) FROM "case"').fetchone() == (1,)
        with pytest.raises(errors.InsufficientPrivilege), conn.transaction():
            conn.execute(FORWARD, (units["theirs"], case_id))  # a community sends nothing on
