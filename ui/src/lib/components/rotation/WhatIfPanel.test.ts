import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../../App.svelte';
import type { PolicyChanges, WhatIfView, Window } from '../../api';
import { fakeBackend, tinyTeam } from '../../../test/fixtures';
import { boardPage, summary } from './testBoard';

/** A what-if answer shaped like Rust's: the tried plan does not fit when `infeasible`. */
function whatIf(changes: PolicyChanges, token: number, infeasible: boolean, reps: Window): WhatIfView {
  const rows = Array.from({ length: 30 }, (_, i) => ({
    rep: `r${String(i).padStart(2, '0')}`,
    name: `Person ${String(i).padStart(2, '0')}`,
    team: 'unit-team',
    office_before: 'unit-office',
    office_after: 'unit-office',
    gained: ['2026-12-03'],
    lost: [],
    moved: [],
    anchor_missed_before: 1,
    anchor_missed_after: 0,
    together_before: 2,
    together_after: 3,
  }));
  return {
    token,
    changes: { ...changes, from: '2026-11-30', weeks: 1 },
    from: '2026-11-30',
    weeks: 1,
    counter: 1,
    current: summary(token),
    tried: summary(token, infeasible),
    notes: ['1 rep(s) keep their own office days per week, which outrank the policy: Unit Bo'],
    dropped_locks: [],
    dropped_lock_count: 0,
    dropped_office_days: 0,
    dates: ['2026-12-02', '2026-12-03'],
    offices: {
      rows: [{ office: 'unit-office', name: 'Unit Office', desks_before: 3, desks_after: 5, days: [{ before: 1, after: 2 }, { before: null, after: 0 }] }],
      offset: 0,
      total: 1,
      counter: 1,
    },
    compared: !infeasible,
    reps: { rows: infeasible ? [] : rows.slice(reps.offset, reps.offset + reps.limit), offset: reps.offset, total: infeasible ? 0 : rows.length, counter: 1 },
  };
}

async function open(opts: { infeasible?: boolean; refuse?: boolean } = {}) {
  let token = 0;
  const backend = fakeBackend(tinyTeam(), {
    rotation_board: (a) => boardPage(a.window as Window, { locks: {} }),
    what_if_policy: (a) => {
      const changes = a.changes as PolicyChanges;
      if (opts.refuse) {
        throw { code: 'invalid', message: 'changes: offices[0].desks: must not be negative, got -2', problems: [{ path: 'offices[0].desks', message: 'must not be negative, got -2' }] };
      }
      return whatIf(changes, ++token, opts.infeasible ?? false, a.reps as Window);
    },
    what_if_page: (a) => whatIf({ from: null, weeks: null, policy: null, offices: [], teams: [], reps: [] }, a.token as number, false, a.reps as Window),
    adopt_what_if: () => ({ ...tinyTeam(), policy: { office_days_per_week: { min: 3, max: 3 } } }),
  });
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: /Office days/ }));
  await screen.findByRole('grid', { name: 'Office days board' });
  await user.click(screen.getByRole('button', { name: 'Try a policy' }));
  const panel = screen.getByRole('region', { name: 'Try a policy' });
  return { user, backend, panel };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Try a policy', () => {
  it('sends only what changed, shows both plans side by side, desk use and a page of the people whose days change', async () => {
    const { user, backend, panel } = await open();
    const min = within(panel).getByLabelText('Min days a week');
    expect(min).toHaveValue('2');
    await user.clear(min);
    await user.type(min, '3');
    await user.click(within(panel).getByRole('button', { name: 'Try' }));
    const sent = backend.called('what_if_policy')[0].args.changes as PolicyChanges;
    expect(sent).toEqual({ from: null, weeks: null, policy: { office_days_per_week: { min: 3, max: 3 } }, offices: [], teams: [], reps: [] });
    const current = await within(panel).findByRole('region', { name: 'Current plan' });
    const tried = within(panel).getByRole('region', { name: 'Tried plan' });
    expect(current).toHaveTextContent('Score2');
    expect(tried).toHaveTextContent('Team anchor days2');
    expect(within(panel).getByRole('note')).toHaveTextContent('Unit Bo');
    const desks = within(panel).getByRole('table', { name: 'Desk use, current and tried' });
    expect(desks).toHaveTextContent('3 → 5');
    expect(desks).toHaveTextContent('1 → 2');
    expect(desks).toHaveTextContent('closed → 0');
    const people = within(panel).getByRole('table', { name: 'People whose days change' });
    expect(within(people).getAllByRole('row')).toHaveLength(26);
    expect(panel).toHaveTextContent('30 people whose days change');
    await user.click(within(panel).getByRole('button', { name: 'Next people' }));
    expect(backend.called('what_if_page')[0].args.reps).toEqual({ offset: 25, limit: 25 });
    expect(await within(panel).findByText('Person 29')).toBeInTheDocument();
  });

  it('an infeasible tried plan says why and the fixes, and compares no days', async () => {
    const { user, panel } = await open({ infeasible: true });
    await user.click(within(panel).getByRole('button', { name: 'Try' }));
    const tried = await within(panel).findByRole('region', { name: 'Tried plan' });
    expect(tried).toHaveTextContent('Does not fit: unit-office, week 2026-W49');
    expect(tried).toHaveTextContent('1 more desk(s)');
    expect(panel).toHaveTextContent('A plan does not fit, so the days are not compared.');
  });

  it("shows Rust's problem at the office row its path names", async () => {
    const { user, backend, panel } = await open({ refuse: true });
    await user.click(within(panel).getByText('Offices (1)'));
    const desks = within(panel).getByLabelText('Desks at Unit Office');
    // A box that is not a whole number is said here: it cannot be sent.
    await user.clear(desks);
    await user.type(desks, 'many');
    await user.click(within(panel).getByRole('button', { name: 'Try' }));
    expect(within(panel).getByRole('alert')).toHaveTextContent('Desks is a whole number');
    expect(backend.called('what_if_policy')).toHaveLength(0);
    await user.clear(desks);
    await user.type(desks, '2');
    await user.click(within(panel).getByRole('button', { name: 'Try' }));
    expect(backend.called('what_if_policy')[0].args.changes).toMatchObject({ offices: [{ id: 'unit-office', desks: 2, open_days: null }] });
    const alert = await within(panel).findByRole('alert');
    expect(alert).toHaveTextContent('must not be negative, got -2');
    // The message sits in the office's table, right under its row.
    expect(alert.closest('table')).toBe(desks.closest('table'));
  });

  it('adopts by token only after a confirmation that says a backup is made', async () => {
    const { user, backend, panel } = await open();
    await user.click(within(panel).getByRole('button', { name: 'Try' }));
    await within(panel).findByRole('region', { name: 'Tried plan' });
    // Nothing changed: nothing to adopt.
    expect(within(panel).queryByRole('button', { name: 'Adopt…' })).toBeNull();
    const min = within(panel).getByLabelText('Min days a week');
    await user.clear(min);
    await user.type(min, '3');
    await user.click(within(panel).getByRole('button', { name: 'Try' }));
    await user.click(await within(panel).findByRole('button', { name: 'Adopt…' }));
    const dialog = screen.getByRole('dialog', { name: 'Adopt this policy?' });
    expect(dialog).toHaveTextContent('A backup of the team is made first');
    expect(backend.called('adopt_what_if')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Adopt' }));
    expect(backend.called('adopt_what_if')[0].args).toEqual({ token: 2 });
    expect(await within(panel).findByText(/The policy was adopted/)).toBeInTheDocument();
  });
});
