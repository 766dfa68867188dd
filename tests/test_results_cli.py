"""`reviewtui results` and `reviewtui ballots import` on the command line: output, exit codes."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from reviewtui.store import open_session

ROOT = Path(__file__).resolve().parent.parent
YAN, CHENG, WANG = "雁翅镇党委", "城子街道工委", "王平镇党委"


@pytest.fixture
def session(tmp_path: Path) -> Path:
    target = tmp_path / "small.toml"
    shutil.copyfile(ROOT / "sessions" / "small.toml", target)
    return target


@pytest.fixture
def ballots_csv(tmp_path: Path) -> Path:
    path = tmp_path / "ballots.csv"
    rows = [
        ["ballot", "group", YAN, CHENG, WANG],
        ["1", "区级领导", "好", "较好", "一般"],  # 100, 80, 60
        ["2", "区级领导", "较好", "较好", ""],  # 80, 80, -
        ["3", "党代表", "好", "一般", "好"],  # 100, 60, 100
        ["4", "党代表", "", "", ""],  # invalid
    ]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_results_json_follows_spec_section_7(cli, session: Path, ballots_csv: Path) -> None:
    imported = cli("ballots", "import", session, ballots_csv)
    assert imported.code == 0, imported.output
    assert "Imported 4 ballot(s) (8 marks)" in imported.stdout

    result = cli("results", session, "--json")
    assert result.code == 0, result.output
    data = json.loads(result.stdout)
    assert '  "meeting": "测试用述职评议考核会"' in result.stdout  # indent 2, no \u escapes
    assert data["ballots"] == {
        "entered": 4,
        "valid": 3,
        "invalid": 1,
        "unconfirmed": [],
        "invalid_reasons": {"4": "blank"},
        "provisional": False,  # 4 forms of 3 + 5 expected: exactly the quorum of 0.5
        "groups": {
            "区级领导": {
                "issued": 3,
                "expected": 3,
                "returned": 2,
                "valid": 2,
                "over_issued": False,
            },
            "党代表": {
                "issued": 5,
                "expected": 5,
                "returned": 2,
                "valid": 1,
                "over_issued": False,
            },
        },
    }
    units = {u["unit"]: u for u in data["units"]}
    # Weights 0.6 / 0.4.
    # 雁翅: 区级领导 (100 + 80) / 2 = 90, 党代表 100 -> 0.6 * 90 + 0.4 * 100 = 94
    # 城子: 区级领导 80, 党代表 60 -> 48 + 24 = 72
    # 王平: 区级领导 60 (one vote), 党代表 100 -> 36 + 40 = 76
    assert [u["unit"] for u in data["units"]] == [YAN, WANG, CHENG]  # rank order
    assert [u["rank"] for u in data["units"]] == [1, 2, 3]
    assert units[YAN]["final"] == pytest.approx(94.0)
    assert units[WANG]["groups"] == {
        "区级领导": {"votes": 1, "score": 60.0},
        "党代表": {"votes": 1, "score": 100.0},
    }
    assert units[CHENG]["level"] == "一般" and units[CHENG]["daily"] is None
    assert units[YAN]["grade_counts"] == {"好": 2, "较好": 1, "一般": 0, "差": 0}
    assert units[YAN]["good_rate"] == pytest.approx(2 / 3)
    assert set(data) == {"meeting", "ballots", "units"}


def test_results_table_in_both_languages(cli, session: Path, ballots_csv: Path) -> None:
    assert cli("ballots", "import", session, ballots_csv).code == 0
    english = cli("results", session, "--lang", "en")
    assert english.code == 0
    for text in (
        "Rank",
        "Final",
        "Good rate",
        YAN,
        "94.00",
        "4 ballot(s) entered: 3 valid",
        "Invalid ballots: 1 × nothing scored (4)",
    ):
        assert text in english.stdout
    chinese = cli("results", session, env={"LANG": "zh_CN.UTF-8"})
    assert chinese.code == 0
    for text in (
        "名次",
        "综合得分",
        "好评率",
        "录入测评表 4 张：有效 3 张，无效 1 张",
        "无效测评表：未作任何计分的评价 1 张（4）",
    ):
        assert text in chinese.stdout


def test_results_reads_beside_the_live_writer(cli, session: Path, ballots_csv: Path) -> None:
    assert cli("ballots", "import", session, ballots_csv).code == 0
    writer = open_session(session, write=True)  # as `run` holds it during the meeting
    try:
        result = cli("results", session.with_suffix(".db"), "--json")
        assert result.code == 0 and json.loads(result.stdout)["ballots"]["valid"] == 3
        # ...while a second writer (an import) is refused with a clear message.
        refused = cli("ballots", "import", session, ballots_csv)
        assert refused.code == 2 and "being recorded by another process" in refused.stderr
    finally:
        writer.close()


def test_empty_meeting_results(cli, session: Path) -> None:
    data = json.loads(cli("results", session, "--json").stdout)
    assert data["ballots"]["entered"] == 0
    assert all(u["rank"] is None and u["final"] is None for u in data["units"])


def test_exit_codes_and_messages(cli, session: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "ballot,group,unit,item,value\n1,区级领导,门头沟,,好\n1,区级领导,雁翅镇党委,,X\n",
        encoding="utf-8",
    )
    result = cli("ballots", "import", session, bad)
    assert result.code == 2
    assert f"{bad}:2: unit: '门头沟' is not a unit of this meeting" in result.stderr
    assert f"{bad}:3: value: 'X' is not a grade" in result.stderr
    assert "nothing was imported" in result.stderr
    assert "Traceback" not in result.output

    assert cli("results", tmp_path / "nowhere.db").code == 2
    assert cli("results", tmp_path / "nowhere.toml").code == 2
    assert cli("results", session, "--lang", "fr").code == 2
    assert cli("ballots", "import", session, bad, "--entry", "3").code == 2
    missing = cli("ballots", "import", session, tmp_path / "missing.csv")
    assert missing.code == 2 and "no such file" in missing.stderr
