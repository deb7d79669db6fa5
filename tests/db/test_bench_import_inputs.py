"""The history import's benchmark stays in step with the product (benchmarks are not
run by the suite): its file imports through the service, and its floor's COPY of the
same case rows passes the schema's checks."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import func, select

from bench import history_import as bench
from console.core.store import Store
from db import schema as s
from tests.db.conftest import MakeLogin


async def test_the_import_benchmark_imports_its_file_and_copies_its_floor(
        database_url: str, store: Store, login_as: MakeLogin, tmp_path: Path) -> None:
    path, _origin = await asyncio.to_thread(bench._write_file, database_url, 30, tmp_path)
    _read, _written, imported, problems = await bench._service(login_as("admin"), path)
    assert imported + problems == 30 and imported > 0
    seconds = await asyncio.to_thread(bench._floor, database_url, "pingshan-2018")
    assert seconds > 0
    async with store.read() as conn:
        copied = (await conn.execute(select(func.count()).select_from(s.Case)
                                     .where(s.Case.imported_from == "floor"))).scalar_one()
    assert copied == imported
