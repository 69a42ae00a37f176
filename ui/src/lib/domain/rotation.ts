/**
 * Display helpers of the "Office days" board. Rust decides every figure the
 * board shows (the window, which days are past, each cell's state and rule-1
 * reason, locks, desk use, the objective and its weights, the week limit);
 * this module only puts them into words and moves the keyboard focus.
 */
import type { BoardCell, BoardRow, DeskDay, ObjectiveTerm, PlanSummary } from '../api';
import { isDate } from './clock';
import { dayMonth, mondayOf, shortDate } from './dates';
import { t } from '../i18n';

/** The weeks the form asks for. */
export type RotationWindow = { from: string; weeks: number };

/** The window, or what is wrong and in which box (the box is marked invalid). */
export type ParsedWindow = { window: RotationWindow } | { error: string; field: 'from' | 'weeks' };

/**
 * The week form's text, checked only so the user sees a typo at once; Rust
 * checks the window again and `maxWeeks` is the limit it sent (`null`
 * until it sent one: then only Rust checks the upper end).
 */
export function parseWindow(
  from: string,
  weeks: string,
  maxWeeks: number | null,
): ParsedWindow {
  const f = from.trim();
  if (!isDate(f)) return { error: t('rotation.window.fromDate'), field: 'from' };
  const w = weeks.trim();
  if (!/^\d+$/.test(w) || Number(w) < 1 || (maxWeeks !== null && Number(w) > maxWeeks)) {
    return {
      error: maxWeeks === null ? t('rotation.window.weeksFrom1') : t('rotation.window.weeksRange', { max: maxWeeks }),
      field: 'weeks',
    };
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
  return lock === null ? t('rotation.lock.none') : lock ? t('rotation.lock.in') : t('rotation.lock.out');
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
    cell.state === 'unavailable'
      ? (cell.reason ?? t('rotation.cell.cannotComeIn'))
      : cell.state === 'in'
        ? t('rotation.cell.inOffice')
        : t('rotation.cell.remote');
  const parts = [t('rotation.cell.text', { name: repName, date: shortDate(cell.date), what })];
  if (cell.past) parts.push(t('rotation.cell.past'));
  else if (cell.state !== 'unavailable') parts.push(cell.planned ? t('rotation.cell.planned') : t('rotation.cell.accepted'));
  if (cell.lock !== null) parts.push(lockWords(cell.lock));
  if (cell.pending) parts.push(t('rotation.cell.pending'));
  return parts.join('; ');
}

/** The cell's status line in the why-panel. */
export function cellStatus(cell: BoardCell): string {
  if (cell.state === 'in') return t('rotation.status.in');
  if (cell.state === 'remote') return t('rotation.status.remote');
  switch (cell.blocked) {
    case 'time_off':
      return t('rotation.status.timeOff');
    case 'holiday':
      return t('rotation.status.holiday');
    case 'no_office_day':
      return t('rotation.status.noOfficeDay');
    case 'away':
      return cell.reason ?? t('rotation.status.away');
    default:
      return t('rotation.status.closed');
  }
}

/** `Week 49 · 30 Nov` */
export function weekLabel(week: string, monday: string): string {
  return t('rotation.weekLabel', { week: Number(week.split('-W')[1]), date: dayMonth(monday) });
}

/** The fraction of a desk bar to fill, 0..1 (a full office is 1). */
export function deskFill(day: DeskDay, desks: number): number {
  if (desks <= 0) return day.used > 0 ? 1 : 0;
  return Math.min(1, day.used / desks);
}

/** "2 points per rep-day" (the unit is Rust's word). */
export function termWeight(term: ObjectiveTerm): string {
  return t('rotation.termWeight', { count: term.weight, unit: term.unit });
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
