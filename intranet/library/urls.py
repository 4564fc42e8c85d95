"""The library's addresses under /documents/ (each organisation's own library is a route of its
section page: ``SectionPage.library``)."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("", views.all_libraries, name="all_libraries"),
    path("<int:document_id>/", views.document_detail, name="document"),
    path(
        "<int:document_id>/versions/<int:number>/",
        views.version_download,
        name="document_version",
    ),
    path(
        "<int:document_id>/versions/<int:number>/restore/",
        views.version_restore,
        name="document_version_restore",
    ),
    # Downloads go through the access policy (before Wagtail's own serve URL, included after).
    re_path(r"^(\d+)/(.*)$", views.serve_document, name="wagtaildocs_serve"),
]
