-- The fairness ledger (issue 16): every change of a task's assignee from
-- one rep to another, written in the same transaction as the change (a
-- balance applied, a task edited). `seq` is the change counter of that
-- write, `date` the local date of the computer that made it. No foreign
-- keys: history outlives the task and the reps it names. A restored backup
-- brings its own rows back, so `seq` is not unique. History starts
-- with this version; a whole-team import or the sample team clears it.
CREATE TABLE task_moves (
    id       INTEGER PRIMARY KEY,
    seq      INTEGER NOT NULL,
    task     TEXT NOT NULL,
    from_rep TEXT NOT NULL,
    to_rep   TEXT NOT NULL CHECK (to_rep <> from_rep),
    date     TEXT NOT NULL
) STRICT;
CREATE INDEX task_moves_date ON task_moves (date);
