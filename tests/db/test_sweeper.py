"""The sweeper on a real database: one at a time, nothing issued twice; the
supervisor's orders; inspection when a reply is overdue."""

import asyncio
import datetime as dt
import os
import signal

import psycopg
import pytest
import sqlalchemy as sa
from psycopg import errors
from sqlalchemy import select, text, update

from console.calendar.workdays import DayInfo, WorkCalendar
from console.catalog.catalog import Catalog
from console.core.clock import FakeClock
from console.core.errors import ConflictError, PermissionDenied, ValidationError
from console.core.store import Store
from console.hotline.intake import create_case
from console.supervision import ladder_rules, sweeper
from db import schema as s
from db.engine import libpq_conninfo
from tests.db.conftest import MakeLogin
from tests.db.people import login_of, raw
from tests.factories import draft


async def case_with_clock(store: Store, catalog: Catalog, used: float,
                          limit: dt.timedelta = dt.timedelta(hours=10)):  # noqa: ANN201
    """A case that has used ``used`` of its time limit by the server's now."""
    made = await create_case(store, catalog, draft(catalog))
    async with store.transaction() as conn:
        now = (await conn.execute(select(s.func.now()))).scalar_one()
        start = now - limit * used
        await conn.execute(update(s.Case).where(s.Case.id == made.id)
                           .values(accepted_at=start, due_at=start + limit,
                                   # a unit's clock, if the case went out, runs the same
                                   unit_clock_at=start, unit_due_at=start + limit))
    return made.id


async def server_now(store: Store) -> dt.datetime:
    async with store.read() as conn:
        return (await conn.execute(select(s.func.now()))).scalar_one()


async def orders(store: Store, case_id) -> list[tuple[str, int]]:  # noqa: ANN001
    async with store.read() as conn:
        return sorted((await conn.execute(select(s.EscalationOrder.level,
                                                 s.EscalationOrder.round)
                                          .where(s.EscalationOrder.case_id == case_id))).all())


async def test_the_ladder_is_issued_once(store: Store, catalog: Catalog) -> None:
    fresh = await case_with_clock(store, catalog, 0.2)
    late = await case_with_clock(store, catalog, 0.8)
    overdue = await case_with_clock(store, catalog, 1.5)
    first = await sweeper.sweep(store, WorkCalendar())
    assert first.swept
    assert sorted(first.issued) == sorted([(late, "reminder"), (overdue, "reminder"),
                                           (overdue, "urge")])
    assert await orders(store, fresh) == []
    again = await sweeper.sweep(store, WorkCalendar())
    assert again.swept and again.issued == []  # nothing twice
    assert await orders(store, overdue) == [("reminder", 1), ("urge", 1)]
    async with store.read() as conn:
        kinds = (await conn.execute(select(s.CaseEvent.payload).where(
            s.CaseEvent.case_id == overdue, s.CaseEvent.kind == "escalation"))).scalars().all()
    assert sorted(k["level"] for k in kinds) == ["reminder", "urge"]


async def test_a_sweeps_orders_wake_the_other_seats_after_its_commit(
        database_url: str, store: Store, catalog: Catalog) -> None:
    overdue = await case_with_clock(store, catalog, 1.5)
    async with await psycopg.AsyncConnection.connect(libpq_conninfo(database_url),
                                                     autocommit=True) as listen:
        await listen.execute("LISTEN case_event")
        report = await sweeper.sweep(store, WorkCalendar())
        assert sorted(report.issued) == sorted([(overdue, "reminder"), (overdue, "urge")])
        heard = [int(n.payload) async for n in listen.notifies(timeout=5, stop_after=1)]
    async with store.read() as conn:
        newest = (await conn.execute(select(s.func.max(s.CaseEvent.id)).where(
            s.CaseEvent.kind == "escalation"))).scalar_one()
    assert heard == [newest]  # the seats' trigger leaves it to the sweep, which says it


async def test_two_sweepers_at_once_issue_nothing_twice(database_url: str, store: Store,
                                                        catalog: Catalog) -> None:
    for _ in range(5):
        await case_with_clock(store, catalog, 1.2)
    seats = [Store(database_url, f"seat{i}") for i in range(3)]
    try:
        reports = await asyncio.gather(*(sweeper.sweep(seat, WorkCalendar())
                                         for seat in seats))
    finally:
        for seat in seats:
            await seat.close()
    issued = [item for r in reports for item in r.issued]
    assert len(issued) == len(set(issued)) == 10  # 5 cases x (reminder, urge)
    assert any(r.swept for r in reports)
    # A seat that was sweeping and died holds nothing: the next sweep runs.
    assert (await sweeper.sweep(store, WorkCalendar())).swept


