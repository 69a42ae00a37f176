-- Undo / redo (issue 17): for each of the last undoable writes, what every
-- item it touched was before and after it, recorded inside that write's
-- transaction. One history per writer (`source`: the app, the command
-- line), kept in the database so it outlives a restart. `undone` marks the
-- entries on the redo side; a new ordinary write of the same writer deletes
-- those. Not team data: an import, a restore or the sample team clears it.
CREATE TABLE undo_entries (
    seq    INTEGER PRIMARY KEY,           -- the change (changes.seq) it undoes
    source TEXT NOT NULL,                 -- who made it (changes.source)
    words  TEXT NOT NULL,                 -- what the change did, in a lead's words
    undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    bytes  INTEGER NOT NULL,              -- size of its images, for the cap
    moves  TEXT NOT NULL DEFAULT '[]'     -- the task_moves rows the change recorded (JSON)
) STRICT;
CREATE INDEX undo_entries_source ON undo_entries (source, undone, seq);

-- An item's stored form as JSON (`NULL`: absent), and where its rows sat
-- (rowids, so a restored item keeps its place in the lists).
CREATE TABLE undo_images (
    seq          INTEGER NOT NULL REFERENCES undo_entries(seq) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    item         TEXT NOT NULL,
    before       TEXT,
    before_place TEXT,
    after        TEXT,
    after_place  TEXT,
    PRIMARY KEY (seq, kind, item)
) STRICT;
