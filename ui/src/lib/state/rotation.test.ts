import { describe, expect, it, vi } from 'vitest';
import type { Window } from '../api';
import { fakeBackend, tinyTeam } from '../../test/fixtures';
import { boardPage, summary, type BoardOptions } from '../components/rotation/testBoard';
import { AppState } from './app.svelte';
import { PAGE_ROWS, RotationState } from './rotation.svelte';

async function setUp(opts: { stored?: boolean; extra?: number; trip?: boolean; plan?: () => unknown } = {}) {
  let stored = opts.stored ?? true;
  const board: BoardOptions = { extra: opts.extra, trip: opts.trip, locks: {} };
  const backend = fakeBackend(tinyTeam(), {
    rotation_board: (a) => boardPage(a.window as Window, { ...board, planned: a.plan !== null }, stored),
    set_rotation_window: () => {
      stored = true;
      return backend.db;
    },
    plan_rotation: opts.plan ?? (() => summary(7)),
    cancel_planning: () => null,
    discard_rotation: () => null,
    set_rotation_lock: (a) => {
      if (a.date === '2026-12-04') {
        throw { code: 'invalid', message: 'edit: locks[0]: refused', problems: [{ path: 'locks[0]', message: 'office is not open' }] };
      }
      board.locks = { [`${a.rep as string}|${a.date as string}`]: a.inOffice as boolean };
      return backend.db;
    },
    accept_rotation: () => backend.db,
  });
  const app = new AppState();
  await app.init();
  const rs = new RotationState(app);
  await rs.reload();
  return { backend, app, rs };
}

function repRow(rs: RotationState, id: string, office = 'unit-office') {
  for (const r of rs.rows.values()) if (r.kind === 'rep' && r.id === id && r.office === office) return r;
  throw new Error(`${id} at ${office}`);
}