async def test_supervision_orders_are_for_supervisors(store: Store, catalog: Catalog) -> None:
    case_id = await case_with_clock(store, catalog, 3.0)
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    store.roles = frozenset({"operator"})
    with pytest.raises(PermissionDenied):
        await sweeper.issue_supervision(store, case_id, "请于明日前办结并回复", soon)
    store.roles = frozenset({"supervisor"})
    with pytest.raises(ValidationError) as bad:
        await sweeper.issue_supervision(store, case_id, "  ", dt.datetime(2020, 1, 1,
                                                                        tzinfo=dt.UTC))
    assert {e.code for e in bad.value.errors} == {"order_text.empty", "reply_due.past"}
    made = await sweeper.issue_supervision(store, case_id, "请于明日前办结并回复", soon)
    order_id = made.order_id
    with pytest.raises(ConflictError):
        await sweeper.issue_supervision(store, case_id, "再次督办", soon)
    acknowledged = await sweeper.acknowledge(store, order_id)
    assert acknowledged > made.event_id  # each write names the event it appended
    with pytest.raises(ValidationError) as twice:
        await sweeper.acknowledge(store, order_id)
    assert twice.value.errors[0].code == "order.acknowledged_already"
    assert await orders(store, case_id) == [("supervision", 1)]


async def test_an_unanswered_supervision_order_goes_to_inspection(
        store: Store, catalog: Catalog) -> None:
    case_id = await case_with_clock(store, catalog, 3.0)
    store.roles = frozenset({"supervisor"})
    order_id = (await sweeper.issue_supervision(
        store, case_id, "限期办结", dt.datetime.now(dt.UTC) + dt.timedelta(hours=2))).order_id
    assert ("inspection" not in
            {level for level, _ in await orders(store, case_id)})  # not yet due
    await sweeper.sweep(store, WorkCalendar())
    assert "inspection" not in {level for level, _ in await orders(store, case_id)}
    async with store.transaction() as conn:  # the database checks the deadline itself
        early = (await conn.execute(text("SELECT escalate_to_inspection(:o)"),
                                    {"o": order_id})).scalar_one()
    assert early is None
    async with store.transaction() as conn:  # time passes: the reply deadline is gone
        await conn.execute(update(s.EscalationOrder).where(s.EscalationOrder.id == order_id)
                           .values(reply_due_at=s.func.now() - dt.timedelta(minutes=1)))
    report = await sweeper.sweep(store, WorkCalendar())
    assert (case_id, "inspection") in report.issued
    await sweeper.reply(store, order_id, "已整改完毕")
    with pytest.raises(ValidationError):
        await sweeper.reply(store, order_id, "再次回复")


async def test_the_ladder_rule_is_the_admins(store: Store) -> None:
    store.roles = frozenset({"supervisor"})
    with pytest.raises(PermissionDenied):
        await ladder_rules.set_rule(store, 0.5, 2)
    store.roles = frozenset({"admin"})
    with pytest.raises(ValidationError) as bad:
        await ladder_rules.set_rule(store, 1.5, -1)
    assert {e.code for e in bad.value.errors} == {"ladder.reminder_share",
                                                 "ladder.supervision_days"}
    before = await ladder_rules.current_rule(store)
    after = await ladder_rules.set_rule(store, 0.5, 2, expected_version=before.version)
    assert (after.reminder_share, after.supervision_after_working_days) == (0.5, 2)
    assert after.version == before.version + 1
    assert after.event_id > 0
    with pytest.raises(ConflictError):
        await ladder_rules.set_rule(store, 0.6, 2, expected_version=before.version)


