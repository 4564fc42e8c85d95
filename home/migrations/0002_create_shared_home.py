"""Replace Wagtail's placeholder welcome page with the shared home page and point the site at it."""

from django.db import migrations


def create_shared_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    # Wagtail's own migration creates a generic "Welcome" page at depth 2.
    Page.objects.filter(
        depth=2, content_type__model="page", content_type__app_label="wagtailcore"
    ).delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    root = Page.objects.get(depth=1)
    sibling_paths = Page.objects.filter(depth=2).values_list("path", flat=True)
    next_index = max((int(path[4:8]) for path in sibling_paths), default=0) + 1
    home = HomePage.objects.create(
        title="Commons",
        draft_title="Commons",
        slug="home",
        content_type=home_type,
        path=f"{root.path}{next_index:04d}",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        locale=Locale.objects.order_by("pk").first(),
        intro="<p>The shared intranet of the partner organisations.</p>",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page_id": home.id,
            "site_name": "Commons",
        },
    )


def remove_shared_home(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_shared_home, remove_shared_home)]
