"""The Wagtail admin's own API (``/admin/api/main/``), trimmed by the access policy.

The page explorer, choosers and editor call it; without this it would list every council's
pages and documents, with titles and download URLs, to any editor.
"""

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet

from .policy import visible_to_for_search


class TrimmedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    def get_base_queryset(self):
        return visible_to_for_search(self.request.user, super().get_base_queryset())


class TrimmedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return visible_to_for_search(self.request.user, super().get_queryset())