async def test_a_seat_killed_while_sweeping_is_replaced_by_the_next_sweep(
        database_url: str, store: Store, catalog: Catalog) -> None:
    import psycopg

    from db.engine import libpq_conninfo

    overdue = await case_with_clock(store, catalog, 1.5)
    dying = await psycopg.AsyncConnection.connect(libpq_conninfo(database_url))
    await dying.execute("SELECT take_turn('sweep')")
    pid = dying.info.backend_pid  # a seat in the middle of its sweep
    assert not (await sweeper.sweep(store, WorkCalendar())).swept
    async with await psycopg.AsyncConnection.connect(libpq_conninfo(database_url),
                                                     autocommit=True) as admin:
        await admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    # The server ends the killed backend, and its lock with it, a moment later.
    async with asyncio.timeout(10):
        while not (report := await sweeper.sweep(store, WorkCalendar())).swept:
            await asyncio.sleep(0.05)
    assert (overdue, "urge") in report.issued
    await dying.close()


def every_day_working() -> WorkCalendar:
    """A calendar where the days around today are all working days: working hours
    are then plain hours, whatever day the test runs on."""
    today = dt.datetime.now(dt.UTC).date()
    return WorkCalendar({today + dt.timedelta(days=d): DayInfo(True) for d in range(-30, 30)},
                        known_years=[today.year])


async def test_the_second_urge_goes_to_the_units_leader_after_the_working_hours(
        store: Store, catalog: Catalog) -> None:
    store.roles = frozenset({"admin"})
    await ladder_rules.set_rule(store, 0.75, 0, leader_urge_after_working_hours=2)
    limit = dt.timedelta(hours=10)
    just_overdue = await case_with_clock(store, catalog, 1.1, limit)   # 1 hour overdue
    long_overdue = await case_with_clock(store, catalog, 1.3, limit)   # 3 hours overdue
    calendar = every_day_working()
    report = await sweeper.sweep(store, calendar)
    assert {level for case, level in report.issued if case == just_overdue} == {
        "reminder", "urge"}
    assert {level for case, level in report.issued if case == long_overdue} == {
        "reminder", "urge", "leader_urge"}
    assert long_overdue in report.candidates and just_overdue not in report.candidates
    again = await sweeper.sweep(store, calendar)
    assert [item for item in again.issued if item[0] in (just_overdue, long_overdue)] == []
    assert await orders(store, long_overdue) == [("leader_urge", 1), ("reminder", 1),
                                                 ("urge", 1)]


async def test_a_replied_order_whose_case_is_still_overdue_goes_to_inspection(
        store: Store, catalog: Catalog) -> None:
    """仍旧超期: the unit replied, the case is still open and overdue at the reply
    deadline; a case that was resolved in time does not go."""
    still_open = await case_with_clock(store, catalog, 3.0)
    resolved = await case_with_clock(store, catalog, 3.0)
    store.roles = frozenset({"supervisor", "dispatcher"})
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
    made = {case: (await sweeper.issue_supervision(store, case, "限期办结", soon)).order_id
            for case in (still_open, resolved)}
    for case in (still_open, resolved):
        await sweeper.reply(store, made[case], "正在协调施工队，近日完成")
    async with store.transaction() as conn:  # the case resolved, then the deadline passes
        await conn.execute(update(s.Case).where(s.Case.id == resolved).values(
            status="resolved", resolved_at=s.func.now()))
        await conn.execute(update(s.EscalationOrder)
                           .where(s.EscalationOrder.id.in_(made.values()))
                           .values(reply_due_at=s.func.now() - dt.timedelta(minutes=1)))
    report = await sweeper.sweep(store, WorkCalendar())
    assert (still_open, "inspection") in report.issued
    assert resolved not in {case for case, _level in report.issued}
    async with store.read() as conn:
        text_ = (await conn.execute(select(s.EscalationOrder.text).where(
            s.EscalationOrder.case_id == still_open,
            s.EscalationOrder.level == "inspection"))).scalar_one()
    assert text_ == "督办期满仍超期：限期办结"
    again = await sweeper.sweep(store, WorkCalendar())
    assert (still_open, "inspection") not in again.issued  # once a round


