"""Wagtail's page permissions with the access policy in front: editing needs viewing.

Every admin view of a page (edit, revisions, compare, preview, history, usage, delete, copy,
move, unpublish, lock, workflow actions, bulk actions) asks ``page.permissions_for_user``;
pages answer with this tester, so a page the user may not view is one they may do nothing
with. Moves and copies that would let more people see a page also need ``may_widen``.
"""

import functools

from wagtail.models import PagePermissionTester

from .effective import moved_page_facts
from .policy import can_view, facts_for, widening_refusal


def _needs_view(check):
    @functools.wraps(check)
    def guarded(self, *args, **kwargs):
        return self.may_view and check(self, *args, **kwargs)

    return guarded


class PolicyPagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        self.may_view = can_view(user, page)

    def widening_refusal(self, destination) -> str:
        """Why the page may not go under ``destination`` ("" = it may, as far as access goes)."""
        return widening_refusal(
            self.user, facts_for(self.page), moved_page_facts(self.page, destination)
        )

    def can_move_to(self, destination):
        return super().can_move_to(destination) and not self.widening_refusal(destination)

    def can_copy_to(self, destination, recursive=False):
        return super().can_copy_to(destination, recursive) and not self.widening_refusal(
            destination
        )


# Every other ``can_*`` question — today's and any a Wagtail upgrade adds — first needs view.
for _name in [name for name in vars(PagePermissionTester) if name.startswith("can_")]:
    if callable(getattr(PagePermissionTester, _name)):
        setattr(
            PolicyPagePermissionTester,
            _name,
            _needs_view(getattr(PolicyPagePermissionTester, _name)),
        )
