import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../../App.svelte';
import type { RotationAnswer, Scenario } from '../../api';
import { fakeBackend, tinyTeam } from '../../../test/fixtures';

function team(): Scenario {
  const sc = tinyTeam();
  return { ...sc, requests: { ...sc.requests, rotation: { from: '2026-11-30', weeks: 1, locks: [] } } };
}

const feasible: RotationAnswer = {
  from: '2026-11-30',
  weeks: 1,
  assignments: [
    { rep: 'unit-ana', date: '2026-12-01', office: 'unit-office' },
    { rep: 'unit-ana', date: '2026-12-02', office: 'unit-office' },
  ],
  objective: { total: 2, co_presence: 0, anchor: 2, preference: 0, in_person: 0 },
  infeasible_reason: null,
  upper_bound: 4,
  fixes: [],
  office: null,
  explanations: [
    {
      rep: 'unit-ana',
      office: 'unit-office',
      team: 'unit-team',
      week: '2026-W49',
      min_days: 2,
      max_days: 3,
      days: [
        { date: '2026-12-01', reasons: ['team anchor day'] },
        { date: '2026-12-02', reasons: [] },
      ],
      summary: 'Tue (anchor day), Wed (for the weekly minimum)',
    },
  ],
};

const infeasible: RotationAnswer = {
  ...feasible,
  assignments: [],
  objective: null,
  upper_bound: null,
  explanations: [],
  infeasible_reason: 'unit-office, 2026-W49: reps need at least 4 desk-days, 3 are available',
  fixes: ['lower the minimum to 1 day in 2026-W49', 'release the lock of unit-ana on 2026-12-03'],
};

async function open(plan: RotationAnswer) {
  const backend = fakeBackend(team(), { plan_rotation: () => plan });
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: /Office days/ }));
  return { user, backend };
}

describe('Office days', () => {
  it('plans, shows the score against the bound, and explains a day', async () => {
    const { user, backend } = await open(feasible);
    expect(screen.getByLabelText('Weeks from')).toHaveValue('2026-11-30');
    await user.click(screen.getByRole('button', { name: 'Plan' }));
    expect(backend.called('set_rotation_window')).toHaveLength(0);
    const score = await screen.findByRole('region', { name: 'Plan score' });
    expect(score).toHaveTextContent(/Team anchor days\s*2, 2 points per rep-day/);
    expect(score).toHaveTextContent('at most 2 short (50.0%)');
    const tue = screen.getByRole('button', { name: /^Unit Ana, Tue 1 Dec: in the office; planned/ });
    await user.click(tue);
    expect(backend.called('set_rotation_lock')).toHaveLength(1);
    const why = screen.getByRole('complementary', { name: 'Why these days' });
    expect(why).toHaveTextContent('team anchor day');
    expect(why).toHaveTextContent('Tue (anchor day), Wed (for the weekly minimum)');
    expect(screen.getByRole('img', { name: 'Unit Office, Tue 1 Dec: 1 of 3 desks used' })).toBeInTheDocument();
  });

  it('shows why an infeasible week cannot be planned and what would make it fit', async () => {
    const { user } = await open(infeasible);
    await user.click(screen.getByRole('button', { name: 'Plan' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('reps need at least 4 desk-days, 3 are available');
    const fixes = within(alert).getAllByRole('listitem').map((li) => li.textContent);
    expect(fixes).toEqual(infeasible.fixes);
    expect(screen.queryByRole('button', { name: 'Accept plan' })).toBeNull();
    expect(screen.getByText('Accepted office days')).toBeInTheDocument();
  });
});