async def test_inspection_asks_whether_the_case_is_still_overdue(
        login_as: MakeLogin, store: Store, catalog: Catalog) -> None:
    """Any seat may call the function; it inspects only a case still overdue."""
    case_id = await case_with_clock(store, catalog, 3.0)
    store.roles = frozenset({"supervisor"})
    order_id = (await sweeper.issue_supervision(
        store, case_id, "限期办结", dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))).order_id
    async with store.transaction() as conn:  # the deadlines moved on (an extension, say)
        later = s.func.now() + dt.timedelta(days=2)
        await conn.execute(update(s.Case).where(s.Case.id == case_id).values(
            due_at=later, unit_due_at=sa.case((s.Case.unit_due_at.is_(None), None),
                                              else_=later)))
        await conn.execute(update(s.EscalationOrder).where(s.EscalationOrder.id == order_id)
                           .values(reply_due_at=s.func.now() - dt.timedelta(minutes=1)))
    with raw(login_as("operator")) as conn:
        assert conn.execute("SELECT escalate_to_inspection(%s)", (order_id,)
                            ).fetchone() == (None,)
        with pytest.raises(errors.InsufficientPrivilege):  # not a function for staff
            conn.execute('SELECT ladder_due_at(c) FROM "case" c LIMIT 1')
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO escalation_order (case_id, level, round)"
                         " VALUES (%s, 'inspection', 9)", (case_id,))
        conn.execute("INSERT INTO escalation_order (case_id, level, round)"
                     " VALUES (%s, 'leader_urge', 9)", (case_id,))  # any seat's sweep


async def test_a_sweep_over_more_cases_than_a_page_issues_each_order_once(
        database_url: str, store: Store, catalog: Catalog) -> None:
    """Pages of three over eight cases: every order the ladder wants, once; the
    ladder is judged at the moment given (a fake clock's), not the database's."""
    store.roles = frozenset({"admin"})  # no second urge within this test's hours
    await ladder_rules.set_rule(store, 0.75, 0, leader_urge_after_working_hours=100)
    limit = dt.timedelta(hours=10)
    used = [0.1, 0.5, 0.8, 0.9, 1.2, 1.5, 2.0, 0.3]
    cases = [await case_with_clock(store, catalog, u, limit) for u in used]
    clock = FakeClock(await server_now(store))
    report = await sweeper.sweep(store, WorkCalendar(), now=clock.now(), page_size=3)
    wanted = {(c, "reminder") for c, u in zip(cases, used, strict=True) if u >= 0.75}
    wanted |= {(c, "urge") for c, u in zip(cases, used, strict=True) if u >= 1}
    assert sorted(report.issued) == sorted(wanted) and len(report.issued) == len(wanted)
    clock.advance(hours=3)  # 0.5 is at 0.8 now, 0.8 and 0.9 overdue; 0.1 and 0.3 not yet
    later = await sweeper.sweep(store, WorkCalendar(), now=clock.now(), page_size=3)
    assert sorted(later.issued) == sorted([(cases[1], "reminder"), (cases[2], "urge"),
                                           (cases[3], "urge")])
    # Several seats at once, in pages of two: nothing twice, and nothing missing.
    clock.advance(hours=10)
    seats = [Store(database_url, f"seat{i}") for i in range(3)]
    try:
        reports = await asyncio.gather(*(sweeper.sweep(seat, WorkCalendar(), now=clock.now(),
                                                       page_size=2) for seat in seats))
        reports.append(await sweeper.sweep(seats[0], WorkCalendar(), now=clock.now(),
                                           page_size=2))  # whatever the others left
    finally:
        for seat in seats:
            await seat.close()
    issued = [item for r in reports for item in r.issued]
    assert len(issued) == len(set(issued))
    assert sorted(issued) == sorted([(cases[0], "reminder"), (cases[0], "urge"),
                                     (cases[1], "urge"), (cases[7], "reminder"),
                                     (cases[7], "urge")])
    for case_id in cases:
        levels = [level for level, _round in await orders(store, case_id)]
        assert len(levels) == len(set(levels))  # one order per level and round
    async with store.read() as conn:  # one event per order, naming it
        made = (await conn.execute(select(sa.func.count()).select_from(s.EscalationOrder)
                                   .where(s.EscalationOrder.case_id.in_(cases)))).scalar_one()
        told = (await conn.execute(select(s.CaseEvent.payload).where(
            s.CaseEvent.case_id.in_(cases), s.CaseEvent.kind == "escalation"))).scalars().all()
    assert made == len(told) == 2 * len(cases)
    assert all(p["auto"] and p["order_id"] for p in told)


