"""Commitment statements: which version is current, and accepting it."""

from django.db import transaction

from intranet.organisations.models import Organisation

from . import audit
from .models import AuditEvent, CommitmentStatement, StatementAcceptance
from .policy import forget_viewer


def current_statement(organisation: Organisation) -> CommitmentStatement | None:
    return organisation.statements.order_by("-version").first()


def acceptance_of(user, statement: CommitmentStatement) -> StatementAcceptance | None:
    return StatementAcceptance.objects.filter(user=user, statement=statement).first()


@transaction.atomic
def accept(user, statement: CommitmentStatement) -> StatementAcceptance:
    """Record that ``user`` accepts this version (once; kept for ever) and audit it."""
    acceptance, created = StatementAcceptance.objects.get_or_create(user=user, statement=statement)
    if created:
        audit.record_change(
            user,
            statement.organisation,
            statement,
            f"accepted version {statement.version}",
            action=AuditEvent.Action.ACCEPT_STATEMENT,
        )
    forget_viewer(user)
    return acceptance
