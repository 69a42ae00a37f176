/**
 * Test-only: boards and plan summaries shaped like Rust's answers, for the
 * Office days unit tests (one office, one team, two reps, one week whose
 * Monday and Tuesday are past; with `trip`, Ana visits a second office on
 * Thursday and has a row on its board too).
 */
import type { Board, BoardCell, BoardRow, PlanSummary, RepWeek, Window } from '../../api';

export const WEEK = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
export const TODAY = '2026-12-02';

export type BoardOptions = {
  /** Cells from today on show a plan (Ana in on Wed, Bo on Thu). */
  planned?: boolean;
  /** Locks by `rep|date`. */
  locks?: Record<string, boolean>;
  /** Extra reps (to test paging). */
  extra?: number;
  /**
   * Ana spends Thursday 3 Dec at {@link TRIP_OFFICE}: her home row shows the
   * day away, and that office's board lists her with only that day there.
   */
  trip?: boolean;
};

export const TRIP_OFFICE = { id: 'unit-nyc', name: 'Unit NYC' };
export const TRIP_DAY = '2026-12-03';

function cell(rep: string, date: string, o: BoardOptions, office = 'unit-office'): BoardCell {
  const past = date < TODAY;
  const lock = o.locks?.[`${rep}|${date}`] ?? null;
  // As Rust's board does: the day the rep is at another office than the row's is away.
  const at = o.trip && rep === 'unit-ana' && date === TRIP_DAY ? TRIP_OFFICE.id : 'unit-office';
  if (at !== office) {
    const name = at === TRIP_OFFICE.id ? TRIP_OFFICE.name : 'Unit Office';
    return {
      date,
      state: 'unavailable',
      blocked: 'away',
      reason: `In ${name} office`,
      past,
      lock,
      planned: false,
      pending: false,
      anchor: date === '2026-12-01',
      preferred: false,
    };
  }
  const planned = !!o.planned && !past;
  const blocked = date === '2026-12-04' && rep === 'unit-bo';
  const inOffice = planned
    ? (rep === 'unit-ana' && date === '2026-12-02') || (rep === 'unit-bo' && date === '2026-12-03')
    : rep === 'unit-ana' && date === '2026-11-30';
  const state = blocked ? 'unavailable' : inOffice ? 'in' : 'remote';
  return {
    date,
    state,
    blocked: blocked ? 'no_office_day' : null,
    reason: blocked ? "fri is one of the rep's no_office_days" : null,
    past,
    lock,
    planned,
    pending: !past && !blocked && lock !== null && lock !== (state === 'in'),
    anchor: date === '2026-12-01',
    preferred: false,
  };
}

function repRow(id: string, name: string, o: BoardOptions, office = { id: 'unit-office', name: 'Unit Office' }): BoardRow {
  const cells = WEEK.map((d) => cell(id, d, o, office.id));
  return {
    kind: 'rep',
    id,
    name,
    office: office.id,
    team: 'unit-team',
    team_name: 'Unit Team',
    office_name: office.name,
    revision: 1,
    cells,
  };
}

/** What `rotation_explanation` answers for a rep-week of the planned board (Ana's only). */
export function repWeek(rep: string): RepWeek | null {
  return rep === 'unit-ana'
    ? {
        rep,
        office: 'unit-office',
        team: 'unit-team',
        week: '2026-W49',
        min_days: 1,
        max_days: 2,
        days: [{ date: '2026-12-02', reasons: ['team anchor day'] }],
        summary: 'Wed (anchor day)',
      }
    : null;
}

/** All rows of the board, as Rust orders them. */
export function boardRows(o: BoardOptions = {}): BoardRow[] {
  const reps = [repRow('unit-ana', 'Unit Ana', o), repRow('unit-bo', 'Unit Bo', o)];
  for (let i = 0; i < (o.extra ?? 0); i++) reps.push(repRow(`unit-x${i}`, `Unit X${String(i).padStart(4, '0')}`, o));
  const block = (office: { id: string; name: string }, rows: BoardRow[]): BoardRow[] => {
    const used = WEEK.map((_, k) => rows.filter((r) => r.kind === 'rep' && r.cells[k].state === 'in').length);
    return [
      { kind: 'office', office: office.id, name: office.name, desks: 3, days: used.map((u) => ({ used: u, closed: false, holiday: null, over: u > 3 })) },
      { kind: 'team', office: office.id, team: 'unit-team', name: 'Unit Team', reps: rows.length, anchor: WEEK.map((d) => d === '2026-12-01') },
      ...rows,
    ];
  };
  const home = block({ id: 'unit-office', name: 'Unit Office' }, reps);
  return o.trip ? [...home, ...block(TRIP_OFFICE, [repRow('unit-ana', 'Unit Ana', o, TRIP_OFFICE)])] : home;
}

/** What `rotation_board` answers for one page. */
export function boardPage(window: Window, o: BoardOptions = {}, stored = true): Board {
  const all = boardRows(o);
  const offset = Math.min(window.offset, all.length);
  return {
    from: '2026-11-30',
    weeks: 1,
    stored,
    today: TODAY,
    max_weeks: 104,
    columns: [
      {
        week: '2026-W49',
        monday: '2026-11-30',
        days: WEEK.map((date, i) => ({ date, weekday: (['mon', 'tue', 'wed', 'thu', 'fri'] as const)[i], past: date < TODAY })),
      },
    ],
    rows: { rows: all.slice(offset, offset + window.limit), offset, total: all.length, counter: 1 },
    shows_plan: !!o.planned,
    locks: Object.keys(o.locks ?? {}).length,
    remote_reps: 0,
  };
}

export function summary(token: number, infeasible = false): PlanSummary {
  return {
    token,
    from: '2026-11-30',
    weeks: 1,
    office: null,
    objective: infeasible ? null : { total: 2, co_presence: 0, anchor: 2, preference: 0, in_person: 0 },
    upper_bound: infeasible ? null : 4,
    bound_words: infeasible ? null : 'within 50.0% of the best possible',
    infeasible_reason: infeasible ? 'unit-office, week 2026-W49: reps need at least 4 desk-days, 3 are available' : null,
    fixes: infeasible ? ['unit-office, week 2026-W49: 1 more desk(s)'] : [],
    terms: infeasible
      ? []
      : [
          { key: 'co_presence', label: 'Teammates together', weight: 1, unit: 'pair-day', value: 0 },
          { key: 'anchor', label: 'Team anchor days', weight: 2, unit: 'rep-day', value: 2 },
          { key: 'preference', label: 'Preferred days', weight: 2, unit: 'rep-day', value: 0 },
          { key: 'in_person', label: 'In-person meetings', weight: 3, unit: 'attendee', value: 0 },
        ],
    assignments: infeasible ? 0 : 2,
    reps: infeasible ? 0 : 2,
  };
}
