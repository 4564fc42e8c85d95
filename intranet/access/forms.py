"""Admin forms that refuse access settings wider than the parent's, or wider than the page
has now when the editor may not widen it, saying why."""

from wagtail.admin.forms import WagtailAdminPageForm

from .effective import page_facts_if, page_parent_facts, widening_errors
from .policy import facts_for, widening_refusal


class AccessPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        adding = self.instance._state.adding
        parent = self.parent_page if adding else self.instance.get_parent()
        parent_facts = page_parent_facts(parent)
        audience = cleaned.get("audience", "")
        classification = cleaned.get("classification", "")
        groups = cleaned.get("access_groups") or []
        errors = widening_errors(parent_facts, audience, classification, groups)
        for field, message in errors.items():
            self.add_error(field if field in self.fields else None, message)
        if not errors and not adding and self.for_user is not None:
            after = page_facts_if(
                self.instance,
                parent,
                audience,
                classification,
                frozenset(group.pk for group in groups),
                cleaned.get("handling_caveat", ""),
            )
            refusal = widening_refusal(self.for_user, facts_for(self.instance), after)
            if refusal:
                self.add_error("audience" if "audience" in self.fields else None, refusal)
        return cleaned
