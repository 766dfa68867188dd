"""`reviewtui template OUT.xlsx`: the empty session workbook, and the same filled from a plan.

Every cell a person types into is formatted as text, so Excel keeps "5:00" as written instead of
turning it into five o'clock. Columns that take a fixed choice get a drop-down list; 点评领导 and
提问人's 类别 offer what the 领导 and 测评人类别 sheets hold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from reviewtui.i18n import get_lang, t
from reviewtui.office.release import stamp_workbook
from reviewtui.prepare import layout
from reviewtui.prepare.layout import Column, Sheet

# One example row per sheet, from the bundled sample meeting (row 2 of the template).
EXAMPLE: dict[str, list[dict[str, Any]]] = {
    "meeting": [
        {
            "title": "2016年度全区镇(街)、系统党(工)委书记抓基层党建工作述职评议考核会",
            "date": "2017-02-24",
            "start": "14:30",
            "venue": "区委党校报告厅",
            "chair": "区委副书记",
            "organizer": "中共北京市门头沟区委组织部",
            "recorder": "区委组织部 王某",
            "onsite_share": "70%",
            "daily_share": "30%",
        }
    ],
    "units": [
        {
            "name": "雁翅镇党委",
            "reporter": "雁翅镇党委书记",
            "mode": "onsite",
            "commenter": "区长",
            "topic": "用活下派“第一书记”",
            "report": "5:00",
            "daily": 93.5,
        }
    ],
    "leaders": [{"name": "区长"}],
    "groups": [{"name": "区级领导", "weight": 0.3, "issued": 12, "expected": 12, "code": "A"}],
    "representatives": [{"name": "党代表 张建国", "group": "区级领导"}],
    "agenda": [
        {"kind": "speech", "title": "主持人说明议程", "speaker": "区长", "duration": "3:00"},
        {"kind": "reports"},
    ],
    "items": [{"name": "总体评价", "max": None, "weight": 1}],
    # 跨年度提醒: no example row, since one left in place would warn; the instructions show one.
    "warnings": [],
}

_MAX_ROW = 500  # how far the drop-down lists and the text format reach


def write_template(path: Path, lang: str | None = None) -> None:
    """The empty workbook: instructions, every sheet with its headers and one example row."""
    write_workbook(path, EXAMPLE, lang=lang, example=True)


def write_workbook(
    path: Path,
    data: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    lang: str | None = None,
    example: bool = False,
) -> None:
    """A workbook holding `data` (sheet key -> rows of column key -> value)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = lang or get_lang()
    book = Workbook()
    stamp_workbook(book)
    guide = book.active
    assert guide is not None
    guide.title = layout.INSTRUCTIONS_ZH if lang == "zh" else layout.INSTRUCTIONS_EN
    for n, line in enumerate(t("book.instructions").split("\n"), start=1):
        guide.cell(row=n, column=1, value=line).data_type = "s"
    guide.column_dimensions["A"].width = 100
    guide["A1"].font = Font(bold=True, size=14)

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    grey = Font(italic=True, color="808080")
    titles = {sheet.key: layout.sheet_title(sheet, lang) for sheet in layout.SHEETS}
    for sheet in layout.SHEETS:
        ws = book.create_sheet(titles[sheet.key])
        for col, column in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=1, column=col, value=layout.header(column, lang))
            cell.font, cell.fill = bold, fill
            letter = get_column_letter(col)
            ws.column_dimensions[letter].width = column.width
            if column.kind not in ("number", "integer"):
                for row in range(2, _MAX_ROW + 1):
                    ws.cell(row=row, column=col).number_format = "@"
        ws.freeze_panes = "A2"
        rows = _rows(sheet, data.get(sheet.key, ()), lang)
        for r, values in enumerate(rows, start=2):
            for c, value in enumerate(values, start=1):
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever it starts with
                if example:
                    cell.font = grey
                cell.alignment = Alignment(wrap_text=False)
        for col, column in enumerate(sheet.columns, start=1):
            source = _list_source(sheet, column, titles, lang)
            if source is None:
                continue
            letter = get_column_letter(col)
            check = DataValidation(type="list", formula1=source, allow_blank=True)
            check.showErrorMessage = column.kind == "choice"  # names may be typed freely
            check.add(f"{letter}2:{letter}{_MAX_ROW}")
            ws.add_data_validation(check)
    book.save(path)


def _rows(sheet: Sheet, records: Sequence[Mapping[str, Any]], lang: str) -> list[list[Any]]:
    def shown(column: Column, value: Any) -> Any:
        if value is None:
            return None
        if column.kind == "choice":
            words = dict(layout.CHOICES[column.choices])
            return words.get(value, value) if lang == "zh" else value
        return value

    if sheet.rows:  # key/value sheet: one row per key
        record = records[0] if records else {}
        return [[layout.header(key, lang), shown(key, record.get(key.key))] for key in sheet.rows]
    return [[shown(c, record.get(c.key)) for c in sheet.columns] for record in records]


def _list_source(sheet: Sheet, column: Column, titles: dict[str, str], lang: str) -> str | None:
    if column.kind == "choice":
        return '"' + ",".join(layout.choice_words(column.choices, lang)) + '"'
    if (sheet.key, column.key) == ("units", "commenter"):
        return f"'{titles['leaders']}'!$A$2:$A${_MAX_ROW}"
    if (sheet.key, column.key) == ("representatives", "group"):
        return f"'{titles['groups']}'!$A$2:$A${_MAX_ROW}"
    if (sheet.key, column.key) == ("agenda", "speaker"):
        return f"'{titles['leaders']}'!$A$2:$A${_MAX_ROW}"
    return None


def plan_rows(data: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """A session file's data (as TOML reads it) as the workbook's rows, for `write_workbook`."""
    assessment = data.get("assessment", {})
    meeting = dict(data.get("meeting", {}))
    if "onsite_weight" in assessment:  # the blend, as the 会议 sheet's 现场测评占比
        meeting["onsite_share"] = f"{float(assessment['onsite_weight']) * 100:g}%"
    return {
        "meeting": [meeting],
        "units": [dict(u) for u in data.get("units", [])],
        "leaders": [dict(x) for x in data.get("leaders", [])],
        "groups": [dict(x) for x in data.get("groups", [])],
        "representatives": [dict(x) for x in data.get("representatives", [])],
        "agenda": [dict(x) for x in data.get("agenda", [])],
        "items": [dict(x) for x in assessment.get("items", [])],
        "warnings": [dict(x) for x in assessment.get("warnings", [])],
    }
