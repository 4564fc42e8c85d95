"""Sign-in throttling (django-axes): the lockout page and the audit entry for a lockout.

Axes counts failed sign-ins on every form that calls ``authenticate()`` (ours, Wagtail's admin
and front-end ones) and refuses a locked account before its password is checked; the
settings (``AXES_*`` in ``intranet.settings.base``) say when. This module only says what
people see and what the audit trail records.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import ngettext

from intranet.access import audit


def lockout_minutes() -> int:
    """How long a locked account stays locked, in whole minutes (at least one)."""
    return max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The page every sign-in form shows for a locked account: 429, how long, what to do.

    One page for the site, Wagtail's admin and front-end sign-in forms, so the message is the
    same wherever a person meets it.
    """
    minutes = lockout_minutes()
    context = {
        "lockout_period": ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes},
    }
    return render(
        request, "registration/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )


def account_locked(sender, request: HttpRequest, username: str, ip_address: str, **kwargs) -> None:
    """Axes's ``user_locked_out``: audit the lockout once, when it begins.

    Axes sends the signal again for every attempt refused during the lockout; only the attempt
    that reached the limit has counted its failures (``axes_failures_since_start``).
    """
    if getattr(request, "axes_failures_since_start", None) is None:
        return
    audit.record_sign_in_lockout(username or "", ip_address)
