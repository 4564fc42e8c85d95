"""The two axes of the access rule: who the audience is, and how sensitive the item is."""

from django.db import models


class Audience(models.TextChoices):
    PARTNERSHIP = "partnership", "All partner staff"
    ORGANISATION = "organisation", "Staff of the owning organisation"
    GROUPS = "groups", "Members of chosen groups"


class Classification(models.TextChoices):
    OFFICIAL = "OFFICIAL", "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"


# Wider audiences first: a child may move right in this list (narrow), never left.
AUDIENCE_BREADTH = {
    Audience.PARTNERSHIP: 2,
    Audience.ORGANISATION: 1,
    Audience.GROUPS: 0,
}
CLASSIFICATION_LEVEL = {
    Classification.OFFICIAL: 0,
    Classification.OFFICIAL_SENSITIVE: 1,
}