describe('the office-days state', () => {
  it('asks Rust for the default window and fills the form from it, one page at a time', async () => {
    const { backend, rs } = await setUp({ extra: 400 });
    const first = backend.called('rotation_board')[0].args;
    expect(first.query).toEqual({ from: null, weeks: null, office: null, search: '' });
    expect(first.window).toEqual({ offset: 0, limit: PAGE_ROWS });
    expect([rs.fromText, rs.weeksText]).toEqual(['2026-11-30', '1']);
    expect(rs.rows.size).toBe(PAGE_ROWS);
    expect(rs.board?.rows.total).toBe(404);
    await rs.ensure(190, 210);
    const offsets = backend.called('rotation_board').map((c) => (c.args.window as Window).offset);
    expect(offsets[0]).toBe(0);
    expect(offsets.slice(1).every((o) => o % PAGE_ROWS === 0 && o <= 190 + PAGE_ROWS)).toBe(true);
    for (let i = 190; i <= 210; i++) expect(rs.rows.has(i)).toBe(true);
    expect(rs.rows.size).toBeLessThan(404);
    const calls = offsets.length;
    await rs.ensure(195, 205);
    expect(backend.called('rotation_board')).toHaveLength(calls);
    // Far from the view, pages are forgotten: the web view never holds the whole board.
    await rs.ensure(380, 403);
    expect(rs.rows.has(0)).toBe(false);
    expect(rs.rows.has(400)).toBe(true);
  });

  it('selecting a cell changes no lock; the lock control and key do', async () => {
    const { backend, rs } = await setUp();
    rs.select(repRow(rs, 'unit-ana'), '2026-12-03');
    expect(rs.selectedCell?.date).toBe('2026-12-03');
    expect(backend.called('set_rotation_lock')).toHaveLength(0);
    await rs.setLock(true);
    expect(backend.called('set_rotation_lock')[0].args).toEqual({ rep: 'unit-ana', date: '2026-12-03', inOffice: true });
    await rs.reload();
    expect(rs.selectedCell?.lock).toBe(true);
    await rs.cycleLock();
    expect(backend.called('set_rotation_lock')[1].args.inOffice).toBe(false);
    expect(backend.called('set_rotation_window')).toHaveLength(0);
  });

  it("keeps the selected row of a traveller's two across a refetch", async () => {
    const { rs } = await setUp({ trip: true });
    // The home row comes first; the visitor row (later on the page) must not take over.
    rs.select(repRow(rs, 'unit-ana'), '2026-12-02');
    await rs.reload();
    expect(rs.selected).toEqual({ rep: 'unit-ana', office: 'unit-office', date: '2026-12-02' });
    expect(rs.selectedRow?.office).toBe('unit-office');
    expect(rs.selectedCell?.state).toBe('remote');
    rs.select(repRow(rs, 'unit-ana', 'unit-nyc'), '2026-12-02');
    await rs.reload();
    expect(rs.selectedRow?.office).toBe('unit-nyc');
    expect(rs.selectedCell?.blocked).toBe('away');
  });

  it("the lock key does nothing on the home row's day away on a trip", async () => {
    const { backend, rs } = await setUp({ trip: true });
    rs.select(repRow(rs, 'unit-ana'), '2026-12-03');
    expect(rs.selectedCell?.blocked).toBe('away');
    await rs.cycleLock();
    await rs.setLock(true);
    expect(backend.called('set_rotation_lock')).toHaveLength(0);
    rs.select(repRow(rs, 'unit-ana', 'unit-nyc'), '2026-12-03');
    await rs.cycleLock();
    expect(backend.called('set_rotation_lock')[0].args).toEqual({ rep: 'unit-ana', date: '2026-12-03', inOffice: true });
  });

  it('keeps a refused lock for the panel', async () => {
    const { rs } = await setUp();
    rs.select(repRow(rs, 'unit-ana'), '2026-12-04');
    await rs.setLock(true);
    expect(rs.lockError).toEqual({ rep: 'unit-ana', date: '2026-12-04', message: 'office is not open' });
  });

  it('stores the window first, plans, draws the held plan by token and accepts it by token', async () => {
    const { backend, rs } = await setUp({ stored: false });
    await rs.plan();
    expect(backend.called('set_rotation_window')[0].args).toEqual({ from: '2026-11-30', weeks: 1 });
    expect(backend.called('plan_rotation')[0].args).toEqual({ from: null, weeks: null, office: null });
    expect(rs.shownPlan?.token).toBe(7);
    await rs.reload();
    expect(backend.called('rotation_board').at(-1)?.args.plan).toBe(7);
    expect(rs.board?.shows_plan).toBe(true);
    await rs.accept();
    expect(backend.called('accept_rotation')[0].args).toEqual({ plan: 7 });
    expect(rs.summary).toBeNull();
  });

  it('a cancelled run keeps the previous plan and says it was cancelled', async () => {
    let calls = 0;
    const { backend, rs } = await setUp({
      plan: () => {
        calls += 1;
        if (calls === 2) throw { code: 'cancelled', message: 'planning was cancelled', problems: [] };
        return summary(calls);
      },
    });
    await rs.plan();
    const run = rs.plan();
    expect(rs.planning).toBe(true);
    await rs.cancel();
    await run;
    expect(backend.called('cancel_planning')).toHaveLength(1);
    expect(rs.cancelled).toBe(true);
    expect(rs.error).toBeNull();
    expect(rs.summary?.token).toBe(1);
  });

  it('a lock set while a run is in flight leaves its plan stale, and a stale plan is not accepted', async () => {
    let answer: (v: unknown) => void = () => {};
    let calls = 0;
    const { backend, rs } = await setUp({
      plan: () => {
        calls += 1;
        return calls === 1 ? summary(7) : new Promise((r) => (answer = r));
      },
    });
    await rs.plan();
    expect(rs.stale).toBe(false);
    rs.select(repRow(rs, 'unit-ana'), '2026-12-03');
    const run = rs.plan();
    await vi.waitFor(() => expect(backend.called('plan_rotation')).toHaveLength(2));
    await rs.setLock(true);
    answer(summary(8));
    await run;
    expect(rs.summary?.token).toBe(8);
    expect(rs.stale).toBe(true);
    await rs.accept();
    expect(backend.called('accept_rotation')).toHaveLength(0);
  });

  it('discarding forgets the plan in Rust too, by its token', async () => {
    const { backend, rs } = await setUp();
    await rs.plan();
    await rs.discard();
    expect(rs.summary).toBeNull();
    expect(backend.called('discard_rotation')[0].args).toEqual({ plan: 7 });
  });

  it('waits for a pause in typing before searching', async () => {
    const { rs } = await setUp();
    rs.typeSearch('a');
    rs.typeSearch('an');
    expect(rs.search).toBe('');
    await new Promise((r) => setTimeout(r, 200));
    expect(rs.search).toBe('an');
    expect(rs.query.search).toBe('an');
  });
});
