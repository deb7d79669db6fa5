"""The newest migration read from the files' lines (what a start compares with the
database, without importing Alembic) is the one Alembic finds."""

from db.migrate import alembic_head, head_revision


def test_the_head_read_from_the_files_is_alembics() -> None:
    assert head_revision() == alembic_head()
