import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../../App.svelte';
import type { FairnessPage, FairnessQuery, LedgerRow } from '../../api';
import { fakeBackend, tinyTeam } from '../../../test/fixtures';

afterEach(() => clearMocks());

function row(rep: string, name: string, extra: Partial<LedgerRow> = {}): LedgerRow {
  return {
    rep,
    name,
    meetings: 4,
    stretch_minutes: 0,
    outside_minutes: 0,
    early: 0,
    late: 0,
    on_days_off: 0,
    preferred_asked: 0,
    preferred_granted: 0,
    moved_to: 0,
    moved_from: 0,
    overloaded_weeks: 0,
    weeks: 13,
    ...extra,
  };
}

const ANA = row('unit-ana', 'Unit Ana', { outside_minutes: 270, early: 3, preferred_asked: 6, preferred_granted: 3, overloaded_weeks: 2 });
const BO = row('unit-bo', 'Unit Bo', { outside_minutes: 60, late: 1, preferred_asked: 5, preferred_granted: 1, moved_to: 2 });

/** Rust's answer as the fake gives it: Bo first when sorted by the preferred share, else Ana. */
function answer(q: FairnessQuery): FairnessPage {
  const rows = q.sort === 'preferred_granted' ? [BO, ANA] : [ANA, BO];
  const chart = q.sort === 'preferred_granted' ? [20, 50] : [270, 60];
  return {
    team: q.team,
    team_name: 'Unit Team',
    from: q.from ?? '2026-09-06',
    to: q.to ?? '2026-12-05',
    sort: q.sort,
    descending: q.descending,
    rows: { rows, offset: 0, total: 2, counter: 1 },
    chart,
    max_period_days: 366,
  };
}

async function open() {
  const backend = fakeBackend(tinyTeam(), {
    fairness_page: (a) => {
      const q = a.query as FairnessQuery;
      if (q.from && q.to && q.to < q.from) {
        throw { code: 'invalid', message: 'fairness period: 1 problem', problems: [{ path: 'to', message: `the period ${q.from} to ${q.to} must not end before it starts` }] };
      }
      return answer(q);
    },
  });
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: /Fairness/ }));
  return { user, backend };
}

describe('Fairness', () => {
  it("asks Rust for the first team's ledger over the default period and shows its rows in Rust's order", async () => {
    const { backend } = await open();
    const table = await screen.findByRole('table', { name: 'Fairness by rep' });
    const ana = await within(table).findByRole('row', { name: /Unit Ana/ });
    expect(ana).toHaveTextContent('270');
    expect(ana).toHaveTextContent('3 of 6');
    expect(ana).toHaveTextContent('2 of 13');
    const first = backend.called('fairness_page')[0].args;
    expect(first.query).toEqual({ team: 'unit-team', from: null, to: null, sort: 'outside_minutes', descending: true });
    expect(first.window).toEqual({ offset: 0, limit: 50 });
    expect(screen.getByText('Unit Team, 2026-09-06 to 2026-12-05')).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Outside min' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('a click on a column header asks Rust for that order, a second click for the other way round', async () => {
    const { user, backend } = await open();
    const table = await screen.findByRole('table', { name: 'Fairness by rep' });
    await within(table).findByRole('row', { name: /Unit Ana/ });
    await user.click(within(table).getByRole('button', { name: 'Preferred days' }));
    const asked = () => backend.called('fairness_page').map((c) => c.args.query as FairnessQuery);
    expect(asked().at(-1)).toMatchObject({ sort: 'preferred_granted', descending: false });
    // The rows come in Rust's order: Bo first now.
    await expect.poll(() => within(table).getAllByRole('row').map((r) => r.getAttribute('data-rep')).filter(Boolean)).toEqual(['unit-bo', 'unit-ana']);
    await user.click(within(table).getByRole('button', { name: 'Preferred days' }));
    expect(asked().at(-1)).toMatchObject({ sort: 'preferred_granted', descending: true });
    await user.click(within(table).getByRole('button', { name: 'Rep' }));
    expect(asked().at(-1)).toMatchObject({ sort: 'name', descending: false });
  });

  it("shows Rust's problem with the period where the lead typed it", async () => {
    await open();
    await screen.findByRole('table', { name: 'Fairness by rep' });
    await fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-12-01' } });
    await fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-11-01' } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('to: the period 2026-12-01 to 2026-11-01 must not end before it starts');
  });
});
