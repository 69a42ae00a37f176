import { describe, expect, it } from 'vitest';
import {
  acceptedMoves,
  band,
  barValues,
  chartRows,
  defaultBalanceWindow,
  draftToTask,
  hoursText,
  parseBalanceWindow,
  pct,
  proposedChanges,
  taskToDraft,
  validateTaskDraft,
  newTaskDraft,
} from './workload';
import type { BalanceAnswer, BalanceAssignment, RepWorkload, Task } from '../api';
import { emptyScenario } from '../../test/fixtures';

function assignment(task: string, rep: string, extra: Partial<BalanceAssignment> = {}): BalanceAssignment {
  return {
    task,
    rep,
    moved_from: null,
    title: task,
    minutes: 120,
    due: '2026-12-04',
    pinned: false,
    at_risk: false,
    at_risk_before: false,
    reason: null,
    ...extra,
  };
}

function workload(rep: string, before: number | null, after: number | null, cap = 600): RepWorkload {
  return {
    rep,
    name: rep.toUpperCase(),
    time_zone: 'UTC',
    capacity_minutes: cap,
    load_before_minutes: 100,
    load_minutes: 100,
    utilization_before: before,
    utilization: after,
    at_risk_before: 0,
    at_risk: 0,
  };
}

describe('balance window', () => {
  it('starts from the stored window, else next Monday for two working weeks', () => {
    expect(defaultBalanceWindow(null, '2026-12-02')).toEqual({ from: '2026-12-07', to: '2026-12-18' });
    const sc = { ...emptyScenario(), requests: { meetings: [], rotation: null, balance: { from: '2026-11-30', to: '2026-12-11' } } };
    expect(defaultBalanceWindow(sc, '2026-12-02')).toEqual({ from: '2026-11-30', to: '2026-12-11' });
  });

  it.each([
    ['2026-11-30', '2026-12-11', null],
    ['2026-11-3', '2026-12-11', 'enter the first day as a date YYYY-MM-DD'],
    ['2026-11-30', '', 'enter the last day as a date YYYY-MM-DD'],
    ['2026-12-11', '2026-11-30', 'the last day is before the first'],
    ['2026-01-01', '2027-01-02', 'choose at most 366 days'],
    ['2026-01-01', '2027-01-01', null],
  ])('%s to %s → %s', (from, to, error) => {
    const r = parseBalanceWindow(from, to);
    expect('error' in r ? r.error : null).toBe(error);
  });
});

describe('utilisation', () => {
  it.each([
    [null, 'over', '∞'],
    [0, 'idle', '0%'],
    [0.5, 'under', '50%'],
    [0.8, 'full', '80%'],
    [1, 'full', '100%'],
    [1.004, 'over', '100%'],
    [1.3, 'over', '130%'],
  ] as const)('%s is %s and reads %s', (u, b, text) => {
    expect(band(u)).toBe(b);
    expect(pct(u)).toBe(text);
  });

  it('prints minutes as hours', () => {
    expect(hoursText(540)).toBe('9 h');
    expect(hoursText(450)).toBe('7.5 h');
    expect(hoursText(20)).toBe('20 min');
    expect(hoursText(0)).toBe('0 h');
  });

  it('draws an infinite utilisation just past the highest finite bar', () => {
    expect(barValues([0.5, null, 1.2])).toEqual([50, 132, 120]);
    expect(barValues([null])).toEqual([110]);
  });

  it('charts reps with work or working time, busiest first', () => {
    const rows = chartRows([workload('a', 0.4, 0.6), workload('b', null, 0.9, 0), workload('c', 1.2, 0.9)]);
    expect(rows.map((r) => r.rep)).toEqual(['b', 'c', 'a']);
    expect(rows[0].bandBefore).toBe('over');
    const none = { ...workload('d', 0, 0, 0), load_before_minutes: 0, load_minutes: 0 };
    expect(chartRows([none])).toEqual([]);
  });
});

describe('proposed changes', () => {
  const sc = {
    ...emptyScenario(),
    tasks: [
      { id: 't1', title: 't1', hours: 2, due: null, assignee: 'ana', skills_required: [], pinned: false },
      { id: 't2', title: 't2', hours: 2, due: null, assignee: 'ana', skills_required: [], pinned: false },
      { id: 't3', title: 't3', hours: 2, due: null, assignee: null, skills_required: [], pinned: false },
    ] as Task[],
  };
  const answer = {
    assignments: [
      assignment('t1', 'ana'),
      assignment('t2', 'bo', { moved_from: 'ana', reason: 'ana 130% → 96%' }),
      assignment('t3', 'bo', { reason: 'bo has room' }),
    ],
  } as BalanceAnswer;

  it('are the tasks that change hands, first assignments included', () => {
    expect(proposedChanges(answer, sc).map((a) => a.task)).toEqual(['t2', 't3']);
  });

  it('only the accepted ones are sent', () => {
    const changes = proposedChanges(answer, sc);
    const moves = acceptedMoves(changes, new Map([['t2', 'accepted'], ['t3', 'rejected']]));
    expect(moves).toEqual([{ task: 't2', rep: 'bo' }]);
  });
});

describe('task drafts', () => {
  const task: Task = {
    id: 'quotes',
    title: 'Renewal quotes',
    hours: 6.5,
    due: '2026-12-04',
    assignee: 'ana',
    skills_required: ['renewals'],
    pinned: true,
  };

  it('round-trip a task', () => {
    expect(draftToTask(taskToDraft(task))).toEqual(task);
  });

  it('unpin a task whose assignee is cleared, and read an empty due date as none', () => {
    const d = { ...taskToDraft(task), assignee: '', due: '' };
    expect(draftToTask(d)).toMatchObject({ assignee: null, pinned: false, due: null });
  });

  it('name the fields a user must fix', () => {
    const d = { ...newTaskDraft(), id: 'quotes', hours: 'six', due: '4 Dec', pinned: true };
    expect(validateTaskDraft(d, { takenIds: new Set(['quotes']) }).map((p) => p.path)).toEqual([
      'title',
      'id',
      'hours',
      'due',
      'pinned',
    ]);
    expect(validateTaskDraft(taskToDraft(task), {})).toEqual([]);
  });
});
