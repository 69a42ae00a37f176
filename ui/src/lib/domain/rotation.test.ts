import { describe, expect, it } from 'vitest';
import { boardRows } from '../components/rotation/testBoard';
import {
  canChangeLock,
  cellStatus,
  cellText,
  deskFill,
  moveFocus,
  nextLock,
  parseWindow,
  isSelection,
  termWeight,
  weekLabel,
  type RepRow,
} from './rotation';
import { addDays, isoWeek, mondayOf, shortDate } from './dates';
import { summary, TRIP_DAY } from '../components/rotation/testBoard';

function rep(id: string, planned = false): RepRow {
  const r = boardRows({ planned, locks: { 'unit-ana|2026-12-03': true } }).find((x) => x.kind === 'rep' && x.id === id);
  if (!r || r.kind !== 'rep') throw new Error(id);
  return r;
}

describe('dates', () => {
  it('finds Mondays, ISO weeks and short labels', () => {
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(shortDate('2026-12-01')).toBe('Tue 1 Dec');
  });
});

describe('the week form', () => {
  it('snaps a typed date to its Monday and checks the weeks against the limit Rust sent', () => {
    expect(parseWindow('2026-12-03', '4', 104)).toEqual({ window: { from: '2026-11-30', weeks: 4 } });
    expect(parseWindow('2026-12-03', '5', 4)).toEqual({ error: 'enter 1 to 4 weeks', field: 'weeks' });
    expect(parseWindow('3 Dec', '4', 104)).toEqual({ error: 'enter the first week as a date YYYY-MM-DD', field: 'from' });
  });
});

describe('cells in words', () => {
  it('says past, planned or accepted, the lock and a pending lock, and rule 1 reason once', () => {
    const ana = rep('unit-ana', true);
    expect(cellText(ana.cells[0], 'Unit Ana')).toBe('Unit Ana, Mon 30 Nov: in the office; past');
    expect(cellText(ana.cells[2], 'Unit Ana')).toBe('Unit Ana, Wed 2 Dec: in the office; planned');
    expect(cellText(ana.cells[3], 'Unit Ana')).toBe('Unit Ana, Thu 3 Dec: remote; planned; locked in; re-plan to apply the lock');
    const bo = rep('unit-bo');
    expect(cellText(bo.cells[4], 'Unit Bo')).toBe("Unit Bo, Fri 4 Dec: fri is one of the rep's no_office_days");
    expect(cellStatus(bo.cells[4])).toBe('Not an office day for them');
    expect(cellStatus(bo.cells[2])).toBe('Remote');
    expect(cellStatus({ ...bo.cells[4], state: 'unavailable', blocked: 'holiday' })).toBe('Public holiday');
    const away = { ...bo.cells[4], state: 'unavailable' as const, blocked: 'away' as const };
    expect(cellStatus({ ...away, reason: 'In New York office' })).toBe('In New York office');
    expect(cellStatus({ ...away, reason: null })).toBe('At another office');
  });

  it('the lock key cycles none → in → out → none', () => {
    expect([nextLock(null), nextLock(true), nextLock(false)]).toEqual([true, false, null]);
  });
});

describe("a traveller's two rows", () => {
  const rows = boardRows({ trip: true }).filter((r): r is RepRow => r.kind === 'rep' && r.id === 'unit-ana');
  const [home, visitor] = rows;

  it('are two selections: selecting the visitor row does not select the home row', () => {
    expect(rows.map((r) => r.office)).toEqual(['unit-office', 'unit-nyc']);
    const sel = { rep: 'unit-ana', office: visitor.office, date: TRIP_DAY };
    expect(isSelection(sel, visitor, TRIP_DAY)).toBe(true);
    expect(isSelection(sel, home, TRIP_DAY)).toBe(false);
    expect(isSelection(sel, visitor, '2026-12-04')).toBe(false);
    expect(isSelection(null, visitor, TRIP_DAY)).toBe(false);
  });

  it("offer the lock at the visited office's row, not on the home row's day away", () => {
    const awayAtHome = home.cells.find((c) => c.date === TRIP_DAY)!;
    const there = visitor.cells.find((c) => c.date === TRIP_DAY)!;
    expect(awayAtHome.blocked).toBe('away');
    expect(canChangeLock(awayAtHome)).toBe(false);
    expect(canChangeLock(there)).toBe(true);
    // A lock already on the cell may still be removed; past days never change.
    expect(canChangeLock({ ...awayAtHome, lock: true })).toBe(true);
    expect(canChangeLock({ ...there, past: true })).toBe(false);
  });
});

describe('figures Rust sent, formatted', () => {
  it('labels weeks, fills desk bars from the same count the label shows, and states weights', () => {
    expect(weekLabel('2026-W49', '2026-11-30')).toBe('Week 49 · 30 Nov');
    expect(deskFill({ used: 1, closed: false, holiday: null, over: false }, 4)).toBe(0.25);
    expect(deskFill({ used: 7, closed: false, holiday: null, over: true }, 6)).toBe(1);
    expect(deskFill({ used: 0, closed: true, holiday: null, over: false }, 0)).toBe(0);
    const s = summary(1);
    expect(s.terms.map(termWeight)).toEqual(['1 point per pair-day', '2 points per rep-day', '2 points per rep-day', '3 points per attendee']);
  });
});

describe('keyboard focus', () => {
  it('moves the focus with arrow keys, Home and End, clamped to the grid', () => {
    expect(moveFocus('ArrowDown', 3, 2, 4, 5)).toEqual({ row: 3, col: 2 });
    expect(moveFocus('ArrowRight', 0, 4, 4, 5)).toEqual({ row: 0, col: 4 });
    expect(moveFocus('End', 1, 0, 4, 5)).toEqual({ row: 1, col: 4 });
    expect(moveFocus('x', 1, 0, 4, 5)).toBeNull();
  });
});
