"""Turning an organisation's policy into Wagtail machinery: its approval workflow."""

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from intranet.organisations.models import Organisation

from .models import OrganisationPolicy


def policy_for(organisation: Organisation) -> OrganisationPolicy:
    policy, _ = OrganisationPolicy.objects.get_or_create(organisation=organisation)
    return policy


@transaction.atomic
def apply_publishing_policy(organisation: Organisation) -> None:
    """Approval required: the section gets a workflow approved by the organisation's
    moderators, and its editors lose direct publishing. Otherwise editors publish directly."""
    policy = policy_for(organisation)
    section = organisation.section_page
    editors = organisation.group("editors")
    moderators = organisation.group("moderators")
    if section is None or editors is None or moderators is None:
        return
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    if policy.requires_approval:
        workflow = _approval_workflow(organisation, moderators)
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
        GroupPagePermission.objects.filter(group=editors, page=section, permission=publish).delete()
    else:
        WorkflowPage.objects.filter(page=section).delete()
        GroupPagePermission.objects.get_or_create(group=editors, page=section, permission=publish)


def _approval_workflow(organisation: Organisation, moderators) -> Workflow:
    workflow, _ = Workflow.objects.get_or_create(
        name=f"{organisation.short_name} approval", defaults={"active": True}
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=f"{organisation.short_name} moderators approve", defaults={"active": True}
    )
    task.groups.set([moderators])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow
