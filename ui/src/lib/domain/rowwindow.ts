/**
 * Which rows of a long list are worth drawing: those in the viewport plus a
 * margin, at a fixed row height. Pure arithmetic; Rust decides what the rows
 * hold and in what order.
 */

export type RowRange = { start: number; end: number };

/** Rows `start..end` (end exclusive) visible at `scrollTop`, with `overscan` rows either side. */
export function visibleRows(scrollTop: number, viewport: number, rowHeight: number, total: number, overscan = 8): RowRange {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(Math.max(viewport, rowHeight) / rowHeight);
  const start = Math.max(0, Math.min(total, first - overscan));
  const end = Math.max(start, Math.min(total, first + count + overscan));
  return { start, end };
}

/** The page offsets (multiples of `pageSize`) that cover `range`. */
export function pagesFor(range: RowRange, pageSize: number): number[] {
  if (range.end <= range.start || pageSize <= 0) return [];
  const out: number[] = [];
  for (let p = Math.floor(range.start / pageSize) * pageSize; p < range.end; p += pageSize) out.push(p);
  return out;
}
