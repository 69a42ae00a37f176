import { describe, expect, it } from 'vitest';
import type { RotationAnswer, Scenario } from '../api';
import { emptyScenario, rep } from '../../test/fixtures';
import {
  boardWeeks,
  buildBoard,
  cellText,
  defaultWindow,
  deskFill,
  explanationFor,
  explanationMap,
  isoWeek,
  mondayOf,
  moveFocus,
  nextLock,
  objectiveTerms,
  optimalityGap,
  parseWindow,
  reasonsOn,
  sameWindow,
  unavailable,
  windowDates,
} from './rotation';

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

function team(): Scenario {
  return {
    ...emptyScenario(),
    teams: [
      { id: 'east', name: 'East', anchor_days: ['tue'] },
      { id: 'west', name: 'West', anchor_days: [] },
    ],
    offices: [
      { id: 'lon', name: 'London', time_zone: 'Europe/London', desks: 2, open_days: [...WEEK], closed_dates: ['2026-12-03'] },
      { id: 'nyc', name: 'New York', time_zone: 'America/New_York', desks: 1, open_days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], closed_dates: [] },
    ],
    reps: [
      rep('zed', 'Zed', { team: 'east', office: 'lon', preferred_office_days: ['wed'] }),
      rep('amy', 'Amy', { team: 'east', office: 'lon', time_off: [{ start: '2026-12-01', end: '2026-12-01' }] }),
      rep('kim', 'Kim', { team: 'west', office: 'lon', no_office_days: ['fri'] }),
      rep('loe', 'Loe', { team: null, office: 'lon' }),
      rep('ned', 'Ned', { team: 'west', office: 'nyc' }),
      rep('rem', 'Rem', { team: 'east', office: null }),
    ],
    office_days: [{ rep: 'zed', date: '2026-11-30', office: 'lon' }],
    requests: {
      meetings: [],
      rotation: { from: '2026-12-02', weeks: 1, locks: [{ rep: 'kim', date: '2026-12-01', in_office: true }] },
      balance: null,
    },
  };
}

function plan(extra: Partial<RotationAnswer> = {}): RotationAnswer {
  return {
    from: '2026-11-30',
    weeks: 1,
    assignments: [
      { rep: 'zed', date: '2026-12-01', office: 'lon' },
      { rep: 'zed', date: '2026-12-02', office: 'lon' },
      { rep: 'amy', date: '2026-12-02', office: 'lon' },
      { rep: 'kim', date: '2026-12-02', office: 'lon' },
      { rep: 'ned', date: '2026-12-01', office: 'nyc' },
    ],
    objective: { total: 9, co_presence: 1, anchor: 2, preference: 2, in_person: 3 },
    infeasible_reason: null,
    upper_bound: 12,
    fixes: [],
    office: null,
    explanations: [
      {
        rep: 'zed',
        office: 'lon',
        team: 'east',
        week: '2026-W49',
        min_days: 2,
        max_days: 3,
        days: [
          { date: '2026-12-01', reasons: ['team anchor day'] },
          { date: '2026-12-02', reasons: ['1 teammate in', 'preferred day'] },
        ],
        summary: 'Tue (anchor day), Wed (1 teammate in, preferred)',
      },
    ],
    ...extra,
  };
}

