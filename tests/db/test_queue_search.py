"""The queue's text filter through the grams index (migration 0020): the same cases as
the plain ILIKE search it replaced, and grams nobody can write or make disagree."""

from __future__ import annotations

import uuid

import pytest
from psycopg import errors
from sqlalchemy import select

from console.casework import queue
from console.casework.queue import CaseFilter, search_document
from console.catalog.catalog import Catalog
from console.core.store import Store
from console.hotline.intake import create_case
from db.engine import normalise_url
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, login_of, person, raw
from tests.factories import draft

C = queue.C
TEXTS = [  # text, address, phone
    ("金牛路路灯不亮，晚上很黑", "金牛路 18 号", "13800138000"),
    ("牛路口积水", "金沙大道 3 号", "13912345678"),
    ("金子被偷", "牛角街 7 号", ""),
    ("ABC Road pothole near Shell 加油站", "Road 12", "075588881234"),
    ("噪音扰民 100% 严重，楼下_KTV", "坪山大道 200-3 号", "13800138000"),
    ("路", "金", ""),
    ("井盖缺失，行人易跌落。ｆｕｌｌ ｗｉｄｔｈ", "龙田街道", "17700001111"),
]
WORDS = [
    "金", "路", "牛", "灯", "Z",                    # one character
    "金牛", "牛路", "路金", "盖缺",                  # two
    "金牛路", "金牛路路灯", "行人易跌落", "金牛 路灯",  # longer, and two words
    "abc", "ABC", "road", "Shell", "ktv", "ｆｕｌｌ",  # Latin, in any case, full width
    "100%", "_", "200-3", "18", "0",                # digits and signs
    "13800138000", "1380013", "075588881234", "5678",  # phone numbers and their parts
    "不存在", "金牛路不亮",
]


async def _plain_search(store: Store, word_list: str) -> set[uuid.UUID]:
    """The search as it was before the index: ILIKE over the whole document."""
    terms = [search_document().ilike(f"%{queue._escape_like(w)}%", escape="\\")
             for w in word_list.split()]
    async with store.read() as conn:
        return set((await conn.execute(select(C.id).where(*terms))).scalars())


async def test_the_grams_find_exactly_what_the_plain_search_found(
        store: Store, catalog: Catalog, login_as: MakeLogin) -> None:
    made = {}
    for text, address, phone in TEXTS:
        channel = "phone_12345" if phone else "web"
        case = await create_case(store, catalog, draft(catalog, text=text, address=address,
                                                       caller_phone=phone, channel=channel))
        row = await queue.fetch_case(store, case.id)
        assert row is not None
        made[case.id] = (row.public_no, row.text, row.address, row.caller_phone or "")
    made_no = next(iter(made.values()))[0]
    operator = await person(login_as("operator"))
    try:
        for words in [*WORDS, made_no, made_no[-4:]]:
            found = (await queue.fetch_ids(operator, CaseFilter(statuses=None, text=words))).ids
            assert len(found) == len(set(found))
            assert set(found) == await _plain_search(store, words), words
            # and independently of SQL, for these (ASCII, full width and Chinese) texts
            expected = {i for i, (no, text, address, phone) in made.items()
                        if all(w.lower() in f"{no} {phone} {text} {address}".lower()
                               for w in words.split())}
            assert set(found) == expected, words
        assert len((await queue.fetch_ids(operator, CaseFilter(statuses=None, text="金"))
                    ).ids) == 4  # the check above is not vacuous
    finally:
        await operator.close()


async def test_nobody_writes_the_grams_and_they_follow_the_text(
        database_url: str, login_as: MakeLogin) -> None:
    """The weakest role cannot write them or change the text under them; the owner
    (the superuser here) cannot write them either, and any text change moves them."""
    a_case_id = await a_case(login_as("operator"))
    grams = "public.case_search_grams(public_no || ' ' || coalesce(caller_phone, '') || ' '" \
            " || text || ' ' || address)"
    operator = login_as("operator")
    with raw(operator) as conn:
        for sql, refused in (
                ("UPDATE \"case\" SET search_grams = '{}' WHERE id = %s", errors.GeneratedAlways),
                ("UPDATE \"case\" SET text = '金牛路' WHERE id = %s", errors.InsufficientPrivilege),
                ("INSERT INTO \"case\" (id, public_no, channel, text, category_id, urgency,"
                 " status, search_grams) SELECT gen_random_uuid(), 'X' || public_no, channel,"
                 " text, category_id, urgency, status, '{}' FROM \"case\" WHERE id = %s",
                 errors.GeneratedAlways)):
            with pytest.raises(refused):
                conn.execute(sql, (a_case_id,))  # type: ignore[arg-type]
    with raw(database_url) as conn:
        # Not even the owner writes them...
        with pytest.raises(errors.GeneratedAlways):
            conn.execute("UPDATE \"case\" SET search_grams = '{}' WHERE id = %s", (a_case_id,))
        # ...and a change of the text changes them.
        conn.execute("ALTER TABLE \"case\" DISABLE TRIGGER USER")
        try:
            conn.execute("UPDATE \"case\" SET text = '无关' WHERE id = %s", (a_case_id,))
        finally:
            conn.execute("ALTER TABLE \"case\" ENABLE TRIGGER USER")
        row = conn.execute(f"SELECT search_grams = {grams}, '无关' = ANY(search_grams),"
                           " '金牛' = ANY(search_grams) FROM \"case\" WHERE id = %s",
                           (a_case_id,)).fetchone()
        assert row == (True, True, False)
        disagree = conn.execute(f"SELECT count(*) FROM \"case\" WHERE search_grams <> {grams}"
                                ).fetchone()
        assert disagree == (0,)


def test_the_grams_functions_ignore_an_operators_temporary_shadows(
        database_url: str, admin_url: str, login_as: MakeLogin) -> None:
    """An operator given TEMPORARY (the schema refuses it: test_owner_functions) shadows
    the functions the grams are made with; the grams do not change, and the functions
    themselves are the owner's to change."""
    operator = login_as("operator")
    database = normalise_url(database_url).database
    with raw(admin_url) as conn:
        conn.execute(f"GRANT TEMPORARY ON DATABASE {database} TO {login_of(operator)}")  # type: ignore[arg-type]
    try:
        with raw(operator) as conn:
            for name in ("lower", "string_to_array", "unnest", "substr"):
                conn.execute(f"CREATE FUNCTION pg_temp.{name}(text) RETURNS text LANGUAGE sql"  # type: ignore[arg-type]
                             " AS $$ SELECT 'x' $$")
            conn.execute("SET search_path = pg_temp, public, pg_catalog")
            row = conn.execute("SELECT public.case_search_grams('Ab金'),"
                               " public.case_search_word_grams('AB')").fetchone()
            assert row is not None
            assert sorted(row[0]) == sorted(["a", "b", "金", "ab", "b金"]) and row[1] == ["ab"]
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("CREATE OR REPLACE FUNCTION public.case_search_grams(doc text)"
                             " RETURNS text[] LANGUAGE sql IMMUTABLE AS $$ SELECT '{}'::text[] $$")
    finally:
        with raw(admin_url) as conn:
            conn.execute(f"REVOKE TEMPORARY ON DATABASE {database} FROM {login_of(operator)}")  # type: ignore[arg-type]
