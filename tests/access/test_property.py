"""Property: for random partnerships, what a query shows equals what each item's check allows,
and HTTP answers (pages, document downloads, API listing) agree — no leaks, no misses."""

import datetime
import os

from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from wagtail.models import Collection, Page

from intranet.access.models import CommitmentStatement, InformationSharingAgreement
from intranet.access.policy import can_view, decision, visible_to
from intranet.access.statements import accept
from intranet.library.models import LibraryDocument
from intranet.library.services import save_document
from intranet.organisations.models import Membership
from intranet.organisations.provisioning import ensure_group
from tests.factories import (
    ContentPageFactory,
    OrganisationFactory,
    UserFactory,
    restrict,
    shared_home,
)

EXAMPLES = int(os.environ.get("COMMONS_PROPERTY_EXAMPLES", "20"))
ORGS = 3
GROUP_SLUGS = ["team", "care"]
ALL_GROUPS = [(o, g) for o in range(ORGS) for g in GROUP_SLUGS]

users = st.lists(
    st.fixed_dictionaries(
        {
            "orgs": st.sets(st.integers(0, ORGS - 1), max_size=2),
            "groups": st.sets(st.sampled_from(ALL_GROUPS), max_size=3),
            "statements": st.dictionaries(
                st.integers(0, ORGS - 1), st.sampled_from(["current", "old"]), max_size=ORGS
            ),
            "active": st.sampled_from([True, True, True, False]),
        }
    ),
    min_size=1,
    max_size=4,
)
agreements = st.lists(
    st.fixed_dictionaries(
        {
            "grantor": st.integers(0, ORGS - 1),
            "grantee": st.integers(0, ORGS - 1),
            "sensitive": st.booleans(),
            "limited_to": st.none() | st.sampled_from(GROUP_SLUGS),
            "state": st.sampled_from(["active", "active", "expired", "revoked", "future"]),
        }
    ).filter(lambda a: a["grantor"] != a["grantee"]),
    max_size=3,
)
items = st.lists(
    st.fixed_dictionaries(
        {
            # None: the shared home; otherwise an organisation's section, or an earlier item.
            "org": st.none() | st.integers(0, ORGS - 1),
            "nest_under_previous": st.booleans(),
            "audience": st.sampled_from(["", "partnership", "organisation", "groups"]),
            "classification": st.sampled_from(["", "OFFICIAL", "OFFICIAL-SENSITIVE"]),
            "groups": st.sets(st.sampled_from(ALL_GROUPS), max_size=2),
        }
    ),
    min_size=1,
    max_size=6,
)


class VisibleToAgreesWithCanView(TestCase):
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(users=users, agreements=agreements, items=items, operator=st.booleans())
    def test_query_form_item_checks_and_http_responses_agree(
        self, users, agreements, items, operator
    ):
        world = build(users, agreements, items, operator)
        pages = world["pages"]
        pks = [page.pk for page in pages]
        for user in world["users"]:
            shown = set(
                visible_to(user, Page.objects.filter(pk__in=pks)).values_list("pk", flat=True)
            )
            allowed = {page.pk for page in pages if can_view(user, page)}
            assert shown == allowed, (user.username, shown, allowed)

            client = Client()
            client.force_login(user)
            api = client.get("/api/v2/pages/?type=home.ContentPage&limit=20")
            if user.is_active:
                assert {item["id"] for item in api.json()["items"]} == allowed, user.username
            else:
                assert api.status_code == 401
            documents = world["documents"]
            shown_documents = set(
                visible_to(
                    user, LibraryDocument.objects.filter(pk__in=[d.pk for d in documents])
                ).values_list("pk", flat=True)
            )
            allowed_documents = {d.pk for d in documents if can_view(user, d)}
            assert shown_documents == allowed_documents, user.username
            for document in documents:
                status = client.get(document.url).status_code
                if document.pk in allowed_documents:
                    assert status == 200, (user.username, document.title, status)
                elif user.is_active and not decision(user, document).needs_statement:
                    assert status == 404, (user.username, document.title, status)
            for page in pages:
                status = client.get(page.url).status_code
                if page.pk in allowed:
                    assert status == 200, (user.username, page.url, status)
                elif decision(user, page).needs_statement:
                    assert status == 302, (user.username, page.url, status)
                else:
                    assert status in (404, 302), (user.username, page.url, status)
                    if user.is_active:
                        assert status == 404, (user.username, page.url, status)


def build(user_specs, agreement_specs, item_specs, operator) -> dict:
    today = timezone.localdate()
    orgs = [OrganisationFactory(slug=f"o{i}") for i in range(ORGS)]
    groups = {(i, slug): ensure_group(orgs[i], slug, slug) for i, slug in ALL_GROUPS}
    for org in orgs:
        CommitmentStatement.objects.create(organisation=org, text="v1")
        CommitmentStatement.objects.create(organisation=org, text="v2")

    for spec in agreement_specs:
        start, end = {
            "active": (-5, 5),
            "expired": (-10, -1),
            "revoked": (-5, 5),
            "future": (1, 10),
        }[spec["state"]]
        agreement = InformationSharingAgreement.objects.create(
            grantor=orgs[spec["grantor"]],
            grantee=orgs[spec["grantee"]],
            covers_official_sensitive=spec["sensitive"],
            reference=f"ISA-{spec['grantor']}-{spec['grantee']}",
            purpose="Property test",
            starts_on=today + datetime.timedelta(days=start),
            ends_on=today + datetime.timedelta(days=end),
            revoked_at=timezone.now() if spec["state"] == "revoked" else None,
        )
        if spec["limited_to"]:
            agreement.grantee_groups.set([groups[(spec["grantee"], spec["limited_to"])]])

    people = []
    for n, spec in enumerate(user_specs):
        user = UserFactory(username=f"u{n}", is_active=spec["active"])
        for i in spec["orgs"]:
            Membership.objects.create(user=user, organisation=orgs[i])
        for key in spec["groups"]:
            user.groups.add(groups[key].group)
        for i, which in spec["statements"].items():
            accept(user, orgs[i].statements.get(version=2 if which == "current" else 1))
        people.append(user)
    if operator:
        people.append(UserFactory(username="operator", is_superuser=True))

    pages = []
    for n, spec in enumerate(item_specs):
        previous = pages[-1] if pages else None
        if spec["org"] is None:
            parent = shared_home()
        elif (
            spec["nest_under_previous"]
            and previous
            and previous.url.startswith(f"/o{spec['org']}/")
        ):
            parent = previous
        else:
            parent = orgs[spec["org"]].section_page
        page = ContentPageFactory(parent=parent, title=f"Item {n}")
        pages.append(
            restrict(
                page,
                audience=spec["audience"],
                classification=spec["classification"],
                groups=[groups[key] for key in spec["groups"]],
            )
        )
    documents = []
    root = Collection.get_first_root_node()
    for n, spec in enumerate(item_specs):
        collection = orgs[spec["org"]].library_collection if spec["org"] is not None else root
        document = LibraryDocument(
            title=f"Document {n}",
            collection=collection,
            audience=spec["audience"],
            classification=spec["classification"],
        )
        document.file.save(f"doc-{n}.txt", ContentFile(b"words"), save=False)
        save_document(document, groups=[groups[key] for key in spec["groups"]])
        documents.append(document)
    return {"users": people, "pages": pages, "documents": documents}
