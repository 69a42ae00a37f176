-- Public holidays (issue 15): the region whose holidays close an office or
-- give a rep the day off.
-- offices.holidays: a region code, or NULL for none.
ALTER TABLE offices ADD COLUMN holidays TEXT;
-- reps.holidays: a region code; '' for none (the document's `null`); NULL
-- when the rep names none and takes their home office's region.
ALTER TABLE reps ADD COLUMN holidays TEXT;
