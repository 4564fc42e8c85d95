"""The admin's page actions that end in ``home.services`` (publishing, from any path, is
wired to Wagtail's ``page_published`` signal in ``apps.py``)."""

from wagtail import hooks

from . import services


@hooks.register("after_create_page")
def recompute_created_draft(request, page):
    if not page.live:  # A page published as it was created was recomputed by publishing.
        services.page_saved(page)


@hooks.register("after_copy_page")
def recompute_copy(request, page, new_page):
    # Copies, subpages and aliases included; live copies were published, which recomputed
    # them already, but a copy's subtree may hold drafts too.
    services.page_saved(new_page)
