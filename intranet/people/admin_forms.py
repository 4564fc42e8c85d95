"""Admin forms with which an organisation's admins keep their own staff's profiles, teams and
buildings. Saving goes through ``services`` (search entry, account link, skills) like every
other write to the directory."""

from django import forms

from intranet.access.admin_forms import OrganisationScopedForm
from intranet.access.policy import administered_organisation_ids

from . import services
from .models import Building, Person, Team


class _OwnOrganisationChoices(OrganisationScopedForm):
    """Teams, managers and buildings offered are the administered organisations' own."""

    owned_choices: dict[str, type] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or user.is_superuser:
            return
        owned = administered_organisation_ids(user)
        for name, model in self.owned_choices.items():
            if name in self.fields:
                self.fields[name].queryset = model.objects.filter(organisation__in=owned)


class PersonAdminForm(_OwnOrganisationChoices):
    owned_choices = {"team": Team, "manager": Person, "base": Building}

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        for name in ("team", "manager", "base"):
            chosen = cleaned.get(name)
            if chosen is not None and organisation and chosen.organisation_id != organisation.pk:
                self.add_error(name, f"Choose one of {organisation.short_name}’s own.")
        return cleaned

    def save(self, commit: bool = True) -> Person:
        person = super().save(commit=False)
        skills = self.cleaned_data.get("skills") if "skills" in self.fields else None
        return services.save_person(person, skills=skills)


class TeamAdminForm(_OwnOrganisationChoices):
    """A new team is made from its path (``Housing / Allocations``), parents and all."""

    owned_choices = {"head": Person}
    team_path = forms.CharField(
        label="Path",
        max_length=1000,
        help_text="The team's place from the top, parts separated by “/”, "
        "e.g. Children's Services / Early Help.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["team_path"].initial = self.instance.path
            self.fields["team_path"].disabled = True  # What HR exports match on.
            self.fields["organisation"].disabled = True

    def clean_team_path(self) -> list[str]:
        typed = self.cleaned_data["team_path"]
        parts = [part.strip() for part in typed.split("/") if part.strip()]
        if not parts:
            raise forms.ValidationError("Enter the team's path, e.g. Housing / Allocations.")
        return parts

    def save(self, commit: bool = True) -> Team:
        if self.instance.pk:
            return super().save(commit=commit)
        team = services.ensure_team(
            self.cleaned_data["organisation"], self.cleaned_data["team_path"]
        )
        team.head = self.cleaned_data.get("head")
        team.save(update_fields=["head"])
        return team


class BuildingAdminForm(OrganisationScopedForm):
    pass
