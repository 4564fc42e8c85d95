"""The image form Wagtail's admin uses: moving an image to a wider folder needs the owner's say."""

from wagtail.images.forms import BaseImageForm

from intranet.access.admin_forms import WideningCheckMixin
from intranet.access.effective import collection_facts
from intranet.access.policy import facts_for

from .services import image_saved


class IntranetImageForm(WideningCheckMixin, BaseImageForm):
    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")  # Wagtail's base form pops it.
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        collection = cleaned.get("collection")
        if self.instance.pk and collection is not None and self.user is not None:
            # Images declare no access of their own: their folder's is theirs.
            after = collection_facts(collection)
            self.check_widening(self.user, "collection", facts_for(self.instance), after)
        return cleaned

    def save(self, commit=True):
        if not commit:
            # The caller saves it, through ``services.save_image`` (see admin_views).
            return super().save(commit=False)
        image = super().save()
        image_saved(image)
        self.audit_widening(self.user, image)
        return image
