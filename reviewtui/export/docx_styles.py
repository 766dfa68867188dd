"""Word styles and page set-up for the minutes, as Chinese offices set them.

Fonts: 仿宋 for text, 黑体 for headings (楷体 for the second level, as official documents set it),
宋体 for the title, each set for East Asian text (`w:eastAsia`), since Word otherwise draws
Chinese in the theme's font. A4 with GB/T 9704 margins, page numbers in the footer as PAGE /
NUMPAGES fields.
"""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from reviewtui.export import common as c
from reviewtui.i18n import get_lang, t
from reviewtui.minutes import Minutes
from reviewtui.office.official import set_fonts

LATIN = "Times New Roman"
BODY = "仿宋"  # FangSong
HEADING = "黑体"  # SimHei
SUBHEADING = "楷体"  # KaiTi: the second heading level of Chinese official documents
TITLE = "宋体"  # SimSun (小标宋 is rarely installed)
BODY_SIZE = Pt(14)  # 四号
TABLE_SIZE = Pt(10.5)  # 五号
BODY_STYLE = "Minutes Body"
LABEL_STYLE = "Minutes Label"


# ------------------------------------------------------------------------------------------------
# Fonts and styles


def style_font(
    doc: DocumentType, name: str, east_asia: str, size: Pt, *, bold: bool = False
) -> None:
    style = doc.styles[name]
    set_fonts(style.element, east_asia, TITLE if east_asia == TITLE else LATIN)
    style.font.size = size
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    color = style.element.get_or_add_rPr().find(qn("w:color"))
    for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
        color.attrib.pop(qn(attr), None)  # a theme colour would win over black


def setup(doc: DocumentType, minutes: Minutes) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    # GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(20)

    # Document defaults: Chinese text, explicit fonts instead of the template's theme fonts.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN)
    fonts.set(qn("w:eastAsia"), BODY)
    fonts.set(qn("w:hint"), "eastAsia")
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:eastAsia"), "zh-CN")
    if get_lang() == "zh":
        lang.set(qn("w:val"), "zh-CN")

    normal = doc.styles["Normal"]
    style_font(doc, "Normal", BODY, BODY_SIZE)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.25

    body = doc.styles.add_style(BODY_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = normal
    body.paragraph_format.first_line_indent = BODY_SIZE * 2  # two characters, as typeset
    body.paragraph_format.space_after = Pt(2)

    label = doc.styles.add_style(LABEL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    label.base_style = normal
    label.paragraph_format.space_before = Pt(4)
    label.paragraph_format.keep_with_next = True
    set_fonts(label.element, HEADING)

    style_font(doc, "Title", TITLE, Pt(22), bold=True)
    title = doc.styles["Title"].paragraph_format
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.space_before, title.space_after = Pt(0), Pt(12)
    drop_border(doc.styles["Title"])

    style_font(doc, "Heading 1", HEADING, Pt(16))
    style_font(doc, "Heading 2", SUBHEADING, Pt(14), bold=True)
    for name, before in (("Heading 1", 14), ("Heading 2", 8)):
        pf = doc.styles[name].paragraph_format
        pf.space_before, pf.space_after = Pt(before), Pt(4)

    props = doc.core_properties
    props.title = minutes.meeting.title
    props.subject = t("minutes.title")
    props.comments = c.sha_line(minutes)
    props.author = "reviewtui"


def drop_border(style: Any) -> None:
    """The template's Title has a blue rule under it; an official title has none."""
    ppr = style.element.find(qn("w:pPr"))
    if ppr is not None:
        border = ppr.find(qn("w:pBdr"))
        if border is not None:
            ppr.remove(border)


# ------------------------------------------------------------------------------------------------
# Page numbers


def page_field(paragraph: Paragraph, instruction: str) -> None:
    """A field (PAGE, NUMPAGES) Word and LibreOffice fill in; "1" until they do."""

    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = paragraph.add_run()
    run._r.append(char("begin"))
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run = paragraph.add_run()
    run._r.append(char("separate"))
    paragraph.add_run("1")
    run = paragraph.add_run()
    run._r.append(char("end"))


def footer(doc: DocumentType) -> None:
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    template = t("minutes.page")  # e.g. "第 {page} 页 共 {pages} 页"
    for part in re.split(r"(\{page\}|\{pages\})", template):
        if part == "{page}":
            page_field(paragraph, "PAGE")
        elif part == "{pages}":
            page_field(paragraph, "NUMPAGES")
        elif part:
            paragraph.add_run(part)
    for run in paragraph.runs:
        run.font.size = Pt(10.5)