@pytest.mark.expected_log(r"^console\.supervision\.sweeper: the sweep skips case ")
async def test_a_page_the_database_refuses_is_issued_case_by_case(
        store: Store, catalog: Catalog) -> None:
    """One case's order refused (a unit that is gone): the others of its page are issued."""
    good = await case_with_clock(store, catalog, 1.5)
    bad = await case_with_clock(store, catalog, 1.5)
    async with store.transaction() as conn:
        await conn.execute(text("ALTER TABLE escalation_order ADD CONSTRAINT hc_test_refuse"
                                f" CHECK (case_id <> '{bad}'::uuid) NOT VALID"))
    try:
        report = await sweeper.sweep(store, WorkCalendar(), page_size=10)
    finally:
        async with store.transaction() as conn:
            await conn.execute(text("ALTER TABLE escalation_order DROP CONSTRAINT hc_test_refuse"))
    assert sorted(report.issued) == sorted([(good, "reminder"), (good, "urge")])
    assert await orders(store, bad) == []


async def test_a_staff_login_sweeps_in_pages_and_the_records_name_it(
        login_as: MakeLogin, store: Store, catalog: Catalog) -> None:
    """The page statements as a dispatcher's login (row-level security, the triggers
    that check who did it): orders and events name the login."""
    cases = [await case_with_clock(store, catalog, used) for used in (0.8, 1.5, 1.5)]
    url = login_as("dispatcher")
    seat = Store(url, login_of(url))
    try:
        report = await sweeper.sweep(seat, WorkCalendar(), page_size=2)
        login = (await server_value(seat, "SELECT session_user"))
    finally:
        await seat.close()
    assert sorted(report.issued) == sorted([(cases[0], "reminder"), (cases[1], "reminder"),
                                           (cases[1], "urge"), (cases[2], "reminder"),
                                           (cases[2], "urge")])
    async with store.read() as conn:
        issuers = set((await conn.execute(select(s.EscalationOrder.issuer).where(
            s.EscalationOrder.case_id.in_(cases)))).scalars())
        actors = set((await conn.execute(select(s.CaseEvent.actor).where(
            s.CaseEvent.case_id.in_(cases), s.CaseEvent.kind == "escalation"))).scalars())
    assert issuers == actors == {login}


async def server_value(store: Store, sql: str) -> object:
    async with store.read() as conn:
        return (await conn.execute(text(sql))).scalar_one()


async def test_a_sweep_runs_in_a_process_of_its_own(
        login_as: MakeLogin, store: Store, catalog: Catalog) -> None:
    """The seat's sweeps: run by a child process, started with the first sweep and
    logged in as the seat's login; the password reaches it by its pipe only (never its
    command line or environment); closing the worker ends the process."""
    from console.supervision.sweep_worker import SweepWorker
    from db.engine import normalise_url

    secret = f"never-on-a-command-line-{os.getpid()}"
    url = normalise_url(login_as("dispatcher")).set(password=secret).render_as_string(
        hide_password=False)  # the test server trusts; the password still travels
    overdue = await case_with_clock(store, catalog, 1.5)
    worker = SweepWorker(url, login_of(url))
    assert worker.pid is None  # started lazily
    try:
        report = await worker.sweep(WorkCalendar())
        child = worker.pid
        assert child is not None and child != os.getpid()
        for seen in ("cmdline", "environ"):
            with open(f"/proc/{child}/{seen}", "rb") as shown:
                assert secret.encode() not in shown.read()
        again = await worker.sweep(WorkCalendar())
        assert worker.pid == child  # the same process sweeps again
    finally:
        await worker.close()
    assert (overdue, "urge") in report.issued and again.issued == []
    assert not os.path.exists(f"/proc/{child}/cmdline")  # ended (and reaped)
    async with store.read() as conn:
        issuers = set((await conn.execute(select(s.EscalationOrder.issuer).where(
            s.EscalationOrder.case_id == overdue))).scalars())
    assert issuers == {login_of(url)}


async def test_the_process_ends_when_idle_and_the_next_sweep_starts_another(
        database_url: str, store: Store, catalog: Catalog) -> None:
    """Its memory is the seat's only around sweeps: it ends after its linger."""
    from console.supervision.sweep_worker import SweepWorker

    overdue = await case_with_clock(store, catalog, 1.5)
    worker = SweepWorker(database_url, "op_test", linger_s=0.2)
    try:
        first = await worker.sweep(WorkCalendar())
        child = worker.pid
        assert child is not None
        for _ in range(100):  # up to 10 s on a loaded machine
            await asyncio.sleep(0.1)
            if not os.path.exists(f"/proc/{child}/cmdline"):
                break
        assert worker.pid is None and not os.path.exists(f"/proc/{child}/cmdline")
        second = await worker.sweep(WorkCalendar())
        assert worker.pid not in (None, child)
    finally:
        await worker.close()
    assert (overdue, "urge") in first.issued and second.swept and second.issued == []


