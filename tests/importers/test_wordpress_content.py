"""Post content is made safe and plain on the way in: scripts, styles, iframes, event
handlers and javascript: URLs removed, Gutenberg's block comments dropped, the common
shortcodes converted or kept as text — and the report says what happened to each item."""

import pytest

from home.models import ContentPage
from tests.importers.wxr import item, run_import, sid, write_export

pytestmark = pytest.mark.django_db


def imported(organisation, tmp_path, content: str) -> tuple[str, str]:
    rows, _ = run_import(write_export(tmp_path, item(1, "Page", content=content)))
    page = ContentPage.objects.get(title="Page")
    return page.body[0].value.source if page.body else "", rows[sid(1)]["reason"]


def test_scripts_styles_iframes_handlers_and_javascript_urls_are_removed_and_reported(
    organisation, tmp_path
):
    html, reason = imported(
        organisation,
        tmp_path,
        '<p onclick="steal()">Hello <a href="javascript:alert(1)">there</a></p>'
        "<script>steal()</script><style>p{}</style>"
        '<iframe src="https://evil.example/"></iframe>',
    )

    assert html == "<p>Hello <a>there</a></p>"
    assert reason == (
        "removed: 1 × <iframe>, 1 × <script>, 1 × <style>, 1 × javascript: URL, "
        "1 × onclick attribute"
    )


def test_gutenberg_block_comments_are_dropped_and_counted(organisation, tmp_path):
    html, reason = imported(
        organisation,
        tmp_path,
        "<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:heading {"level":3} -->\n<h3>Two</h3>\n<!-- /wp:heading -->',
    )

    assert html == "<p>One</p>\n<h3>Two</h3>"
    assert reason == "2 Gutenberg blocks flattened to HTML"


def test_classic_editor_text_gets_its_paragraphs(organisation, tmp_path):
    html, reason = imported(organisation, tmp_path, "First line\nsecond line\n\nNext paragraph")

    assert html == "<p>First line<br>\nsecond line</p>\n<p>Next paragraph</p>"
    assert reason == ""


def test_captions_embeds_and_media_shortcodes_are_converted(organisation, tmp_path):
    html, reason = imported(
        organisation,
        tmp_path,
        '[caption id="a1" width="300"]<img src="/x.jpg"> The town hall[/caption]\n\n'
        "[embed]https://www.youtube.com/watch?v=abc[/embed]\n\n"
        '[audio mp3="https://intranet.example.gov.uk/a.mp3"][/audio]',
    )

    assert html == (
        "<p>The town hall</p>\n"
        '<p><a href="https://www.youtube.com/watch?v=abc">https://www.youtube.com/watch?v=abc</a></p>\n'
        '<p><a href="https://intranet.example.gov.uk/a.mp3">https://intranet.example.gov.uk/a.mp3</a></p>'
    )
    assert reason.split("; ")[:3] == [
        "[caption] converted to its caption text",
        "[embed] converted to a link",
        "[audio] converted to a link",
    ]


def test_a_gallery_is_kept_as_text_and_reported(organisation, tmp_path):
    html, reason = imported(organisation, tmp_path, '[gallery ids="1,2,3"]')

    assert html == '<p>[gallery ids="1,2,3"]</p>'
    assert reason == "[gallery] kept as text (no equivalent here)"
