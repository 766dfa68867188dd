"""A real browser against a real server (SPEC 9): Debian's Chromium, driven by Playwright, at a
phone's viewport (360x740) against `reviewtui collect` on 127.0.0.1: open a form by its URL,
mark it with taps, submit, see the receipt; submit again, see the refusal."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewtui.phones import tokens
from tests.phones_server_proc import free_port, start
from tests.phones_support import ballot_rows, session

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="no /usr/bin/chromium"),
    pytest.mark.xdist_group("browser"),
]
WECHAT = (
    "Mozilla/5.0 (Linux; Android 13; V2183A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 "
    "MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI"
)
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


@pytest.fixture
def served(tmp_path: Path, root_dir: Path) -> Iterator[tuple[str, list[tokens.Issued], Path]]:
    path = session(tmp_path, root_dir)
    from reviewtui.store import open_session

    store = open_session(path, write=True)
    try:
        made = tokens.issue(store)
    finally:
        store.close()
    port = free_port()
    proc = start(path, port, lang="zh")
    try:
        yield f"http://127.0.0.1:{port}", made, path.with_suffix(".db")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=15)


def test_phone_browser_marks_submits_and_is_refused_the_second_time(
    served: tuple[str, list[tokens.Issued], Path], tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    base, made, db = served
    url = f"{base}/f/{made[0].token}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True,
                                    has_touch=True)  # fmt: skip
            page.set_default_timeout(15_000)
            assert page.goto(url).status == 200
            assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways
            button = page.locator("label", has=page.locator('input[name="c0_0"][value="1"]'))
            box = button.bounding_box()
            assert box is not None and box["height"] >= 44  # a thumb's target
            for name, value in (("c0_0", "1"), ("c1_0", "2"), ("c2_0", "3")):
                page.locator("label", has=page.locator(f'input[name="{name}"][value="{value}"]'))\
                    .tap()  # fmt: skip
            assert page.locator('input[name="c1_0"][value="2"]').is_checked()
            # The count beside 提交 is the page's style counting the blank choices left.
            assert page.locator(".blank input:checked").count() == 0
            page.screenshot(path=str(tmp_path / "form.png"), full_page=True)
            page.get_by_role("button", name="提交").click()
            page.wait_for_load_state()
            assert "已收到" in page.content() and "不能再使用" in page.content()
            # Back to the form's address, submit again: refused
            page.goto(url)  # refresh or back: the receipt, not a red refusal
            assert "已通过手机提交" in page.content() and 'class="card good"' in page.content()
            response = page.request.post(url, form={"c0_0": "4", "c1_0": "4", "c2_0": "4"})
            assert response.status == 409
        finally:
            browser.close()
    assert ballot_rows(db) == [("A001", "区级领导", "phone", 1)]


def test_the_page_at_320_px_puts_the_rules_first(
    served: tuple[str, list[tokens.Issued], Path], tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    base, made, _ = served
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 320, "height": 568}, is_mobile=True,
                                    has_touch=True, user_agent=WECHAT)  # fmt: skip
            page.set_default_timeout(15_000)
            assert page.goto(f"{base}/f/{made[1].token}").status == 200
            assert page.evaluate("document.documentElement.scrollWidth") <= 320
            rules = page.locator(".card.note").bounding_box()
            first = page.locator("#u1").bounding_box()
            assert rules is not None and first is not None and rules["y"] < first["y"]
            assert rules["y"] < 568  # on the first screen, before any unit
            assert page.locator(".blank input:checked").count() == 3
            page.locator("label", has=page.locator('input[name="c0_0"][value="1"]')).tap()
            assert page.locator(".blank input:checked").count() == 2
            page.screenshot(path=str(tmp_path / "form-320.png"), full_page=True)
            # Submit with units blank: the confirm page; back lands on the first blank unit.
            page.get_by_role("button", name="提交").click()
            page.wait_for_load_state()
            assert "请确认" in page.content()
            page.get_by_role("button", name="返回修改").click()
            page.wait_for_load_state()
            assert page.url.endswith("#u2")
            assert page.locator('input[name="c0_0"][value="1"]').is_checked()
        finally:
            browser.close()
