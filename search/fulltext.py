"""The database's own full-text index over ``SearchEntry``: SQLite FTS5 or PostgreSQL tsvector.

Kept up to date by the database itself (FTS5 triggers; PostgreSQL generated columns), so no
code path can write an entry and forget its text. ``install`` is idempotent: it runs from the
migration and again after every ``migrate``, because SQLite rebuilds a table (dropping its
triggers) whenever a later migration alters it.
"""

from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "search_searchentry"
FTS = "search_searchentry_fts"

_SQLITE = [
    # External content: the text lives once, in the entry table; FTS5 keeps only its index.
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5(
        title, summary, body, content='{TABLE}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_ai AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {FTS}(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body); END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_ad AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body); END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_au AFTER UPDATE OF title, summary, body ON {TABLE}
        BEGIN
        INSERT INTO {FTS}({FTS}, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
        INSERT INTO {FTS}(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body); END""",
]

_POSTGRES = [
    # Everything, weighted, for matching (GIN): title A, summary B, body D.
    f"""ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B')
            || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'D')
        ) STORED""",
    # A short vector to rank with: ranking reads every match's vector, and a whole document's
    # would be fetched from TOAST for each one — the cost stock Wagtail pays on common words.
    f"""ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS rank_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B')
            || setweight(to_tsvector('english'::regconfig, left(coalesce(body, ''), 1500)), 'D')
        ) STORED""",
    # Words of the title, unstemmed, for type-ahead prefixes.
    f"""ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS title_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(title, ''))) STORED""",
    f"CREATE INDEX IF NOT EXISTS search_entry_vector ON {TABLE} USING gin (search_vector)",
    f"CREATE INDEX IF NOT EXISTS search_entry_title_vector ON {TABLE} USING gin (title_vector)",
]


def install(connection: BaseDatabaseWrapper) -> None:
    statements = {"sqlite": _SQLITE, "postgresql": _POSTGRES}.get(connection.vendor)
    if statements is None:
        raise NotImplementedError(f"Database search does not support {connection.vendor}.")
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def rebuild(connection: BaseDatabaseWrapper) -> None:
    """Re-read every entry into the index (SQLite; PostgreSQL's columns never drift)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")
