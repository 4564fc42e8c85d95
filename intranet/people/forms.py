"""The forms a person fills in about themself: their profile, and where they work."""

import datetime

from django import forms
from wagtail.images.fields import WagtailImageField

from . import services
from .models import WEEKDAYS, Building, Person
from .selectors import today

SELF_SERVICE_FIELDS = [
    "preferred_name",
    "pronouns",
    "teams_address",
    "sip_address",
    "languages",
    "ask_me_about",
]


def split_list(text: str) -> list[str]:
    """Skills or languages as typed: separated by semicolons or commas."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class OwnProfileForm(forms.ModelForm):
    """What a person says about themself. HR's facts are not fields here: they are shown
    read-only beside the form (``Person.HR_FIELDS``)."""

    working_days = forms.MultipleChoiceField(
        choices=[(day.value, day.label) for day in WEEKDAYS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked if you work Monday to Friday.",
    )
    skills = forms.CharField(
        label="Skills and expertise",
        required=False,
        max_length=1000,
        help_text="What colleagues can ask you about, separated by commas, e.g. "
        "safeguarding, GIS, British Sign Language.",
    )
    photo_file = WagtailImageField(
        label="Photo",
        required=False,
        help_text="A clear photo of your face: JPEG, PNG or WebP.",
    )
    remove_photo = forms.BooleanField(label="Remove my photo", required=False)

    class Meta:
        model = Person
        fields = SELF_SERVICE_FIELDS
        widgets = {"ask_me_about": forms.Textarea(attrs={"rows": 4})}
        labels = {"ask_me_about": "Ask me about"}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        person = self.instance
        self.initial["working_days"] = person.working_day_codes
        self.initial["skills"] = ", ".join(tag.name for tag in person.skills.all())
        if not person.photo_id:
            del self.fields["remove_photo"]

    def clean_skills(self) -> list[str]:
        skills = split_list(self.cleaned_data["skills"])
        too_long = [skill for skill in skills if len(skill) > 100]
        if too_long:
            raise forms.ValidationError(
                f"“{too_long[0][:40]}…” is too long: keep each skill short."
            )
        return skills

    def save(self, commit: bool = True) -> Person:
        person = super().save(commit=False)
        person.working_days = ",".join(self.cleaned_data["working_days"])
        changed = [name for name in self.changed_data if name not in ("photo_file", "remove_photo")]
        photo = self.cleaned_data.get("photo_file")
        if photo or self.cleaned_data.get("remove_photo"):
            changed.append("photo")
        return services.update_own_profile(
            person,
            changed,
            editor=self.user,
            skills=self.cleaned_data["skills"] if "skills" in self.changed_data else None,
            photo_file=photo,
            remove_photo=bool(self.cleaned_data.get("remove_photo")),
        )


REMOTE = "remote"
USUAL = "usual"


class WhereIWorkForm(forms.Form):
    """Where I work on one day this week: any partner's building, remotely, or as usual."""

    day = forms.TypedChoiceField(label="Day", coerce=datetime.date.fromisoformat)
    place = forms.ChoiceField(label="Where")

    def __init__(self, *args, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        start = today()
        days = [start + datetime.timedelta(days=n) for n in range(7)]
        self.fields["day"].choices = [
            (day.isoformat(), "Today" if day == start else f"{day:%A %-d %B}") for day in days
        ]
        groups: dict[str, list[tuple[str, str]]] = {}
        for building in Building.objects.select_related("organisation"):
            groups.setdefault(building.organisation.name, []).append(
                (str(building.pk), building.name)
            )
        self.fields["place"].choices = [
            (USUAL, "My usual place"),
            (REMOTE, "Working remotely"),
            *sorted(groups.items()),
        ]

    @property
    def place_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The places as (organisation or "", options), for a select with option groups."""
        groups = []
        for value, label in self.fields["place"].choices:
            if isinstance(label, list | tuple):
                groups.append((value, list(label)))
            else:
                groups.append(("", [(value, label)]))
        return groups

    def save(self) -> tuple[datetime.date, str]:
        day, place = self.cleaned_data["day"], self.cleaned_data["place"]
        if place == USUAL:
            services.set_work_location(self.person, day)
            return day, "your usual place"
        if place == REMOTE:
            services.set_work_location(self.person, day, remote=True)
            return day, "working remotely"
        building = Building.objects.select_related("organisation").get(pk=int(place))
        services.set_work_location(self.person, day, building=building)
        return day, str(building)
