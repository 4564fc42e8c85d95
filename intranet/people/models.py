"""The global address book: people (not accounts), their teams and the buildings they work in.

A ``Person`` is one member of staff as their council's HR export lists them, whether or not
they have ever signed in; an account links to its person by email (``services.link_account``).
Each person belongs to one organisation, whose HR export owns the facts about their job and
whose admins may edit them; the person owns how they present themselves (preferred name,
pronouns, photo, skills…) and says where they work today.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from intranet.access.choices import Audience, Classification
from intranet.access.rules import AccessFacts, AccessPaths
from intranet.organisations.models import Organisation


class Weekday(models.TextChoices):
    MONDAY = "mon", "Monday"
    TUESDAY = "tue", "Tuesday"
    WEDNESDAY = "wed", "Wednesday"
    THURSDAY = "thu", "Thursday"
    FRIDAY = "fri", "Friday"
    SATURDAY = "sat", "Saturday"
    SUNDAY = "sun", "Sunday"


WEEKDAYS = list(Weekday)  # Monday first, as ``date.weekday()`` counts.


class Building(models.Model):
    """A place an organisation's staff work from, e.g. Hammersmith Town Hall."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="buildings"
    )
    name = models.CharField(max_length=200, help_text="e.g. Hammersmith Town Hall")
    address = models.TextField(blank=True, help_text="Street address and postcode.")

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(
                "organisation", Lower("name"), name="people_building_unique_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation.short_name})"


class Team(models.Model):
    """A unit in one organisation's structure, e.g. Children's Services / Early Help.

    ``path`` is the whole line from the top, as HR exports write it; it is what an import
    matches on, so a team keeps its identity (and its members) across re-imports.
    """

    PATH_SEPARATOR = " / "

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(max_length=200)
    path = models.CharField(max_length=1000)
    slug = models.SlugField(max_length=255)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    head = models.ForeignKey(
        "Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leave blank to show the member who reports to nobody in the team.",
    )

    class Meta:
        ordering = ["organisation__name", "path"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "path"], name="people_team_path"),
            models.UniqueConstraint(fields=["organisation", "slug"], name="people_team_slug"),
        ]

    def __str__(self) -> str:
        return f"{self.path} ({self.organisation.short_name})"

    def get_absolute_url(self) -> str:
        return reverse("people:team", args=[self.organisation.slug, self.slug])

    @property
    def depth(self) -> int:
        return self.path.count(self.PATH_SEPARATOR)


class PersonQuerySet(models.QuerySet):
    def listed(self, now: datetime.datetime | None = None) -> "PersonQuerySet":
        """In the directory: current staff, and leavers still within the grace period."""
        today = timezone.localdate(now)
        grace = datetime.timedelta(days=settings.PEOPLE_LEAVER_GRACE_DAYS)
        return self.filter(models.Q(left_on__isnull=True) | models.Q(left_on__gt=today - grace))


