"""Front-end responses carry the security headers a public-sector service is expected to send."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_front_end_pages_forbid_framing_sniffing_and_foreign_scripts(staff_client: Client):
    response = staff_client.get("/")

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_pages_have_no_inline_scripts_so_the_policy_needs_no_exceptions(staff_client: Client):
    content = staff_client.get("/").content.decode()

    assert "<script>" not in content
    assert "unsafe-inline" not in staff_client.get("/")["Content-Security-Policy"]


def test_organisation_colours_come_from_a_stylesheet_not_inline_styles(staff_client: Client):
    response = staff_client.get("/organisations.css")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert ".commons-org--wcc { --commons-accent: #00703c; }" in response.content.decode()
