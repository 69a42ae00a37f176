import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../../App.svelte';
import { api, type BalanceChange, type Page, type PlannedBalance, type Task, type TaskRow, type WorkloadPage } from '../../api';
import { AppState } from '../../state/app.svelte';
import { WorkloadState } from '../../state/workload.svelte';
import { fakeBackend, tinyTeam } from '../../../test/fixtures';

/** The fake backend's team document (the fixtures' own type). */
type Scenario = ReturnType<typeof tinyTeam>;

afterEach(() => clearMocks());

const quotes: Task = {
  id: 'quotes',
  title: 'Renewal quotes',
  hours: 12,
  due: '2026-12-01',
  assignee: 'unit-ana',
  skills_required: [],
  pinned: false,
};
const deck: Task = { ...quotes, id: 'deck', title: 'QBR deck', hours: 4, due: '2026-12-04' };

function team(): Scenario {
  const sc = tinyTeam();
  return { ...sc, tasks: [quotes, deck], requests: { ...sc.requests, balance: { from: '2026-11-30', to: '2026-12-04' } } };
}

const SETTINGS = { from: '2026-11-30', to: '2026-12-04', stored: true, max_window_days: 366, full_from_percent: 80 };

function change(task: string, title: string, extra: Partial<BalanceChange> = {}): BalanceChange {
  return {
    task,
    title,
    minutes: 720,
    due: '2026-12-01',
    from: 'unit-ana',
    from_name: 'Unit Ana',
    to: 'unit-bo',
    to_name: 'Unit Bo',
    reason: `moves 12 h from Unit Ana (200% → 125%) to Unit Bo (0% → 75%); at risk with Unit Ana; due Tue 1 Dec, Unit Bo has 16 h free before then`,
    at_risk: false,
    held_back: null,
    ...extra,
  };
}

function page<T>(rows: T[], total = rows.length, offset = 0): Page<T> {
  return { rows, offset, total, counter: 1 };
}

function planned(token: number, changes: BalanceChange[], extra: Partial<PlannedBalance['summary']> = {}): PlannedBalance {
  return {
    token,
    summary: {
      from: '2026-11-30',
      to: '2026-12-04',
      counter: 1,
      before: { at_risk: 1, max_utilization: 2, moves: 0, sum_squares: 4 },
      after: { at_risk: 0, max_utilization: 0.75, moves: changes.length, sum_squares: 0.625 },
      bounds: { at_risk: 0, max_utilization: 0.75, optimal: true },
      proposed: changes.length,
      held_back: 0,
      changes: page(changes),
      unassignable: [],
      unassignable_total: 0,
      notice: null,
      ...extra,
    },
  };
}

function rows(plan: number | null): WorkloadPage {
  const after = (load: number, u: number) => (plan === null ? null : { load_minutes: load, utilization: u, band: u > 0.8 ? ('full' as const) : ('under' as const), at_risk: 0 });
  return {
    from: '2026-11-30',
    to: '2026-12-04',
    rows: page([
      {
        rep: 'unit-ana',
        name: 'Unit Ana',
        team: 'unit-team',
        team_name: 'Unit Team',
        capacity_minutes: 960,
        now: { load_minutes: 1920, utilization: 2, band: 'over', at_risk: 1 },
        after: after(240, 0.25),
      },
      {
        rep: 'unit-bo',
        name: 'Unit Bo',
        team: null,
        team_name: null,
        capacity_minutes: 960,
        now: { load_minutes: 0, utilization: 0, band: 'idle', at_risk: 0 },
        after: after(720, 0.75),
      },
    ]),
    totals: { capacity_minutes: 1920, load_minutes: 1920, at_risk: 1, over: 1, at_risk_after: plan === null ? null : 0, over_after: plan === null ? null : 0 },
    planned: plan !== null,
    stale: false,
  };
}

