"""Admin forms that refuse access settings wider than the parent's, saying why."""

from wagtail.admin.forms import WagtailAdminPageForm

from .effective import page_parent_facts, widening_errors


class AccessPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        parent = self.parent_page if self.instance._state.adding else self.instance.get_parent()
        errors = widening_errors(
            page_parent_facts(parent),
            cleaned.get("audience", ""),
            cleaned.get("classification", ""),
            cleaned.get("access_groups") or [],
        )
        for field, message in errors.items():
            self.add_error(field if field in self.fields else None, message)
        return cleaned
