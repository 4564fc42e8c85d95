"""Walks every admin URL that Wagtail and the project register (read from the URL resolver,
so a Wagtail upgrade that adds a view is walked too) as an editor and an organisation admin
of each council, and asserts that no title, URL, file name or body text of a page,
document or image they may not view appears in any answer — and that no answer is a server error.

Each URL is asked with every restricted item in each of its arguments, and listings,
choosers and searches are asked again with a query and a parent that would find them.
Only GET is walked: every change the admin makes is refused by the same permission checks
that refuse showing (see test_editing_needs_viewing and test_widening).
"""

import re
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Page, Site
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from intranet.access.admin_permissions import VisibleCollectionOwnershipPolicy
from intranet.access.policy import can_view, facts_for
from intranet.images.models import IntranetImage
from intranet.library.models import LibraryDocument
from intranet.organisations.models import Membership, OrganisationGroup
from tests.factories import build_partnership

pytestmark = pytest.mark.django_db

# Needs arguments no walk can make up (password reset tokens), or is not an admin page.
SKIPPED = {
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_logout",
    "wagtailadmin_error_test",
}
PARAMETER = re.compile(
    r"<(?:(?P<converter>[a-z]+):)?(?P<name>[a-z_0-9]+)>|\(\?P<(?P<group>[a-z_]+)>[^)]*\)"
)
LISTING_WORDS = ("search", "choose", "chooser", "results", "listing", "find", "index", "list")


def admin_routes() -> Iterator[tuple[str, str]]:
    """(route with placeholders, full URL name) for every admin URL pattern."""

    def walk(patterns, prefix: str, namespace: str):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(
                    pattern.url_patterns,
                    prefix + str(pattern.pattern),
                    (inner or namespace or "") if pattern.namespace else namespace,
                )
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace else (pattern.name or "")
                yield prefix + str(pattern.pattern), name

    for route, name in walk(get_resolver().url_patterns, "", ""):
        clean = route.replace("^", "").replace("$", "").replace("\\.", ".")
        if clean.startswith("admin/") and ".*" not in clean and name not in SKIPPED:
            yield clean, name


class Targets:
    """What the walk puts into each kind of URL argument, for one user."""

    def __init__(self, user, councils):
        own = set(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))
        self.other_organisations = [
            c.organisation for c in councils.values() if c.organisation.pk not in own
        ]
        # Every hidden item is looked for in every answer; URLs are asked with one item of
        # each kind (own council's or another's, by audience), which is what a view can tell.
        self.all_hidden = [
            item
            for council in councils.values()
            for item in council.restricted()
            if not can_view(user, item)
        ]
        kinds = {}
        for item in self.all_hidden:
            facts = facts_for(item)
            kinds.setdefault((type(item), facts.owner_id in own, facts.audience), item)
        self.hidden_pages = [item for item in kinds.values() if isinstance(item, Page)]
        self.hidden_documents = [i for i in kinds.values() if isinstance(i, LibraryDocument)]
        self.hidden_images = [i for i in kinds.values() if isinstance(i, IntranetImage)]
        self.folders = [c.sensitive_folder.pk for c in councils.values()]

    def markers(self) -> list[str]:
        found = []
        hidden_pages = [item for item in self.all_hidden if isinstance(item, Page)]
        hidden_documents = [item for item in self.all_hidden if not isinstance(item, Page)]
        # Documents and images alike: their title and file name.
        for page in hidden_pages:
            found += [page.title, page.slug, page.url_path]
            found += re.findall(r"marker-[a-z]+-[a-z-]+", str(page.specific.body))
            if getattr(page.specific, "summary", ""):
                found.append(page.specific.summary)
        for item in self.all_hidden:  # Also in file names of renditions, slugs, snippets.
            found += re.findall(r"marker-[a-z]+-[a-z-]+", item.title)
        for document in hidden_documents:
            found += [document.title, document.file.name.rsplit("/", 1)[-1]]
        return sorted(set(found))

    def snippet_ids(self, app_label: str, model_name: str) -> list[int]:
        """Another council's instances of a snippet model (any, for shared models)."""
        model = apps.get_model(app_label, model_name)
        queryset = model._default_manager.all()
        for field in ("organisation", "grantor"):
            if any(f.name == field for f in model._meta.fields):
                queryset = queryset.filter(**{f"{field}__in": self.other_organisations})
        return list(queryset.values_list("pk", flat=True)[:2]) or [1]

    def values(self, name: str, argument: str) -> list[str]:
        pages = [str(p.pk) for p in self.hidden_pages] or ["1"]
        documents = [str(d.pk) for d in self.hidden_documents] or ["1"]
        images = [str(i.pk) for i in self.hidden_images] or ["1"]
        if argument in {
            "page_id",
            "parent_page_id",
            "page_to_move_id",
            "page_pk",
            "destination_id",
        }:
            return pages
        if argument in {"document_id", "doc_id"}:
            return documents
        if argument == "image_id":
            return images
        if argument == "revision_id":
            return [str(p.latest_revision_id) for p in self.hidden_pages] or ["1"]
        if argument == "revision_id_a":
            return ["earliest"]
        if argument == "revision_id_b":
            return ["latest"]
        if argument == "collection_id":
            return [str(pk) for pk in self.folders]
        if argument == "object_id":
            return pages
        if argument == "filter_spec":
            return ["original"]
        if argument in {"content_type_app_name", "app_label", "app_name"}:
            return ["wagtailcore" if "bulk" in name else "home"]
        if argument in {"content_type_model_name", "model_name"}:
            return ["page" if "bulk" in name else "contentpage"]
        if argument in {"action", "action_name"}:
            return ["move" if "bulk" in name else "approve"]
        if argument == "pk":
            return self._pks(name, pages, documents, images)
        return ["1"]

    def _pks(self, name: str, pages: list[str], documents: list[str], images) -> list[str]:
        if "pages" in name or "revisions_compare" in name:
            return pages
        if "documents" in name or "wagtaildocs" in name:
            return documents
        if "images" in name:
            return images
        snippet = re.match(r"wagtailsnippet(?:s|choosers)_([a-z]+)_([a-z]+):", name)
        if snippet:
            return [str(pk) for pk in self.snippet_ids(*snippet.groups())]
        if "collections" in name:
            return [str(pk) for pk in self.folders]
        if "groups" in name:
            groups = OrganisationGroup.objects.filter(organisation__in=self.other_organisations)
            return [str(group.group_id) for group in groups[:2]]
        if "sites" in name:
            return [str(Site.objects.first().pk)]
        return ["1"]

    def queries(self, name: str) -> list[str]:
        """Listings, choosers and searches are asked again as a curious user would."""
        if not any(word in name for word in LISTING_WORDS) and not name.endswith("explore"):
            return [""]
        variants = ["", "?q=marker"]
        if "api" in name:
            variants.append("?search=marker")
        if "api" in name or "choose" in name:
            for page in self.hidden_pages:
                variants += [f"?parent={page.pk}", f"?child_of={page.pk}", f"?id={page.pk}"]
            variants += [f"?id={item.pk}" for item in self.hidden_documents + self.hidden_images]
        if "documents" in name or "images" in name or "docs" in name:
            variants += [f"?collection_id={folder}" for folder in self.folders]
        return variants


