"""A new Word document with the official page (`official`): page size, margins and grid, the
styles, the font table with each font's alternative, the footers, and the document's own
properties.

- Page numbers "— 1 —" in 四号 宋体, on the outer edge one character in: odd pages right, even
  pages left (odd and even footers).
- The document's own properties (title, author, dates) are set; python-docx's template would
  otherwise say it was made in 2013, by Microsoft Macintosh Word, with a thumbnail of the
  template's blank page that file managers show as the document's preview.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from reviewtui import __version__
from reviewtui.office import release
from reviewtui.office.official import (
    ALTERNATIVES,
    BODY,
    BODY_FONT,
    CONDENSE,
    HEADING_1,
    HEADING_2,
    HEADING_3,
    HEADING_FONT,
    LINE_PITCH,
    NOTE,
    NUMBER_FONT,
    SIZE_2,
    SIZE_3,
    SIZE_4,
    SIZE_5,
    SIZE_SMALL_4,
    SUBHEADING_FONT,
    TABLE_TEXT,
    TITLE,
    TITLE_FONT,
    set_fonts,
)
from reviewtui.textsafe import clean

PROPERTY_LIMIT = 255  # python-docx refuses a longer core property (Word's own limit)


def fit_property(text: str) -> str:
    """`text` cut to what a document property holds (the document's pages keep it whole)."""
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def new_document(*, title: str, author: str = "", subject: str = "") -> DocumentType:
    """An empty document with the official page, grid, styles, footer and properties."""
    doc = Document()
    _page(doc)
    _styles(doc)
    _font_table(doc)
    _footers(doc)
    props = doc.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = fit_property(clean(title))
    props.subject = fit_property(clean(subject))
    props.author = fit_property(clean(author))
    props.last_modified_by = fit_property(clean(author))
    props.created = props.modified = now
    props.last_printed = now
    props.revision = 1
    props.comments = ""
    props.keywords = ""
    props.category = ""
    _own_package(doc)
    return doc


def _own_package(doc: DocumentType) -> None:
    """Drop the template's thumbnail and custom XML (a bibliography store of Word's, not
    ours), replace its app.xml, and record the release (see the module's docstring)."""
    rels = doc.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.is_external:
            continue
        if rel.reltype == RT.THUMBNAIL:
            del rels[r_id]  # a part no relationship names is not written
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = release.app_properties()  # a plain Part: written as is
    for r_id, rel in list(doc.part.rels.items()):
        if not rel.is_external and rel.reltype == RT.CUSTOM_XML:
            del doc.part.rels[r_id]
    doc.core_properties.version = __version__


def remove_page_numbers(doc: DocumentType) -> None:
    """No page numbers at all (a newspaper column carries none): both footers emptied and the
    odd/even distinction dropped."""
    section = doc.sections[0]
    for footer in (section.footer, section.even_page_footer):
        for paragraph in footer.paragraphs:
            for run in list(paragraph.runs):
                run._r.getparent().remove(run._r)
    doc.settings.odd_and_even_pages_header_footer = False


def _page(doc: DocumentType) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(18)
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    grid.attrib.pop(qn("w:charSpace"), None)


def _style(
    doc: DocumentType,
    name: str,
    font: str,
    size: Pt,
    *,
    bold: bool = False,
    center: bool = False,
    indent: bool = False,
) -> None:
    styles = doc.styles
    style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = None
    set_fonts(style.element, font)
    style.font.size = size
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    if size == SIZE_3:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(CONDENSE))
        style.element.get_or_add_rPr().append(spacing)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    # Exactly one grid line per line of text: the 22 lines of the page.
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PITCH / 20)
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Pt(size.pt * 2) if indent else None
    fmt.widow_control = False


def _styles(doc: DocumentType) -> None:
    normal = doc.styles["Normal"]
    set_fonts(normal.element, BODY_FONT)
    normal.font.size = SIZE_3
    _style(doc, BODY, BODY_FONT, SIZE_3, indent=True)
    _style(doc, TITLE, TITLE_FONT, SIZE_2, center=True)
    _style(doc, HEADING_1, HEADING_FONT, SIZE_3, indent=True)
    _style(doc, HEADING_2, SUBHEADING_FONT, SIZE_3, indent=True)
    _style(doc, HEADING_3, BODY_FONT, SIZE_3, bold=True, indent=True)
    for heading in (HEADING_1, HEADING_2, HEADING_3):  # never the last line of a page
        doc.styles[heading].paragraph_format.keep_with_next = True
    _style(doc, TABLE_TEXT, BODY_FONT, SIZE_5)
    _style(doc, NOTE, BODY_FONT, SIZE_SMALL_4)
    for name, align in ((TABLE_TEXT, WD_ALIGN_PARAGRAPH.CENTER), (NOTE, WD_ALIGN_PARAGRAPH.LEFT)):
        style = doc.styles[name]
        fmt = style.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        fmt.alignment = align
        # Tables and notes keep their own line height instead of one grid line per line.
        _off_grid(style.element)
    # A title line of 二号 is exactly one grid line (29 pt) high; on the grid, LibreOffice and
    # WPS give each two grid lines, so a two-line title would stand four lines tall.
    _off_grid(doc.styles[TITLE].element)


def _off_grid(style: Any) -> None:
    """`w:snapToGrid w:val="0"` in its place in the style's pPr (Word refuses elements out of
    the schema's order): before spacing, ind, jc and the rest."""
    ppr = style.get_or_add_pPr()
    for old in ppr.findall(qn("w:snapToGrid")):
        ppr.remove(old)
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    ppr.insert_element_before(snap, *AFTER_SNAP_TO_GRID)


# What follows w:snapToGrid in a pPr (ECMA-376 CT_PPrBase, then CT_PPr).
AFTER_SNAP_TO_GRID = (
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
    "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _font_table(doc: DocumentType) -> None:
    """Declare each official font with its everyday alternative (`w:altName`)."""
    fonts_part = None
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            fonts_part = rel.target_part
    if fonts_part is None:
        return
    from docx.oxml import parse_xml

    root = parse_xml(fonts_part.blob)
    for name, alternative in ALTERNATIVES.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        alt = OxmlElement("w:altName")
        alt.set(qn("w:val"), alternative)
        font.append(alt)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        font.append(charset)
        family = OxmlElement("w:family")
        family.set(qn("w:val"), "modern" if name != HEADING_FONT else "auto")
        font.append(family)
        root.append(font)
    from lxml import etree  # type: ignore[import-untyped]  # python-docx's own XML library

    fonts_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _footers(doc: DocumentType) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(paragraph: Paragraph, align: Any) -> None:
    """ "— N —" in 四号 宋体, one character in from the outer edge."""
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = SIZE_4
    else:
        fmt.left_indent = SIZE_4
    _run(paragraph, "— ")
    run = _run(paragraph, "")
    for kind, value in (("begin", None), ("instr", " PAGE "), ("separate", None), ("end", None)):
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = value
            run._r.append(instr)
            continue
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._r.append(char)
        if kind == "separate":
            number = OxmlElement("w:t")
            number.text = "1"
            run._r.append(number)
    _run(paragraph, " —")


def _run(paragraph: Paragraph, value: str) -> Any:
    run = paragraph.add_run(value)
    set_fonts(run._r, NUMBER_FONT, NUMBER_FONT)
    run.font.size = SIZE_4
    return run
