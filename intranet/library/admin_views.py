"""Wagtail's multiple document upload, saving through the library's services.

Wagtail's view saves each new document itself (``doc.save()``) after saving its form without
committing, so the form alone cannot write what follows from a new document; this subclass
hands that save to ``services.save_document``.
"""

from wagtail.documents.views import multiple

from .services import save_document


class AddDocumentsView(multiple.AddView):
    def save_object(self, form):
        document = form.save(commit=False)
        document.uploaded_by_user = self.request.user
        document._set_document_file_metadata()
        return save_document(document)
