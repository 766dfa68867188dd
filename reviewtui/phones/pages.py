"""The phone pages (SPEC 9): plain HTML5, no JavaScript, every style inline in the page.

Made for a thumb on a 360-px screen and for the browsers phones scan with (WeChat's built-in one
included): one column, grade buttons as big as a finger (radio inputs drawn as buttons, so the
choice works with no script at all), the submit button at the bottom. Every text comes from the
catalog in the meeting's language; every name is escaped. No page shows a token, any other
form's serial, or a result.

Cells are named by position, `c<unit>_<item>` (0-based): the form's own names never travel.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence

from reviewtui.assessment.forms import Form, format_value
from reviewtui.i18n import get_lang, t

# Raw cell values as the page sends them: grade positions ("1" = best) or typed numbers.
Fields = Mapping[str, str]

_CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;padding:12px;max-width:640px;background:#f2f3f5;color:#111;
font:17px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
h1{font-size:1.2rem;margin:.3em 0}
h2{font-size:1.05rem;margin:0 0 .5em}
p{margin:.5em 0}
.meta{color:#444;font-size:.95rem}
.card{background:#fff;border-radius:12px;padding:12px;margin:0 0 12px}
fieldset{border:0;margin:0;padding:0}
legend{font-weight:700;padding:0;margin:0 0 8px;font-size:1.05rem}
.item{color:#444;font-size:.9rem;margin:8px 0 4px}
.grades{display:flex;flex-wrap:wrap;gap:8px}
.grades label{flex:1 1 20%;min-width:62px;position:relative}
.grades input{position:absolute;opacity:0;width:1px;height:1px;margin:0}
.grades span{display:block;text-align:center;padding:13px 2px;min-height:52px;
border:2px solid #9aa0a6;border-radius:10px;background:#fff;font-size:1.05rem}
.grades input:checked+span{background:#0b7a3e;border-color:#0b7a3e;color:#fff;font-weight:700}
.grades input:focus-visible+span{outline:3px solid #1a5fd1;outline-offset:2px}
.grades .blank span{color:#666;font-size:.95rem}
.grades .blank input:checked+span{background:#666;border-color:#666;color:#fff}
textarea{width:100%;font:inherit;padding:10px;border:2px solid #9aa0a6;border-radius:10px}
input[type=number]{width:100%;font-size:1.2rem;padding:12px;border:2px solid #9aa0a6;
border-radius:10px}
button{display:block;width:100%;padding:16px;margin:14px 0;font-size:1.15rem;font-weight:700;
border:0;border-radius:12px;background:#1a5fd1;color:#fff}
button.second{background:#fff;color:#1a5fd1;border:2px solid #1a5fd1}
.note{background:#fff8db;border-left:6px solid #e0a800}
.bad{background:#fde8ea;border-left:6px solid #c62828}
.good{background:#e6f4ea;border-left:6px solid #0b7a3e}
ol{padding-left:1.3em;margin:.3em 0}
form{counter-reset:left}
.grades .blank input:checked,input[type=number]:placeholder-shown{counter-increment:left}
.left::after{content:counter(left)}
.left{font-weight:700;margin:14px 0 0}
""".replace("\n", "")


PLAN_FIELD = "plan"  # the plan's fingerprint the form was made from (fields go by position)


def field_name(unit: int, item: int) -> str:
    return f"c{unit}_{item}"


def opinion_name(unit: int) -> str:
    return f"o{unit}"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def page(title: str, body: str) -> str:
    """A whole page: the meeting's language, a phone's viewport, the styles inline."""
    lang = "zh-CN" if get_lang() == "zh" else "en"
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        # same-origin: a submit carries its Origin (checked by the server), and no address
        # with a token is ever sent to another site.
        '<meta name="referrer" content="same-origin">'
        '<meta name="robots" content="noindex,nofollow">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>{body}</body></html>"
    )


def message(meeting: str, heading: str, text: str, kind: str = "note") -> str:
    """A page that only says something (a refusal, the receipt, the closed collection)."""
    body = (
        f"<h1>{_e(meeting)}</h1>"
        f'<div class="card {kind}"><h2>{_e(heading)}</h2><p>{_e(text)}</p></div>'
    )
    return page(heading, body)


