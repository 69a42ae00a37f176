import { describe, expect, it } from 'vitest';
import {
  NO_DECISIONS,
  acceptedCount,
  bandLegend,
  barValues,
  decide,
  decideAll,
  decisionOf,
  draftToTask,
  hoursText,
  newTaskDraft,
  parseBalanceWindow,
  pct,
  selection,
  taskToDraft,
  validateTaskDraft,
} from './workload';
import type { Task } from '../api';

describe('balance window', () => {
  it('reads two dates and leaves every other rule to Rust', () => {
    expect(parseBalanceWindow(' 2026-11-30 ', '2026-12-11')).toEqual({ window: { from: '2026-11-30', to: '2026-12-11' } });
    expect(parseBalanceWindow('30 Nov', '2026-12-11')).toEqual({ error: 'enter the first day as a date YYYY-MM-DD' });
    expect(parseBalanceWindow('2026-11-30', '')).toEqual({ error: 'enter the last day as a date YYYY-MM-DD' });
    // A reversed or too long window is Rust's to refuse, with its message.
    expect(parseBalanceWindow('2026-12-11', '2026-11-30')).toHaveProperty('window');
  });
});

describe('utilisation', () => {
  it('prints utilisation and minutes for people', () => {
    expect(pct(0.956)).toBe('96%');
    expect(pct(null)).toBe('∞');
    expect(hoursText(540)).toBe('9 h');
    expect(hoursText(450)).toBe('7.5 h');
    expect(hoursText(20)).toBe('20 min');
  });

  it('labels the bands with the threshold Rust sends', () => {
    expect(bandLegend(75).under).toBe('has room (< 75%)');
    expect(bandLegend(75).full).toBe('full (75–100%)');
  });

  it('draws an infinite utilisation just past the highest finite bar', () => {
    expect(barValues([0.5, null, 1.5])).toEqual([50, 165, 150]);
  });
});

describe('decisions over a plan whose changes are not all loaded', () => {
  it('count and send the accepted ones', () => {
    let d = decide(NO_DECISIONS, 'a', 'accepted');
    d = decide(d, 'b', 'rejected');
    expect(acceptedCount(d, 10)).toBe(1);
    expect(selection(d)).toEqual({ tasks: ['a'], allBut: false });
  });

  it('accept all, then except some, as "every one but these"', () => {
    let d = decideAll('accepted');
    expect(acceptedCount(d, 1200)).toBe(1200);
    expect(decisionOf(d, 'never-loaded')).toBe('accepted');
    d = decide(d, 'b', 'rejected');
    d = decide(d, 'c', null);
    expect(acceptedCount(d, 1200)).toBe(1198);
    expect(selection(d)).toEqual({ tasks: ['b', 'c'], allBut: true });
    d = decide(d, 'b', 'accepted');
    expect(selection(d)).toEqual({ tasks: ['c'], allBut: true });
  });

  it('reject all accepts nothing', () => {
    const d = decideAll('rejected');
    expect(acceptedCount(d, 5)).toBe(0);
    expect(selection(decide(d, 'x', 'accepted'))).toEqual({ tasks: ['x'], allBut: false });
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
    const d = { ...newTaskDraft(), hours: 'six', due: '4 Dec', pinned: true };
    expect(validateTaskDraft(d).map((p) => p.path)).toEqual(['title', 'id', 'hours', 'due', 'pinned']);
    expect(validateTaskDraft(taskToDraft(task))).toEqual([]);
  });
});
