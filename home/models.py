"""Page types of the shared intranet: the shared home, organisation sections, content, news
and events."""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from intranet.access.forms import AccessPageForm
from intranet.access.models import DeclaredPageAccess, PageAccess
from intranet.access.page_permissions import PolicyPagePermissionTester
from intranet.access.panels import access_panel
from intranet.access.policy import facts_for, visible_to
from intranet.calendars import recurrence
from intranet.library.upload import upload_document
from intranet.library.views import render_library
from intranet.organisations.models import Organisation
from intranet.organisations.selectors import request_organisations

from .blocks import BodyBlock

NEWS_PER_PAGE = 10
EVENTS_PER_PAGE = 20


def in_menu_order(pages: PageQuerySet) -> PageQuerySet:
    """Pages shown in menus first, in the order editors gave them ("Sort menu order" in the
    admin; an import keeps the old site's menu), then the rest by title."""
    return pages.annotate(
        menu_position=Case(When(show_in_menus=True, then=F("path")), default=Value(""))
    ).order_by("-show_in_menus", "menu_position", "title")


class Authored(models.Model):
    """Who wrote a page: a person in the directory, or a name (an old intranet's author who
    is not in the directory, kept as the byline it had)."""

    author = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who wrote it, from the directory.",
    )
    byline = models.CharField(
        max_length=255,
        blank=True,
        help_text="Who wrote it, when they are not in the directory.",
    )

    author_panels = [
        MultiFieldPanel([FieldPanel("author"), FieldPanel("byline")], heading="Written by")
    ]

    class Meta:
        abstract = True


class IntranetPage(DeclaredPageAccess, Page):
    """Behaviour every page type of the site shares; not a page type of its own."""

    base_form_class = AccessPageForm
    settings_panels = [access_panel(), *Page.settings_panels]

    class Meta:
        abstract = True

    def permissions_for_user(self, user) -> PolicyPagePermissionTester:
        # The admin asks this before showing or changing a page: editing needs viewing.
        return PolicyPagePermissionTester(user, self)

    @property
    def owner_organisation(self) -> Organisation | None:
        """The organisation whose section holds this page (None: the shared area).

        Read from the page's effective access record, where the access app works it out.
        """
        record = PageAccess.objects.filter(page_id=self.pk).select_related("owner_organisation")
        record = record.first()
        return record.owner_organisation if record else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The serving guard has just read this page's facts; previews and the admin have not.
        served, facts = getattr(request, "served_access", (None, None))
        if served != self:
            facts = facts_for(self)
        owner_id = facts.owner_id if facts else None
        context["organisation"] = next(
            (org for org in request_organisations(request) if org.pk == owner_id), None
        )
        context["access"] = facts
        context["breadcrumbs"] = visible_to(
            request.user, self.get_ancestors().filter(depth__gt=1)
        ).specific()
        return context


class HomePage(IntranetPage):
    """The shared front page: every organisation's latest news and a way into each section."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.SectionPage",
        "home.ContentPage",
        "home.NewsIndexPage",
        "home.EventIndexPage",
    ]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chosen = request.GET.get("organisation", "")
        sections = set(
            visible_to(request.user, SectionPage.objects.live()).values_list("pk", flat=True)
        )
        organisations = [
            org for org in request_organisations(request) if org.section_page_id in sections
        ]
        news = visible_to(request.user, NewsArticlePage.objects.live().descendant_of(self))
        selected = next((org for org in organisations if org.slug == chosen), None)
        if selected:
            news = news.descendant_of(selected.section_page)
        latest = news.select_related("access_record__owner_organisation").order_by("-date", "-pk")
        context.update(
            organisations=organisations,
            selected_organisation=selected,
            latest_news=[
                (article, article.access_record.owner_organisation) for article in latest[:9]
            ],
        )
        return context


class SectionPage(RoutablePageMixin, IntranetPage):
    """One organisation's own area of the intranet (e.g. /wcc/), with its library at documents/."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "home.ContentPage",
        "home.NewsIndexPage",
        "home.EventIndexPage",
        "home.EventPage",
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["topics"] = in_menu_order(
            visible_to(user, ContentPage.objects.live().child_of(self))
        )
        context["latest_news"] = visible_to(
            user, NewsArticlePage.objects.live().descendant_of(self)
        ).order_by("-date", "-pk")[:5]
        context["news_index"] = visible_to(
            user, NewsIndexPage.objects.live().child_of(self)
        ).first()
        context["events_index"] = visible_to(
            user, EventIndexPage.objects.live().child_of(self)
        ).first()
        context["upcoming_events"] = visible_to(
            user, EventPage.objects.live().descendant_of(self)
        ).upcoming()[:3]
        return context

    @path("documents/", name="library")
    def library(self, request):
        return render_library(request, self.owner_organisation, {"page": self, "section": self})

    @path("documents/add/", name="library_upload")
    def library_upload(self, request):
        return upload_document(request, self.owner_organisation, {"page": self})


class ContentPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.ContentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ContentPage(IntranetPage, Authored):  # noqa: DJ008 (Page has __str__)
    """A standard page of guidance or information."""

    summary = models.CharField(
        max_length=300, blank=True, help_text="One or two sentences shown in listings."
    )
    body = StreamField(BodyBlock(), blank=True)
    # Topics, e.g. a WordPress site's categories and tags when it was imported.
    tags = ClusterTaggableManager(through=ContentPageTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
        *Authored.author_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage", "home.SectionPage", "home.ContentPage"]
    subpage_types = ["home.ContentPage", "home.EventPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = in_menu_order(
            visible_to(request.user, ContentPage.objects.live().child_of(self))
        )
        return context


class NewsIndexPage(IntranetPage):
    """The news of the shared area or of one organisation, newest first."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["home.NewsArticlePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = visible_to(request.user, NewsArticlePage.objects.live().child_of(self)).order_by(
            "-date", "-pk"
        )
        context["articles"] = Paginator(articles, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        return context


class NewsArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticlePage(IntranetPage, Authored):  # noqa: DJ008 (Page has __str__)
    """A dated news story."""

    date = models.DateField("Published on", default=timezone.localdate)
    summary = models.CharField(max_length=300, help_text="One or two sentences shown in listings.")
    body = StreamField(BodyBlock(), blank=True)
    # Topics, e.g. a WordPress site's categories and tags when it was imported.
    tags = ClusterTaggableManager(through=NewsArticlePageTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
        *Authored.author_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []


class EventIndexPage(IntranetPage):
    """The events of the shared area or of one organisation: upcoming ones soonest first,
    past ones (``?past=1``) most recent first."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["home.EventPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        show_past = request.GET.get("past") == "1"
        events = visible_to(request.user, EventPage.objects.live().child_of(self))
        page_number = request.GET.get("page")
        if show_past:
            listed = Paginator(events.past(), EVENTS_PER_PAGE).get_page(page_number)
            listed.object_list = [
                recurrence.Occurrence(event, event.start_at, event.end_at) for event in listed
            ]
        else:  # each time a repeating event happens, within a year
            now = timezone.now()
            upcoming = recurrence.occurrences_of(
                events.upcoming(now), now, now + recurrence.HORIZON
            )
            listed = Paginator(upcoming, EVENTS_PER_PAGE).get_page(page_number)
        context["show_past"] = show_past
        context["events"] = listed
        return context


class EventPageQuerySet(PageQuerySet):
    """Events split at "now": an event is over once it has ended, or — if it has no end
    time or lasts all day — once the day it ends on is over (local time). A repeating event
    is over once its last occurrence is (never, if it repeats for ever); one repeating a
    number of times counts as upcoming until it has been expanded (``recurrence``)."""

    @staticmethod
    def _start_of_day(now: datetime.datetime) -> datetime.datetime:
        return timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)

    def upcoming(self, now: datetime.datetime | None = None) -> "EventPageQuerySet":
        """Events not yet over (including ones happening now), soonest first."""
        now = now or timezone.now()
        return self.filter(self._not_over(now)).order_by("start_at", "pk")

    def _not_over(self, now: datetime.datetime) -> Q:
        today = self._start_of_day(now)
        once = Q(recurrence="") & (
            Q(all_day=False, end_at__gte=now)
            | Q(end_at__isnull=True, start_at__gte=today)
            | Q(all_day=True, end_at__gte=today)
        )
        repeating = ~Q(recurrence="") & (
            Q(recurrence_until__isnull=True) | Q(recurrence_until__gte=today.date())
        )
        return once | repeating

    def not_over_since(self, moment: datetime.datetime) -> "EventPageQuerySet":
        """Events with an occurrence not over by ``moment`` (a feed's window), unordered."""
        return self.filter(self._not_over(moment))

    def past(self, now: datetime.datetime | None = None) -> "EventPageQuerySet":
        """Events that are over, most recent first."""
        now = now or timezone.now()
        return self.exclude(self._not_over(now)).order_by("-start_at", "-pk")


