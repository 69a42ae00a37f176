import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../../App.svelte';
import { api, type Window } from '../../api';
import { fakeBackend, tinyTeam } from '../../../test/fixtures';
import { boardPage, repWeek, summary, type BoardOptions } from './testBoard';

async function open(plan = summary(3), opts: { slowPlan?: boolean; extra?: number; trip?: boolean } = {}) {
  const board: BoardOptions = { locks: {}, extra: opts.extra, trip: opts.trip };
  let release: (() => void) | null = null;
  const backend = fakeBackend(tinyTeam(), {
    rotation_board: (a) => boardPage(a.window as Window, { ...board, planned: a.plan !== null && plan.infeasible_reason === null }),
    plan_rotation: () => plan,
    rotation_explanation: (a) => (a.plan === plan.token && plan.infeasible_reason === null ? repWeek(a.rep as string) : null),
    cancel_planning: () => {
      release?.();
      return null;
    },
    set_rotation_lock: (a) => {
      board.locks = { [`${a.rep as string}|${a.date as string}`]: a.inOffice as boolean };
      return backend.db;
    },
  });
  if (opts.slowPlan) {
    // A run that lasts until Cancel (the fake IPC answers at once).
    const real = api.planRotation;
    vi.spyOn(api, 'planRotation').mockImplementation(
      (...args) =>
        new Promise((resolve) => {
          release = () => resolve(real(...args));
        }),
    );
  }
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: /Office days/ }));
  await screen.findByRole('grid', { name: 'Office days board' });
  return { user, backend };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const why = () => screen.getByRole('complementary', { name: 'Why these days' });

