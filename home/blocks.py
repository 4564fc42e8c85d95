"""StreamField blocks for intranet content, each rendered with GOV.UK Frontend markup."""

from wagtail import blocks


class InsetTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pick"
        template = "home/blocks/inset_text.html"


class WarningTextBlock(blocks.CharBlock):
    class Meta:
        icon = "warning"
        template = "home/blocks/warning_text.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "home/blocks/heading.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(help_text="A section heading (shown as h2).")
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "image"]
    )
    inset_text = InsetTextBlock(features=["bold", "link"])
    warning = WarningTextBlock()
