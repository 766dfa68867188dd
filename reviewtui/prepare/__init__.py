"""Before the meeting: the session workbook (template and reading it into a session file)."""
