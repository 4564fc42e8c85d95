"""Recording sensitive access and changes to the rules, for each organisation's audit trail."""

from django.db import models

from intranet.organisations.models import Organisation

from .models import AuditEvent
from .policy import describe
from .rules import Decision


def _user_organisations(user) -> str:
    if not getattr(user, "is_authenticated", False):
        return ""
    return ",".join(
        user.memberships.order_by("organisation__slug").values_list("organisation__slug", flat=True)
    )


def record_access(user, obj, decision: Decision, action: str, facts) -> AuditEvent:
    """A view or download of sensitive material, with the ground it was allowed on."""
    return AuditEvent.objects.create(
        user=user,
        username=user.get_username(),
        user_organisations=_user_organisations(user),
        action=action,
        organisation_id=facts.owner_id,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        object_title=str(getattr(obj, "title", obj))[:255],
        classification=facts.classification,
        ground=decision.ground,
        agreement_id=decision.grant.agreement_id if decision.grant else None,
    )


def record_change(
    user,
    organisation: Organisation | None,
    obj: models.Model,
    what: str,
    action: str = AuditEvent.Action.CHANGE,
) -> AuditEvent:
    """A change to a policy, agreement, statement, group or membership (or an acceptance)."""
    return AuditEvent.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        username=user.get_username() if user is not None else "system",
        user_organisations=_user_organisations(user),
        action=action,
        organisation=organisation,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        object_title=str(obj)[:255],
        ground=what[:255],
    )


def record_widening(user, obj: models.Model, before, after) -> AuditEvent:
    """An item made visible to more people (moved, or its declared access changed)."""
    return AuditEvent.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        username=user.get_username() if user is not None else "system",
        user_organisations=_user_organisations(user),
        action=AuditEvent.Action.WIDEN,
        organisation_id=before.owner_id,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        object_title=str(getattr(obj, "title", obj))[:255],
        classification=before.classification,
        ground=f"{describe(before)} → {describe(after)}"[:255],
    )
