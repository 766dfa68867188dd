"""A small xlsx whose sheet expands itself ("billion laughs"): 5 KB on disk."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl

_LOL = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10)
    )
    + "]>"
)


def write(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ballot", "group", "unit", "item", "value"])
    sheet.append(["B001", "党代表", "雁翅镇党委", "总体评价", "好"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.index("?>") + 2 if text.startswith("<?xml") else 0
                data = (_LOL + text[start:].replace("B001", "&lol9;", 1)).encode()
            out.writestr(info, data)
    return path
