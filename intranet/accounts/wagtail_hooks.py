"""Single sign-on in the Wagtail admin: platform operators register identity providers;
an organisation's admins edit only their own claim → group map. Every change is audited."""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from intranet.access.admin_permissions import OrganisationScopedPermissionPolicy
from intranet.access.admin_views import ScopedViewSet

from . import services
from .admin_forms import ClaimGroupMappingForm
from .models import ClaimGroupMapping, IdentityProvider

register_permission_policy(
    ClaimGroupMapping,
    OrganisationScopedPermissionPolicy(
        ClaimGroupMapping, "organisation", {"add", "change", "delete", "view"}
    ),
)


class IdentityProviderViewSet(SnippetViewSet):
    """Operators only: Django's model permissions, which only superusers hold."""

    model = IdentityProvider
    icon = "key"
    menu_label = "Identity providers"
    list_display = ["organisation", "issuer", "enabled", "password_sign_in"]
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            MultiFieldPanel(
                [
                    FieldPanel("protocol"),
                    FieldPanel("issuer"),
                    FieldPanel("client_id"),
                    FieldPanel("client_secret_env"),
                    FieldPanel("scopes"),
                ],
                heading="Provider",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("email_domains"),
                    FieldPanel("groups_claim"),
                    FieldPanel("job_title_claim"),
                ],
                heading="What it vouches for",
            ),
            FieldPanel("enabled"),
            FieldPanel("password_sign_in"),
        ]
    )


class ClaimGroupMappingViewSet(ScopedViewSet):
    model = ClaimGroupMapping
    icon = "group"
    menu_label = "Claim → group map"
    list_display = ["claim_value", "group", "organisation"]
    edit_handler = ObjectList(
        [FieldPanel("organisation"), FieldPanel("claim_value"), FieldPanel("group")],
        base_form_class=ClaimGroupMappingForm,
    )


class SignInGroup(SnippetViewSetGroup):
    items = (IdentityProviderViewSet, ClaimGroupMappingViewSet)
    menu_icon = "key"
    menu_label = "Sign-in"
    menu_name = "sign-in"
    menu_order = 270


register_snippet(SignInGroup)


@hooks.register("after_create_snippet")
def audit_created(request, instance):
    if isinstance(instance, IdentityProvider):
        services.provider_changed(instance, request.user, "registered in the admin")
    elif isinstance(instance, ClaimGroupMapping):
        services.mapping_changed(instance, request.user, f"mapped {instance}")


@hooks.register("after_edit_snippet")
def audit_edited(request, instance):
    if isinstance(instance, IdentityProvider):
        services.provider_changed(
            instance,
            request.user,
            f"edited in the admin: enabled={instance.enabled}, "
            f"password sign-in={instance.password_sign_in}",
        )
    elif isinstance(instance, ClaimGroupMapping):
        services.mapping_changed(instance, request.user, f"edited: {instance}")


@hooks.register("after_delete_snippet")
def audit_deleted(request, instances):
    for instance in instances:
        if isinstance(instance, ClaimGroupMapping):
            services.mapping_changed(instance, request.user, f"unmapped {instance}")
