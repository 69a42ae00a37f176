import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../../App.svelte';
import type { BalanceAnswer, Scenario, Task } from '../../api';
import { fakeBackend, tinyTeam } from '../../../test/fixtures';

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

const plan: BalanceAnswer = {
  assignments: [
    {
      task: 'quotes',
      rep: 'unit-bo',
      moved_from: 'unit-ana',
      title: 'Renewal quotes',
      minutes: 720,
      due: '2026-12-01',
      pinned: false,
      at_risk: false,
      at_risk_before: true,
      reason: 'Unit Ana 200% → 50%, Unit Bo 0% → 75%; due Tue 1 Dec, Unit Bo has 16 h free before then',
    },
    {
      task: 'deck',
      rep: 'unit-ana',
      moved_from: null,
      title: 'QBR deck',
      minutes: 240,
      due: '2026-12-04',
      pinned: false,
      at_risk: false,
      at_risk_before: false,
      reason: null,
    },
  ],
  utilization: { 'unit-ana': 0.25, 'unit-bo': 0.75 },
  objective: { at_risk: 0, max_utilization: 0.75, moves: 1, sum_squares: 0.625 },
  unassignable: [],
  infeasible_reason: null,
  from: '2026-11-30',
  to: '2026-12-04',
  before: { at_risk: 1, max_utilization: 2, moves: 0, sum_squares: 4 },
  reps: [
    {
      rep: 'unit-ana',
      name: 'Unit Ana',
      time_zone: 'Europe/London',
      capacity_minutes: 960,
      load_before_minutes: 960,
      load_minutes: 240,
      utilization_before: 2,
      utilization: 0.25,
      at_risk_before: 1,
      at_risk: 0,
    },
    {
      rep: 'unit-bo',
      name: 'Unit Bo',
      time_zone: 'Asia/Kolkata',
      capacity_minutes: 960,
      load_before_minutes: 0,
      load_minutes: 720,
      utilization_before: 0,
      utilization: 0.75,
      at_risk_before: 0,
      at_risk: 0,
    },
  ],
  bounds: { at_risk: 0, max_utilization: 0.75, optimal: true },
};

async function open() {
  const backend = fakeBackend(team(), {
    plan_balance: () => plan,
    apply_balance: (a) => {
      const moves = a.moves as { task: string; rep: string }[];
      const sc = team();
      return { ...sc, tasks: sc.tasks.map((t) => ({ ...t, assignee: moves.find((m) => m.task === t.id)?.rep ?? t.assignee })) };
    },
    create_task: (a) => ({ ...team(), tasks: [...team().tasks, a.task as Task] }),
    delete_task: (a) => ({ ...team(), tasks: team().tasks.filter((t) => t.id !== a.id) }),
  });
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: /Workload/ }));
  return { user, backend };
}

describe('Workload', () => {
  it('balances the stored window on opening and shows load, risks and figures', async () => {
    const { backend } = await open();
    const figures = await screen.findByRole('region', { name: 'Plan figures' });
    expect(backend.called('plan_balance')[0].args).toEqual({ from: '2026-11-30', to: '2026-12-04' });
    expect(backend.called('set_balance_window')).toHaveLength(0);
    expect(figures).toHaveTextContent('Tasks at risk 1 → 0');
    expect(figures).toHaveTextContent('Busiest rep 200% → 75%');
    expect(figures).toHaveTextContent('this plan is optimal');
    const table = screen.getByRole('table', { name: 'Utilisation by rep' });
    const ana = within(table).getByRole('row', { name: /Unit Ana/ });
    expect(ana).toHaveTextContent('200% (overloaded)');
    expect(ana).toHaveTextContent('25% (has room)');
    const tasks = screen.getByRole('table', { name: 'Tasks' });
    expect(within(tasks).getByRole('row', { name: /Renewal quotes/ })).toHaveTextContent('at risk');
    expect(within(tasks).getByRole('row', { name: /QBR deck/ })).not.toHaveTextContent('at risk');
  });

  it('applies only the accepted moves', async () => {
    const { user, backend } = await open();
    const moves = await screen.findByRole('list', { name: 'Proposed changes' });
    expect(within(moves).getAllByRole('listitem')).toHaveLength(1);
    expect(moves).toHaveTextContent('Unit Ana →to Unit Bo');
    expect(moves).toHaveTextContent('Unit Bo has 16 h free before then');
    const apply = screen.getByRole('button', { name: /^Apply accepted/ });
    expect(apply).toBeDisabled();
    await user.click(within(moves).getByRole('button', { name: 'Accept' }));
    expect(screen.getByRole('button', { name: 'Apply accepted (1)' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Apply accepted (1)' }));
    expect(backend.called('apply_balance')[0].args).toEqual({ moves: [{ task: 'quotes', rep: 'unit-bo' }] });
    const tasks = screen.getByRole('table', { name: 'Tasks' });
    expect(within(tasks).getByRole('row', { name: /Renewal quotes/ })).toHaveTextContent('Unit Bo');
  });

  it('adds a task through the form and re-plans', async () => {
    const { user, backend } = await open();
    await screen.findByRole('region', { name: 'Plan figures' });
    await user.click(screen.getByRole('button', { name: 'Add task' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Title'), 'Forecast');
    await user.click(within(dialog).getByRole('button', { name: 'Add task' }));
    expect(within(dialog).getByLabelText('Hours of work')).toHaveAttribute('aria-invalid', 'true');
    await user.type(within(dialog).getByLabelText('Hours of work'), '3.5');
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
    expect(backend.called('plan_balance')).toHaveLength(2);
  });

  it('lists a big team\'s tasks by due date, first 300, and finds others by search', async () => {
    const many: Task[] = Array.from({ length: 320 }, (_, i) => ({
      ...deck,
      id: `t${String(i).padStart(3, '0')}`,
      title: `Task ${i}`,
      due: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
    }));
    fakeBackend({ ...team(), tasks: many }, { plan_balance: () => plan });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: /Workload/ }));
    const table = screen.getByRole('table', { name: 'Tasks' });
    expect(within(table).getAllByRole('row')).toHaveLength(301);
    expect(screen.getByText('The first 300 of 320 tasks by due date; search to find others.')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Search tasks' }), 'Task 319');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
  });

  it('shows Rust refusing a task beside its field', async () => {
    const backend = fakeBackend(team(), {
      plan_balance: () => plan,
      create_task: () => {
        throw { code: 'invalid', message: 'edit: 1 problem', problems: [{ path: 'hours', message: 'hours must be at most 10000' }] };
      },
    });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: /Workload/ }));
    await user.click(screen.getByRole('button', { name: 'Add task' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Title'), 'Huge');
    await user.type(within(dialog).getByLabelText('Hours of work'), '99999');
    await user.click(within(dialog).getByRole('button', { name: 'Add task' }));
    expect(await within(dialog).findByText('hours must be at most 10000')).toBeInTheDocument();
    expect(backend.called('create_task')).toHaveLength(1);
  });
});
