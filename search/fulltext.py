"""The database's own full-text index over ``SearchEntry``: SQLite FTS5 or PostgreSQL tsvector.

Kept up to date by the database itself (FTS5 triggers; a PostgreSQL trigger), so no code
path can write an entry and forget its text. ``install`` is idempotent: it runs from the
migration and again after every ``migrate``, because SQLite rebuilds a table (dropping its
triggers) whenever a later migration alters it.
"""

import unicodedata

from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "search_searchentry"
FTS = "search_searchentry_fts"


def _accent_map() -> tuple[str, str]:
    """Lower-case Latin letters with accents and the plain letter each folds to, for SQL's
    ``translate()`` (no extension needed): what ``intranet.common.text.fold`` does in Python."""
    special = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ı": "i"}
    accented, plain = [], []
    for letter in map(chr, range(0xC0, 0x250)):
        if not letter.islower():
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", letter) if not unicodedata.combining(c)
        )
        base = special.get(letter, base)
        if len(base) == 1 and base.isascii() and base != letter:
            accented.append(letter)
            plain.append(base)
    return "".join(accented), "".join(plain)


_ACCENTED, _PLAIN = _accent_map()

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
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector",
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS head_vector tsvector",
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS title_vector tsvector",
    # A trigger, not generated columns: PostgreSQL recomputes generated columns on *every*
    # update, and the engine sync updates each row's state — re-reading whole documents.
    # ``UPDATE OF`` fires only when the text itself is written.
    #   search_vector: everything, weighted (title A, summary B, body D), for matching;
    #   head_vector: title and summary alone, small enough to stay in the row — what is
    #     ranked when a query matches thousands of bodies (ranking reads every candidate's
    #     vector, and a whole document's would come from TOAST: stock Wagtail's p95 cost);
    #   title_vector: the title's words unstemmed, for type-ahead prefixes.
    # Titles' words also folded ("Siobhán O’Brien" → "siobhan obrien"), so a name typed
    # without its accents or apostrophe is found — SQLite's FTS5 folds diacritics itself.
    f"""CREATE OR REPLACE FUNCTION commons_fold(text) RETURNS text AS $$
        SELECT translate(replace(replace(lower($1), '’', ''), '''', ''), '{_ACCENTED}', '{_PLAIN}')
    $$ LANGUAGE sql IMMUTABLE PARALLEL SAFE""",
    """CREATE OR REPLACE FUNCTION search_entry_vectors() RETURNS trigger AS $$
    DECLARE
        folded_title text := commons_fold(coalesce(NEW.title, ''));
    BEGIN
        NEW.head_vector :=
            setweight(to_tsvector('english'::regconfig, coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('english'::regconfig, folded_title), 'A')
            || setweight(to_tsvector('english'::regconfig, coalesce(NEW.summary, '')), 'B');
        NEW.search_vector := NEW.head_vector
            || setweight(to_tsvector('english'::regconfig, coalesce(NEW.body, '')), 'D');
        NEW.title_vector := to_tsvector('simple'::regconfig, coalesce(NEW.title, ''))
            || to_tsvector('simple'::regconfig, folded_title);
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    f"DROP TRIGGER IF EXISTS search_entry_vectors ON {TABLE}",
    f"""CREATE TRIGGER search_entry_vectors
        BEFORE INSERT OR UPDATE OF title, summary, body ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION search_entry_vectors()""",
    f"CREATE INDEX IF NOT EXISTS search_entry_vector ON {TABLE} USING gin (search_vector)",
    f"CREATE INDEX IF NOT EXISTS search_entry_title_vector ON {TABLE} USING gin (title_vector)",
    f"CREATE INDEX IF NOT EXISTS search_entry_head_vector ON {TABLE} USING gin (head_vector)",
    # Type-ahead: titles starting with what was typed, in order.
    f"""CREATE INDEX IF NOT EXISTS search_entry_title_start
        ON {TABLE} ((lower(title) COLLATE "C"))""",
    # Long bodies and vectors out of line, so counting thousands of matches reads a narrow heap…
    f"ALTER TABLE {TABLE} SET (toast_tuple_target = 256)",
    # …but the small vector that ranking reads stays in the row.
    f"ALTER TABLE {TABLE} ALTER COLUMN head_vector SET STORAGE MAIN",
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
