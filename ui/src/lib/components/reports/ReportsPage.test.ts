import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../../App.svelte';
import type { Window } from '../../api';
import { fakeBackend, tinyTeam } from '../../../test/fixtures';
import { deskReport, peopleReport, teamReport } from './testReports';

afterEach(() => clearMocks());

async function open() {
  let lead: string | null = null;
  const backend = fakeBackend(tinyTeam(), {
    desk_report: (a) => deskReport(a.window as Window),
    team_report: (a) => teamReport(a.window as Window, lead !== null),
    people_report: (a) => peopleReport(a.window as Window, lead !== null),
    set_lead_team: (a) => {
      lead = a.team as string | null;
      return backend.db;
    },
    export_report: () => 'meridian-compliance-report.csv',
  });
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: /Reports/ }));
  await screen.findByRole('table', { name: 'Desk use' });
  return { user, backend };
}

describe('the Reports screen', () => {
  it("draws Rust's desk use as a heat-map: one row per office, a cell per day with its band, numbers and words", async () => {
    await open();
    const map = screen.getByRole('table', { name: 'Desk use' });
    const row = (await within(map).findByRole('rowheader', { name: /Unit Office/ })).closest('tr') as HTMLTableRowElement;
    expect(within(map).getByRole('columnheader', { name: /Week 49/ })).toHaveAttribute('colspan', '5');
    const cells = row.querySelectorAll('td.cell');
    expect(cells).toHaveLength(5);
    expect(cells[1]).toHaveClass('lvl-high');
    expect(cells[1]).toHaveAttribute('title', 'Unit Office, Tue 1 Dec: 2 of 2 desks (100%)');
    expect(cells[3]).toHaveClass('lvl-closed');
    expect(cells[3]).toHaveTextContent('Unit Office, Thu 3 Dec: closed (Unit Day)');
    expect(cells[4]).toHaveClass('lvl-over');
    expect(within(row).getByText('6 of 8 (75%)')).toBeInTheDocument();
  });

  it('asks which team is yours before showing anyone, and shows that team once chosen', async () => {
    const { user, backend } = await open();
    await user.click(screen.getByRole('tab', { name: 'My team' }));
    const form = await screen.findByRole('form', { name: 'Your team' });
    expect(within(form).getByRole('heading', { name: 'Which team is yours?' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'My team' })).toBeNull();
    expect(backend.called('people_report').length).toBeGreaterThan(0);

    await user.selectOptions(within(form).getByRole('combobox', { name: 'Team' }), 'unit-team');
    await user.click(within(form).getByRole('button', { name: 'This is my team' }));
    expect(backend.called('set_lead_team')[0].args.team).toBe('unit-team');
    const table = await screen.findByRole('table', { name: 'My team' });
    const cell = within(table).getByTitle(/2026-W49: 1 office day, policy 2–3/);
    expect(cell).toHaveClass('status-below');
    expect(screen.getByText('Unit Team', { selector: 'strong' })).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Teams' }));
    const teams = await screen.findByRole('table', { name: 'Teams' });
    expect(within(teams).getByText('Your team')).toBeInTheDocument();
    expect(within(teams).getByText('2 of 4 (50%)')).toBeInTheDocument();
  });

  it('exports through Rust with "Leave names out" when ticked', async () => {
    const { user, backend } = await open();
    const form = screen.getByRole('form', { name: 'Export a report' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Report' }), 'compliance');
    await user.click(within(form).getByRole('button', { name: 'Export…' }));
    expect(backend.called('export_report')[0].args.request).toMatchObject({ kind: 'compliance', format: 'csv', anonymous: false, team: null });

    await user.click(within(form).getByRole('checkbox', { name: 'Leave names out' }));
    await user.click(within(form).getByRole('radio', { name: 'JSON' }));
    await user.click(within(form).getByRole('button', { name: 'Export…' }));
    expect(backend.called('export_report')[1].args.request).toMatchObject({ kind: 'compliance', format: 'json', anonymous: true });
    expect(await screen.findByText('Saved meridian-compliance-report.csv')).toBeInTheDocument();
  });
});
