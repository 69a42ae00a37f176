# src/store: the database's own messages.

# src/store/mod.rs: errors of the database file. $error is SQLite's or the
# system's own text; $detail says why the file is not Meridian's.
store-migration-failed = the update to this version's schema failed and nothing was changed: { $error }
store-not-meridian = is not a Meridian database ({ $detail }); it was left untouched: choose another file with --db, or move it away
store-newer = was made by a newer Meridian (schema { $found }); this version reads up to { $supported }: update Meridian to open it
store-backup-failed = cannot write the backup { $path }: { $detail }
store-corrupt = stored { $table } row { $id } is damaged: { $detail }; restore a backup (meridian backups, meridian restore FILE)
store-sqlite-busy = the database is busy: another Meridian (the app or the command line) is writing; try again
store-sqlite-read-only = the database file is read-only: make it writable, or only read it
store-sqlite-cannot-open = cannot open the database file: check that its folder exists and is readable
store-sqlite-not-a-database = is not a database file (or is damaged): restore a backup
store-sqlite-corrupt = the database file is damaged: restore a backup (meridian backups, meridian restore FILE)
store-sqlite-disk-full = the disk is full: free some space and try again
store-sqlite-other = database error: { $error }
store-unreadable = it cannot be read: { $error }
store-not-sqlite = it is not an SQLite database
store-other-tables = it holds the tables { $tables }

# src/store/backup.rs: why a snapshot could not be written.
store-backup-exists = a file with this name exists already: choose a new name
store-backup-stayed-busy = the database stayed busy
store-backup-cannot-read = cannot read { $path }: { $error }
store-backup-cannot-prune = cannot remove an old snapshot: { $error }
