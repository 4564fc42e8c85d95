"""The audit trail as each organisation's admins see it: their own organisation's only."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page

from intranet.common import csv as safe_csv

from .admin_permissions import administered_organisation_ids
from .models import AuditEvent
from .policy import visible_to

CSV_HEADER = [
    "occurred_at",
    "username",
    "user_organisations",
    "action",
    "organisation",
    "object_type",
    "object_id",
    "object_title",
    "classification",
    "ground",
]


def events_for(user):
    """Audit events of the organisations ``user`` administers (all for platform operators)."""
    events = AuditEvent.objects.select_related("organisation")
    if user.is_superuser:
        return events
    return events.filter(organisation_id__in=administered_organisation_ids(user))


@require_admin_access
def audit_report(request: HttpRequest) -> HttpResponse:
    if not (request.user.is_superuser or administered_organisation_ids(request.user)):
        raise PermissionDenied
    events = events_for(request.user)
    if request.GET.get("export") == "csv":
        return _csv(events)
    page = Paginator(events, 50).get_page(request.GET.get("p"))
    return render(request, "access/audit_report.html", {"page_obj": page})


def _csv(events) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="access-audit.csv"'
    response["Cache-Control"] = "private, no-store"
    writer = safe_csv.writer(response)
    writer.writerow(CSV_HEADER)
    for event in events.iterator():
        writer.writerow(
            [
                event.occurred_at.isoformat(),
                event.username,
                event.user_organisations,
                event.action,
                event.organisation.slug if event.organisation else "",
                event.object_type,
                event.object_id,
                event.object_title,
                event.classification,
                event.ground,
            ]
        )
    return response


@require_admin_access
def site_history_for_operators(request: HttpRequest) -> HttpResponse:
    """Wagtail's site history, for platform operators only.

    Wagtail trims that report by content type alone, so an organisation's admins would see
    the titles of other organisations' pages and drafts; they use the audit trail instead.
    """
    if not request.user.is_superuser:
        raise PermissionDenied
    return LogEntriesView.as_view()(request)


class TrimmedPageTypesUsageView(PageTypesUsageReportView):
    """Wagtail's page types report, counting only the pages the user may view.

    Wagtail counts every page and names the last edited one of each type, whoever owns it —
    another council's sensitive page title included.
    """

    def decorate_paginated_queryset(self, page_types):
        if self.request.user.is_superuser:
            return super().decorate_paginated_queryset(page_types)
        site_root_path = self.filters.form.cleaned_data.get("site", None)
        pages = visible_to(self.request.user, Page.objects.all())
        if site_root_path:
            pages = pages.filter(path__startswith=site_root_path)
        for page_type in page_types:
            of_type = pages.filter(content_type=page_type)
            page_type.count = of_type.count()
            page_type.last_edited_page = (
                of_type.order_by(
                    F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
                )
                .specific()
                .first()
            )
        return sorted(page_types, key=lambda page_type: -page_type.count)


# Outside Wagtail's admin URLs (which it wraps in require_admin_access), so wrapped here.
page_types_usage = require_admin_access(TrimmedPageTypesUsageView.as_view())
page_types_usage_results = require_admin_access(
    TrimmedPageTypesUsageView.as_view(results_only=True)
)
