"""The "Who can see this" panel shared by page types."""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def access_panel() -> MultiFieldPanel:
    return MultiFieldPanel(
        [
            FieldPanel("audience"),
            FieldPanel("access_groups"),
            FieldPanel("classification"),
            FieldPanel("handling_caveat"),
        ],
        heading="Who can see this",
        help_text="Blank fields inherit from the parent page or your organisation's policy.",
    )
