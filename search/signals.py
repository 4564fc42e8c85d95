"""Wiring: which changes refresh which search entries. The work is in ``search.indexing``."""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_unpublished

from intranet.common.signals import content_changed
from intranet.library.models import LibraryDocument
from intranet.people.models import Person

from . import indexing


def _content_changed(sender, pks, root=None, access_only=False, **kwargs):
    if issubclass(sender, Page):
        if access_only:
            indexing.restamp_pages(pks)
        elif root:
            indexing.refresh_page_tree(root, pks)
        else:
            indexing.refresh_pages(pks)
    elif issubclass(sender, Person):
        indexing.refresh_people(pks)
    elif issubclass(sender, LibraryDocument):
        if access_only:
            indexing.restamp_documents(pks)
        else:
            indexing.refresh_documents(pks)


def _page_unpublished(sender, instance, **kwargs):
    # Pages below stay reachable (Wagtail routes through an unpublished parent); unpublishing
    # them too sends this signal for each.
    indexing.refresh_pages([instance.pk])


def _page_deleted(sender, instance, **kwargs):
    indexing.remove_pages([instance.pk])


def _document_deleted(sender, instance, **kwargs):
    indexing.refresh_documents([instance.pk])


def _person_deleted(sender, instance, **kwargs):
    indexing.refresh_people([instance.pk])


def connect() -> None:
    content_changed.connect(_content_changed, dispatch_uid="search-content-changed")
    page_unpublished.connect(_page_unpublished, dispatch_uid="search-page-unpublished")
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="search-page-deleted")
    post_delete.connect(
        _document_deleted, sender=LibraryDocument, dispatch_uid="search-document-deleted"
    )
    post_delete.connect(_person_deleted, sender=Person, dispatch_uid="search-person-deleted")
