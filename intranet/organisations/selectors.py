"""Read-only questions about organisations, kept out of models and views."""

from collections.abc import Iterable

from wagtail.models import Page

from .models import Organisation


def ancestor_paths(path: str) -> list[str]:
    """Every treebeard path from the root down to ``path`` itself."""
    step = Page.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def organisation_for_page(page: Page) -> Organisation | None:
    """The organisation whose section contains ``page``; None for the shared area."""
    return (
        Organisation.objects.filter(section_page__path__in=ancestor_paths(page.path))
        .order_by("-section_page__depth")
        .first()
    )


class OrganisationsBySection:
    """Maps many pages to their owner organisation with one query (for listings)."""

    def __init__(self, organisations: Iterable[Organisation] | None = None):
        if organisations is None:
            organisations = Organisation.objects.filter(section_page__isnull=False).select_related(
                "section_page"
            )
        self._by_path = {org.section_page.path: org for org in organisations if org.section_page}

    def for_page(self, page: Page) -> Organisation | None:
        for path in reversed(ancestor_paths(page.path)):
            if path in self._by_path:
                return self._by_path[path]
        return None
