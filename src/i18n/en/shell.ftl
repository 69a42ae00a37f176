# src-tauri: the desktop shell's own texts.

# src-tauri/src/files.rs, commands/files.rs: file dialogs.
shell-filter-team-document = Team document
shell-dialog-export-calendar = Export calendar
shell-dialog-export-team = Export team
shell-dialog-export-people = Export people
shell-dialog-save-template = Save CSV template
shell-dialog-export-office-days = Export office days
shell-dialog-export-report = Export report
shell-dialog-import-people = Import people from CSV
shell-dialog-import-team = Import team
shell-dialog-import-busy = Import busy times

# src-tauri/src/error.rs
shell-error-data-dir = cannot locate the app data folder: { $reason }
shell-error-poisoned = the database is unavailable after an internal error; restart Meridian
shell-error-task = a background task failed: { $reason }
shell-error-dialog = the chosen file cannot be used: { $reason }
shell-error-too-large = { $path }: { $bytes } bytes is too large to import
shell-error-nothing-picked = no file is waiting to be imported: choose the file again
shell-error-backup-name = { $name } is not the name of a backup: choose one from the list

# src-tauri/src/plans.rs
shell-plan-gone = this plan is no longer held (a newer plan replaced it): plan again

# src-tauri/src/commands/calendars.rs
shell-password-needed = enter the password of { $user } for { $url }
shell-password-not-kept = the password is not kept on this computer
shell-credentials-in-address = put the user name and password in their own fields, not in the address
shell-credentials-in-address-problem = the address holds a user name or password

# src-tauri/src/secrets.rs
shell-keyring-unavailable = the keyring is not available: { $reason }
shell-keyring-unreadable = the stored password cannot be read
shell-keyring-no-thread = cannot start a thread: { $reason }
shell-keyring-timeout = no answer within { $seconds } s
shell-keyring-no-service = no Secret Service is running
shell-keyring-refused = the keyring refused the entry
shell-keyring-unexpected = unexpected keyring error
