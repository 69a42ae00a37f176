/**
 * The keyboard of the combobox pickers (ZonePicker, RegionPicker), ARIA 1.2:
 * ArrowDown/ArrowUp open the list or move through it (wrapping), Enter picks
 * the active option, Escape closes the list only (not the dialog around it),
 * Tab closes it and moves on. The picker keeps its own state; this only
 * says what a key does to it.
 */
export type Combo = {
  isOpen(): boolean;
  /** Options shown. */
  count(): number;
  active(): number;
  /** Moves the active option (and scrolls it into view). */
  setActive(i: number): void;
  open(): void;
  close(): void;
  choose(i: number): void;
};

export function comboKeydown(e: KeyboardEvent, c: Combo): void {
  switch (e.key) {
    case 'ArrowDown':
    case 'ArrowUp': {
      e.preventDefault();
      if (!c.isOpen()) {
        c.open();
        break;
      }
      const n = c.count();
      if (n === 0) break;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      c.setActive((c.active() + step + n) % n);
      break;
    }
    case 'Enter':
      if (c.isOpen() && c.active() < c.count()) {
        e.preventDefault();
        c.choose(c.active());
      }
      break;
    case 'Escape':
      if (c.isOpen()) {
        e.preventDefault();
        e.stopPropagation();
        c.close();
      }
      break;
    case 'Tab':
      c.close();
      break;
  }
}
