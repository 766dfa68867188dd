"""The sections of a session file, each read by its declaration and cross-checked."""

from __future__ import annotations

import copy
from typing import Any

from reviewtui.i18n import t
from reviewtui.plan import fields as F
from reviewtui.plan.validate import Validator, show, spellings
from reviewtui.textsafe import name_key


class Sections(Validator):
    def run(self, raw: dict) -> dict[str, Any]:
        self.table(raw, "", F.PLAN.names())
        data: dict[str, Any] = {}
        data["meeting"] = self.read(self.sub_table(raw, "meeting", "meeting"), "meeting", F.MEETING)
        data["timing"] = self.read(self.sub_table(raw, "timing", "timing"), "timing", F.TIMING)
        data["leaders"] = self.leaders(raw)
        data["groups"] = self.groups(raw)
        data["representatives"] = self.representatives(raw, data["groups"])
        leaders = spellings(data["leaders"])
        data["units"] = self.units(raw, leaders)
        chair = data["meeting"]["chair"]
        speakers = {**spellings([chair] if chair else []), **leaders}
        data["agenda"] = self.agenda(raw, speakers)
        data["assessment"] = self.assessment(self.sub_table(raw, "assessment", "assessment"))
        if data["assessment"].get("rank_by") == "category":  # 分类排名 needs the categories
            for n, unit in enumerate(data["units"]):
                if not unit.get("category"):
                    self.error(f"units[{n}].category", t("plan.category_needed"))
        categories = spellings([u["category"] for u in data["units"] if u.get("category")])
        data["assessment"]["warnings"] = self.warnings(
            self.sub_table(raw, "assessment", "assessment"), data["assessment"], categories
        )
        return data

    def warnings(self, raw: dict, a: dict, categories: dict[str, str]) -> list[dict]:
        """跨年度提醒: each rule with what it needs (a level of the plan, a count, a category
        of the units)."""
        if "warnings" not in raw:
            return []
        levels = spellings([lv["level"] for lv in a["levels"]])
        out = []
        for where, entry in self.entries(raw, "warnings", "assessment.warnings", F.WARNING):
            rule = entry["rule"]
            if rule == "level":
                if entry["level"] is None:
                    self.error(f"{where}.level", t("plan.warning_needs", key="level", rule=rule))
                entry["level"] = self.resolve(
                    entry["level"], levels, f"{where}.level", "plan.unknown_level"
                )
            if rule == "bottom" and entry["bottom"] is None:
                self.error(f"{where}.bottom", t("plan.warning_needs", key="bottom", rule=rule))
            if entry["category"] is not None:
                entry["category"] = self.resolve(
                    entry["category"], categories, f"{where}.category", "plan.unknown_category"
                )
            out.append(entry)
        return out

    def entries(self, raw: dict, name: str, key: str, table: F.Table) -> list[tuple[str, dict]]:
        return [
            (where, self.read(entry, where, table))
            for where, entry in self.list_of_tables(raw, name, key)
        ]

    def leaders(self, raw: dict) -> list[str]:
        entries = self.entries(raw, "leaders", "leaders", F.LEADER)
        self.unique([(w, e["name"]) for w, e in entries], "name")
        return [e["name"] for _, e in entries if e["name"]]

    def groups(self, raw: dict) -> list[dict]:
        entries = self.entries(raw, "groups", "groups", F.GROUP)
        self.unique([(w, g["name"]) for w, g in entries], "name")
        codes = []
        for where, group in entries:
            code = group["code"]
            if code is not None:
                if not (code.isascii() and code.isalpha() and len(code) <= 3):
                    self.error(f"{where}.code", t("plan.bad_code", code=show(code)))
                    group["code"] = None
                else:
                    group["code"] = code.upper()
                    codes.append((where, group["code"]))
        self.unique(codes, "code")
        groups = [g for _, g in entries if g["name"]]
        return groups or copy.deepcopy(F.PLAN["groups"].default)

    def representatives(self, raw: dict, groups: list[dict]) -> list[dict]:
        names = spellings([g["name"] for g in groups])
        entries = self.entries(raw, "representatives", "representatives", F.REPRESENTATIVE)
        for where, entry in entries:
            entry["group"] = self.resolve(
                entry["group"], names, f"{where}.group", "plan.unknown_group"
            )
        self.unique([(w, r["name"]) for w, r in entries], "name")
        return [r for _, r in entries if r["name"]]

    def units(self, raw: dict, leaders: dict[str, str]) -> list[dict]:
        if "units" not in raw:
            self.error("units", t("plan.no_units"))
            return []
        entries = self.entries(raw, "units", "units", F.UNIT)
        known: list[tuple[str, str | None]] = []
        for where, unit in entries:
            unit["reporter"] = unit["reporter"] or unit["name"]
            aliases = unit["aliases"] or []
            unit["aliases"] = [name for _, name in aliases]
            known += [(where, unit["name"])] + [(alias_at, name) for alias_at, name in aliases]
            unit["commenter"] = self.resolve(
                unit["commenter"], leaders, f"{where}.commenter", "plan.unknown_leader"
            )
        if not entries and not any(e.key == "units" for e in self.errors):
            self.error("units", t("plan.no_units"))
        self.unique([(w, u["name"]) for w, u in entries], "name")
        self.aliases_apart(known)
        return [u for _, u in entries if u["name"]]

    def aliases_apart(self, known: list[tuple[str, str | None]]) -> None:
        """An alias (a name the unit had before) names one unit only, and no unit of this
        meeting by its present name: last year's results must go to one unit, unguessed."""
        names = {
            name_key(n): w for w, n in known if n and not w.split(".")[-1].startswith("aliases")
        }
        seen: dict[str, str] = {}
        for where, name in known:
            if not name or not where.split(".")[-1].startswith("aliases"):
                continue
            identity = name_key(name)
            owner = where.rsplit(".", 1)[0]
            if identity in names and names[identity] != owner:
                self.error(where, t("plan.alias_is_unit", name=show(name), first=names[identity]))
            elif identity in seen and seen[identity] != owner:
                self.error(where, t("plan.duplicate", name=show(name), first=seen[identity]))
            else:
                seen[identity] = owner

    def agenda(self, raw: dict, speakers: dict[str, str]) -> list[dict]:
        if "agenda" not in raw:
            return copy.deepcopy(F.DEFAULT_AGENDA)
        entries = []
        seen: dict[str, int] = {}
        for where, entry in self.list_of_tables(raw, "agenda", "agenda"):
            item = self.read(entry, where, F.AGENDA)
            kind = item["kind"]
            seen[kind] = seen.get(kind, 0) + 1
            if kind in ("reports", "assessment") and seen[kind] == 2:
                self.error(f"{where}.kind", t(f"plan.agenda_{kind}_twice"))
            item["speaker"] = self.resolve(
                item["speaker"], speakers, f"{where}.speaker", "plan.unknown_speaker"
            )
            if kind == "speech" and item["title"] is None and "title" not in entry:
                self.error(f"{where}.title", t("plan.agenda_title_needed", kind=kind))
            entries.append(item)
        if "reports" not in seen:
            self.error("agenda", t("plan.agenda_no_reports"))
        return entries

    def assessment(self, raw: dict) -> dict:
        a = self.read(raw, "assessment", F.ASSESSMENT)
        scale = self.scale(raw)
        a["scale"] = scale
        a["items"] = self.items(raw)
        a["levels"] = self.levels(raw)
        a["veto"] = self.veto(raw, spellings([g["grade"] for g in scale]))
        a["rules"] = self.rules(raw, spellings([g["grade"] for g in scale if g["counted"]]))
        a["warnings"] = []  # read once the units' categories are known (`run`)
        return {name: a[name] for name in F.ASSESSMENT.names()}

    def scale(self, raw: dict) -> list[dict]:
        if "scale" not in raw:
            return copy.deepcopy(F.DEFAULT_SCALE)
        entries = self.list_of_tables(raw, "scale", "assessment.scale")
        if not entries and isinstance(raw["scale"], list):
            self.error("assessment.scale", t("plan.scale_empty"))
        if len(entries) > 9:
            self.error("assessment.scale", t("plan.scale_too_long"))
        scale = []
        previous: float | None = None
        for where, entry in entries:
            grade = self.read(entry, where, F.GRADE)
            counted, points = grade["counted"], grade["points"]
            if counted and points is None and "points" not in entry:
                self.error(f"{where}.points", t("plan.grade_points_missing"))
            if counted and points is not None:
                if previous is not None and points > previous:
                    message = t("plan.scale_order", name=show(grade["grade"]), points=show(points))
                    self.error(f"{where}.points", message)
                previous = points
            if not counted:
                grade["points"] = None
            scale.append((where, grade))
        self.unique([(w, g["grade"]) for w, g in scale], "grade")
        if scale and not any(g["counted"] for _, g in scale):
            self.error("assessment.scale", t("plan.scale_none_counted"))
        return [g for _, g in scale if g["grade"]]

    def items(self, raw: dict) -> list[dict]:
        if "items" not in raw:
            return copy.deepcopy(F.DEFAULT_ITEMS)
        entries = self.entries(raw, "items", "assessment.items", F.ITEM)
        if not entries and isinstance(raw["items"], list):
            self.error("assessment.items", t("plan.items_empty"))
        self.unique([(w, i["name"]) for w, i in entries], "name")
        return [i for _, i in entries if i["name"]]

    def levels(self, raw: dict) -> list[dict]:
        if "levels" not in raw:
            return copy.deepcopy(F.DEFAULT_LEVELS)
        entries = self.list_of_tables(raw, "levels", "assessment.levels")
        if not entries and isinstance(raw["levels"], list):
            self.error("assessment.levels", t("plan.levels_empty"))
        levels = []
        previous: float | None = None
        for where, entry in entries:
            level = self.read(entry, where, F.LEVEL)
            minimum = level["min"]
            if minimum is not None:
                if previous is not None and minimum >= previous:
                    message = t("plan.levels_order", name=show(level["level"]), value=show(minimum))
                    self.error(f"{where}.min", message)
                previous = minimum
            else:
                level["min"] = 0.0
            levels.append((where, level))
        self.unique([(w, lv["level"]) for w, lv in levels], "level")
        return [lv for _, lv in levels if lv["level"]]

    def veto(self, raw: dict, grades: dict[str, str]) -> dict | None:
        if "veto" not in raw:
            return None
        table = self.sub_table(raw, "veto", "assessment.veto")
        veto = self.read(table, "assessment.veto", F.VETO)
        names = []
        for where, name in veto["grades"] or []:
            found = self.resolve(name, grades, where, "plan.unknown_grade")
            if found is not None:
                names.append(found)
        return {"grades": names, "share": veto["share"]}

    def rules(self, raw: dict, grades: dict[str, str]) -> dict:
        if "rules" not in raw:
            return F.defaults(F.RULES)
        table = self.sub_table(raw, "rules", "assessment.rules")
        rules = self.read(table, "assessment.rules", F.RULES)
        quota = []
        if "quota" in table:
            for where, entry in self.list_of_tables(table, "quota", "assessment.rules.quota"):
                limit = self.read(entry, where, F.QUOTA)
                grade = self.resolve(limit["grade"], grades, f"{where}.grade", "plan.unknown_grade")
                if grade is not None and limit["max_share"] is not None:
                    quota.append({"grade": grade, "max_share": limit["max_share"]})
        rules["quota"] = quota
        return rules
