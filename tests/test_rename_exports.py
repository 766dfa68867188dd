"""A rename reaches every export (issue 28 item 2): after `amend` renamed a questioner, a
reporter and a unit, no document of the meeting says an old name but where the minutes record
the amendment itself; one ctrl+z takes it all back."""

from __future__ import annotations

import io
import json
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from reviewtui import amend, i18n
from reviewtui.assessment import ballots
from reviewtui.export import FORMATS, render, to_bytes
from reviewtui.meeting import Meeting
from reviewtui.minutes import read_minutes
from reviewtui.plan import loads
from reviewtui.store import Store

ROOT = Path(__file__).resolve().parent.parent
SMALL = (ROOT / "sessions" / "small.toml").read_text(encoding="utf-8")
RENAMES = {  # old -> new: a questioner, a reporter, a unit (none the prefix of another name)
    "党代表 张建国": "党代表 张健国",
    "城子街道工委书记": "城子街道党工委书记",
    "城子街道工委": "城子街道党工委",
}


def _meeting(tmp_path: Path) -> Store:
    """城子街道工委 reported, was asked a question by 张建国 and answered; two forms."""
    store = Store.create(tmp_path / "m.db", loads(SMALL, "small.toml"))
    meeting = Meeting(store)
    unit = next(i for i in meeting.items() if i.unit == "城子街道工委")
    meeting.open_item(unit.id)
    meeting.start_report()
    meeting.start_question("党代表 张建国", "台账怎样规范?")
    meeting.start_answer()
    meeting.end_segment()
    item = store.plan.assessment.items[0].name
    for code, group in (("B001", "党代表"), ("A001", "区级领导")):
        marks = {(u.name, item): "好" for u in store.plan.units}
        ballots.save(store, code=code, group=group, marks=marks)
    return store


def _text(fmt: str, data: bytes) -> str:
    """Every word a reader sees in the document: paragraphs, tables, cells, headers."""
    if fmt == "json":  # its "amendments" record the old names, as the minutes' list does
        whole = json.loads(data)
        assert any(a["old"] == "党代表 张建国" for a in whole.pop("amendments"))
        return json.dumps(whole, ensure_ascii=False)
    if data[:2] != b"PK":
        return data.decode("utf-8-sig")
    if FORMATS[fmt].ext == "xlsx":
        book = load_workbook(io.BytesIO(data))
        cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
        return "\n".join(str(v) for v in cells if v is not None)
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _without_amendments(text: str) -> str:
    """The text less the lines that record the amendment: "“old”更名为“new”", "由 old 改为 new"."""
    said = ("更名为", "改为")
    return "\n".join(line for line in text.splitlines() if not any(w in line for w in said))


def test_a_rename_is_seen_in_every_export_and_undone_at_once(tmp_path: Path) -> None:
    i18n.set_lang("zh")
    store = _meeting(tmp_path)
    text = SMALL
    for old, new in RENAMES.items():
        text = text.replace(f'"{old}"', f'"{new}"')
    plan = loads(text, "small.toml")
    proposal = amend.propose(store, plan)
    assert proposal.refusals == []
    amend.apply(store, plan, proposal)
    minutes = read_minutes(store)
    for fmt in FORMATS:
        shown = _without_amendments(_text(fmt, to_bytes(render(minutes, fmt))))
        for old, new in RENAMES.items():
            assert old not in shown.replace(new, ""), (fmt, old)
        if fmt in ("docx", "md", "json", "timings"):  # the timed records name the new ones
            assert "党代表 张健国" in shown and "城子街道党工委书记" in shown, fmt
    data = json.loads(str(render(minutes, "json")))
    spoken = {s["speaker"] for i in data["items"] for s in i.get("segments", [])}
    assert {"党代表 张健国", "城子街道党工委书记"} <= spoken
    Meeting(store).undo()  # one amendment, one undo
    again = json.loads(str(render(read_minutes(store), "json")))
    spoken = {s["speaker"] for i in again["items"] for s in i.get("segments", [])}
    assert {"党代表 张建国", "城子街道工委书记"} <= spoken
    store.close()
