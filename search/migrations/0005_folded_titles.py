"""PostgreSQL: titles' words are also indexed folded (commons_fold), so existing entries'
vectors are recomputed once. SQLite's FTS5 folds diacritics itself: nothing to do."""

from django.db import migrations

from search.fulltext import TABLE, install


def fold_existing_titles(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    install(connection)
    with connection.cursor() as cursor:
        # Naming the column fires the trigger's UPDATE OF title, which rebuilds the vectors.
        cursor.execute(f"UPDATE {TABLE} SET title = title")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_pending_index")]

    operations = [migrations.RunPython(fold_existing_titles, migrations.RunPython.noop)]
