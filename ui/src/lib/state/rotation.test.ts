import { describe, expect, it } from 'vitest';
import type { RotationAnswer, Scenario } from '../api';
import { fakeBackend, tinyTeam } from '../../test/fixtures';
import { AppState } from './app.svelte';
import { RotationState } from './rotation.svelte';

function answer(from: string, weeks: number): RotationAnswer {
  return {
    from,
    weeks,
    assignments: [{ rep: 'unit-ana', date: '2026-12-01', office: 'unit-office' }],
    objective: { total: 2, co_presence: 0, anchor: 2, preference: 0, in_person: 0 },
    infeasible_reason: null,
    upper_bound: 2,
    fixes: [],
    office: null,
    explanations: [],
  };
}

async function setUp() {
  let db: Scenario | null = null;
  const backend = fakeBackend(tinyTeam(), {
    set_rotation_window: (a) => {
      db = { ...backend.db, requests: { ...backend.db.requests, rotation: { from: a.from as string, weeks: a.weeks as number, locks: [] } } };
      return db;
    },
    plan_rotation: () => answer('2026-11-30', 4),
    set_rotation_lock: (a) => {
      if (a.date === '2026-12-05') {
        throw {
          code: 'invalid',
          message: 'edit: locks[0]: lock puts unit-ana in the office on 2026-12-05 but office unit-office is not open on sat',
          problems: [{ path: 'locks[0]', message: 'lock puts unit-ana in the office on 2026-12-05 but office unit-office is not open on sat' }],
        };
      }
      const base = db ?? backend.db;
      return { ...base, requests: { ...base.requests, rotation: { ...base.requests.rotation!, locks: [{ rep: a.rep as string, date: a.date as string, in_office: a.inOffice as boolean }] } } };
    },
    accept_rotation: (a) => ({ ...backend.db, office_days: (a.plan as RotationAnswer).assignments }),
  });
  const app = new AppState();
  await app.init();
  const rs = new RotationState(app);
  return { backend, app, rs };
}

describe('the office-days state', () => {
  it('stores the weeks before the first plan, then plans with the stored window', async () => {
    const { backend, rs } = await setUp();
    rs.syncDefaults('2026-11-26');
    expect([rs.fromText, rs.weeksText]).toEqual(['2026-11-30', '4']);
    await rs.plan();
    expect(backend.called('set_rotation_window')[0].args).toEqual({ from: '2026-11-30', weeks: 4 });
    expect(backend.called('plan_rotation')[0].args).toEqual({ from: null, weeks: null, office: null });
    expect(rs.shownPlan?.objective?.total).toBe(2);
    await rs.plan();
    expect(backend.called('set_rotation_window')).toHaveLength(1);
  });

  it('refuses unusable weeks without asking Rust', async () => {
    const { backend, rs } = await setUp();
    rs.fromText = '2026-11-30';
    rs.weeksText = '0';
    await rs.plan();
    expect(rs.error?.message).toMatch(/1 to 104 weeks/);
    expect(backend.called('plan_rotation')).toHaveLength(0);
  });

  it('a lock after planning marks the plan stale; a refused lock keeps the reason for its cell', async () => {
    const { backend, app, rs } = await setUp();
    rs.syncDefaults('2026-11-26');
    await rs.plan();
    const ana = app.reps[0];
    await rs.cycleLock(ana, '2026-12-02', null);
    expect(backend.called('set_rotation_lock')[0].args).toEqual({ rep: 'unit-ana', date: '2026-12-02', inOffice: true });
    expect(rs.stale).toBe(true);
    expect(app.scenario?.requests.rotation?.locks).toHaveLength(1);

    await rs.cycleLock(ana, '2026-12-05', null);
    expect(rs.lockError).toEqual({
      rep: 'unit-ana',
      date: '2026-12-05',
      message: 'lock puts unit-ana in the office on 2026-12-05 but office unit-office is not open on sat',
    });
    await rs.plan();
    expect(rs.stale).toBe(false);
    expect(rs.lockError).toBeNull();
  });

  it('accepting saves the shown plan and returns the board to accepted days', async () => {
    const { backend, app, rs } = await setUp();
    rs.syncDefaults('2026-11-26');
    await rs.plan();
    await rs.accept();
    expect((backend.called('accept_rotation')[0].args.plan as RotationAnswer).from).toBe('2026-11-30');
    expect(rs.answer).toBeNull();
    expect(app.scenario?.office_days).toHaveLength(1);
  });

  it('a plan for other weeks than the form shows is not drawn', async () => {
    const { rs } = await setUp();
    rs.syncDefaults('2026-11-26');
    await rs.plan();
    rs.touch();
    rs.weeksText = '2';
    expect(rs.shownPlan).toBeNull();
    rs.weeksText = '4';
    expect(rs.shownPlan).not.toBeNull();
  });
});
