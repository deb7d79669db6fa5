"""The outbox holds against staff with psql: nobody forges, changes or deletes a
message to a citizen; only the sender's role records a send, and a message that
is no longer pending is final for everyone. A case's class comes from its
category and changes only by a shift leader's reclass, with its event."""

from __future__ import annotations

import uuid

import pytest
from psycopg import errors

from console.casework import cases
from console.casework.lifecycle import TransitionError
from console.casework.reclass import reclass
from console.catalog.catalog import load_catalog
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, person, raw


def message_of(url: str, case_id: uuid.UUID) -> tuple[int, str, str]:
    with raw(url) as conn:
        row = conn.execute("SELECT id, result, text FROM citizen_message WHERE case_id = %s",
                           (case_id,)).fetchone()
    assert row is not None
    return row  # type: ignore[return-value]


@pytest.mark.parametrize("group", ["operator", "dispatcher", "shift_leader", "admin"])
async def test_staff_cannot_forge_change_or_delete_a_message(login_as: MakeLogin,
                                                            group: str) -> None:
    operator, person_url = login_as("operator"), login_as(group)
    case_id = await a_case(operator)
    message, result, text = message_of(operator, case_id)
    attempts = [
        ("INSERT INTO citizen_message (case_id, kind, channel, recipient, text, due_by,"
         " result, sent_at) VALUES (%s, 'acceptance', 'sms', '+8613800000000', 'x', now(),"
         " 'sent', now())", (case_id,)),
        ("UPDATE citizen_message SET result = 'sent', sent_at = now() WHERE id = %s",
         (message,)),
        ("UPDATE citizen_message SET text = 'forged' WHERE id = %s", (message,)),
        ("DELETE FROM citizen_message WHERE id = %s", (message,)),
        ("SELECT citizen_message_record(%s, true, '')", (message,)),
        ("SELECT * FROM citizen_messages_due(10)", None),
        # queued again for an old case: only the intake that makes the case queues it
        ("SELECT citizen_message_queue(%s, 'acceptance')", (case_id,)),
        ("SELECT citizen_message_queue(%s, 'result')", (case_id,)),
    ]
    with raw(person_url) as conn:
        for statement, params in attempts:
            with pytest.raises((errors.InsufficientPrivilege, errors.CheckViolation)):
                conn.execute(statement, params)  # type: ignore[arg-type]
    assert message_of(operator, case_id) == (message, result, text)


async def test_a_sender_records_only_a_send_and_a_done_message_is_final(
        login_as: MakeLogin, database_url: str) -> None:
    operator, sender = login_as("operator"), login_as("sender")
    case_id = await a_case(operator)
    message, _result, _text = message_of(operator, case_id)
    with raw(sender) as conn:
        for statement in ("UPDATE citizen_message SET text = 'x' WHERE id = %s",
                          "DELETE FROM citizen_message WHERE id = %s"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement, (message,))
        with conn.transaction():
            assert conn.execute("SELECT citizen_message_record(%s, true, '')",
                                (message,)).fetchone() == ("sent",)
        with pytest.raises(errors.CheckViolation):  # sent once: never again
            conn.execute("SELECT citizen_message_record(%s, true, '')", (message,))
    with raw(database_url) as owner:  # the owner too
        for statement in ("UPDATE citizen_message SET text = 'x' WHERE id = %s",
                          "DELETE FROM citizen_message WHERE id = %s"):
            with pytest.raises(errors.InsufficientPrivilege):
                owner.execute(statement, (message,))


async def test_a_new_case_takes_its_categorys_class(login_as: MakeLogin) -> None:
    operator = login_as("operator")
    case_id = await a_case(operator)  # 道路破损, class B
    with raw(operator) as conn:
        row = conn.execute('SELECT urgency FROM "case" WHERE id = %s', (case_id,)).fetchone()
        assert row == ("B",)
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(
                'INSERT INTO "case" (id, public_no, channel, text, category_id, urgency,'
                " status, due_at) SELECT %s, 'X-1', 'web', 't', category_id, 'A', 'accepted',"
                ' now() + interval \'1 day\' FROM "case" WHERE id = %s',
                (uuid.uuid4(), case_id))


async def test_the_class_changes_only_by_a_shift_leaders_reclass(
        login_as: MakeLogin) -> None:
    operator, leader = login_as("operator"), login_as("shift_leader")
    case_id = await a_case(operator)
    reclass_event = ("INSERT INTO case_event (case_id, kind, payload) VALUES"
                     " (%s, 'reclass', '{\"urgency\": \"A\"}')")
    with (raw(operator) as conn,  # no grant on the class
          pytest.raises(errors.InsufficientPrivilege), conn.transaction()):
        conn.execute('UPDATE "case" SET urgency = \'A\', version = version + 1'
                     " WHERE id = %s", (case_id,))
        conn.execute(reclass_event, (case_id,))
    with raw(leader) as conn:
        with pytest.raises(errors.InsufficientPrivilege), conn.transaction():  # no event
            conn.execute('UPDATE "case" SET urgency = \'A\', version = version + 1'
                         " WHERE id = %s", (case_id,))
        with pytest.raises(errors.InsufficientPrivilege), conn.transaction():
            conn.execute('UPDATE "case" SET due_at = due_at - interval \'1 day\','
                         " version = version + 1 WHERE id = %s", (case_id,))
            conn.execute("INSERT INTO case_event (case_id, kind) VALUES (%s, 'note')",
                         (case_id,))
    with raw(operator) as conn:
        row = conn.execute('SELECT urgency, version FROM "case" WHERE id = %s',
                           (case_id,)).fetchone()
    assert row == ("B", 1)

    store = await person(operator)
    try:
        catalog = await load_catalog(store)
        with pytest.raises(TransitionError) as refused:
            await reclass(store, catalog, case_id, None, "A", "涉及人身安全")
        assert refused.value.code == "transition.forbidden"
    finally:
        await store.close()
    store = await person(leader)
    try:
        catalog = await load_catalog(store)
        with pytest.raises(TransitionError) as same:
            await reclass(store, catalog, case_id, None, "B", "原样")
        assert same.value.code == "reclass.same_class"
        moved = await reclass(store, catalog, case_id, 1, "A", "涉及人身安全")
        (entry,) = [e for e in await cases.timeline(store, case_id) if e.kind == "reclass"]
    finally:
        await store.close()
    with raw(operator) as conn:
        urgency, due, accepted = conn.execute(
            'SELECT urgency, due_at, accepted_at FROM "case" WHERE id = %s',
            (case_id,)).fetchone()  # type: ignore[misc]
    assert urgency == "A" and moved.after.urgency == "A"
    expected = catalog.deadline(catalog_leaf_id(catalog), "A", accepted)
    assert expected is not None and due == expected.at
    assert entry.payload["was"] == "B" and entry.payload["reason"] == "涉及人身安全"
    assert entry.payload["due_from"] == "accepted_at" and entry.payload["due_at"]


def catalog_leaf_id(catalog: object) -> int:
    from tests.factories import leaf
    return leaf(catalog).id  # type: ignore[arg-type]
