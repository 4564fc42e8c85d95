"""Wagtail's multiple image upload, saving through the images' service.

Wagtail's view saves each new image itself (``image.save()``) after saving its form without
committing; this subclass hands that save to ``services.save_image``.
"""

from wagtail.images.views import multiple

from .services import save_image


class AddImagesView(multiple.AddView):
    def save_object(self, form):
        image = form.save(commit=False)
        image.uploaded_by_user = self.request.user
        return save_image(image)