describe('dates and windows', () => {
  it.each([
    ['2026-12-02', '2026-11-30'],
    ['2026-11-30', '2026-11-30'],
    ['2026-12-06', '2026-11-30'],
    ['2027-01-01', '2026-12-28'],
  ])('the Monday of %s is %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });

  it.each([
    ['2026-11-30', '2026-W49'],
    ['2026-12-06', '2026-W49'],
    ['2027-01-01', '2026-W53'],
    ['2021-01-03', '2020-W53'],
    ['2025-12-29', '2026-W01'],
  ])('%s lies in ISO week %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });

  it('a window covers whole weeks from the Monday of its first date', () => {
    const dates = windowDates({ from: '2026-12-02', weeks: 2 });
    expect(dates).toHaveLength(14);
    expect(dates[0]).toBe('2026-11-30');
    expect(dates[13]).toBe('2026-12-13');
  });

  it('starts from the stored window, else next Monday for four weeks', () => {
    expect(defaultWindow(team(), '2026-11-20')).toEqual({ from: '2026-11-30', weeks: 1 });
    expect(defaultWindow(emptyScenario(), '2026-11-26')).toEqual({ from: '2026-11-30', weeks: 4 });
    expect(defaultWindow(null, '2026-11-30')).toEqual({ from: '2026-12-07', weeks: 4 });
  });

  it('snaps a typed date to its Monday and refuses unusable weeks', () => {
    expect(parseWindow('2026-12-03', '2')).toEqual({ window: { from: '2026-11-30', weeks: 2 } });
    expect(parseWindow('2026-02-30', '2')).toHaveProperty('error');
    expect(parseWindow('2026-12-03', '0')).toHaveProperty('error');
    expect(parseWindow('2026-12-03', '105')).toHaveProperty('error');
    expect(parseWindow('2026-12-03', '2.5')).toHaveProperty('error');
    expect(sameWindow({ from: '2026-12-02', weeks: 1 }, { from: '2026-11-30', weeks: 1 })).toBe(true);
    expect(sameWindow({ from: '2026-12-02', weeks: 2 }, { from: '2026-11-30', weeks: 1 })).toBe(false);
    expect(sameWindow(null, { from: '2026-11-30', weeks: 1 })).toBe(false);
  });

  it('shows the weekdays some shown office opens on', () => {
    const sc = team();
    expect(boardWeeks({ from: '2026-11-30', weeks: 1 }, sc.offices.slice(0, 1))[0].dates).toHaveLength(5);
    const both = boardWeeks({ from: '2026-11-30', weeks: 2 }, sc.offices);
    expect(both.map((w) => w.week)).toEqual(['2026-W49', '2026-W50']);
    expect(both[0].dates.at(-1)).toBe('2026-12-05');
  });
});

describe('locks', () => {
  it('a click cycles none → in → out → none', () => {
    expect(nextLock(null)).toBe(true);
    expect(nextLock(true)).toBe(false);
    expect(nextLock(false)).toBeNull();
  });

  it('names why rule 1 keeps a rep out', () => {
    const sc = team();
    const [lon] = sc.offices;
    const [zed, amy, kim] = sc.reps;
    expect(unavailable(zed, lon, '2026-12-03')).toBe('closed');
    expect(unavailable(zed, lon, '2026-12-05')).toBe('closed');
    expect(unavailable(amy, lon, '2026-12-01')).toBe('time off');
    expect(unavailable(kim, lon, '2026-12-04')).toBe('no-office day');
    expect(unavailable(zed, lon, '2026-12-04')).toBeNull();
  });
});

describe('the board', () => {
  const window = { from: '2026-11-30', weeks: 1 };

  it('groups reps by office, then team (no team last), by name', () => {
    const board = buildBoard({ scenario: team(), window, office: null, plan: null });
    expect(board.offices.map((o) => o.office.id)).toEqual(['lon', 'nyc']);
    const lon = board.offices[0];
    expect(lon.teams.map((t) => t.label)).toEqual(['East', 'West', 'No team']);
    expect(lon.teams[0].reps.map((r) => r.rep.id)).toEqual(['amy', 'zed']);
    expect(lon.teams[0].anchorDays).toEqual(['tue']);
    expect(board.remote.map((r) => r.id)).toEqual(['rem']);
    expect(board.dates).toHaveLength(6);
  });

  it('shows accepted office days when no plan is given', () => {
    const board = buildBoard({ scenario: team(), window, office: 'lon', plan: null });
    expect(board.showsPlan).toBe(false);
    expect(board.offices).toHaveLength(1);
    expect(board.remote).toEqual([]);
    const zed = board.offices[0].teams[0].reps[1];
    expect(zed.cells[0]).toMatchObject({ date: '2026-11-30', kind: 'in', source: 'accepted' });
    expect(zed.cells[1]).toMatchObject({ kind: 'remote', anchor: true });
    expect(board.offices[0].desks[0]).toMatchObject({ used: 1, desks: 2, closed: false });
  });

  it('shows a plan with locks, unavailable days and desk counts', () => {
    const board = buildBoard({ scenario: team(), window, office: null, plan: plan() });
    expect(board.showsPlan).toBe(true);
    const [lon, nyc] = board.offices;
    const cell = (team: number, rep: number, date: string) =>
      lon.teams[team].reps[rep].cells.find((c) => c.date === date)!;
    expect(cell(0, 1, '2026-11-30')).toMatchObject({ kind: 'remote', source: 'plan' });
    expect(cell(0, 1, '2026-12-02')).toMatchObject({ kind: 'in', preferred: true });
    expect(cell(0, 0, '2026-12-01')).toMatchObject({ kind: 'unavailable', why: 'time off' });
    expect(cell(0, 0, '2026-12-03')).toMatchObject({ kind: 'unavailable', why: 'closed' });
    // kim is locked in on Tuesday but the plan has her out: the lock waits for a re-plan.
    expect(cell(1, 0, '2026-12-01')).toMatchObject({ kind: 'remote', lock: true, pending: true });
    expect(lon.desks.map((d) => d.used)).toEqual([0, 1, 3, 0, 0, 0]);
    expect(lon.desks[2]).toMatchObject({ over: true });
    expect(lon.desks[3]).toMatchObject({ closed: true });
    expect(lon.desks[5]).toMatchObject({ closed: true, used: 0 });
    expect(nyc.desks[5]).toMatchObject({ closed: false });
    expect(nyc.desks[1]).toMatchObject({ used: 1, desks: 1, over: false });
  });

  it('a one-office plan shows accepted days for the other offices', () => {
    const board = buildBoard({ scenario: team(), window, office: null, plan: plan({ office: 'nyc' }) });
    const zed = board.offices[0].teams[0].reps[1];
    expect(zed.cells[0]).toMatchObject({ kind: 'in', source: 'accepted' });
    expect(board.offices[1].teams[0].reps[0].cells[1]).toMatchObject({ kind: 'in', source: 'plan' });
  });

  it('an infeasible plan is not drawn: the board keeps the accepted days', () => {
    const bad = plan({ assignments: [], objective: null, infeasible_reason: 'lon, 2026-W49: too few desks' });
    const board = buildBoard({ scenario: team(), window, office: null, plan: bad });
    expect(board.showsPlan).toBe(false);
    expect(board.offices[0].teams[0].reps[1].cells[0]).toMatchObject({ kind: 'in', source: 'accepted' });
  });

  it('fills desk bars by share of desks, capped at full', () => {
    expect(deskFill({ date: 'd', used: 1, desks: 4, closed: false, over: false })).toBe(0.25);
    expect(deskFill({ date: 'd', used: 5, desks: 4, closed: false, over: true })).toBe(1);
    expect(deskFill({ date: 'd', used: 0, desks: 0, closed: true, over: false })).toBe(0);
  });
});

describe('explanations and the objective', () => {
  it('finds the rep-week of a date and the reasons of that day', () => {
    const map = explanationMap(plan());
    const week = explanationFor(map, 'zed', '2026-12-04');
    expect(week?.summary).toMatch(/anchor/);
    expect(reasonsOn(week, '2026-12-02')).toEqual(['1 teammate in', 'preferred day']);
    expect(reasonsOn(week, '2026-12-04')).toEqual([]);
    expect(explanationFor(map, 'zed', '2026-12-07')).toBeNull();
  });

  it('says what a cell shows, in words', () => {
    const board = buildBoard({ scenario: team(), window: { from: '2026-11-30', weeks: 1 }, office: null, plan: plan() });
    const kim = board.offices[0].teams[1].reps[0].cells[1];
    expect(cellText(kim, 'Kim')).toBe('Kim, Tue 1 Dec: remote; planned; locked in; re-plan to apply the lock');
    const amy = board.offices[0].teams[0].reps[0].cells[1];
    expect(cellText(amy, 'Amy')).toBe('Amy, Tue 1 Dec: time off');
    const zed = board.offices[0].teams[0].reps[1].cells[2];
    expect(cellText(zed, 'Zed', ['preferred day'])).toBe('Zed, Wed 2 Dec: in the office; planned; preferred day');
  });

  it('breaks the objective into weighted terms and the gap to the bound', () => {
    const p = plan();
    expect(objectiveTerms(p.objective!).map((t) => t.value)).toEqual([1, 2, 2, 3]);
    expect(optimalityGap(p)).toEqual({ gap: 3, percent: 25, proven: false });
    expect(optimalityGap(plan({ upper_bound: 9 }))).toMatchObject({ gap: 0, proven: true });
    expect(optimalityGap(plan({ upper_bound: null }))).toBeNull();
  });
});

describe('keyboard movement on the board', () => {
  it.each([
    ['ArrowRight', 1, 2, { row: 1, col: 3 }],
    ['ArrowRight', 1, 4, { row: 1, col: 4 }],
    ['ArrowLeft', 1, 0, { row: 1, col: 0 }],
    ['ArrowDown', 2, 1, { row: 2, col: 1 }],
    ['ArrowUp', 0, 1, { row: 0, col: 1 }],
    ['Home', 1, 3, { row: 1, col: 0 }],
    ['End', 1, 0, { row: 1, col: 4 }],
    ['x', 1, 0, null],
  ])('%s from (%i, %i) goes to %o', (key, row, col, to) => {
    expect(moveFocus(key, row, col, 3, 5)).toEqual(to);
  });
});
