"""Page types of the shared intranet: the shared home, organisation sections, content, news
and events."""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.dateformat import format as format_date
from wagtail.admin.panels import FieldPanel
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
from intranet.library.upload import upload_document
from intranet.library.views import render_library
from intranet.organisations.models import Organisation
from intranet.organisations.selectors import request_organisations

from .blocks import BodyBlock

NEWS_PER_PAGE = 10
EVENTS_PER_PAGE = 20


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
        context["topics"] = visible_to(user, ContentPage.objects.live().child_of(self)).order_by(
            "title"
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


class ContentPage(IntranetPage):
    """A standard page of guidance or information."""

    summary = models.CharField(
        max_length=300, blank=True, help_text="One or two sentences shown in listings."
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage", "home.SectionPage", "home.ContentPage"]
    subpage_types = ["home.ContentPage", "home.EventPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = visible_to(
            request.user, ContentPage.objects.live().child_of(self)
        ).order_by("title")
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


class NewsArticlePage(IntranetPage):
    """A dated news story."""

    date = models.DateField("Published on", default=timezone.localdate)
    summary = models.CharField(max_length=300, help_text="One or two sentences shown in listings.")
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
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
        events = events.past() if show_past else events.upcoming()
        context["show_past"] = show_past
        context["events"] = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
        return context


class EventPageQuerySet(PageQuerySet):
    """Events split at "now": an event is over once it has ended, or — if it has no end
    time — once the day it starts on is over (local time)."""

    @staticmethod
    def _start_of_day(now: datetime.datetime) -> datetime.datetime:
        return timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)

    def upcoming(self, now: datetime.datetime | None = None) -> "EventPageQuerySet":
        """Events not yet over (including ones happening now), soonest first."""
        now = now or timezone.now()
        not_over = Q(end_at__gte=now) | Q(
            end_at__isnull=True, start_at__gte=self._start_of_day(now)
        )
        return self.filter(not_over).order_by("start_at", "pk")

    def past(self, now: datetime.datetime | None = None) -> "EventPageQuerySet":
        """Events that are over, most recent first."""
        now = now or timezone.now()
        over = Q(end_at__lt=now) | Q(end_at__isnull=True, start_at__lt=self._start_of_day(now))
        return self.filter(over).order_by("-start_at", "-pk")


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
    summary = models.TextField(blank=True, help_text="One or two sentences shown in listings.")
    body = StreamField(BodyBlock(), blank=True)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("start_at"),
        FieldPanel("end_at"),
        FieldPanel("location"),
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
        if self.start_at and self.end_at and self.end_at < self.start_at:
            raise ValidationError({"end_at": "The end must be the same as or after the start."})

    @property
    def starts_text(self) -> str:
        """e.g. “Tuesday 3 March 2026, 10am”, in local time."""
        return _day_and_time(timezone.localtime(self.start_at))

    @property
    def ends_text(self) -> str:
        """Only the time when the event ends on the day it starts, e.g. “12:30pm”."""
        if self.end_at is None:
            return ""
        start, end = timezone.localtime(self.start_at), timezone.localtime(self.end_at)
        return _time(end) if end.date() == start.date() else _day_and_time(end)


def _time(moment: datetime.datetime) -> str:
    """Times in GOV.UK style: 10am, 5:30pm, midday, midnight."""
    if moment.minute == 0 and moment.hour in (0, 12):
        return "midnight" if moment.hour == 0 else "midday"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def _day_and_time(moment: datetime.datetime) -> str:
    return f"{format_date(moment, 'l j F Y')}, {_time(moment)}"
