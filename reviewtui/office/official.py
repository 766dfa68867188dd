"""The GB/T 9704-2012 page, fonts and footer for every Word document reviewtui writes.

- A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right: a 156 × 225 mm type area.
- A 28 × 22 grid: a line grid of 22 lines (`w:docGrid`, exact line spacing of one grid line),
  and 三号 (16 pt) text condensed by 0.25 pt so that 28 characters fit the 156 mm line. (A
  character grid, `linesAndChars`, gives 28 in Word but 14 in LibreOffice and WPS, which put a
  16 pt character into two 15.8 pt cells.)
- Title 二号 方正小标宋简体; headings 黑体, then 楷体_GB2312, then 仿宋 bold, all 三号.
- Page numbers "— 1 —" in 四号 宋体, on the outer edge one character in: odd pages right, even
  pages left (odd and even footers).
- The fonts are named as offices have them (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体);
  each is declared in the font table with the font every Chinese Windows has as its alternative
  (`w:altName`), so a machine without the official font still draws the text in its kind.
- The document's own properties (title, author, dates) are set; python-docx's template would
  otherwise say it was made in 2013, by Microsoft Macintosh Word, with a thumbnail of the
  template's blank page that file managers show as the document's preview.
"""

from __future__ import annotations

import datetime as dt
import math
import weakref
from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph
from rich.cells import cell_len

from reviewtui import __version__
from reviewtui.office import release
from reviewtui.textsafe import clean

LATIN = "Times New Roman"
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
NUMBER_FONT = "宋体"
# official font -> what a Chinese Windows (and WPS) has when the official one is missing
ALTERNATIVES = {
    TITLE_FONT: "宋体",
    BODY_FONT: "仿宋",
    SUBHEADING_FONT: "楷体",
    HEADING_FONT: "SimHei",
    NUMBER_FONT: "SimSun",
}

SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
SIZE_SMALL_4 = Pt(12)  # 小四
SIZE_5 = Pt(10.5)  # 五号

TYPE_WIDTH = Mm(156)
TYPE_HEIGHT = Mm(225)
LINES, CHARS = 22, 28
# Both rounded down: a grid a twip too large loses a line (580 × 22 > 12,756 twips gives 21 in
# LibreOffice) or a character (Word breaks at 27).
LINE_PITCH = math.floor(TYPE_HEIGHT.twips / LINES)  # 579 twips: 22 lines in 225 mm
# Character spacing in twentieths of a point: 28 characters of 16 pt in 156 mm (-5, -0.25 pt).
CONDENSE = math.floor((TYPE_WIDTH.twips / CHARS) - SIZE_3.pt * 20)

BODY = "Official Body"
TITLE = "Official Title"
HEADING_1 = "Official Heading 1"
HEADING_2 = "Official Heading 2"
HEADING_3 = "Official Heading 3"
TABLE_TEXT = "Official Table"
NOTE = "Official Note"  # small print beside a table (a form's instructions)


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


def set_fonts(owner: Any, east_asia: str, latin: str = LATIN) -> None:
    """Explicit fonts for Latin and East Asian text on a style's or run's rPr, themes removed."""
    rpr = owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def text(value: object) -> str:
    """Any stored text as Word can hold it: XML-illegal characters removed, breaks kept."""
    return clean(str(value), multiline=True)


_STYLE_IDS: weakref.WeakKeyDictionary[Any, dict[str, str]] = weakref.WeakKeyDictionary()


def _style_id(part: Any, name: str) -> str:
    """The id of the style `name`, looked up once per document: python-docx scans every style
    by XPath on each `.style = name` (300 forms with QR codes took minutes)."""
    ids = _STYLE_IDS.setdefault(part, {})
    if name not in ids:
        ids[name] = part.styles[name].style_id
    return ids[name]


def set_style(paragraph: Paragraph, name: str) -> None:
    """`paragraph.style = name`, by the cached id."""
    paragraph._p.get_or_add_pPr().style = _style_id(paragraph.part, name)


def set_table_style(table: Any, name: str) -> None:
    """`table.style = name`, by the cached id."""
    table._tbl.tblPr.style = _style_id(table.part, name)


_NEXT_SHAPE_IDS: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


def add_picture(run: Any, data: bytes, width: Length, height: Length) -> Any:
    """`run.add_picture`, numbering the drawings itself: python-docx finds each new drawing's id
    by scanning every id of the document, quadratic in a print of hundreds of forms. Every
    picture of a document goes through here, so the ids never meet."""
    import io

    from docx.oxml.shape import CT_Inline

    part = run.part
    rid, image = part.get_or_add_image(io.BytesIO(data))
    cx, cy = image.scaled_dimensions(width, height)
    shape_id = _NEXT_SHAPE_IDS.get(part) or part.next_id
    _NEXT_SHAPE_IDS[part] = shape_id + 1
    inline = CT_Inline.new_pic_inline(shape_id, rid, image.filename, cx, cy)
    run._r.add_drawing(inline)
    return inline  # the `wp:inline` (an anchored picture is made from it)


def add(doc: DocumentType, value: object, style: str = BODY, *, align: str = "") -> Paragraph:
    """A paragraph of `style`; multi-line text keeps its line breaks."""
    paragraph = doc.add_paragraph()
    set_style(paragraph, style)
    lines = text(value).split("\n")
    run = paragraph.add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run.add_text(line)
    if align == "center":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return paragraph


def char_width(chars: float) -> Length:
    """The room of `chars` characters of the body (三号, condensed to 28 a line)."""
    return Twips(round(chars * (SIZE_3.pt * 20 + CONDENSE)))


TITLE_CELLS = 2 * int(TYPE_WIDTH.pt // SIZE_2.pt)  # 二号 on a line: 20 characters, 40 cells
# Where a two-line title may break (GB/T 9704 7.3.3: 回行时词意完整): after a mark, or after
# a word that ends a phrase in the titles of these meetings.
TITLE_BREAK_MARKS = "、，,；："  # not a bracket: 党(工)委 is one word
TITLE_BREAK_WORDS = ("书记", "党委", "工委", "年度", "工作", "会议")


def title_lines(title: str, cells: int = 0) -> str:
    """A title too long for one line of 二号, broken in two where a phrase ends and the lines
    come out most even — not wherever the 20th character falls ("……抓基/层党建……"). Left to
    Word when it fits one line, needs three, or has no such place. `cells`: a line's width in
    cells when the title is set smaller than 二号 (56 for 三号)."""
    width = cells or TITLE_CELLS
    s = title.strip()
    if "\n" in s or cell_len(s) <= width:
        return title
    best: tuple[int, int] | None = None  # (unevenness, index)
    for i in range(1, len(s)):
        head, tail = s[:i], s[i:]
        if cell_len(head) > width or cell_len(tail) > width:
            continue
        if head[-1] not in TITLE_BREAK_MARKS and not head.endswith(TITLE_BREAK_WORDS):
            continue
        uneven = abs(cell_len(head) - cell_len(tail))
        if best is None or uneven < best[0]:
            best = (uneven, i)
    return title if best is None else s[: best[1]] + "\n" + s[best[1] :]


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
