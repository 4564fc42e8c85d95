"""Real office files made in memory: the demo libraries' documents, and test input.

Each returns the bytes of a genuine file of its format containing ``paragraphs`` (``png``:
a picture with a caption, for the image libraries).
"""

import io
import zipfile

from docx import Document as WordDocument
from openpyxl import Workbook
from PIL import Image, ImageDraw
from pptx import Presentation
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def pdf(paragraphs: list[str], pages: int = 1) -> bytes:
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4)
    for page in range(pages):
        y = 800
        for paragraph in paragraphs if page == 0 else [f"Page {page + 1}"]:
            drawing.drawString(60, y, paragraph)
            y -= 20
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def docx(paragraphs: list[str]) -> bytes:
    document = WordDocument()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx(rows: list[list[str]], sheet: str = "Sheet1") -> bytes:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pptx(slides: list[str]) -> bytes:
    presentation = Presentation()
    for text in slides:
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = text
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def odf(kind: str, paragraphs: list[str]) -> bytes:
    """An OpenDocument text (odt), spreadsheet (ods) or presentation (odp)."""
    from odf.draw import Frame, Page, TextBox
    from odf.opendocument import (
        OpenDocumentPresentation,
        OpenDocumentSpreadsheet,
        OpenDocumentText,
    )
    from odf.style import MasterPage, PageLayout
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    if kind == "odt":
        document = OpenDocumentText()
        for paragraph in paragraphs:
            document.text.addElement(P(text=paragraph))
    elif kind == "ods":
        document = OpenDocumentSpreadsheet()
        table = Table(name="Sheet1")
        for paragraph in paragraphs:
            row = TableRow()
            cell = TableCell()
            cell.addElement(P(text=paragraph))
            row.addElement(cell)
            table.addElement(row)
        document.spreadsheet.addElement(table)
    else:
        document = OpenDocumentPresentation()
        layout = PageLayout(name="layout")
        document.automaticstyles.addElement(layout)
        master = MasterPage(name="master", pagelayoutname=layout)
        document.masterstyles.addElement(master)
        for paragraph in paragraphs:
            page = Page(masterpagename=master)
            frame = Frame(width="20cm", height="3cm", x="1cm", y="1cm")
            box = TextBox()
            box.addElement(P(text=paragraph))
            frame.addElement(box)
            page.addElement(frame)
            document.presentation.addElement(page)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def rtf(paragraphs: list[str]) -> bytes:
    body = "".join(f"{paragraph}\\par\n" for paragraph in paragraphs)
    return ("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}}\n" + body + "}").encode("ascii")


def html(paragraphs: list[str], title: str = "Document") -> bytes:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        f"<script>var hidden = 'not text';</script></head><body>{body}</body></html>"
    ).encode()


def zip_bomb(expanded_bytes: int = 200 * 1024 * 1024) -> bytes:
    """A .docx-shaped zip whose one member expands enormously (a few hundred KB on disk)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(expanded_bytes // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


def png(caption: str, colour: str = "#1d70b8", size: tuple[int, int] = (640, 360)) -> bytes:
    """A plain PNG of one colour with ``caption`` written on it."""
    picture = Image.new("RGB", size, colour)
    ImageDraw.Draw(picture).text((24, size[1] // 2), caption, fill="white")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()
