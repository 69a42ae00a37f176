import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../../App.svelte';
import type { IcsPick, RepsCsvPick, Scenario } from '../../api';
import { fakeBackend, rep, tinyTeam } from '../../../test/fixtures';

function csvPick(errors: RepsCsvPick['preview']['errors']): RepsCsvPick {
  return {
    file: 'people.csv',
    preview: {
      separator: ';',
      columns: ['id', 'name', 'time_zone'],
      rows: [
        { row: 2, line: 2, id: 'unit-cy', action: 'add', rep: rep('unit-cy', 'Unit Cy'), changed: [] },
        { row: 3, line: 3, id: 'unit-ana', action: errors.length > 0 ? 'invalid' : 'update', rep: null, changed: ['time_zone'] },
      ],
      errors,
      warnings: [],
      added: 1,
      updated: errors.length > 0 ? 0 : 1,
      unchanged: 0,
    },
  };
}

describe('importing people from CSV', () => {
  it('shows each error by row and column and refuses the file', async () => {
    const pick = csvPick([{ row: 3, line: 3, column: 'time_zone', message: 'unknown time zone "Mars/Base"' }]);
    const backend = fakeBackend(tinyTeam(), { open_reps_csv: () => pick });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Import CSV…' }));
    const dialog = await screen.findByRole('dialog', { name: /Import people from people.csv/ });
    const problems = within(dialog).getByRole('table', { name: 'Problems in the file' });
    expect(problems).toHaveTextContent('row 3, time_zone');
    expect(problems).toHaveTextContent('unknown time zone "Mars/Base"');
    expect(within(dialog).getByRole('button', { name: /^Import 1 person/ })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(backend.called('cancel_import')).toHaveLength(1);
    expect(backend.called('import_reps_csv')).toHaveLength(0);
  });

  it('imports a clean file and lists the new rep', async () => {
    const after: Scenario = { ...tinyTeam(), reps: [...tinyTeam().reps, rep('unit-cy', 'Unit Cy')] };
    const backend = fakeBackend(tinyTeam(), { open_reps_csv: () => csvPick([]), import_reps_csv: () => after });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Import CSV…' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('status')).toHaveTextContent('1 to add, 1 to update, 0 unchanged');
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 people' }));
    expect(backend.called('import_reps_csv')).toHaveLength(1);
    expect(await screen.findByRole('row', { name: /Unit Cy/ })).toBeInTheDocument();
  });

  it('a cancelled file dialog changes nothing', async () => {
    const backend = fakeBackend(tinyTeam(), { open_reps_csv: () => null });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Import CSV…' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backend.called('open_reps_csv')).toHaveLength(1);
  });
});

describe('importing busy times from .ics', () => {
  const pick: IcsPick = {
    file: 'outlook.ics',
    rep: 'unit-ana',
    preview: {
      events: [
        {
          line: 12,
          uid: 'abc',
          all_day: false,
          expanded: false,
          meeting: {
            id: 'ics-unit-ana-1',
            title: 'Dentist',
            start: '2026-12-01T10:00',
            time_zone: 'Europe/Berlin',
            duration_minutes: 60,
            rrule: null,
            attendees: ['unit-ana'],
            in_person_office: null,
          },
        },
      ],
      problems: [{ line: 40, message: 'DTSTART: no such date 2026-02-30' }],
      skipped: [{ line: 30, summary: 'Lunch', reason: 'marked free' }],
      cancelled_ids: [],
    },
  };

  it('needs consent to leave out events with problems', async () => {
    const backend = fakeBackend(tinyTeam(), {
      open_ics_busy: () => pick,
      import_ics_busy: () => tinyTeam(),
      my_week: (a) => ({
        rep: String(a.rep), name: 'Unit Ana', time_zone: 'Europe/London', team: null, home_office: null, start: String(a.date),
        days: [], office_days: 0, next_planned: null, revision: 1, counter: 1,
      }),
      calendar_view: (a) => ({ from: a.from, to: a.to, time_zone: a.timeZone, resources: [], events: [] }),
    });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: /My week/ }));
    await user.type(await screen.findByLabelText('I am', {}, { timeout: 5000 }), 'ana');
    await user.click(await screen.findByRole('button', { name: 'Choose Unit Ana' }));
    await user.click(screen.getByRole('button', { name: 'Import busy times…' }));
    const dialog = await screen.findByRole('dialog', { name: /Busy times for Unit Ana from outlook.ics/ });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('line 40: DTSTART: no such date 2026-02-30');
    expect(within(dialog).getByRole('table', { name: 'Busy times to import' })).toHaveTextContent('Dentist');
    const go = within(dialog).getByRole('button', { name: 'Import busy times' });
    expect(go).toBeDisabled();
    await user.click(within(dialog).getByLabelText(/Leave out the events with problems/));
    await user.click(go);
    expect(backend.called('import_ics_busy')[0].args).toEqual({ rep: 'unit-ana', skipBad: true });
  });
});
