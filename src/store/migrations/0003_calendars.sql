-- Calendars on CalDAV servers (issue 13). Not team data: no revisions and no
-- change log; an import or "Replace all data" leaves them as they are.

-- Where each team's calendar is published, and with which account (the
-- password is in the OS keyring or given per run, never here).
CREATE TABLE publish_targets (
    team        TEXT PRIMARY KEY,
    url         TEXT NOT NULL UNIQUE,
    user        TEXT NOT NULL,
    include     TEXT NOT NULL,            -- JSON: which kinds of events
    last_run    TEXT,                     -- RFC 3339, the last attempt
    last_ok     TEXT,                     -- RFC 3339, the last complete publish
    last_error  TEXT,
    failures    INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0)
) STRICT;

-- What the server holds of ours, as last confirmed: one row per resource.
-- `hash` is the content Meridian wrote; `etag` what the server said of it.
-- `theirs`: the lead kept someone else's edit or deletion of it; it is left
-- alone until Meridian's own content for it changes.
CREATE TABLE published (
    team   TEXT NOT NULL REFERENCES publish_targets(team) ON DELETE CASCADE,
    uid    TEXT NOT NULL,
    name   TEXT NOT NULL,
    hash   TEXT NOT NULL,
    etag   TEXT,
    theirs INTEGER NOT NULL DEFAULT 0 CHECK (theirs IN (0, 1)),
    PRIMARY KEY (team, uid)
) STRICT;

-- Resources someone changed or deleted on the server behind Meridian's
-- back; left alone until the lead decides.
CREATE TABLE publish_conflicts (
    team        TEXT NOT NULL REFERENCES publish_targets(team) ON DELETE CASCADE,
    uid         TEXT NOT NULL,
    name        TEXT NOT NULL,
    summary     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('edited', 'deleted')),
    server_etag TEXT,
    found       TEXT NOT NULL,            -- RFC 3339
    PRIMARY KEY (team, uid)
) STRICT;

-- Calendars this computer follows (a rep's view of the team's plan) and
-- the local copy of their events, readable offline.
CREATE TABLE followed_calendars (
    url          TEXT PRIMARY KEY,
    user         TEXT NOT NULL,
    name         TEXT NOT NULL,
    last_updated TEXT,                    -- RFC 3339, the last complete refresh
    last_error   TEXT
) STRICT;

CREATE TABLE followed_objects (
    calendar TEXT NOT NULL REFERENCES followed_calendars(url) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    etag     TEXT,
    text     TEXT NOT NULL,
    PRIMARY KEY (calendar, name)
) STRICT;
