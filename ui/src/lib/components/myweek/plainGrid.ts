/**
 * @event-calendar draws its week with table roles (a `table`, row groups, rows,
 * column headers) but places the events beside the cells, as articles straight
 * under the table and its row group, and its toolbar as a `nav` inside the
 * table: a table no screen reader can walk (axe: aria-required-children,
 * critical). Every event carries its own day and time in its name (see
 * `WeekCalendar`), and the day cards under the calendar say each day in words,
 * so the grid is presented as plain content and the events are read in order.
 * The roles are taken off again whenever the calendar redraws.
 */
const GRID_ROLES = ['table', 'rowgroup', 'row', 'columnheader', 'rowheader', 'cell', 'gridcell'];
/** Attributes that belong to table roles only: left on plain content they are errors. */
const GRID_ATTRS = ['aria-colindex', 'aria-rowindex', 'aria-colspan', 'aria-rowspan', 'aria-colcount', 'aria-rowcount', 'aria-sort'];
const SELECTOR = [
  ...GRID_ROLES.map((r) => `[role="${r}"]`),
  ...GRID_ATTRS.map((a) => `[${a}]`),
  // The toolbar is configured empty: a landmark with nothing in it.
  'nav.ec-toolbar:not([role="none"])',
].join(',');

function flatten(root: HTMLElement): void {
  // Only elements that still need a change are touched: each change fires the
  // observer once more, which then finds nothing left (or it would never stop).
  for (const el of root.querySelectorAll(SELECTOR)) {
    if (el.getAttribute('role') !== 'none' && (el.hasAttribute('role') || el.matches('nav'))) el.setAttribute('role', 'none');
    for (const a of GRID_ATTRS) el.removeAttribute(a);
  }
}

/** A Svelte attachment for the element that holds the calendar. */
export function plainGrid(root: HTMLElement): () => void {
  flatten(root);
  const watch = new MutationObserver(() => flatten(root));
  watch.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', ...GRID_ATTRS] });
  return () => watch.disconnect();
}
