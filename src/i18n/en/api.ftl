# src/api: what the app's commands answer in words.

# The toast after Ctrl+Z / Ctrl+Shift+Z; $change is the change log's words
# for the change, in the language it was made in.
undo-done = Undone: { $change }
redo-done = Redone: { $change }
