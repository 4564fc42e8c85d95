"""Signing in with a work email in Chromium, through the real provider (scripts/oidc-provider),
with axe on Commons' sign-in pages (the provider's own page is not ours to judge)."""

import json

import pytest
from django.contrib.auth import get_user_model

from tests.accounts.oidc import SECRET_ENV, provider_url, register
from tests.browser.axe import assert_accessible
from tests.factories import OrganisationFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_member_of_staff_signs_in_with_their_work_email(anonymous_page, monkeypatch):
    base = provider_url()
    monkeypatch.setenv(SECRET_ENV, "not-a-real-secret")
    hf = OrganisationFactory(slug="hf", short_name="H&F", email_domains="lbhf.gov.uk")
    register(hf, base, mappings=["SG-SocialCare=hf/social-care"])
    page = anonymous_page

    page.goto("/people/")
    assert page.get_by_role("heading", level=2, name="Sign in with your work email").is_visible()
    assert_accessible(page)

    page.get_by_label("Work email address").fill("nobody@example.com")
    page.get_by_role("button", name="Continue").click()
    assert "No partner organisation uses email addresses ending @example.com" in page.content()
    assert_accessible(page)

    page.get_by_label("Work email address").fill("kim@lbhf.gov.uk")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{base}/hf/authorize?*")  # the council's own sign-in page
    page.fill("input[name=username]", "kim")
    page.fill(
        "textarea[name=claims]",
        json.dumps(
            {"email": "kim@lbhf.gov.uk", "email_verified": True, "groups": ["SG-SocialCare"]}
        ),
    )
    page.click("input[type=submit]")

    page.wait_for_url("**/people/")
    user = get_user_model().objects.get(email="kim@lbhf.gov.uk")
    assert user.groups.filter(organisation_group__slug="social-care").exists()
    assert_accessible(page)


def test_a_refusal_is_an_accessible_page(anonymous_page, monkeypatch):
    base = provider_url()
    monkeypatch.setenv(SECRET_ENV, "not-a-real-secret")
    hf = OrganisationFactory(slug="hf", short_name="H&F", email_domains="lbhf.gov.uk")
    register(hf, base)
    page = anonymous_page

    page.goto("/accounts/login/")
    page.get_by_label("Work email address").fill("lee@lbhf.gov.uk")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{base}/hf/authorize?*")
    page.fill("input[name=username]", "lee")
    page.fill("textarea[name=claims]", json.dumps({"email": "lee@lbhf.gov.uk"}))
    page.click("input[type=submit]")

    page.wait_for_url("**/sso/oidc/hf/login/callback/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Your email address is not verified"
    assert_accessible(page)
