-- Meridian schema v2: per-item writes.
-- Every item row carries the change counter of the write that last changed it
-- (its revision), so a form can say which version it edits; `changes` counts
-- every committed write (the database's change counter is its largest seq)
-- and `changed_items` says which items each write touched, so an open app can
-- refresh what another process changed.
ALTER TABLE teams    ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE offices  ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reps     ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tasks    ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TABLE changes (
    seq     INTEGER PRIMARY KEY CHECK (seq >= 1),
    at      TEXT NOT NULL,
    source  TEXT NOT NULL,
    summary TEXT NOT NULL
) STRICT;

CREATE TABLE changed_items (
    seq     INTEGER NOT NULL REFERENCES changes(seq) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    item    TEXT NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    PRIMARY KEY (seq, kind, item)
) STRICT;

-- Targeted checks and cascades of per-item writes look rows up by these.
CREATE INDEX reps_by_team ON reps(team);
CREATE INDEX reps_by_office ON reps(office);
CREATE INDEX meetings_by_office ON meetings(in_person_office);
CREATE INDEX office_days_by_office ON office_days(office, date);
CREATE INDEX office_days_by_date ON office_days(date);
