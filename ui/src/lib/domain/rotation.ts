/**
 * Display helpers of the "Office days" board. Rust decides every figure the
 * board shows (the window, which days are past, each cell's state and rule-1
 * reason, locks, desk use, the objective and its weights, the week limit);
 * this module only puts them into words and moves the keyboard focus.
 */
import type { BoardCell, BoardRow, DeskDay, ObjectiveTerm, PlanSummary } from '../api';
import { isDate } from './clock';
import { mondayOf, shortDate } from './dates';

/** The weeks the form asks for. */
export type RotationWindow = { from: string; weeks: number };

/**
 * The week form's text, checked only so the user sees a typo at once; Rust
 * checks the window again and `maxWeeks` is the limit it sent (`null`
 * until it sent one: then only Rust checks the upper end).
 */
export function parseWindow(
  from: string,
  weeks: string,
  maxWeeks: number | null,
): { window: RotationWindow } | { error: string } {
  const f = from.trim();
  if (!isDate(f)) return { error: 'enter the first week as a date YYYY-MM-DD' };
  const w = weeks.trim();
  if (!/^\d+$/.test(w) || Number(w) < 1 || (maxWeeks !== null && Number(w) > maxWeeks)) {
    return { error: maxWeeks === null ? 'enter a number of weeks from 1' : `enter 1 to ${maxWeeks} weeks` };
  }
  return { window: { from: mondayOf(f), weeks: Number(w) } };
}

export type LockState = boolean | null;

/**
 * Whether a cell's lock may change (the panel's lock control is offered and
 * the L key acts), from what Rust sent: the past is not planned, and an
 * unavailable cell (rule 1, or `away`: the day is at another office's row,
 * where a lock would put the rep in there) keeps the rep out already; a lock
 * already on such a cell may still be changed or removed.
 */
export function canChangeLock(cell: BoardCell): boolean {
  return !cell.past && (cell.state !== 'unavailable' || cell.lock !== null);
}

/** The lock key's next lock: none → locked in → locked out → none. */
export function nextLock(current: LockState): LockState {
  if (current === null) return true;
  if (current) return false;
  return null;
}

export function lockWords(lock: LockState): string {
  return lock === null ? 'not locked' : lock ? 'locked in' : 'locked out';
}

export type RepRow = Extract<BoardRow, { kind: 'rep' }>;

/**
 * The selected cell: a rep's row is one per office (a traveller has a row on
 * their home office and on each office they visit), so the row's office is
 * part of the key.
 */
export type Selection = { rep: string; office: string; date: string };

/** Whether `row`'s cell on `date` is the selected one (the same rep's other rows are not). */
export function isSelection(sel: Selection | null, row: RepRow, date: string): boolean {
  return sel !== null && sel.rep === row.id && sel.office === row.office && sel.date === date;
}

/** What a cell shows, in words (its accessible name). */
export function cellText(cell: BoardCell, repName: string): string {
  const what =
    cell.state === 'unavailable' ? (cell.reason ?? 'cannot come in') : cell.state === 'in' ? 'in the office' : 'remote';
  const parts = [`${repName}, ${shortDate(cell.date)}: ${what}`];
  if (cell.past) parts.push('past');
  else if (cell.state !== 'unavailable') parts.push(cell.planned ? 'planned' : 'accepted');
  if (cell.lock !== null) parts.push(lockWords(cell.lock));
  if (cell.pending) parts.push('re-plan to apply the lock');
  return parts.join('; ');
}

/** The cell's status line in the why-panel. */
export function cellStatus(cell: BoardCell): string {
  if (cell.state === 'in') return 'In the office';
  if (cell.state === 'remote') return 'Remote';
  switch (cell.blocked) {
    case 'time_off':
      return 'Time off';
    case 'holiday':
      return 'Public holiday';
    case 'no_office_day':
      return 'Not an office day for them';
    case 'away':
      return cell.reason ?? 'At another office';
    default:
      return 'Office closed';
  }
}

/** `Week 49 · 30 Nov` */
export function weekLabel(week: string, monday: string): string {
  return `Week ${Number(week.split('-W')[1])} · ${shortDate(monday).slice(4)}`;
}

/** The fraction of a desk bar to fill, 0..1 (a full office is 1). */
export function deskFill(day: DeskDay, desks: number): number {
  if (desks <= 0) return day.used > 0 ? 1 : 0;
  return Math.min(1, day.used / desks);
}

/** "2 points per rep-day" */
export function termWeight(t: ObjectiveTerm): string {
  return `${t.weight} ${t.weight === 1 ? 'point' : 'points'} per ${t.unit}`;
}

/** The cell a key press moves to, clamped to the grid; null for other keys. */
export function moveFocus(
  key: string,
  row: number,
  col: number,
  rows: number,
  cols: number,
): { row: number; col: number } | null {
  switch (key) {
    case 'ArrowUp':
      return { row: Math.max(0, row - 1), col };
    case 'ArrowDown':
      return { row: Math.min(rows - 1, row + 1), col };
    case 'ArrowLeft':
      return { row, col: Math.max(0, col - 1) };
    case 'ArrowRight':
      return { row, col: Math.min(cols - 1, col + 1) };
    case 'Home':
      return { row, col: 0 };
    case 'End':
      return { row, col: cols - 1 };
    default:
      return null;
  }
}
