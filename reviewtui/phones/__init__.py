"""Scoring on phones over the room's network (扫码测评, SPEC section 9).

- `tokens`: the one-time tokens of the printed forms (only their hashes are stored), issuing,
  voiding on a reprint, and the submission that uses one and saves its ballot in one commit.
- `address`: the laptop's LAN address, offered as the default for the QR codes and the server.
- `pages`: the plain HTML of the phone pages (no JavaScript, inline CSS).
- `server`: the Starlette app and the uvicorn runner of `reviewtui collect`.
"""
