-- reviewtui meeting database. One file per meeting; this file is the single source of the schema.
-- The version lives in PRAGMA user_version (6; reviewtui/store/migrations.py leads older files
-- forward). Journal mode: a rollback journal with synchronous=FULL, so the .db alone is complete.
-- All timestamps are ISO 8601 wall-clock times with their UTC offset.

-- Key/value facts about the database: the plan it was created from (JSON), the plan's
-- fingerprint, the source session file, when it was created, and the live cursor.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The agenda, expanded from the plan when the database is created: speeches, breaks,
-- one row per unit (on-site and written) and the assessment, in order.
CREATE TABLE IF NOT EXISTS items (
    id       INTEGER PRIMARY KEY,
    pos      INTEGER NOT NULL UNIQUE,
    kind     TEXT NOT NULL CHECK (kind IN ('speech', 'unit', 'assessment', 'break')),
    title    TEXT NOT NULL,
    unit     TEXT,                       -- the unit's name, for kind = 'unit'
    mode     TEXT CHECK (mode IN ('onsite', 'written')),
    speaker  TEXT,                       -- reporter of a unit, speaker of a speech
    planned  REAL,                       -- planned seconds; NULL for written units
    status   TEXT NOT NULL DEFAULT 'pending'
             CHECK (status IN ('pending', 'live', 'done'))
);