describe('Office days', () => {
  it('a click selects a cell and shows it at once; only the lock control or the L key changes the lock', async () => {
    const { user, backend } = await open();
    const thu = await screen.findByRole('button', { name: /^Unit Ana, Thu 3 Dec: remote; accepted$/ });
    await user.click(thu);
    expect(backend.called('set_rotation_lock')).toHaveLength(0);
    expect(why()).toHaveTextContent('Thu 3 Dec');
    expect(why()).toHaveTextContent('Not locked');
    expect(thu).toHaveAttribute('aria-keyshortcuts', 'L');
    await user.click(within(why()).getByRole('button', { name: 'Lock in' }));
    expect(backend.called('set_rotation_lock')[0].args).toEqual({ rep: 'unit-ana', date: '2026-12-03', inOffice: true });
    expect(await within(why()).findByRole('button', { name: 'Lock in', pressed: true })).toBeInTheDocument();
    const locked = screen.getByRole('button', { name: /^Unit Ana, Thu 3 Dec: remote; accepted; locked in/ });
    locked.focus();
    await user.keyboard('l');
    expect(backend.called('set_rotation_lock')[1].args.inOffice).toBe(false);
    // Arrow keys move the selection and the panel follows; still no lock change.
    await user.keyboard('{ArrowRight}');
    expect(why()).toHaveTextContent('Fri 4 Dec');
    expect(backend.called('set_rotation_lock')).toHaveLength(2);
  });

  it('shows past days as past and never offers to lock them', async () => {
    const { user } = await open();
    const mon = screen.getByRole('button', { name: /^Unit Ana, Mon 30 Nov: in the office; past$/ });
    expect(mon).toHaveAttribute('data-past', 'true');
    await user.click(mon);
    expect(why()).toHaveTextContent('past, not planned');
    expect(within(why()).queryByRole('button', { name: 'Lock in' })).toBeNull();
    expect(screen.getByText(/days before Wed 2 Dec are past and not planned/)).toBeInTheDocument();
  });

  it('plans with a busy indicator and Cancel, then shows the score, the plan and the why once', async () => {
    const { user, backend } = await open(summary(3), { slowPlan: true });
    await user.click(screen.getByRole('button', { name: 'Plan' }));
    const busy = await screen.findByTestId('planning');
    expect(busy).toHaveTextContent('Planning office days');
    expect(screen.getByRole('button', { name: 'Planning…' })).toBeDisabled();
    await user.click(within(busy).getByRole('button', { name: 'Cancel' }));
    expect(backend.called('cancel_planning')).toHaveLength(1);
    const score = await screen.findByRole('region', { name: 'Plan score' });
    expect(score).toHaveTextContent(/Team anchor days\s*2, 2 points per rep-day/);
    expect(score).toHaveTextContent('≤ 4 within 50.0% of the best possible');
    await user.click(await screen.findByRole('button', { name: /^Unit Ana, Wed 2 Dec: in the office; planned$/ }));
    // The week's reasons are asked of Rust for this rep-week of the held plan.
    await within(why()).findByText(/team anchor day/);
    expect(why().textContent?.match(/team anchor day/g)).toHaveLength(1);
    expect(backend.called('rotation_explanation').at(-1)?.args).toEqual({ plan: 3, rep: 'unit-ana', date: '2026-12-02' });
    expect(screen.getByRole('img', { name: 'Unit Office, Wed 2 Dec: 1 of 3 desks used' })).toHaveTextContent('1/3');
  });

  it('shows why an infeasible week cannot be planned and what would make it fit', async () => {
    const plan = summary(4, true);
    const { user } = await open(plan);
    await user.click(screen.getByRole('button', { name: 'Plan' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('reps need at least 4 desk-days, 3 are available');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual(plan.fixes);
    expect(screen.queryByRole('button', { name: 'Accept plan' })).toBeNull();
    expect(screen.getByText('Accepted office days')).toBeInTheDocument();
  });

  it("selects one of a traveller's two rows: the other row's cell of that date is not highlighted", async () => {
    const { user } = await open(summary(3), { trip: true });
    await screen.findByRole('button', { name: /^Unit Ana, Thu 3 Dec: In Unit NYC office$/ });
    const thursdays = () => [...document.querySelectorAll<HTMLButtonElement>('button[data-rep="unit-ana"][data-date="2026-12-03"]')];
    const [home, visitor] = thursdays();
    expect(thursdays()).toHaveLength(2);
    expect(home).toHaveAccessibleName(/In Unit NYC office/);
    expect(visitor).toHaveAccessibleName('Unit Ana, Thu 3 Dec: remote; accepted');
    await user.click(visitor);
    expect(why()).toHaveTextContent('Unit NYC');
    const [homeNow, visitorNow] = thursdays();
    expect(visitorNow).toHaveClass('selected');
    expect(visitorNow.closest('[role="gridcell"]')).toHaveAttribute('aria-selected', 'true');
    expect(homeNow).not.toHaveClass('selected');
    expect(homeNow.closest('[role="gridcell"]')).toHaveAttribute('aria-selected', 'false');
  });

  it("offers no lock on the home row's day away, and L there does nothing", async () => {
    const { user, backend } = await open(summary(3), { trip: true });
    const away = await screen.findByRole('button', { name: /^Unit Ana, Thu 3 Dec: In Unit NYC office$/ });
    await user.click(away);
    expect(why()).toHaveTextContent('In Unit NYC office');
    expect(within(why()).queryByRole('button', { name: 'Lock in' })).toBeNull();
    await user.keyboard('l');
    expect(backend.called('set_rotation_lock')).toHaveLength(0);
    // The same day on the visited office's row is hers to lock there.
    await user.click(screen.getByRole('button', { name: 'Unit Ana, Thu 3 Dec: remote; accepted' }));
    await user.keyboard('l');
    expect(backend.called('set_rotation_lock')[0].args).toEqual({ rep: 'unit-ana', date: '2026-12-03', inOffice: true });
  });

  it('puts only the rows in view in the DOM', async () => {
    await open(summary(3), { extra: 400 });
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeLessThan(60);
    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', String(404 + 2));
  });
});
