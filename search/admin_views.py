"""Search in the Wagtail admin: the best-bet form and the search query report.

Both are scoped like the access settings: an organisation's admins (``<org>/admins``) reach
only their own organisation's best bets and query counts; platform operators reach all.
"""

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from intranet.access.admin_forms import OrganisationScopedForm
from intranet.access.admin_permissions import administered_organisation_ids
from intranet.common import csv as safe_csv
from intranet.organisations.models import Organisation

from . import analytics

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
LISTED = 50  # rows in each table of the report; the CSV has them all


class BestBetForm(OrganisationScopedForm):
    """The organisation is one the user administers, and preset when there is only one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("organisation")
        if field is not None and self.instance.pk is None and not self.initial.get("organisation"):
            choices = list(field.queryset[:2])
            if len(choices) == 1:
                self.initial["organisation"] = choices[0].pk


def _organisations(user) -> list[Organisation]:
    """The organisations whose query counts ``user`` may read."""
    if user.is_superuser:
        return list(Organisation.objects.all())
    return list(Organisation.objects.filter(pk__in=administered_organisation_ids(user)))


def _period(raw: str | None) -> int:
    try:
        value = int(raw or DEFAULT_PERIOD)
    except ValueError:
        return DEFAULT_PERIOD
    return value if value in PERIODS else DEFAULT_PERIOD


def search_query_report(request: HttpRequest) -> HttpResponse:
    """Top and zero-result queries of the organisations the user administers.

    Served under ``/admin/``, so Wagtail has already refused anyone without admin access;
    anyone else who administers no organisation is refused here.
    """
    user = request.user
    if not (user.is_superuser or administered_organisation_ids(user)):
        return render(request, "search/admin/forbidden.html", status=403)
    organisations = _organisations(user)
    period = _period(request.GET.get("period"))
    chosen = next((o for o in organisations if o.slug == request.GET.get("organisation")), None)
    if chosen is not None:
        scope = [chosen.pk]
    elif user.is_superuser:
        scope = None  # every row, searches by people in no organisation included
    else:
        scope = [o.pk for o in organisations]

    if request.GET.get("export") == "csv":
        return _csv(analytics.query_totals(period, scope, by_organisation=True), period, chosen)

    totals = analytics.query_totals(period, scope)
    top = [
        {**row, "average": analytics.average_results(row)}
        for row in totals.order_by("-n_searches", "query")[:LISTED]
    ]
    zero = totals.filter(n_zero_results__gt=0).order_by("-n_zero_results", "query")[:LISTED]
    return render(
        request,
        "search/admin/search_queries.html",
        {
            "periods": PERIODS,
            "period": period,
            "since": analytics.since(period),
            "organisations": organisations,
            "chosen": chosen,
            "show_filter": user.is_superuser or len(organisations) > 1,
            "top": top,
            "zero": list(zero),
            "export_query": _export_query(period, chosen),
        },
    )


def _export_query(period: int, chosen: Organisation | None) -> str:
    query = QueryDict(mutable=True)
    query["period"] = str(period)
    if chosen is not None:
        query["organisation"] = chosen.slug
    query["export"] = "csv"
    return query.urlencode()


def _csv(totals, period: int, chosen: Organisation | None) -> HttpResponse:
    name = f"search-queries-{chosen.slug + '-' if chosen else ''}{period}-days.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    writer = safe_csv.writer(response)
    writer.writerow(
        ["organisation", "query", "searches", "zero_result_searches", "average_results", "since"]
    )
    first_day = analytics.since(period).isoformat()
    for row in totals.order_by("organisation__slug", "-n_searches", "query"):
        writer.writerow(
            [
                row["organisation__slug"] or "",
                row["query"],
                row["n_searches"],
                row["n_zero_results"],
                f"{analytics.average_results(row):.1f}",
                first_day,
            ]
        )
    return response
