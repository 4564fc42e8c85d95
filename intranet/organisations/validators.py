"""Checks on organisation data that an admin types in."""

import re

from django.core.exceptions import ValidationError

# URL prefixes the site itself uses; an organisation section cannot take them.
RESERVED_SLUGS = frozenset(
    {
        "accounts",
        "admin",
        "api",
        "documents",
        "django-admin",
        "healthz",
        "media",
        "news",
        "organisations.css",
        "people",
        "search",
        "sso",
        "static",
        "statements",
    }
)
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def validate_organisation_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(f"“{value}” is used by the site itself; choose another short code.")


def validate_accent_colour(value: str) -> None:
    if not HEX_COLOUR.match(value):
        raise ValidationError("Enter the colour as a hex code such as #1d70b8.")
    if contrast_ratio(value, "#ffffff") < 3:
        # The accent marks the organisation's areas; WCAG 1.4.11 wants 3:1 against white.
        raise ValidationError(
            "This colour is too pale to see against the white page; choose a darker shade "
            "(it needs a contrast ratio of at least 3:1 with white)."
        )


def validate_email_domains(value: str) -> None:
    for domain in split_domains(value):
        if not DOMAIN.match(domain):
            raise ValidationError(f"“{domain}” is not an email domain such as westminster.gov.uk.")


def split_domains(value: str) -> list[str]:
    return [part.strip().lower() for part in re.split(r"[\s,;]+", value or "") if part.strip()]


def relative_luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
