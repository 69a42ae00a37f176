# src/error.rs: the core's errors. $kind is the item's kind as the code
# names it (team, office, rep, meeting, task, followed calendar, publishing
# target, conflict; spaces written as -); $id is the id in quotes.

error-not-found = no { $kind ->
    [followed-calendar] followed calendar
    [publishing-target] publishing target
   *[other] { $kind }
} with id { $id }
error-duplicate-id = a { $kind ->
    [followed-calendar] followed calendar
    [publishing-target] publishing target
   *[other] { $kind }
} with id { $id } already exists
error-stale-plan = The team changed since this plan was made ({ $change }): re-plan to see it
error-read-only = { $path }: opened for reading only; this command cannot change it
error-no-data-dir = no data folder could be found for this user (set XDG_DATA_HOME or use --db)
error-nothing-to-undo = nothing to undo
error-nothing-to-redo = nothing to redo
error-conflict-removed = { $name } was removed elsewhere after you opened this form: reload to see it
error-conflict-removed-by = { $name } was removed elsewhere after you opened this form (by { $by }): reload to see it
error-conflict-changed = { $name } was changed elsewhere after you opened this form: reload to see it
error-conflict-changed-by = { $name } was changed elsewhere after you opened this form (by { $by }): reload to see it
error-undo-changed-since = { $item } was changed since; nothing was changed
error-undo-changed-since-by = { $item } was changed since (by { $by }); nothing was changed
error-undo-would-break = the team changed since in a way that does not allow it ({ $problems }); nothing was changed
error-undo-refused = cannot undo "{ $change }": { $why }
error-redo-refused = cannot redo "{ $change }": { $why }
