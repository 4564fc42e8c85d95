from django.db import migrations


def install(apps, schema_editor):
    from search.fulltext import install

    install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
