/**
 * The app-wide undo keys: Ctrl+Z (⌘Z) undoes the app's last change and
 * Ctrl+Shift+Z (⌘⇧Z) redoes it — except while typing, where the text
 * field's own undo applies.
 */

/** Input types whose text the browser's own undo edits. */
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week']);

/** Whether `target` is somewhere the user types text (the browser's undo applies there). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type);
  return target.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/** What a key press asks of the undo history, if anything. */
export function undoKeyOf(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'> & { repeat?: boolean },
): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  if (e.key.toLowerCase() !== 'z') return null;
  // A held key repeats: one press is one step, never a run through the history.
  if (e.repeat) return null;
  if (isTextEntry(e.target)) return null;
  // Not behind an open dialog: the lead is in the middle of something else.
  if (typeof document !== 'undefined' && document.querySelector('[aria-modal="true"], dialog[open]')) return null;
  return e.shiftKey ? 'redo' : 'undo';
}