class Person(ClusterableModel):
    """One member of staff of one organisation."""

    # Facts each organisation's HR export owns: shown read-only to the person themself.
    HR_FIELDS = (
        "employee_id",
        "first_name",
        "last_name",
        "email",
        "job_title",
        "team",
        "manager",
        "work_phone",
        "mobile_phone",
        "base",
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="people")
    employee_id = models.CharField(
        max_length=50, blank=True, help_text="The person's number in their council's HR system."
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        editable=False,
    )
    slug = models.SlugField(max_length=120, unique=True, editable=False)

    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    preferred_name = models.CharField(
        max_length=100, blank=True, help_text="The first name you go by, if not your legal one."
    )
    pronouns = models.CharField(max_length=40, blank=True, help_text="e.g. she/her, they/them")
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    job_title = models.CharField(max_length=200, blank=True)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    manager = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    email = models.EmailField(max_length=254)
    work_phone = models.CharField(max_length=40, blank=True)
    # Shown only to the person's own organisation (``intranet.access.policy``).
    mobile_phone = models.CharField(max_length=40, blank=True)
    teams_address = models.CharField(
        "Microsoft Teams address",
        max_length=254,
        blank=True,
        help_text="The address colleagues chat or call you on in Teams; usually your email.",
    )
    sip_address = models.CharField(
        "Skype for Business / Lync address",
        max_length=254,
        blank=True,
        help_text="e.g. jane.smith@lbhf.gov.uk",
    )

    base = models.ForeignKey(
        Building,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="based_here",
        verbose_name="usual base",
    )
    working_days = models.CharField(
        max_length=40, blank=True, help_text="Day codes, comma separated, e.g. mon,tue,thu"
    )
    skills = TaggableManager(
        through="PersonSkill",
        blank=True,
        verbose_name="skills and expertise",
        help_text="What colleagues can ask you about, e.g. safeguarding, GIS, BSL.",
    )
    languages = models.CharField(
        max_length=200, blank=True, help_text="Languages you speak, comma separated."
    )
    ask_me_about = models.TextField(blank=True)

    # Who may find this person: all partners' staff (the default) or their own council's only
    # (e.g. staff whose work means they should not be listed to partners).
    audience = models.CharField(
        "listed to",
        max_length=20,
        choices=[
            (Audience.PARTNERSHIP, "Staff of every partner organisation"),
            (Audience.ORGANISATION, "Staff of their own organisation only"),
        ],
        default=Audience.PARTNERSHIP,
    )
    classification = models.CharField(
        max_length=20,
        choices=Classification.choices,
        default=Classification.OFFICIAL,
        editable=False,
    )

    # Folded words the directory's search box matches anywhere ("sio" → Siobhán), written
    # by ``services.save_person`` from the name, job, team, base, skills and languages.
    search_text = models.TextField(blank=True, editable=False)
    # Self-service fields the person has changed: the HR import no longer overwrites them.
    edited_by_person = models.JSONField(default=list, blank=True, editable=False)
    left_on = models.DateField(
        null=True,
        blank=True,
        help_text="Leavers stay (never deleted) and are hidden after a while.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    # Where the access policy finds this model's facts (``intranet.access.policy.visible_to``).
    access_paths = AccessPaths(
        owner="organisation",
        audience="audience",
        classification="classification",
        has_group=lambda ids: models.Q(pk__in=[]),  # People are never listed to groups.
    )

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "people"
        ordering = [Lower("last_name"), Lower("first_name"), "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "employee_id"],
                condition=~models.Q(employee_id=""),
                name="people_person_employee_id",
            ),
            models.UniqueConstraint(Lower("email"), name="people_person_email"),
        ]
        indexes = [models.Index(Lower("last_name"), Lower("first_name"), name="people_by_name")]

    def __str__(self) -> str:
        return self.display_name

    def access_facts(self) -> AccessFacts:
        return AccessFacts(
            owner_id=self.organisation_id,
            audience=self.audience,
            classification=self.classification,
        )

    def get_absolute_url(self) -> str:
        return reverse("people:profile", args=[self.slug])

    @property
    def given_name(self) -> str:
        return self.preferred_name or self.first_name

    @property
    def display_name(self) -> str:
        return f"{self.given_name} {self.last_name}".strip()

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_leaver(self) -> bool:
        return self.left_on is not None

    @property
    def working_day_codes(self) -> list[str]:
        return [code for code in self.working_days.split(",") if code in Weekday.values]

    @property
    def working_day_labels(self) -> list[str]:
        codes = set(self.working_day_codes)
        return [day.label for day in WEEKDAYS if day.value in codes]

    @property
    def language_list(self) -> list[str]:
        return [part.strip() for part in self.languages.split(",") if part.strip()]

    def works_on(self, day: datetime.date) -> bool:
        """Whether ``day`` is one of their working days (everyone works weekdays if unsaid)."""
        codes = self.working_day_codes or [d.value for d in WEEKDAYS[:5]]
        return WEEKDAYS[day.weekday()].value in codes


class PersonSkill(TaggedItemBase):
    content_object = ParentalKey(Person, on_delete=models.CASCADE, related_name="tagged_skills")


class WorkLocation(models.Model):
    """Where a person works on one day: a partner building, or remotely."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="locations")
    day = models.DateField()
    building = models.ForeignKey(
        Building, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    remote = models.BooleanField(default=False)

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["person", "day"], name="people_location_per_day"),
            models.CheckConstraint(
                condition=models.Q(building__isnull=False, remote=False)
                | models.Q(building__isnull=True, remote=True),
                name="people_location_building_or_remote",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} on {self.day}: {self.place}"

    @property
    def place(self) -> str:
        return "Working remotely" if self.remote else str(self.building)
