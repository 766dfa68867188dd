"""One key per concept: no (Chinese, English) text is written under two keys, unless the keys
name different things that share a word today and a translator may need to tell apart."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from reviewtui.i18n import CATALOG

# Keys that say the same text on purpose, each group with why it is not one key.
ALLOWED: dict[frozenset[str], str] = {
    frozenset({"kind.speech", "agenda.kind.speech"}): (
        "a segment kind's name vs the default title stored in databases and matched back"
    ),
    frozenset({"agenda.kind.assessment", "live.phase.assessment"}): (
        "the default title stored in databases vs what the live timer says it times"
    ),
    frozenset({"agenda.kind.break", "live.phase.break"}): (
        "the default title stored in databases vs what the live timer says it times"
    ),
    frozenset({"agenda.status.written", "amend.mode.written"}): (
        "an agenda row's status vs a unit's mode in an amendment (amend.mode.<mode> table)"
    ),
    frozenset({"check.agenda", "live.key.back"}): (
        "a row label of `check` (the agenda's length) vs the live screen's key back to it"
    ),
    frozenset({"agenda.col.status", "minutes.status", "rectify.col.status"}): (
        "the status of three different things: an agenda item, the minutes, a rectification"
    ),
    frozenset({"agenda.key.results", "results.title", "export.sheet.results"}): (
        "a key label, a screen's heading, a worksheet's name (at most 31 characters)"
    ),
    frozenset({"agenda.key.export", "export.dialog.title", "export.dialog.export"}): (
        "the key that opens the dialog, the dialog's title, its button that writes the file"
    ),
    frozenset({"live.notes", "live.key.notes"}): "the notes panel's title vs the key that opens it",
    frozenset({"live.key.next", "projector.next_heading"}): (
        "a key that moves on (a verb) vs the projector's heading over the next item (a noun)"
    ),
    frozenset({"results.col.unit", "rectify.col.unit"}): (
        "the rectification list's columns are looked up by name (rectify.col.<column>)"
    ),
    frozenset({"export.col.seq", "rectify.col.no"}): (
        "the rectification list's columns are looked up by name (rectify.col.<column>)"
    ),
    frozenset({"ballot.field.entered_by", "ballot.key.who"}): (
        "a field's label vs the key that moves the cursor to it"
    ),
    frozenset({"ballot.key.grade", "chart.grade"}): (
        "the key that types a grade vs a chart's column of grades"
    ),
    frozenset({"minutes.title", "export.layout.minutes"}): (
        "the document's title vs a choice in the export dialog's list of layouts"
    ),
    frozenset({"minutes.group", "amend.list.groups"}): (
        "a column of rater groups vs the list an amendment adds to (amend.list.<table>)"
    ),
    frozenset({"minutes.recorder", "amend.field.meeting.recorder"}): (
        "the minutes' label vs the plan field an amendment changes (amend.field.<path>)"
    ),
    frozenset(
        {"rules.part_sep", "stats.summary.join", "phones.count_sep", "notice.warnings_sep"}
    ): "separators of four different lists; a language may join each its own way",
    frozenset({"minutes.reveal_scope.all", "warnings.scope.all"}): (
        "words inside two different sentences: what a reveal showed, whom a warning rule covers"
    ),
    frozenset({"feedback.results", "notice.s1"}): (
        "the first numbered heading of two different documents, each numbered on its own"
    ),
    frozenset({"phones.stopped", "phones.msg.closed"}): (
        "the collect command's console line vs the heading of a phone's page"
    ),
    frozenset({"phones.msg.used", "phones.msg.phoned"}): (
        "headings of two phone pages, one per situation, each paired with its own sentence"
    ),
    frozenset({"phones.msg.foreign", "phones.msg.refused"}): (
        "headings of two phone pages, one per situation, each paired with its own sentence"
    ),
    frozenset({"phones.msg.full", "phones.msg.slow_down"}): (
        "headings of two phone pages, one per situation, each paired with its own sentence"
    ),
    frozenset({"phones.msg.no_page.text", "phones.msg.no_method.text"}): (
        "the sentences of two phone pages (HTTP 404 and 405), one per situation"
    ),
}


def shared(catalog: Mapping[str, tuple[str, str]]) -> set[frozenset[str]]:
    """The groups of keys whose (Chinese, English) texts are the same."""
    by_text: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, texts in catalog.items():
        by_text[texts].add(key)
    return {frozenset(keys) for keys in by_text.values() if len(keys) > 1}


def test_no_text_is_written_under_two_keys_unless_allowed() -> None:
    extra = sorted(sorted(group) for group in shared(CATALOG) - ALLOWED.keys())
    assert not extra, (
        "the same text under several keys: use one key, or add the group to ALLOWED with why "
        f"they differ: {extra}"
    )


def test_every_allowed_group_is_still_one_text() -> None:
    stale = sorted(sorted(group) for group in ALLOWED.keys() - shared(CATALOG))
    assert not stale, f"ALLOWED groups whose keys no longer say one text (update them): {stale}"


def test_the_duplicate_check_can_fail() -> None:
    catalog = {"a.cancel": ("取消", "Cancel"), "b.cancel": ("取消", "Cancel"), "c": ("是", "yes")}
    assert shared(catalog) == {frozenset({"a.cancel", "b.cancel"})}
    assert shared({**catalog, "b.cancel": ("取消", "Abort")}) == set()
    assert not shared(CATALOG) - ALLOWED.keys()
    assert shared({**CATALOG, "z.cancel": CATALOG["key.cancel"]}) - ALLOWED.keys()
