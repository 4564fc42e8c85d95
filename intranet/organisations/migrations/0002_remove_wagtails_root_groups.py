"""Take away the rights over every council that Wagtail's own migrations give "Editors" and
"Moderators".

Wagtail's migrations create those two groups for a single-site install and grant them page
permissions on the root page and document and image permissions on the root collection, i.e.
over every organisation's section and library. Commons grants rights per organisation
(``<slug>/editors``, ``<slug>/moderators``… on the section page and library collection, see
``provisioning``), so the two groups are only a hole: anyone put in one by mistake could edit
and publish any council's pages.

- A group with no members is deleted: nothing depends on it, and a group left in the admin's
  list is an invitation to use it. (Wagtail's default "Moderators approval" task then has no
  group, so only platform operators can approve in that default workflow; each organisation
  that requires approval has its own workflow and moderators.)
- A group with members is kept, so nobody's membership disappears unseen, but loses its rows
  at the root page and the root collection; operators can then move those people into their
  organisation's groups.

Reversing does not re-grant the rights: they were never meant to exist here.
"""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def remove_root_rights(apps, schema_editor) -> None:
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        GroupPagePermission.objects.filter(group=group, page__depth=1).delete()
        GroupCollectionPermission.objects.filter(group=group, collection__depth=1).delete()
        if not group.user_set.exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        # The last migrations of every app that creates the groups or grants them rights.
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(remove_root_rights, migrations.RunPython.noop)]