-- The kinds of segment this file accepts (SPEC 8: report, question, answer, comment, speech):
-- the store writes the names of reviewtui/segment_kinds.py here when it creates or opens the file
-- for writing, so a release that adds a kind adds its name without changing this schema.
CREATE TABLE IF NOT EXISTS segment_kinds (
    name TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Every timed segment. A question is a segment with its asker as speaker and its text;
-- an answer points at its question; a comment holds the leader and the gist.
CREATE TABLE IF NOT EXISTS segments (
    id             INTEGER PRIMARY KEY,
    item_id        INTEGER NOT NULL REFERENCES items (id),
    kind           TEXT NOT NULL REFERENCES segment_kinds (name),
    speaker        TEXT NOT NULL DEFAULT '',
    text           TEXT NOT NULL DEFAULT '',
    question_id    INTEGER REFERENCES segments (id),
    planned        REAL,                 -- planned seconds
    started_at     TEXT NOT NULL,
    ended_at       TEXT,                 -- NULL while running
    paused_at      TEXT,                 -- set while paused
    paused_seconds REAL NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS segments_item ON segments (item_id, started_at);

-- The secretary's notes on an agenda item (the gist of a report).
CREATE TABLE IF NOT EXISTS notes (
    item_id    INTEGER PRIMARY KEY REFERENCES items (id),
    text       TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

-- Paper ballots. `code` is the id written on the form; `entry` is the round of double entry.
-- A ballot never names its rater; `entered_by` is the person or laptop that typed it in.
CREATE TABLE IF NOT EXISTS ballots (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL,
    entry      INTEGER NOT NULL DEFAULT 1 CHECK (entry IN (1, 2)),
    grp        TEXT NOT NULL,
    entered_by TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL DEFAULT '',  -- 'screen' or the imported file's name
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (code, entry)
);

-- One line of a ballot: what it gives one unit, as on the paper form. `cells` is a JSON object
-- {item: value} in form order, a value being a grade's name (text) or a number; a blank cell is
-- absent, and a line with every cell blank is simply no row. One row per line rather than per
-- cell keeps a 40-unit, 5-item ballot at 40 rows (and 40 journal rows) instead of 200.
-- Read it through reviewtui.assessment.ballots.load(), which returns (unit, item) -> value.
CREATE TABLE IF NOT EXISTS marks (
    ballot_id INTEGER NOT NULL REFERENCES ballots (id) ON DELETE CASCADE,
    unit      TEXT NOT NULL,
    cells     TEXT NOT NULL CHECK (json_valid(cells) AND json_type(cells) = 'object'),
    PRIMARY KEY (ballot_id, unit)
) WITHOUT ROWID;

-- The same marks one cell per row, for readers who think in cells (and for a person browsing the
-- file): `grade` for a graded item, `number` for a numeric one.
CREATE VIEW IF NOT EXISTS mark_cells (ballot_id, unit, item, grade, number) AS
SELECT m.ballot_id, m.unit, c.key,
       CASE WHEN c.type = 'text' THEN c.value END,
       CASE WHEN c.type IN ('integer', 'real') THEN c.value END
FROM marks AS m, json_each(m.cells) AS c;

-- What a rater wrote beside a unit's grades (意见建议), when the form has opinion lines
-- (`assessment.opinions`). Anonymous like its ballot; shown grouped by unit, never with the
-- ballot's serial or group.
CREATE TABLE IF NOT EXISTS opinions (
    ballot_id INTEGER NOT NULL REFERENCES ballots (id) ON DELETE CASCADE,
    unit      TEXT NOT NULL,
    text      TEXT NOT NULL CHECK (text <> ''),
    PRIMARY KEY (ballot_id, unit)
) WITHOUT ROWID;

-- The rectification list (整改清单): the problem lines of each unit, as the secretary keeps
-- them. A line taken from a question or a comment points at it (`segment_id`); lines the
-- secretary adds have none. `merged_into` points at the line that absorbed this one; a
-- dropped line keeps its row with status 'dropped', so nothing typed is ever lost.
-- Every question and comment of a unit is a line of it whether or not it has a row here
-- (reviewtui/rectify): a unit's lines get their rows the first time the secretary changes
-- its list, with `problem` NULL while the line reads as its record does (so a corrected
-- question still shows corrected). A record deleted as started by mistake takes its row (and
-- the rows merged into it) with it, journaled, so undoing the delete brings them back.
CREATE TABLE IF NOT EXISTS problems (
    id          INTEGER PRIMARY KEY,
    unit        TEXT NOT NULL,
    pos         INTEGER NOT NULL,            -- order within the unit
    -- 'secretary' for a line the secretary added, else the kind of its record's segment
    source      TEXT NOT NULL CHECK ((source = 'secretary') = (segment_id IS NULL)),
    segment_id  INTEGER REFERENCES segments (id) ON DELETE CASCADE,
    problem     TEXT,                        -- NULL: the text of its question or comment
    measure     TEXT NOT NULL DEFAULT '',
    owner       TEXT NOT NULL DEFAULT '',
    deadline    TEXT,                        -- ISO date, or NULL
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    merged_into INTEGER REFERENCES problems (id) ON DELETE CASCADE,
    CHECK (problem IS NOT NULL OR segment_id IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS problems_unit ON problems (unit, pos);

-- Results revealed on the projector (当场公布): what was shown, who confirmed the count
-- (计票人 `counter`, 监票人 `supervisor`), and when it was hidden again. `results` is the
-- results JSON (section 7) as confirmed, so the screen shows exactly what was signed for.
CREATE TABLE IF NOT EXISTS reveals (
    id         INTEGER PRIMARY KEY,
    shown_at   TEXT NOT NULL,
    hidden_at  TEXT,
    scope      TEXT NOT NULL CHECK (scope IN ('all', 'top', 'level')),
    top        INTEGER,                      -- for scope 'top': how many
    level      TEXT,                         -- for scope 'level': which
    counter    TEXT NOT NULL,
    supervisor TEXT NOT NULL,
    results    TEXT NOT NULL CHECK (json_valid(results)),
    category   TEXT                          -- NULL: every category; else this one's units only
);

-- The one-time tokens of the phone forms (扫码测评, SPEC 9): one per printed form, its QR code
-- holding /f/TOKEN. Only the token's hash is kept, so neither the serials nor a copy of this file
-- lets anyone vote. A reprint voids the old tokens (`voided_at`) and issues new ones; a submitted
-- form sets `used_at` and points at its ballot in the same transaction as the ballot's save.
CREATE TABLE IF NOT EXISTS tokens (
    hash      TEXT PRIMARY KEY,             -- SHA-256 (hex) of the token; the token is never stored
    serial    TEXT NOT NULL,                -- the printed form's serial (A017)
    grp       TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    voided_at TEXT,                         -- set when a reprint replaced it
    used_at   TEXT,                         -- set when its form was submitted
    ballot_id INTEGER REFERENCES ballots (id)
);
CREATE INDEX IF NOT EXISTS tokens_serial ON tokens (serial);

-- The forms `print forms` printed (SPEC 5): one row per group and printing, serials
-- `prefix` + first..last (A001…A020). Serials are checked only against these rows: a meeting
-- that printed nothing takes any ballot id. A reprint with more forms adds a row.
CREATE TABLE IF NOT EXISTS printed_forms (
    id         INTEGER PRIMARY KEY,
    grp        TEXT NOT NULL,
    prefix     TEXT NOT NULL,
    first      INTEGER NOT NULL CHECK (first >= 1),
    last       INTEGER NOT NULL,
    printed_at TEXT NOT NULL,
    CHECK (last >= first)
);
CREATE INDEX IF NOT EXISTS printed_forms_prefix ON printed_forms (prefix);

-- Pages read by `ballots scan` (SPEC 10). Of a page only its file's name, its page number and
-- its SHA-256 are kept, with what came of it: the same page read twice is known by its hash.
CREATE TABLE IF NOT EXISTS scan_pages (
    id        INTEGER PRIMARY KEY,
    file      TEXT NOT NULL,
    page      INTEGER NOT NULL,             -- 1-based page of the file
    sha256    TEXT NOT NULL,
    read_at   TEXT NOT NULL,
    serial    TEXT,                         -- NULL: no form of this meeting was found on it
    entry     INTEGER NOT NULL DEFAULT 1 CHECK (entry IN (1, 2)),
    outcome   TEXT NOT NULL
              CHECK (outcome IN ('saved', 'held', 'duplicate', 'conflict', 'foreign', 'dropped')),
    ballot_id INTEGER REFERENCES ballots (id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS scan_pages_sha ON scan_pages (sha256);

-- Forms held for review (a doubtful cell is never guessed): the marks read so far and a picture
-- of the doubtful rows. The row, picture included, is deleted when the form is saved or dropped,
-- so no picture of a rater's handwriting stays once its form is dealt with.
CREATE TABLE IF NOT EXISTS scan_reviews (
    id         INTEGER PRIMARY KEY,
    page_id    INTEGER NOT NULL REFERENCES scan_pages (id) ON DELETE CASCADE,
    serial     TEXT NOT NULL,
    grp        TEXT NOT NULL,
    entry      INTEGER NOT NULL DEFAULT 1 CHECK (entry IN (1, 2)),
    cells      TEXT NOT NULL CHECK (json_valid(cells)),     -- {unit: {item: value}} read clearly
    doubtful   TEXT NOT NULL CHECK (json_valid(doubtful)),  -- [{unit, item, why, confidence}]
    picture    BLOB,                                        -- PNG of the doubtful rows
    created_at TEXT NOT NULL
);

-- Every change: one row per changed database row, grouped by the command (`tx`) that made it.
-- `op` is insert, update or delete. `old` and `new` are JSON: for an insert the new row, for a
-- delete the old row, for an update only the columns that changed (old and new values; version 1
-- stored whole rows). `undone_by` marks a command reverted by undo, pointing at the undo's tx.
CREATE TABLE IF NOT EXISTS journal (
    id        INTEGER PRIMARY KEY,
    tx        INTEGER NOT NULL,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL,
    tbl       TEXT NOT NULL,
    row_key   TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    old       TEXT,
    new       TEXT,
    undone_by INTEGER
);
CREATE INDEX IF NOT EXISTS journal_tx ON journal (tx);

-- Who holds the writer's lock (process, host, since), for the message a second recorder gets.
-- A note about the lock, not a record of the meeting: written at each open, never journaled.
CREATE TABLE IF NOT EXISTS writer (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    pid   TEXT NOT NULL,
    host  TEXT NOT NULL,
    since TEXT NOT NULL
);