function taskRows(db: Scenario, owner: { kind: string; id?: string }): Page<TaskRow> {
  const name = (id: string | null) => db.reps.find((r) => r.id === id)?.name ?? null;
  const list = db.tasks
    .filter((t) => owner.kind === 'all' || (owner.kind === 'unassigned' ? t.assignee === null : t.assignee === owner.id))
    .map((t) => ({ task: t, revision: 1, assignee_name: name(t.assignee), at_risk: t.id === 'quotes' && t.assignee === 'unit-ana' }));
  return page(list);
}

function backendWith(plans: PlannedBalance[], overrides: Record<string, (a: Record<string, unknown>) => unknown> = {}) {
  let n = 0;
  const backend = fakeBackend(team(), {
    workload_settings: () => SETTINGS,
    workload_page: (a) => rows((a.plan as number | null) ?? null),
    workload_tasks: (a) => taskRows(backend.db, (a.query as { owner: { kind: string; id?: string } }).owner),
    plan_balance: () => plans[Math.min(n++, plans.length - 1)],
    balance_changes: (a) =>
      (a.filter as string) === 'held_back'
        ? page([change('old', 'Old invoice', { due: '2026-11-20', held_back: 'not proposed: already past due (Fri 20 Nov, 14 days ago); reassign it by hand if it still needs doing' })])
        : page([]),
    apply_balance: () => ({ ...backend.db, tasks: backend.db.tasks.map((t) => (t.id === 'quotes' ? { ...t, assignee: 'unit-bo' } : t)) }),
    discard_balance: () => null,
    get_task: (a) => ({ item: backend.db.tasks.find((t) => t.id === a.id), revision: 1 }),
    create_task: (a) => ({ ...backend.db, tasks: [...backend.db.tasks, a.task as Task] }),
    update_task: (a) => ({ ...backend.db, tasks: backend.db.tasks.map((t) => (t.id === (a.task as Task).id ? (a.task as Task) : t)) }),
    delete_task: (a) => ({ ...backend.db, tasks: backend.db.tasks.filter((t) => t.id !== a.id) }),
    ...overrides,
  });
  return backend;
}

async function open(backend: ReturnType<typeof backendWith>) {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: /Workload/ }));
  return { user, backend };
}

