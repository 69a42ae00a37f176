-- Meridian schema v1: one table per document list. Weekday lists, hour maps
-- and skill lists are JSON text (always read back through serde); instants
-- never appear here, only wall-clock values with their IANA zone.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE teams (
    id          TEXT PRIMARY KEY CHECK (id <> ''),
    name        TEXT NOT NULL,
    anchor_days TEXT NOT NULL DEFAULT '[]'
) STRICT;

CREATE TABLE offices (
    id           TEXT PRIMARY KEY CHECK (id <> ''),
    name         TEXT NOT NULL,
    time_zone    TEXT NOT NULL,
    desks        INTEGER NOT NULL CHECK (desks >= 0),
    open_days    TEXT NOT NULL,
    closed_dates TEXT NOT NULL DEFAULT '[]'
) STRICT;

CREATE TABLE reps (
    id                    TEXT PRIMARY KEY CHECK (id <> ''),
    name                  TEXT NOT NULL,
    team                  TEXT REFERENCES teams(id) ON DELETE SET NULL,
    time_zone             TEXT NOT NULL,
    office                TEXT REFERENCES offices(id) ON DELETE SET NULL,
    working_hours         TEXT NOT NULL,
    stretch_hours         TEXT NOT NULL,
    capacity_hours        TEXT NOT NULL,
    min_office_days       INTEGER,
    max_office_days       INTEGER,
    preferred_office_days TEXT NOT NULL DEFAULT '[]',
    no_office_days        TEXT NOT NULL DEFAULT '[]',
    skills                TEXT NOT NULL DEFAULT '[]',
    CHECK ((min_office_days IS NULL) = (max_office_days IS NULL))
) STRICT;

CREATE TABLE rep_time_off (
    rep        TEXT NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL CHECK (end_date >= start_date),
    PRIMARY KEY (rep, position)
) STRICT;

CREATE TABLE meetings (
    id               TEXT PRIMARY KEY CHECK (id <> ''),
    title            TEXT NOT NULL,
    start_local      TEXT NOT NULL,
    time_zone        TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes >= 1),
    rrule            TEXT,
    in_person_office TEXT REFERENCES offices(id) ON DELETE SET NULL
) STRICT;

CREATE TABLE meeting_attendees (
    meeting  TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    rep      TEXT NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (meeting, rep)
) STRICT;
CREATE INDEX meeting_attendees_by_rep ON meeting_attendees(rep);

CREATE TABLE tasks (
    id              TEXT PRIMARY KEY CHECK (id <> ''),
    title           TEXT NOT NULL,
    hours           TEXT NOT NULL,
    due             TEXT,
    assignee        TEXT REFERENCES reps(id) ON DELETE SET NULL,
    skills_required TEXT NOT NULL DEFAULT '[]',
    pinned          INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
) STRICT;
CREATE INDEX tasks_by_assignee ON tasks(assignee);

CREATE TABLE office_days (
    rep    TEXT NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
    date   TEXT NOT NULL,
    office TEXT NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
    PRIMARY KEY (rep, date)
) STRICT;

-- Planning requests of the document (meeting requests, the rotation and the
-- balance window), kept whole as JSON: they are inputs to the planners, read
-- and written only as a unit.
CREATE TABLE requests (
    kind     TEXT NOT NULL CHECK (kind IN ('meeting', 'rotation', 'balance')),
    position INTEGER NOT NULL,
    body     TEXT NOT NULL,
    PRIMARY KEY (kind, position)
) STRICT;
