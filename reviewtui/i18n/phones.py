"""Scoring on phones (扫码测评, SPEC 9): the QR forms, `collect`, and the phone pages."""

STRINGS: dict[str, tuple[str, str]] = {
    # Command line
    "cli.collect.help": (
        "在会场局域网上提供手机测评表（扫码测评），直到按 Ctrl+C",
        "Serve the phone forms on the room's network (scan to score) until ctrl+c",
    ),
    "cli.opt.qr": (
        "每份测评表印上它自己的一次性手机测评二维码",
        "Print on each form the QR code of its own one-time phone form",
    ),
    "cli.opt.yes": (
        "重新打印时不再询问，直接作废此前的二维码",
        "Reprinting: void the earlier QR codes without asking",
    ),
    "cli.opt.address": (
        "二维码里的地址（默认：本机的局域网地址）",
        "Address in the QR codes (default: this laptop's LAN address)",
    ),
    "cli.opt.port": ("端口（默认 8765）", "Port (default 8765)"),
    "cli.opt.bind": (
        "只在这个地址上提供（默认：本机的局域网地址；0.0.0.0 须明确写出）",
        "Serve on this address only (default: the LAN address; 0.0.0.0 only when given)",
    ),
    # print forms --qr
    "phones.qr_forms_only": (
        "--qr 只用于测评表（forms），不能用于 {kind}",
        "--qr is for the forms only, not for {kind}",
    ),
    "phones.bad_address": (
        "地址或端口不对：{address} {port}（地址写成 192.168.1.10 这样，端口 1–65535）",
        "Bad address or port: {address} {port} (an address like 192.168.1.10, a port 1–65535)",
    ),
    "phones.no_lan": (
        "警告：找不到本机的局域网地址，只能用 127.0.0.1（手机连不上）；请连上会场网络后重试，或用 --address 指定",
        "Warning: no LAN address found, using 127.0.0.1 (phones cannot reach it); join the room's network and try again, or give --address",
    ),
    "phones.reprint_question": (
        "已有 {count} 份测评表的二维码；重新打印会使它们全部作废（已印出的旧表不能再扫码提交）。继续吗？",
        "{count} forms already have QR codes; printing again voids them all (the old printouts can no longer submit). Go on?",
    ),
    "phones.reprint_needs_yes": (
        "已有 {count} 份测评表的二维码，重新打印会使它们作废：确认后重试，或加 --yes",
        "{count} forms already have QR codes and printing again voids them: confirm, or add --yes",
    ),
    "phones.tokens_issued": (
        "已生成 {count} 个一次性二维码（作废旧码 {voided} 个）",
        "Issued {count} one-time QR codes ({voided} earlier ones voided)",
    ),
    "phones.collect_hint": (
        "会上开始收表：reviewtui collect {session} --bind {address} --port {port}（或在现场屏幕的测评环节按 w）",
        "To collect in the meeting: reviewtui collect {session} --bind {address} --port {port} (or w on the live screen's assessment item)",
    ),
    # collect
    "phones.not_printed_address": (
        "警告：测评表上的二维码指向 {printed}，而这里在 {address}:{port} 上提供，手机扫码会连不上",
        "Warning: the forms' QR codes point at {printed}, but this serves {address}:{port}: phones scanning them will not reach it",
    ),
    "phones.no_tokens": (
        "还没有手机测评表：先运行 reviewtui print {session} forms --qr",
        "No phone forms issued yet: run reviewtui print {session} forms --qr first",
    ),
    "phones.cannot_bind": (
        "不能在 {address}:{port} 上提供：{reason}",
        "Cannot serve on {address}:{port}: {reason}",
    ),
    "phones.serving": (
        "正在收表：手机扫测评表上的二维码即可（{url}）",
        "Collecting: phones scan the QR code on their form ({url})",
    ),
    "phones.stop_hint": ("按 Ctrl+C 结束收表", "Press ctrl+c to close the collection"),
    "phones.stopped": ("收表已结束", "Collection closed"),
    "phones.counts": ("已收回：{parts}", "Returned: {parts}"),
    "phones.count_part": (
        "{group} {returned}/{issued}（手机 {phone}）",
        "{group} {returned}/{issued} ({phone} by phone)",
    ),
    "phones.count_sep": ("；", "; "),
    "phones.bad_cell": ("{where}{why}", "{where}{why}"),
    # The live screen's assessment item (w)
    "phones.key.collect": ("手机收表", "phone forms"),
    "phones.live_status": (
        "  ·  扫码收表中 {url}  {parts}",
        "  ·  collecting phone forms at {url}  {parts}",
    ),
    "phones.live_started": ("开始扫码收表：{url}", "Collecting phone forms at {url}"),
    "phones.live_stopped": ("扫码收表已结束", "Phone collection closed"),
    "phones.live_only_assessment": (
        "手机收表在测评环节按 w 开始",
        "Phone forms start with w on the assessment item",
    ),
    # Who serves the forms (phones/serving.py)
    "phones.run_over_collect": (
        "这次会议的手机测评表正由另一个进程提供（{by}，进程 {pid}，{url}），run 不能同时打开会议：请先到那个窗口按 Ctrl+C 结束收表，再运行 run；在 run 的测评环节按 w 可以接着收表（同一地址，已收的表都在）",
        "This meeting's phone forms are being served by another process ({by}, process {pid}, {url}), so run cannot open the meeting too: press ctrl+c in that window to close the collection, then start run; w on its assessment item goes on collecting (same address, every form returned so far is kept)",
    ),
    "phones.already_serving": (
        "这次会议的手机测评表已经在由另一个进程提供（{by}，进程 {pid}，{url}），不能再开一个",
        "This meeting's phone forms are already served by another process ({by}, process {pid}, {url}); a second one is refused",
    ),
    "phones.cannot_save": (
        "{time} 有一份手机测评表没能保存（{why}）：手机上已提示重新提交，所填内容保留在页面上",
        "{time} a phone form could not be saved ({why}): the phone was asked to submit again, its marks kept on the page",
    ),
    "phones.why.busy": (
        "会议数据库正被 run 或其他程序占用",
        "the meeting's database is held by run or another program",
    ),
    "phones.why.slow_down": ("同一份表提交过于频繁", "too many tries of one form"),
    "phones.projector_line": ("扫码收表中  {parts}", "Collecting phone forms  {parts}"),
    # Token refusals (raised by the core)
    "phones.refused.unknown": ("这不是本次会议的测评表地址", "This is not a form of this meeting"),
    "phones.refused.voided": (
        "这份测评表已重新打印，旧二维码作废",
        "This form was reprinted; its old QR code is void",
    ),
    "phones.refused.used": (
        "这份测评表已经提交过，不能再用",
        "This form was already submitted and can no longer be used",
    ),
    "phones.refused.phoned": (
        "这份测评表已经通过手机提交，不能再提交",
        "This form was already submitted by phone and cannot be submitted again",
    ),
    "phones.refused.entered": (
        "这份测评表已按纸质表录入，不能再从手机提交",
        "This form was already entered on paper and cannot be submitted by phone",
    ),
    # The pages
    "phones.page.title": ("测评表", "Assessment form"),
    "phones.page.form_of": ("测评表 {serial} · {group}", "Form {serial} · {group}"),
    "phones.page.score_of": ("分数 0–{max}", "Score 0–{max}"),
    "phones.page.opinion": ("意见建议（可不填）", "Opinion (optional)"),
    "phones.page.blank": ("不填", "blank"),
    "phones.page.rules": ("填表说明", "How this form is counted"),
    "phones.page.submit": ("提交", "Submit"),
    "phones.page.once": (
        "每份测评表只能提交一次，提交后不能修改。",
        "Each form submits once; it cannot be changed afterwards.",
    ),
    "phones.page.anonymous": (
        "本表不记名。表号只用来保证每份表只提交一次，不与任何人对应。",
        "This form is anonymous. Its number only makes sure each form is submitted once; it is not linked to anyone.",
    ),
    "phones.page.unmarked_units": ("尚未评价的单位：", "Units not yet marked: "),
    "phones.page.unmarked_cells": ("尚未填写的栏目：", "Cells not yet filled: "),
    "phones.page.retry": ("再次提交", "Submit again"),
    "phones.page.retry_hint": (
        "您填写的内容都还在。过几秒钟按“再次提交”即可，不必重新填写。",
        "Everything you filled in is kept. Press “Submit again” in a few seconds; there is no need to fill it in again.",
    ),
    "phones.page.confirm_title": ("请确认", "Please check"),
    "phones.page.confirm_hint": (
        "要修改就返回；确认无误也可以照此提交。",
        "Go back to change it, or submit it as it is.",
    ),
    "phones.page.back": ("返回修改", "Back to the form"),
    "phones.page.submit_anyway": ("照此提交", "Submit as it is"),
    # Message pages: a heading and a sentence each
    "phones.msg.home": ("扫码测评", "Scan to score"),
    "phones.msg.home.text": (
        "请用手机扫描您那份测评表上的二维码。",
        "Scan the QR code printed on your form with your phone.",
    ),
    "phones.msg.received": ("已收到", "Received"),
    "phones.msg.received.text": (
        "您的测评表已保存。这份表不能再使用，谢谢！",
        "Your form is saved. This form can no longer be used. Thank you!",
    ),
    "phones.msg.used": ("已通过手机提交", "Submitted by phone"),
    "phones.msg.used.text": (
        "这份测评表已经通过手机提交并保存，不需要再提交，也不能修改。",
        "This form was submitted by phone and is saved; there is nothing more to do, and it cannot be changed.",
    ),
    "phones.msg.phoned": ("已通过手机提交", "Submitted by phone"),
    "phones.msg.phoned.text": (
        "这份测评表已经通过手机提交并保存，不能再提交。",
        "This form was already submitted by phone and is saved; it cannot be submitted again.",
    ),
    "phones.msg.foreign": ("没有保存", "Not saved"),
    "phones.msg.foreign.text": (
        "这份提交不是从本次会议的测评表页面发出的，没有保存。请重新扫描测评表上的二维码填写。",
        "This was not sent from this meeting's form page; nothing was saved. Scan the QR code on your form and fill it in there.",
    ),
    "phones.msg.full": ("请稍候", "Please wait"),
    "phones.msg.full.text": (
        "现在同时打开测评表的人很多，请过几秒钟再刷新本页。",
        "Many people are opening their forms right now; refresh this page in a few seconds.",
    ),
    "phones.msg.unknown": ("不是有效的测评表", "Not a form"),
    "phones.msg.unknown.text": (
        "这个地址不是本次会议的测评表。请扫描您那份测评表上的二维码。",
        "This address is not a form of this meeting. Scan the QR code on your own form.",
    ),
    "phones.msg.voided": ("二维码已作废", "This QR code is void"),
    "phones.msg.voided.text": (
        "测评表已重新打印，这个旧二维码不能再用。请向会务人员要新的测评表。",
        "The forms were printed again and this old code no longer works. Ask the staff for a new form.",
    ),
    "phones.msg.entered": ("已按纸质表录入", "Already entered on paper"),
    "phones.msg.entered.text": (
        "这份测评表已按纸质表录入，不能再从手机提交。",
        "This form was entered from its paper copy; it cannot be submitted by phone.",
    ),
    "phones.msg.closed": ("收表已结束", "Collection closed"),
    "phones.msg.closed.text": (
        "本次测评已停止收表，提交没有保存。",
        "The collection of forms has closed; nothing was saved.",
    ),
    "phones.msg.too_big": ("提交的内容过大", "Too much data"),
    "phones.msg.too_big.text": (
        "这不是测评表页面发出的提交，没有保存。",
        "This is not what the form sends; nothing was saved.",
    ),
    "phones.msg.malformed": ("提交的内容无法识别", "Not understood"),
    "phones.msg.malformed.text": (
        "这不是测评表页面发出的提交，没有保存。请重新扫码填写。",
        "This is not what the form sends; nothing was saved. Scan the code and fill in the form again.",
    ),
    "phones.msg.slow_down": ("请稍候", "Please wait"),
    "phones.msg.slow_down.text": (
        "这份测评表的请求太频繁，请过一会儿再试，这次没有保存。",
        "Too many tries of this form; try again in a moment. This one was not saved.",
    ),
    "phones.msg.busy": ("暂时无法保存", "Could not save now"),
    "phones.msg.busy.text": (
        "会务电脑暂时忙，这次提交没有保存，请稍后再提交一次。",
        "The meeting's laptop is busy and nothing was saved; submit again in a moment.",
    ),
    "phones.msg.refused": ("没有保存", "Not saved"),
    "phones.plan_changed": (
        "会议方案刚刚修改过（单位或测评表有变），您的表没有保存：请按下面现在的表重新填写后提交。",
        "The meeting's plan was just amended (units or the form changed): your form was not "
        "saved. Fill in the form below, as it is now, and submit it again.",
    ),
    "phones.msg.no_page": ("没有这个页面", "No such page"),
    "phones.msg.no_page.text": ("请扫描您那份测评表上的二维码。", "Scan the QR code on your form."),
    "phones.msg.no_method": ("不支持这种请求", "Not supported"),
    "phones.msg.no_method.text": (
        "请扫描您那份测评表上的二维码。",
        "Scan the QR code on your form.",
    ),
}
