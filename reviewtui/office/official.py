"""The GB/T 9704-2012 page, fonts and styles for every Word document reviewtui writes; a new
document with them is made by `template.new_document`.

- A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right: a 156 × 225 mm type area.
- A 28 × 22 grid: a line grid of 22 lines (`w:docGrid`, exact line spacing of one grid line),
  and 三号 (16 pt) text condensed by 0.25 pt so that 28 characters fit the 156 mm line. (A
  character grid, `linesAndChars`, gives 28 in Word but 14 in LibreOffice and WPS, which put a
  16 pt character into two 15.8 pt cells.)
- Title 二号 方正小标宋简体; headings 黑体, then 楷体_GB2312, then 仿宋 bold, all 三号.
- The fonts are named as offices have them (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体);
  each is declared in the font table with the font every Chinese Windows has as its alternative
  (`w:altName`), so a machine without the official font still draws the text in its kind.
"""

from __future__ import annotations

import math
import weakref
from typing import Any

from docx.document import Document as DocumentType
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, Twips
from docx.text.paragraph import Paragraph
from rich.cells import cell_len

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
