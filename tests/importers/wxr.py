"""Writing small WordPress exports (WXR 1.2) into a test's tmp_path, and running
``import_wordpress`` on them."""

from pathlib import Path

from tests.importers.running import run_command

SITE = "https://intranet.example.gov.uk"
HEADER = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Old intranet</title>
<link>{SITE}</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>{SITE}</wp:base_site_url>
<wp:base_blog_url>{SITE}</wp:base_blog_url>
"""
FOOTER = "</channel>\n</rss>\n"


def item(
    post_id: int,
    title: str,
    *,
    post_type: str = "page",
    status: str = "publish",
    content: str = "",
    excerpt: str = "",
    parent: int = 0,
    menu_order: int = 0,
    slug: str = "",
    link: str = "",
    date: str = "2019-03-04 10:00:00",
    modified: str = "2020-05-06 11:30:00",
    attachment_url: str = "",
    terms: str = "",
    creator: str = "editor",
    meta: dict[str, str] | None = None,
    comments: int = 0,
) -> str:
    slug = slug or title.lower().replace(" ", "-")
    link = link or f"{SITE}/{slug}/"
    attachment = (
        f"<wp:attachment_url>{attachment_url}</wp:attachment_url>" if attachment_url else ""
    )
    postmeta = "".join(
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
        for key, value in (meta or {}).items()
    )
    return f"""<item>
<title>{title}</title>
<link>{link}</link>
<guid isPermaLink="false">{SITE}/?p={post_id}</guid>
<dc:creator><![CDATA[{creator}]]></dc:creator>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date>{date}</wp:post_date>
<wp:post_date_gmt>{date}</wp:post_date_gmt>
<wp:post_modified_gmt>{modified}</wp:post_modified_gmt>
<wp:post_name>{slug}</wp:post_name>
<wp:status>{status}</wp:status>
<wp:post_parent>{parent}</wp:post_parent>
<wp:menu_order>{menu_order}</wp:menu_order>
<wp:post_type>{post_type}</wp:post_type>
<wp:post_password></wp:post_password>
{attachment}
{terms}
{postmeta}
{"<wp:comment><wp:comment_content>Nice</wp:comment_content></wp:comment>" * comments}
</item>
"""


def author(login: str, email: str, display_name: str) -> str:
    """A ``<wp:author>`` of the channel (pass as ``write_export(..., authors=[...])``)."""
    return (
        f"<wp:author><wp:author_login><![CDATA[{login}]]></wp:author_login>"
        f"<wp:author_email><![CDATA[{email}]]></wp:author_email>"
        f"<wp:author_display_name><![CDATA[{display_name}]]></wp:author_display_name>"
        "</wp:author>\n"
    )


def menu_item(post_id: int, target_id: int, position: int, menu: str = "Main menu") -> str:
    """A classic menu's item pointing at the page ``target_id``."""
    return item(
        post_id,
        "",
        post_type="nav_menu_item",
        menu_order=position,
        slug=str(post_id),
        terms=f'<category domain="nav_menu" nicename="m"><![CDATA[{menu}]]></category>',
        meta={
            "_menu_item_type": "post_type",
            "_menu_item_object": "page",
            "_menu_item_object_id": str(target_id),
        },
    )


def write_export(
    folder: Path, *items: str, name: str = "export.xml", authors: tuple[str, ...] = ()
) -> Path:
    path = folder / name
    path.write_text(HEADER + "".join(authors) + "".join(items) + FOOTER, encoding="utf-8")
    return path


def run_import(path: Path, *args: str, org: str = "wcc") -> tuple[dict[str, dict], str]:
    """The report's rows by source id, and what the command printed."""
    return run_command("import_wordpress", path, *args, org=org)


def sid(post_id: int) -> str:
    return f"{SITE}/?p={post_id}"
