"""The demo's quick answers (resources/demo/quick_answers.json), loaded once."""

from __future__ import annotations

from sqlalchemy import func, insert, select

from console.answers.quick_answers import AnswerDraft, Q, validate
from console.core import events
from console.core.store import Store
from console.demodata.files import read
from db import schema as s


async def load_demo_answers(store: Store) -> int:
    """Insert resources/demo/quick_answers.json into an empty table; how many."""
    entries = read("quick_answers.json")
    async with store.transaction() as conn:
        # Two seats loading demo entries at once: one after the other.
        await conn.execute(select(func.take_turn("demo_answers", True)))
        if (await conn.execute(select(func.count()).select_from(Q))).scalar_one():
            return 0
        codes = dict((await conn.execute(select(s.Category.code, s.Category.id))).all())
        rows = []
        for entry in entries:
            clean = validate(AnswerDraft(entry["question"], entry["answer"],
                                         tuple(entry.get("keywords", ()))))
            rows.append({"question": clean.question, "answer": clean.answer,
                         "keywords": list(clean.keywords),
                         "category_id": codes.get(entry.get("category", ""))})
        await conn.execute(insert(Q), rows)
        await events.append(conn, store.actor,
                            events.QuickAnswerChanged("demo_loaded", count=len(rows)))
    return len(rows)

