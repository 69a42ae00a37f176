import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import { directoryOf, emptyScenario, fakeBackend, revisionsOf, tinyTeam } from './test/fixtures';

function peopleRows() {
  return within(screen.getByRole('table', { name: 'People' })).getAllByRole('row').slice(1);
}

describe('App', () => {
  it('on an empty database offers Load sample team, and loading it lists the reps', async () => {
    const backend = fakeBackend(emptyScenario());
    const user = userEvent.setup();
    render(App);
    const load = await screen.findByRole('button', { name: 'Load sample team' });
    expect(screen.queryByRole('table')).toBeNull();
    await user.click(load);
    await screen.findByRole('table', { name: 'People' });
    expect(peopleRows().map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual([
      expect.stringContaining('Unit Ana'),
      expect.stringContaining('Unit Bo'),
    ]);
    expect(backend.called('load_sample_team')).toHaveLength(1);
    const bo = peopleRows()[1];
    expect(bo).toHaveTextContent('Asia/Kolkata');
    expect(bo).toHaveTextContent('UTC+05:30');
    expect(bo).toHaveTextContent('Remote');
    expect(peopleRows()[0]).toHaveTextContent('Unit Office');
  });

  it('asks before replacing existing data with the sample team', async () => {
    const backend = fakeBackend(tinyTeam());
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Load sample team…' }));
    const dialog = screen.getByRole('dialog', { name: /Replace all data/ });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(backend.called('load_sample_team')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Load sample team…' }));
    await user.keyboard('{Enter}');
    expect(backend.called('load_sample_team')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('deletes a rep only after confirmation', async () => {
    const backend = fakeBackend(tinyTeam());
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Delete Unit Bo' }));
    expect(screen.getByRole('dialog', { name: 'Delete Unit Bo?' })).toBeInTheDocument();
    expect(backend.called('delete_rep')).toHaveLength(0);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(peopleRows()).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Delete Unit Bo' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(backend.called('delete_rep')).toEqual([{ cmd: 'delete_rep', args: { id: 'unit-bo', revision: 1 } }]);
    expect(peopleRows()).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Deleted Unit Bo');
  });

  it('keeps the confirmation open and shows why when Rust refuses a delete', async () => {
    fakeBackend(tinyTeam(), {
      delete_team: () => {
        throw { code: 'invalid', message: 'team is still in use', problems: [{ path: 'reps[0].team', message: 'unknown team "unit-team"' }] };
      },
    });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: /Teams/ }));
    await user.click(screen.getByRole('button', { name: 'Delete Unit Team' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    const alert = await within(screen.getByRole('dialog')).findByRole('alert');
    expect(alert).toHaveTextContent('team is still in use');
    expect(alert).toHaveTextContent('unknown team "unit-team"');
  });

  it('adds a rep through the form and lists them', async () => {
    const backend = fakeBackend(tinyTeam());
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Add person' }));
    const dialog = screen.getByRole('dialog', { name: 'Add person' });
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await user.keyboard('Fay Unit');
    const zone = within(dialog).getByRole('combobox', { name: 'Time zone' });
    await user.clear(zone);
    await user.type(zone, 'sydney{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Add person' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(backend.called('create_rep')[0].args.rep).toMatchObject({ id: 'fay-unit', time_zone: 'Australia/Sydney' });
    expect(peopleRows().some((r) => r.textContent?.includes('Fay Unit'))).toBe(true);
  });

  it('filters people by text and by team', async () => {
    fakeBackend(tinyTeam());
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('table', { name: 'People' });
    await user.type(screen.getByRole('searchbox', { name: 'Search people' }), 'kolkata');
    expect(peopleRows()).toHaveLength(1);
    await user.clear(screen.getByRole('searchbox', { name: 'Search people' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by team' }), 'unit-team');
    expect(peopleRows()).toHaveLength(1);
    expect(peopleRows()[0]).toHaveTextContent('Unit Ana');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by team' }), '__none');
    expect(peopleRows()[0]).toHaveTextContent('Unit Bo');
  });

  it('shows an office form problem from Rust next to the desks field', async () => {
    fakeBackend(tinyTeam(), {
      create_office: () => {
        throw { code: 'invalid', message: 'the team document is invalid', problems: [{ path: 'desks', message: 'desks must be at most 10000' }] };
      },
    });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: /Offices/ }));
    await user.click(screen.getByRole('button', { name: 'Add office' }));
    await user.keyboard('Paris');
    const desks = screen.getByRole('textbox', { name: 'Desks' });
    await user.clear(desks);
    await user.type(desks, '99999{Enter}');
    expect(desks).toHaveAccessibleDescription('desks must be at most 10000');
    expect(screen.getByRole('textbox', { name: 'Id' })).toHaveValue('paris');
  });

  it('checks the team policy range before sending it', async () => {
    const backend = fakeBackend(tinyTeam(), { update_policy: (a) => ({ ...tinyTeam(), policy: a.policy }) });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: /Teams/ }));
    const min = screen.getByRole('textbox', { name: 'Minimum' });
    await user.clear(min);
    await user.type(min, '4');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(backend.called('update_policy')).toHaveLength(0);
    expect(screen.getByText('minimum is more than maximum')).toBeInTheDocument();
    const max = screen.getByRole('textbox', { name: 'Maximum' });
    await user.clear(max);
    await user.type(max, '5');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(backend.called('update_policy')[0].args).toEqual({ policy: { office_days_per_week: { min: 4, max: 5 } } });
  });

  it('shows a retry when the database cannot be opened', async () => {
    let fail = true;
    fakeBackend(tinyTeam(), {
      directory: () => {
        if (fail) throw { code: 'storage', message: 'database is locked', problems: [] };
        return directoryOf(tinyTeam(), revisionsOf(tinyTeam(), 1), 1);
      },
    });
    const user = userEvent.setup();
    render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent('database is locked');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'People' })).toBeInTheDocument();
  });
});