def urls_for(route: str, name: str, targets: Targets) -> Iterator[str]:
    parameters = [m.group("name") or m.group("group") for m in PARAMETER.finditer(route)]
    combinations = [{}]
    for parameter in parameters:
        combinations = [
            {**combo, parameter: value}
            for combo in combinations
            for value in targets.values(name, parameter)
        ]
    if "revision_id" in parameters:  # A page's own revision, not every page with every one.
        combinations = [
            {**combo, "page_id": str(page.pk), "revision_id": str(page.latest_revision_id)}
            for combo in combinations[:1]
            for page in targets.hidden_pages
        ]
    for combo in combinations:
        url = "/" + PARAMETER.sub(lambda m, c=combo: c[m.group("name") or m.group("group")], route)
        for query in targets.queries(name) if not parameters else [""]:
            yield url + query


def walk_as(user, councils, only: str = "") -> tuple[list[str], int]:
    """Problems found walking the admin as ``user``, and how many requests it took."""
    targets = Targets(user, councils)
    markers = targets.markers()
    client = Client(raise_request_exception=False)
    client.force_login(user)
    problems, requests = [], 0
    for route, name in admin_routes():
        if only and name != only:
            continue
        for url in urls_for(route, name, targets):
            response = client.get(url)
            requests += 1
            if response.status_code >= 500:
                problems.append(f"{url}: HTTP {response.status_code}")
                continue
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode("utf-8", "replace")
            leaked = [marker for marker in markers if marker in text]
            if leaked:
                problems.append(f"{url} ({name}): {leaked}")
    return problems, requests


# The three councils are built alike. The embedded pass walks as each of them; the services pass
# (PostgreSQL + OpenSearch, where a walk costs three times as much) walks as one, which is enough
# to prove the engine-backed choosers and listings without tripling CI's longest test.
WALKED_COUNCILS = (
    ["hf", "rbkc", "wcc"]
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    else ["hf"]
)


@pytest.mark.parametrize("council", WALKED_COUNCILS)
def test_nothing_an_editor_or_admin_may_not_view_shows_anywhere_in_the_admin(council):
    councils = build_partnership()

    for role in ("editor", "admin"):
        problems, requests = walk_as(getattr(councils[council], role), councils)

        assert requests > 300  # The walk really covered the admin.
        assert problems == [], f"{council} {role}:\n" + "\n".join(problems)


def test_the_walk_finds_a_leak_when_a_listing_is_not_trimmed(monkeypatch):
    """The walk is checked too: with the admin's document listing untrimmed, it must fail."""
    councils = build_partnership(("hf", "rbkc"))
    monkeypatch.setattr(
        VisibleCollectionOwnershipPolicy,
        "instances_user_has_any_permission_for",
        CollectionOwnershipPermissionPolicy.instances_user_has_any_permission_for,
    )

    problems, _ = walk_as(councils["hf"].editor, councils, only="wagtaildocs:index")

    assert problems
    assert all("Safeguarding marker-hf-sensitive-doc" in problem for problem in problems)
