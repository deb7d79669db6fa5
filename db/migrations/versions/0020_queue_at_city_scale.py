"""The queue at city scale (issue 16): an index that finds Chinese substrings on every
server, and one for a street's cases in the queue's order.

- ``case.search_grams``: every character and every pair of neighbouring characters
  (lower-cased) of the text the queue searches (``console.casework.queue
  .search_document``: number, caller's phone, text, address). A word of two or more
  characters can only be in a case whose grams hold all of the word's pairs; a word
  of one character, only in one whose grams hold that character. The GIN index
  ``ix_case_search_grams`` finds those cases and the ``ILIKE`` that follows keeps
  exactly the ones today's search kept: the index narrows, it never decides. The
  column is generated (``GENERATED ALWAYS ... STORED``): nobody writes it, not even
  the owner, and it cannot disagree with the text. Unlike pg_trgm (a contrib module
  the embedded server lacks), it needs nothing but PostgreSQL itself, so the
  trigram index of 0001 goes: one index, the same plan on every server.
- ``ix_case_street_created``: a street's cases newest first, with the category and
  status in the index, and ``ix_case_street_category``: a street's cases of given
  categories: a street (+ category) filter over all statuses reads its first page,
  and counts up to its bound, from an index alone, whether the category is common in
  the street (the first, in order) or rare (the second, its few matches sorted).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PIN = "SET search_path = pg_catalog, pg_temp"
# The document, exactly as console.casework.queue.search_document() builds it.
DOCUMENT = "public_no || ' ' || coalesce(caller_phone, '') || ' ' || text || ' ' || address"

UP = [
    # Every character and every pair of neighbouring characters of the lower-cased
    # document, each once: the characters as an array, and each beside the next.
    f"""
    CREATE FUNCTION public.case_search_grams(doc text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE {PIN} AS $$
        SELECT ARRAY(SELECT DISTINCT g FROM pg_catalog.unnest(c.chars || ARRAY(
                   SELECT p.a || p.b
                   FROM ROWS FROM (pg_catalog.unnest(c.chars[1:pg_catalog.cardinality(c.chars) - 1]),
                                   pg_catalog.unnest(c.chars[2:])) AS p(a, b))) AS g)
        FROM (SELECT pg_catalog.string_to_array(pg_catalog.lower(doc), NULL) AS chars) c
    $$
    """,
    # What a searched word needs in a case's grams: its pairs, or the one character.
    f"""
    CREATE FUNCTION public.case_search_word_grams(word text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE {PIN} AS $$
        SELECT CASE pg_catalog.length(l.w)
            WHEN 0 THEN '{{}}'::text[]
            WHEN 1 THEN ARRAY[l.w]
            ELSE ARRAY(SELECT DISTINCT pg_catalog.substr(l.w, i, 2)
                       FROM pg_catalog.generate_series(1, pg_catalog.length(l.w) - 1) AS i)
        END
        FROM (SELECT pg_catalog.lower(word) AS w) l
    $$
    """,
    f'ALTER TABLE "case" ADD COLUMN search_grams text[]'
    f" GENERATED ALWAYS AS (public.case_search_grams({DOCUMENT})) STORED",
    'CREATE INDEX ix_case_search_grams ON "case" USING gin (search_grams)',
    "DROP INDEX IF EXISTS ix_case_search_trgm",
    'CREATE INDEX ix_case_street_created ON "case" (street_code, created_at DESC, id DESC)'
    " INCLUDE (category_id, status)",
    'CREATE INDEX ix_case_street_category ON "case"'
    " (street_code, category_id, created_at DESC, id DESC) INCLUDE (status)",
]

TRIGRAM = f"""
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX ix_case_search_trgm ON "case" USING gin (({DOCUMENT}) gin_trgm_ops);
    END IF;
END $$
"""


def upgrade() -> None:
    for sql in UP:
        op.execute(sql)


def downgrade() -> None:
    op.execute("DROP INDEX ix_case_street_category")
    op.execute("DROP INDEX ix_case_street_created")
    op.execute(TRIGRAM)
    op.execute('ALTER TABLE "case" DROP COLUMN search_grams')
    op.execute("DROP FUNCTION public.case_search_word_grams(text)")
    op.execute("DROP FUNCTION public.case_search_grams(text)")
