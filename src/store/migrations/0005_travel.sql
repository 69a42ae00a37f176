-- Travel (issue 15): a rep's stays at other offices, local dates in the rep's
-- home zone, inclusive, in the rep's order (sorted by from_date, never
-- overlapping: the writers keep them so). An office with trips to it is
-- deleted only after its trips are (the office's delete drops them first).
CREATE TABLE rep_travel (
    rep       TEXT NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    from_date TEXT NOT NULL,
    to_date   TEXT NOT NULL CHECK (to_date >= from_date),
    office    TEXT NOT NULL REFERENCES offices(id),
    PRIMARY KEY (rep, position)
) STRICT;
CREATE INDEX rep_travel_office ON rep_travel (office);
