"""The admin's import runs: a run's report (on screen and as CSV) and undoing a run, each for
the admins of the run's organisation only (its ``OrganisationScopedPermissionPolicy``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from wagtail.admin.auth import require_admin_access
from wagtail.permissions import policy_registry

from intranet.access.admin_views import ScopedViewSet
from intranet.common import csv as safe_csv

from .models import ImportRun, Outcome
from .reporting import REPORT_HEADER
from .selectors import run_items, undo_preview
from .services import UndoRefused, undo_run

ITEMS_PER_PAGE = 50


def may(user, action: str, run: ImportRun) -> bool:
    return policy_registry.get_by_type(ImportRun).user_has_permission_for_instance(
        user, action, run
    )


class RunInspectView(ScopedViewSet.inspect_view_class):
    """A run's summary, then its items (filtered by outcome), with its CSV and undo."""

    template_name = "imports/admin/run.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = self.object
        outcome = self.request.GET.get("outcome", "")
        outcome = outcome if outcome in Outcome.values else ""
        context.update(
            run=run,
            outcome=outcome,
            outcomes=[(value, label, run.counts.get(value, 0)) for value, label in Outcome.choices],
            items=Paginator(run_items(run, outcome), ITEMS_PER_PAGE).get_page(
                self.request.GET.get("p")
            ),
            report_url=reverse("import_run_report", args=[run.pk]),
            undo_url=reverse("import_run_undo", args=[run.pk]),
            may_undo=run.undone_at is None and may(self.request.user, "undo", run),
        )
        return context


@require_admin_access
def run_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The run's report as CSV, with the same header ``--report`` writes."""
    run = get_object_or_404(ImportRun, pk=pk)
    if not may(request.user, "view", run):
        raise PermissionDenied
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-run-{run.pk}.csv"'
    response["Cache-Control"] = "private, no-store"
    writer = safe_csv.writer(response)
    writer.writerow(REPORT_HEADER)
    for item in run.items.iterator():
        writer.writerow([item.source_id, item.kind, item.outcome, item.reason, item.target_url])
    return response


@require_admin_access
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page saying what undoing will do; the undo itself on POST."""
    run = get_object_or_404(ImportRun, pk=pk)
    if not may(request.user, "undo", run):
        raise PermissionDenied
    run_url = reverse("wagtailsnippets_imports_importrun:inspect", args=[run.pk])
    if request.method == "POST":
        try:
            result = undo_run(run, user=request.user)
        except UndoRefused as error:
            messages.error(request, str(error))
            return redirect(run_url)
        messages.success(
            request,
            f"Import run {run.pk} was undone: {result.deleted} removed, "
            f"{result.restored} put back as they were.",
        )
        return redirect(run_url)
    return render(
        request,
        "imports/admin/confirm_undo.html",
        {"run": run, "preview": undo_preview(run), "run_url": run_url},
    )
