"""Single sign-on without a provider: home-realm discovery, `configure_sso`, password
sign-in switched off per organisation, and who may edit what in the admin."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from intranet.access.models import AuditEvent
from intranet.accounts.models import ClaimGroupMapping, IdentityProvider
from intranet.accounts.selectors import realm_for_email
from intranet.accounts.services import configure_provider
from tests.clients import refusal, signed_in
from tests.factories import TEST_PASSWORD, OrganisationFactory, UserFactory, admin_of, member_of

SECRET_ENV = "COMMONS_TEST_SSO_SECRET"


@pytest.fixture
def hf(db):
    return OrganisationFactory(slug="hf", short_name="H&F", email_domains="lbhf.gov.uk\nhf.gov.uk")


@pytest.fixture
def rbkc(db):
    return OrganisationFactory(slug="rbkc", short_name="RBKC", email_domains="rbkc.gov.uk")


def configure(slug: str, *args: str) -> list[str]:
    from io import StringIO

    out = StringIO()
    call_command(
        "configure_sso",
        slug,
        "--issuer",
        f"https://login.invalid/{slug}/v2.0",
        "--client-id",
        f"commons-{slug}",
        "--client-secret-env",
        SECRET_ENV,
        *args,
        stdout=out,
    )
    return out.getvalue().splitlines()


# --- Home-realm discovery -------------------------------------------------------------------


def test_the_email_domain_picks_the_organisation_and_its_provider(hf, rbkc):
    configure("hf", "--domains", "lbhf.gov.uk")

    realm = realm_for_email("Ann.Smith@LBHF.gov.uk")
    assert (realm.organisation, realm.provider.organisation, realm.usable) == (hf, hf, True)
    # hf.gov.uk is H&F's, but its provider was not given it to vouch for.
    assert realm_for_email("ann@hf.gov.uk").provider is None
    assert realm_for_email("ann@rbkc.gov.uk").organisation == rbkc
    assert realm_for_email("ann@rbkc.gov.uk").provider is None
    # Part of a domain is not a domain.
    assert realm_for_email("ann@bhf.gov.uk").organisation is None


def test_an_unknown_domain_gets_a_clear_message_on_the_sign_in_page(hf, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, "x")
    configure("hf")

    response = Client().post("/sso/start/", {"email": "someone@example.com", "next": "/people/"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "No partner organisation uses email addresses ending @example.com" in page
    assert "There is a problem" in page
    assert 'name="username"' in page and 'value="/people/"' in page


def test_a_provider_switched_off_or_unreachable_is_told_so(hf, rbkc, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, "x")
    configure("hf", "--disable")
    configure("rbkc")

    off = Client().post("/sso/start/", {"email": "a@lbhf.gov.uk"}).content.decode()
    assert "Signing in with H&amp;F&#x27;s accounts is switched off" in off
    # RBKC's provider is on, but its address answers nothing (no network here).
    down = Client().post("/sso/start/", {"email": "a@rbkc.gov.uk"}).content.decode()
    assert "Signing in with RBKC&#x27;s accounts is not working at the moment" in down


def test_the_work_email_form_shows_only_once_a_provider_is_on(hf, monkeypatch):
    assert "Sign in with your work email" not in Client().get("/accounts/login/").content.decode()
    configure("hf")
    assert "Sign in with your work email" in Client().get("/accounts/login/").content.decode()


# --- configure_sso ----------------------------------------------------------------------------


def test_configure_sso_is_idempotent_and_audited_once(hf):
    args = ("--domains", "lbhf.gov.uk", "--map", "SG-SocialCare=hf/social-care")
    first = configure("hf", *args)
    events = AuditEvent.objects.count()

    second = configure("hf", *args)

    assert "hf: unchanged" in second and "hf: unchanged" not in first
    assert AuditEvent.objects.count() == events
    provider = IdentityProvider.objects.get()
    assert provider.client_secret_env == SECRET_ENV and provider.enabled
    assert [str(m) for m in ClaimGroupMapping.objects.all()] == ["SG-SocialCare → hf/social-care"]


def test_the_map_given_replaces_the_map_and_switches_work(hf):
    configure("hf", "--map", "A=hf/social-care", "--map", "B=hf/editors")
    configure("hf", "--map", "B=hf/editors", "--password-login", "off", "--disable")

    provider = IdentityProvider.objects.get()
    assert [m.claim_value for m in ClaimGroupMapping.objects.all()] == ["B"]
    assert (provider.enabled, provider.password_sign_in) == (False, False)
    assert "unmapped A → hf/social-care" in AuditEvent.objects.latest("pk").ground


def test_a_map_to_another_organisations_group_or_domain_is_refused(hf, rbkc):
    with pytest.raises(CommandError, match="only map to its own groups"):
        configure("hf", "--map", "SG-X=rbkc/social-care")
    with pytest.raises(CommandError, match="not one of H&F's email domains"):
        configure("hf", "--domains", "rbkc.gov.uk")
    assert not IdentityProvider.objects.exists()


def test_the_secret_is_never_stored(hf):
    provider = configure_provider(
        hf, issuer="https://accounts.google.com", client_id="c", client_secret_env="HF_SECRET"
    ).provider
    assert not any(
        f.name in ("secret", "client_secret") for f in IdentityProvider._meta.get_fields()
    )
    assert provider.client_secret_env == "HF_SECRET"


# --- Password sign-in switched off ------------------------------------------------------------


def test_password_sign_in_switched_off_stops_staff_but_not_operators(hf, rbkc):
    member_of(hf, "hf.staff")
    member_of(rbkc, "rbkc.staff")
    UserFactory(username="operator", is_superuser=True, is_staff=True, organisations=[hf])
    configure("hf", "--password-login", "off")

    refused = Client().post("/accounts/login/", {"username": "hf.staff", "password": TEST_PASSWORD})
    assert refused.status_code == 200
    assert "H&amp;F staff sign in with their work email" in refused.content.decode()
    for username in ("rbkc.staff", "operator"):
        ok = Client().post("/accounts/login/", {"username": username, "password": TEST_PASSWORD})
        assert ok.status_code == 302, username


# --- The admin ------------------------------------------------------------------------------


def test_an_admin_edits_only_their_own_organisations_claim_map(hf, rbkc):
    configure("hf", "--map", "SG-HF=hf/editors")
    configure("rbkc", "--map", "SG-RBKC=rbkc/editors")
    theirs = ClaimGroupMapping.objects.get(organisation=rbkc)
    client = signed_in(admin_of(hf, "hf.admin"))

    listing = client.get("/admin/snippets/accounts/claimgroupmapping/").content.decode()
    assert "SG-HF" in listing and "SG-RBKC" not in listing
    edit = client.get(f"/admin/snippets/accounts/claimgroupmapping/edit/{theirs.pk}/")
    assert refusal(edit) == "302 /admin/"

    hf_social = hf.groups.get(slug="editors")
    added = client.post(
        "/admin/snippets/accounts/claimgroupmapping/add/",
        {"organisation": hf.pk, "claim_value": "SG-New", "group": hf_social.pk},
    )
    assert added.status_code == 302
    assert "mapped SG-New → hf/editors" in AuditEvent.objects.latest("pk").ground
    foreign = client.post(
        "/admin/snippets/accounts/claimgroupmapping/add/",
        {"organisation": hf.pk, "claim_value": "SG-Sneaky", "group": rbkc.groups.first().pk},
    )
    assert foreign.status_code == 200
    assert not ClaimGroupMapping.objects.filter(claim_value="SG-Sneaky").exists()


def test_only_operators_register_identity_providers(hf):
    admin = signed_in(admin_of(hf, "hf.admin"))
    assert refusal(admin.get("/admin/snippets/accounts/identityprovider/add/")) == "302 /admin/"

    operator = signed_in(UserFactory(username="operator", is_superuser=True, is_staff=True))
    response = operator.post(
        "/admin/snippets/accounts/identityprovider/add/",
        {
            "organisation": hf.pk,
            "protocol": "oidc",
            "issuer": "https://login.microsoftonline.com/tenant/v2.0",
            "client_id": "commons",
            "client_secret_env": "COMMONS_SSO_HF_SECRET",
            "email_domains": "",
            "scopes": "openid email profile",
            "groups_claim": "groups",
            "job_title_claim": "job_title",
            "enabled": "on",
            "password_sign_in": "on",
        },
    )
    assert response.status_code == 302
    assert IdentityProvider.objects.get().organisation == hf
    assert AuditEvent.objects.filter(object_type="accounts.IdentityProvider").exists()