def form_page(
    meeting: str,
    form: Form,
    serial: str,
    group: str,
    rules: Sequence[str],
    values: Fields | None = None,
    problems: Sequence[str] = (),
    opinions: int = 0,
    fingerprint: str = "",
) -> str:
    """The form of one token: a card per unit, a row of grade buttons per graded item, a number
    field per numeric item, and an opinion line per unit when the form has them (`opinions`:
    the longest text taken); `values` refills it (back from the confirm page, or a bad value)."""
    values = values or {}
    parts = [f"<h1>{_e(meeting)}</h1>"]
    parts.append(f'<p class="meta">{_e(t("phones.page.form_of", serial=serial, group=group))}</p>')
    parts.append(f'<p class="meta">{_e(t("phones.page.anonymous"))}</p>')
    if rules:  # before the first unit: a rater learns what voids a form before marking it
        lines = "".join(f"<li>{_e(line)}</li>" for line in rules)
        parts.append(
            f'<div class="card note"><h2>{_e(t("phones.page.rules"))}</h2><ol>{lines}</ol></div>'
        )
    if problems:
        items = "".join(f"<li>{_e(p)}</li>" for p in problems)
        parts.append(f'<div class="card bad"><ol>{items}</ol></div>')
    parts.append('<form method="post" autocomplete="off">')
    if fingerprint:
        parts.append(f'<input type="hidden" name="{PLAN_FIELD}" value="{_e(fingerprint)}">')
    for u, unit in enumerate(form.units):
        parts.append(
            f'<div class="card" id="{unit_anchor(u)}"><fieldset><legend>{u + 1}. {_e(unit)}'
            "</legend>"
        )
        for i, item in enumerate(form.items):
            name = field_name(u, i)
            if not form.one_item:
                parts.append(f'<div class="item">{_e(item.name)}</div>')
            if item.max is None:
                parts.append(_grade_buttons(name, [g.grade for g in form.scale], values.get(name)))
            else:
                label = t("phones.page.score_of", max=format_value(item.max))
                parts.append(
                    f'<input type="number" name="{name}" min="0" max="{format_value(item.max)}" '
                    f'step="any" inputmode="decimal" aria-label="{_e(label)}" '
                    f'placeholder="{_e(label)}" value="{_e(values.get(name, ""))}">'
                )
        if opinions:
            name = opinion_name(u)
            label = t("phones.page.opinion")
            parts.append(
                f'<div class="item">{_e(label)}</div><textarea name="{name}" rows="2" '
                f'maxlength="{opinions}" aria-label="{_e(label)}">{_e(values.get(name, ""))}'
                "</textarea>"
            )
        parts.append("</fieldset></div>")
    # Counted by the page's own style as the rater marks (no script): the blank choices left.
    left = t("phones.page.unmarked_units" if form.one_item else "phones.page.unmarked_cells")
    parts.append(f'<p class="left">{_e(left)}</p>')
    parts.append(
        f'<button type="submit" name="go" value="submit">{_e(t("phones.page.submit"))}</button>'
    )
    parts.append(f'<p class="meta">{_e(t("phones.page.once"))}</p></form>')
    return page(t("phones.page.title"), "".join(parts))


def unit_anchor(unit: int) -> str:
    return f"u{unit + 1}"


def _grade_buttons(name: str, grades: Sequence[str], chosen: str | None) -> str:
    out = ['<div class="grades">']
    for n, grade in enumerate(grades, start=1):
        checked = " checked" if chosen == str(n) else ""
        out.append(
            f'<label><input type="radio" name="{name}" value="{n}"{checked}>'
            f"<span>{_e(grade)}</span></label>"
        )
    # Blank until a grade is chosen: checked by default, so the page can count what is left.
    checked = " checked" if not chosen else ""
    out.append(
        f'<label class="blank"><input type="radio" name="{name}" value=""{checked}>'
        f"<span>{_e(t('phones.page.blank'))}</span></label></div>"
    )
    return "".join(out)


def _hidden(values: Fields) -> str:
    return "".join(
        f'<input type="hidden" name="{_e(k)}" value="{_e(v)}">' for k, v in values.items()
    )


def confirm_page(meeting: str, reasons: Iterable[str], values: Fields, back_to: int = 0) -> str:
    """Before saving a form the rules void, or one that leaves units blank: say what, and offer
    to submit it as it is or to go back to it (the marks travel as hidden fields); going back
    lands on unit `back_to` (0-based), the first one concerned."""
    items = "".join(f"<li>{_e(r)}</li>" for r in reasons)
    body = (
        f"<h1>{_e(meeting)}</h1>"
        f'<div class="card note"><h2>{_e(t("phones.page.confirm_title"))}</h2><ol>{items}</ol>'
        f"<p>{_e(t('phones.page.confirm_hint'))}</p></div>"
        f'<form method="post" action="#{unit_anchor(back_to)}">{_hidden(values)}'
        f'<button type="submit" name="go" value="edit">{_e(t("phones.page.back"))}</button>'
        f'<button type="submit" name="go" value="confirm" class="second">'
        f"{_e(t('phones.page.submit_anyway'))}</button></form>"
    )
    return page(t("phones.page.confirm_title"), body)


def retry_page(meeting: str, heading: str, text: str, values: Fields, go: str) -> str:
    """A submission refused for now (the laptop busy, too many tries): the rater's marks are
    carried on the page, to submit again as they were (`go` as pressed) or to go back to."""
    body = (
        f"<h1>{_e(meeting)}</h1>"
        f'<div class="card bad"><h2>{_e(heading)}</h2><p>{_e(text)}</p>'
        f"<p>{_e(t('phones.page.retry_hint'))}</p></div>"
        f'<form method="post">{_hidden(values)}'
        f'<button type="submit" name="go" value="{_e(go)}">{_e(t("phones.page.retry"))}</button>'
        f'<button type="submit" name="go" value="edit" class="second">'
        f"{_e(t('phones.page.back'))}</button></form>"
    )
    return page(heading, body)
