"""Front-end views of the access app: reading and accepting commitment statements."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from intranet.organisations.models import Organisation

from .statements import accept, acceptance_of, current_statement


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return ""


@require_http_methods(["GET", "POST"])
def statement(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    current = current_statement(organisation)
    if current is None:
        raise Http404
    next_url = _safe_next(request)
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            return render(
                request,
                "access/statement.html",
                {
                    "organisation": organisation,
                    "statement": current,
                    "next": next_url,
                    "error": "Confirm that you have read and accept the statement.",
                },
                status=400,
            )
        accept(request.user, current)
        messages.success(
            request, f"You have accepted the {organisation.short_name} commitment statement."
        )
        return HttpResponseRedirect(next_url or "/")
    return render(
        request,
        "access/statement.html",
        {
            "organisation": organisation,
            "statement": current,
            "acceptance": acceptance_of(request.user, current),
            "next": next_url,
        },
    )