describe('Workload', () => {
  it("shows the figures of the answer whose rows it kept, never a late older answer's", async () => {
    let late: Promise<void> = Promise.resolve();
    const backend = backendWith([planned(7, [change('quotes', 'Renewal quotes')])], {
      workload_page: (a) => {
        const plan = (a.plan as number | null) ?? null;
        if (plan !== null) return rows(plan);
        // The page before the plan answers after the page with it.
        const answer = new Promise<WorkloadPage>((r) => setTimeout(() => r(rows(null)), 400));
        late = answer.then(() => new Promise((r) => setTimeout(r, 50)));
        return answer;
      },
    });
    await open(backend);
    const table = await screen.findByRole('table', { name: 'Utilisation by rep' });
    await within(table).findByText('After plan');
    await late;
    expect(within(table).getByRole('columnheader', { name: /After plan/ })).toHaveTextContent(/^After plan$/);
    expect(screen.getByText(/overloaded/, { selector: '.totals' })).toHaveTextContent('1 overloaded → 0');
  });

  it("opens on Rust's window, plans it, and shows pages of reps and tasks from Rust", async () => {
    const backend = backendWith([planned(7, [change('quotes', 'Renewal quotes')])]);
    await open(backend);
    const figures = await screen.findByRole('region', { name: 'Plan figures' });
    expect(backend.called('plan_balance')[0].args).toEqual({ from: '2026-11-30', to: '2026-12-04' });
    expect(backend.called('set_balance_window')).toHaveLength(0);
    expect(figures).toHaveTextContent('Tasks at risk 1 → 0');
    expect(figures).toHaveTextContent('Busiest rep 200% → 75%');
    expect(figures).toHaveTextContent('this plan is optimal');
    const table = screen.getByRole('table', { name: 'Utilisation by rep' });
    await within(table).findByText('After plan');
    const ana = await within(table).findByRole('row', { name: /Unit Ana.*25%/ });
    expect(ana).toHaveTextContent('200% (overloaded)');
    expect(ana).toHaveTextContent('25% (has room)');
    // The page asked for carries the plan's token; names come as written.
    expect(backend.called('workload_page').some((c) => c.args.plan === 7)).toBe(true);
    expect(within(ana).getByRole('button', { name: 'Show the tasks of Unit Ana' })).toHaveTextContent(/^Unit Ana$/);
    const tasks = screen.getByRole('table', { name: 'Tasks' });
    expect(await within(tasks).findByRole('row', { name: /Renewal quotes/ })).toHaveTextContent('at risk');
    expect(within(tasks).getByRole('row', { name: /QBR deck/ })).not.toHaveTextContent('at risk');
    expect(screen.getByText('has room (< 80%)')).toBeInTheDocument();
  });

  it("shows one rep's tasks when the rep is chosen", async () => {
    const backend = backendWith([planned(1, [])]);
    const { user } = await open(backend);
    const table = screen.getByRole('table', { name: 'Utilisation by rep' });
    await user.click(await within(table).findByRole('button', { name: 'Show the tasks of Unit Bo' }));
    const last = backend.called('workload_tasks').at(-1);
    expect(last?.args.query).toEqual({ search: '', owner: { kind: 'rep', id: 'unit-bo' } });
    expect(screen.getByRole('combobox', { name: 'Whose tasks' })).toHaveDisplayValue("Unit Bo's");
  });

  it('applies only the accepted change, re-plans, and says in words that the proposals changed', async () => {
    const notice = 'The remaining proposals changed after Apply, because the applied moves changed everyone\'s load: 1 new proposal (QBR deck).';
    const backend = backendWith([
      planned(1, [change('quotes', 'Renewal quotes'), change('deck', 'QBR deck', { minutes: 240 })]),
      planned(2, [change('deck', 'QBR deck', { to: 'unit-cy', to_name: 'Unit Cy' })], { notice, counter: 2 }),
    ]);
    const { user } = await open(backend);
    const moves = await screen.findByRole('list', { name: 'Proposed changes' });
    expect(within(moves).getAllByRole('listitem')).toHaveLength(2);
    const first = within(moves).getAllByRole('listitem')[0];
    expect(first).toHaveTextContent('Unit Ana →to Unit Bo');
    expect(first).toHaveTextContent('moves 12 h from Unit Ana (200% → 125%) to Unit Bo (0% → 75%)');
    const apply = screen.getByRole('button', { name: /^Apply accepted/ });
    expect(apply).toBeDisabled();
    await user.click(within(first).getByRole('button', { name: 'Accept' }));
    await user.click(screen.getByRole('button', { name: 'Apply accepted (1)' }));
    expect(backend.called('apply_balance')[0].args).toEqual({ plan: 1, tasks: ['quotes'], allBut: false });
    expect(await screen.findByRole('status', { name: 'Plan changed' })).toHaveTextContent('1 new proposal (QBR deck)');
    expect(backend.called('plan_balance')).toHaveLength(2);
    expect(await screen.findByText('Moved 1 task')).toBeInTheDocument();
  });

  it('accepts every proposed change, loaded or not, as "all but the rejected ones"', async () => {
    const backend = backendWith([planned(3, [change('quotes', 'Renewal quotes'), change('deck', 'QBR deck')], { proposed: 120 })]);
    const { user } = await open(backend);
    await screen.findByRole('list', { name: 'Proposed changes' });
    await user.click(screen.getByRole('button', { name: 'Accept all' }));
    const moves = screen.getByRole('list', { name: 'Proposed changes' });
    await user.click(within(within(moves).getAllByRole('listitem')[1]).getByRole('button', { name: 'Reject' }));
    await user.click(screen.getByRole('button', { name: 'Apply accepted (119)' }));
    expect(backend.called('apply_balance')[0].args).toEqual({ plan: 3, tasks: ['deck'], allBut: true });
  });

  it('lists changes held back because their tasks are past due, with the reason', async () => {
    const backend = backendWith([planned(4, [], { held_back: 1 })]);
    const { user } = await open(backend);
    await screen.findByText('none: keep things as they are');
    expect(screen.getByText(/already past due, so they are not offered/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show them' }));
    const held = await screen.findByRole('list', { name: 'Changes not proposed' });
    expect(held).toHaveTextContent('Old invoice');
    expect(held).toHaveTextContent('already past due (Fri 20 Nov, 14 days ago)');
    expect(backend.called('balance_changes')[0].args).toMatchObject({ plan: 4, filter: 'held_back' });
  });

  it('adds a task through the form, choosing the assignee from reps Rust finds', async () => {
    const backend = backendWith([planned(1, [])]);
    const { user } = await open(backend);
    await user.click(screen.getByRole('button', { name: 'Add task' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Title'), 'Forecast');
    await user.click(within(dialog).getByRole('button', { name: 'Add task' }));
    expect(within(dialog).getByLabelText('Hours of work')).toHaveAttribute('aria-invalid', 'true');
    await user.type(within(dialog).getByLabelText('Hours of work'), '3.5');
    await within(dialog).findByRole('option', { name: 'Unit Bo' });
    await user.selectOptions(within(dialog).getByLabelText('Assignee'), 'unit-bo');
    await user.click(within(dialog).getByRole('button', { name: 'Add task' }));
    expect(backend.called('create_task')[0].args.task).toEqual({
      id: 'forecast',
      title: 'Forecast',
      hours: 3.5,
      due: null,
      assignee: 'unit-bo',
      skills_required: [],
      pinned: false,
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backend.called('people_page').length).toBeGreaterThan(0);
  });

  it('shows Rust refusing a task beside its field', async () => {
    const backend = backendWith([planned(1, [])], {
      create_task: () => {
        throw { code: 'invalid', message: 'edit: 1 problem', problems: [{ path: 'hours', message: 'hours must be at most 10000' }] };
      },
    });
    const { user } = await open(backend);
    await user.click(screen.getByRole('button', { name: 'Add task' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Title'), 'Huge');
    await user.type(within(dialog).getByLabelText('Hours of work'), '99999');
    await user.click(within(dialog).getByRole('button', { name: 'Add task' }));
    expect(await within(dialog).findByText('hours must be at most 10000')).toBeInTheDocument();
  });
});

describe('WorkloadState', () => {
  it('shows planning as busy until Cancel, then keeps the previous plan and says it was cancelled', async () => {
    fakeBackend(team());
    let reject: (e: unknown) => void = () => {};
    let cancelled = 0;
    const gateway = {
      ...api,
      planBalance: () =>
        new Promise<PlannedBalance>((_, no) => {
          reject = no;
        }),
      cancelBalance: async () => {
        cancelled += 1;
        reject({ code: 'cancelled', message: 'planning was cancelled', problems: [] });
        return null;
      },
    };
    const app = new AppState(gateway);
    await app.init();
    const ws = new WorkloadState(app);
    ws.fromText = '2026-11-30';
    ws.toText = '2026-12-04';
    const running = ws.plan(false);
    expect(ws.running).toBe(true);
    await ws.cancel();
    await running;
    expect(cancelled).toBe(1);
    expect(ws.running).toBe(false);
    expect(ws.planned).toBeNull();
    expect(ws.error?.code).toBe('cancelled');
    expect(ws.error?.message).toMatch(/Planning cancelled/);
    app.dispose();
  });

  it('holds Apply while the plan is stale (the database moved on)', async () => {
    const backend = backendWith([planned(5, [change('quotes', 'Renewal quotes')])]);
    const app = new AppState();
    await app.init();
    const ws = new WorkloadState(app);
    await ws.loadSettings();
    await ws.plan(false);
    ws.decide('quotes', 'accepted');
    expect(ws.stale).toBe(false);
    await app.saveTask({ ...deck, hours: 5 }, 'update', 1);
    expect(ws.stale).toBe(true);
    await ws.apply();
    expect(backend.called('apply_balance')).toHaveLength(0);
    app.dispose();
  });
});
