"""Keeps effective access current whatever writes the data: admin, imports, scripts or tests.

Only wiring lives here; the work is done by ``effective``.
"""

from django.db.models.signals import post_save
from wagtail.models import Page
from wagtail.signals import post_page_move

from . import effective


def _page_moved(sender, instance, **kwargs):
    effective.refresh_page_access(Page.objects.get(pk=instance.pk))


def _policy_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        from .publishing import apply_publishing_policy

        effective.refresh_organisation(instance.organisation)
        apply_publishing_policy(instance.organisation)


def _collection_access_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        effective.refresh_collection_documents(instance.collection)


def connect() -> None:
    from .models import CollectionAccess, OrganisationPolicy

    # Page saves are handled by IntranetPage.save(): a post_save signal would fire before
    # modelcluster has written the page's groups.
    post_page_move.connect(_page_moved, dispatch_uid="access-page-moved")
    post_save.connect(_policy_saved, sender=OrganisationPolicy, dispatch_uid="access-policy")
    post_save.connect(
        _collection_access_saved, sender=CollectionAccess, dispatch_uid="access-collection"
    )