async def test_the_process_sweeps_at_the_seats_moment_and_calendar(
        database_url: str, store: Store, catalog: Catalog) -> None:
    """The fake clock's moment and the seat's calendar reach the child: a case due on
    Friday 17:00 earns its leader's urge 8 working hours later, so on Monday 11:00
    it has it, unless the seat's calendar makes that Monday a holiday."""
    from console.supervision.sweep_worker import SweepWorker

    case_id = await case_with_clock(store, catalog, 0.5)
    async with store.transaction() as conn:
        due = dt.datetime(2026, 5, 29, 17, tzinfo=dt.timezone(dt.timedelta(hours=8)))
        await conn.execute(update(s.Case).where(s.Case.id == case_id).values(
            accepted_at=due - dt.timedelta(hours=10), due_at=due,
            unit_clock_at=due - dt.timedelta(hours=10), unit_due_at=due))
    monday = dt.date(2026, 6, 1)
    holiday = WorkCalendar({monday: DayInfo(False, "test holiday", False)})
    clock = FakeClock(due + dt.timedelta(days=2, hours=18))  # Monday 11:00
    worker = SweepWorker(database_url, "op_test")
    try:  # the leader's urge falls due Monday 01:00, or Tuesday 01:00 with the holiday
        on_holiday = await worker.sweep(holiday, now=clock.now())
        plain = await worker.sweep(WorkCalendar(), now=clock.now())
    finally:
        await worker.close()
    assert sorted(level for case, level in on_holiday.issued if case == case_id) == [
        "reminder", "urge"]
    assert [level for case, level in plain.issued if case == case_id] == ["leader_urge"]


@pytest.mark.expected_log(r"^console\.supervision\.sweeper: the sweep skips case ")
async def test_what_the_process_logs_the_seat_logs(store: Store, catalog: Catalog,
                                                   database_url: str) -> None:
    """A case the database refuses is logged and skipped in the child; the seat's log
    says so under the sweeper's logger, and the others are issued."""
    from console.supervision.sweep_worker import SweepWorker

    good = await case_with_clock(store, catalog, 1.5)
    bad = await case_with_clock(store, catalog, 1.5)
    async with store.transaction() as conn:
        await conn.execute(text("ALTER TABLE escalation_order ADD CONSTRAINT hc_test_refuse"
                                f" CHECK (case_id <> '{bad}'::uuid) NOT VALID"))
    worker = SweepWorker(database_url, "op_test")
    try:
        report = await worker.sweep(WorkCalendar(), page_size=10)
    finally:
        await worker.close()
        async with store.transaction() as conn:
            await conn.execute(text("ALTER TABLE escalation_order DROP CONSTRAINT hc_test_refuse"))
    assert sorted(report.issued) == sorted([(good, "reminder"), (good, "urge")])
    assert await orders(store, bad) == []


async def test_an_error_in_the_process_is_raised_in_the_seat(database_url: str) -> None:
    """A database out of reach is the seat's DatabaseUnavailable; a child that died
    is started again by the next sweep."""
    from console.core.errors import DatabaseUnavailable
    from console.supervision.sweep_worker import SweepWorker
    from db.engine import normalise_url

    gone = normalise_url(database_url).set(database="hc_no_such_database").render_as_string(
        hide_password=False)
    worker = SweepWorker(gone, "op_test")
    try:
        with pytest.raises(DatabaseUnavailable):
            await worker.sweep(WorkCalendar())
    finally:
        await worker.close()
    worker = SweepWorker(database_url, "op_test")
    try:
        first = await worker.sweep(WorkCalendar())
        child = worker.pid
        assert child is not None
        os.kill(child, signal.SIGKILL)
        await asyncio.sleep(0.2)
        again = await worker.sweep(WorkCalendar())  # a new child
        assert worker.pid not in (None, child)
    finally:
        await worker.close()
    assert first.swept and again.swept