class EventPage(IntranetPage):
    """Something happening at a time and place: a forum, a drop-in, a training session."""

    start_at = models.DateTimeField("Starts")
    end_at = models.DateTimeField(
        "Ends", null=True, blank=True, help_text="Leave blank if the event has no set end."
    )
    location = models.CharField(
        max_length=255,
        blank=True,
        help_text="Room and building, or how to join online, e.g. “Microsoft Teams”.",
    )
    all_day = models.BooleanField(
        "All day",
        default=False,
        help_text="Only the dates of the start and end count; no times are shown.",
    )
    recurrence = models.CharField(
        "Repeats",
        max_length=10,
        blank=True,
        choices=[
            ("", "Does not repeat"),
            (recurrence.WEEKLY_RULE, "Every week"),
            (recurrence.MONTHLY_RULE, "Every month"),
        ],
    )
    recurrence_until = models.DateField(
        "Repeats until", null=True, blank=True, help_text="The last day it may happen on."
    )
    recurrence_count = models.PositiveSmallIntegerField(
        "Number of times",
        null=True,
        blank=True,
        help_text="Or how many times it happens in all (instead of an end date).",
    )
    recurrence_exceptions = models.TextField(
        "Skip these dates",
        blank=True,
        help_text="Dates it does not happen on, one a line, e.g. 2026-12-22.",
    )
    organiser = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The person to contact about the event.",
    )
    online_link = models.URLField(
        "Online link", blank=True, help_text="How to join online, e.g. the Teams meeting link."
    )
    cancelled = models.BooleanField(
        default=False, help_text="Keep the page: it shows as cancelled and calendars update."
    )
    # RFC 5545 SEQUENCE: bumped by ``home.services.event_published`` when a published change
    # moves the event (time, place, status); the fingerprint is of what was last published.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    schedule_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    summary = models.TextField(blank=True, help_text="One or two sentences shown in listings.")
    body = StreamField(BodyBlock(), blank=True)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("start_at"), FieldPanel("end_at"), FieldPanel("all_day")], heading="When"
        ),
        MultiFieldPanel(
            [
                FieldPanel("recurrence"),
                FieldRowPanel([FieldPanel("recurrence_until"), FieldPanel("recurrence_count")]),
                FieldPanel("recurrence_exceptions"),
            ],
            heading="Repeats",
        ),
        FieldPanel("location"),
        FieldPanel("online_link"),
        FieldPanel("organiser"),
        FieldPanel("cancelled"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("location"),
        index.FilterField("start_at"),
    ]
    parent_page_types = ["home.EventIndexPage", "home.SectionPage", "home.ContentPage"]
    subpage_types = []
    search_kind = "event"  # Its own tab in the federated search.

    @property
    def search_label(self) -> str:
        """Shown beside the result: when and where."""
        return " · ".join(filter(None, [f"Event, {self.starts_text}", self.location]))

    def clean(self):
        super().clean()
        errors = {}
        if self.start_at and self.end_at and self.end_at < self.start_at:
            errors["end_at"] = "The end must be the same as or after the start."
        if self.recurrence:
            if self.recurrence_until and self.recurrence_count:
                errors["recurrence_count"] = "Give an end date or a number of times, not both."
            start_day = timezone.localtime(self.start_at).date() if self.start_at else None
            if self.recurrence_until and start_day and self.recurrence_until < start_day:
                errors["recurrence_until"] = "The last day must be on or after the start."
            if self.recurrence_count is not None and self.recurrence_count < 1:
                errors["recurrence_count"] = "The number of times must be 1 or more."
        elif self.recurrence_until or self.recurrence_count or self.recurrence_exceptions.strip():
            errors["recurrence"] = "Choose how often it repeats, or clear the repeat details."
        try:
            dates = parse_dates(self.recurrence_exceptions)
        except ValueError as error:
            errors["recurrence_exceptions"] = str(error)
        else:
            self.recurrence_exceptions = "\n".join(day.isoformat() for day in dates)
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        """A revision restores what its editor wrote, never the published SEQUENCE (the
        page's own, like ``live``)."""
        page = super().with_content_json(content)
        page.sequence = self.sequence
        page.schedule_fingerprint = self.schedule_fingerprint
        return page

    @property
    def exception_dates(self) -> list[datetime.date]:
        try:
            return parse_dates(self.recurrence_exceptions)
        except ValueError:
            return []  # refused by clean(); a row saved around it skips nothing

    @property
    def recurrence_text(self) -> str:
        """e.g. “Every week, until Tuesday 1 December 2026”."""
        return recurrence.describe(self)

    @property
    def starts_text(self) -> str:
        """e.g. “Tuesday 3 March 2026, 10am”, in local time (only the day if all day)."""
        return recurrence.when_text(self.start_at, self.all_day)

    @property
    def ends_text(self) -> str:
        """Only the time when the event ends on the day it starts, e.g. “12:30pm”."""
        return recurrence.ends_text(self.start_at, self.end_at, self.all_day)

    @property
    def shows_end(self) -> bool:
        return bool(self.ends_text)


def parse_dates(text: str) -> list[datetime.date]:
    """Dates one a line (or comma-separated) as YYYY-MM-DD, sorted, duplicates dropped."""
    dates = set()
    for item in text.replace(",", "\n").split():
        try:
            dates.add(datetime.date.fromisoformat(item))
        except ValueError:
            raise ValueError(f"“{item}” is not a date: write dates like 2026-12-22.") from None
    return sorted(dates)
