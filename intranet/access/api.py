"""Wagtail API v2, trimmed by the access policy and showing each item's effective access.

Session authentication only; anonymous callers get 401 JSON, never a login redirect.
"""

from rest_framework.authentication import SessionAuthentication
from rest_framework.fields import Field
from rest_framework.permissions import IsAuthenticated
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from intranet.organisations.models import Organisation, OrganisationGroup

from . import audit
from .models import AuditEvent
from .policy import decision, facts_for, visible_to, visible_to_for_search

ACCESS_FIELDS = ["organisation", "audience", "groups", "classification"]


class SessionAuthenticationWith401(SessionAuthentication):
    """Session auth that answers "not signed in" with 401 rather than 403."""

    def authenticate_header(self, request):
        return 'Session realm="commons"'


class AccessFactField(Field):
    """One effective access fact of the item (organisation slug, audience, groups…)."""

    def __init__(self, fact: str, **kwargs):
        self.fact = fact
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        # Four fields read the same facts; look them up once per item.
        if not hasattr(instance, "_api_access_facts"):
            instance._api_access_facts = facts_for(instance)
        facts = instance._api_access_facts
        if facts is None:
            return None
        if self.fact == "organisation":
            return self._names()["organisations"].get(facts.owner_id)
        if self.fact == "groups":
            identifiers = self._names()["groups"]
            return sorted(identifiers[pk] for pk in facts.group_ids if pk in identifiers)
        return getattr(facts, self.fact)

    def _names(self) -> dict:
        """Organisation slugs and group identifiers, loaded once per response (not per item)."""
        names = self.context.get("_access_names")
        if names is None:
            names = {
                "organisations": dict(Organisation.objects.values_list("pk", "slug")),
                "groups": {
                    group.pk: group.identifier
                    for group in OrganisationGroup.objects.select_related("organisation")
                },
            }
            self.context["_access_names"] = names
        return names


class PrefetchedTagsField(Field):
    """Tag names from the listing's prefetch (Wagtail's ``TagsField`` queries once per item)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class AccessPageSerializer(PageSerializer):
    organisation = AccessFactField("organisation")
    audience = AccessFactField("audience")
    groups = AccessFactField("groups")
    classification = AccessFactField("classification")


class AccessDocumentSerializer(DocumentSerializer):
    tags = PrefetchedTagsField()
    organisation = AccessFactField("organisation")
    audience = AccessFactField("audience")
    groups = AccessFactField("groups")
    classification = AccessFactField("classification")


class AuditedDetailMixin:
    """Reading a sensitive item through the API is a view like any other: audit it."""

    authentication_classes = [SessionAuthenticationWith401]
    permission_classes = [IsAuthenticated]

    def detail_view(self, request, pk):
        response = super().detail_view(request, pk)
        item = self.get_object()
        facts = facts_for(item)
        if facts is not None and facts.is_sensitive:
            audit.record_access(
                request.user, item, decision(request.user, item), AuditEvent.Action.VIEW, facts
            )
        return response


def trimmed(request, queryset):
    """``queryset`` narrowed by the policy; by primary key when searching (``?search=``),
    because Wagtail's search filters only on indexed fields."""
    if "search" in request.GET:
        return visible_to_for_search(request.user, queryset)
    return visible_to(request.user, queryset)


class TrimmedPagesAPIViewSet(AuditedDetailMixin, PagesAPIViewSet):
    base_serializer_class = AccessPageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, *ACCESS_FIELDS]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, *ACCESS_FIELDS]

    def get_base_queryset(self):
        # facts_for reads the record (and its groups) a listing has already fetched.
        pages = super().get_base_queryset().select_related("access_record")
        return trimmed(self.request, pages.prefetch_related("access_record__groups"))


class TrimmedDocumentsAPIViewSet(AuditedDetailMixin, DocumentsAPIViewSet):
    base_serializer_class = AccessDocumentSerializer
    meta_fields = [*DocumentsAPIViewSet.meta_fields, *ACCESS_FIELDS]
    listing_default_fields = [*DocumentsAPIViewSet.listing_default_fields, *ACCESS_FIELDS]

    def get_queryset(self):
        documents = super().get_queryset().prefetch_related("effective_groups", "tags")
        return trimmed(self.request, documents)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", TrimmedPagesAPIViewSet)
api_router.register_endpoint("documents", TrimmedDocumentsAPIViewSet)
