"""An organisation's own data is checked when an admin types it in."""

import pytest
from django.core.exceptions import ValidationError

from intranet.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def organisation(**overrides) -> Organisation:
    fields = {
        "slug": "lfb",
        "name": "London Fire Brigade",
        "short_name": "LFB",
        "accent_colour": "#d4351c",
        "email_domains": "london-fire.gov.uk",
    }
    return Organisation(**{**fields, **overrides})


def test_a_well_formed_organisation_is_valid():
    organisation().full_clean()


def test_a_slug_the_site_uses_itself_is_refused():
    with pytest.raises(ValidationError, match="used by the site itself"):
        organisation(slug="admin").full_clean()


def test_an_accent_colour_too_pale_to_see_on_white_is_refused():
    with pytest.raises(ValidationError, match="too pale"):
        organisation(accent_colour="#ffdd00").full_clean()


def test_an_accent_colour_that_is_not_a_hex_code_is_refused():
    with pytest.raises(ValidationError, match="hex code"):
        organisation(accent_colour="green").full_clean()


def test_email_domains_may_be_listed_on_lines_or_with_commas():
    org = organisation(email_domains="london-fire.gov.uk\nLFB.gov.uk, lfepa.gov.uk")

    org.full_clean()
    assert org.email_domain_list == ["london-fire.gov.uk", "lfb.gov.uk", "lfepa.gov.uk"]


def test_an_email_address_in_place_of_a_domain_is_refused():
    with pytest.raises(ValidationError, match="not an email domain"):
        organisation(email_domains="someone@london-fire.gov.uk").full_clean()
