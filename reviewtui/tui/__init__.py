"""The terminal UI (Textual): a thin face over `reviewtui.meeting`; the core never imports it."""
