import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RepForm from './RepForm.svelte';
import { ApiError, type Office, type Rep } from '../../api';
import { ZONES, rep, tinyTeam } from '../../../test/fixtures';

function setup(opts: { rep?: Rep | null; offices?: Office[]; onsave?: (r: Rep) => Promise<void> } = {}) {
  const user = userEvent.setup();
  const s = tinyTeam();
  const onsave = vi.fn(opts.onsave ?? (async () => {}));
  const oncancel = vi.fn();
  render(RepForm, {
    props: {
      rep: opts.rep ?? null,
      teams: s.teams,
      offices: opts.offices ?? s.offices,
      zones: ZONES,
      policy: s.policy,
      freeId: async (base: string) => {
        const taken = new Set(s.reps.map((r) => r.id));
        for (let n = 1; ; n++) {
          const id = n === 1 ? base : `${base}-${n}`;
          if (!taken.has(id)) return id;
        }
      },
      defaultZone: 'Europe/London',
      onsave,
      oncancel,
    },
  });
  return { user, onsave, oncancel };
}

const field = (name: string) => screen.getByRole('textbox', { name });

describe('RepForm', () => {
  it("writes the public holidays as the home office's (key left out), none (null) or a region", async () => {
    const saved: Rep[] = [];
    const { user } = setup({ rep: rep('unit-ana', 'Unit Ana'), onsave: async (r) => void saved.push(r) });
    const from = screen.getByRole('combobox', { name: 'Public holidays' });
    const save = screen.getByRole('button', { name: 'Save changes' });
    await user.click(save);
    expect('holidays' in saved[0]).toBe(false);
    await user.selectOptions(from, 'none');
    await user.click(save);
    expect(saved[1].holidays).toBeNull();
    await user.selectOptions(from, 'region');
    const picker = screen.getByPlaceholderText(/e\.g\. India or IN-KA/);
    await user.type(picker, 'IN-KA');
    await user.click(save);
    expect(saved[2].holidays).toBe('IN-KA');
  });

  it('suggests an id from the name while the id is untouched', async () => {
    const { user } = setup();
    await user.type(field('Name'), 'Zoë Ñandú');
    expect(field('Id')).toHaveValue('zoe-nandu');
    await user.clear(field('Name'));
    await user.type(field('Name'), 'Unit Ana');
    await waitFor(() => expect(field('Id')).toHaveValue('unit-ana-2'));
  });

  it('shows the problems Rust returns next to the fields they name and keeps the input', async () => {
    const { user, onsave } = setup({
      onsave: async () => {
        throw new ApiError('invalid', 'the team document is invalid', [
          { path: 'time_zone', message: 'zone is not in tzdata 2026f' },
          { path: 'working_hours.mon[0]', message: 'overlaps a stretch interval' },
          { path: 'time_off[0].end', message: 'end is before start' },
          { path: 'requests.rotation.locks[0]', message: 'lock contradicts office hours' },
        ]);
      },
    });
    await user.type(field('Name'), 'Cleo Unit');
    await user.click(screen.getByRole('button', { name: /Add time off/ }));
    await fireEvent.input(screen.getByLabelText('Time off 1 first day'), { target: { value: '2026-12-01' } });
    await fireEvent.input(screen.getByLabelText('Time off 1 last day'), { target: { value: '2026-12-02' } });
    await user.click(screen.getByRole('button', { name: 'Add person' }));

    expect(onsave).toHaveBeenCalledTimes(1);
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    expect(zone).toHaveAttribute('aria-invalid', 'true');
    expect(zone).toHaveAccessibleDescription('zone is not in tzdata 2026f');

    const monStart = field('Working hours Monday interval 1 start');
    expect(monStart).toHaveAttribute('aria-invalid', 'true');
    expect(monStart).toHaveAccessibleDescription('overlaps a stretch interval');
    expect(field('Working hours Tuesday interval 1 start')).not.toHaveAttribute('aria-invalid');

    expect(screen.getByLabelText('Time off 1 last day')).toHaveAccessibleDescription('end is before start');

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Not saved: the team document is invalid');
    expect(within(alert).getByText(/lock contradicts office hours/)).toBeInTheDocument();

    expect(field('Name')).toHaveValue('Cleo Unit');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('sends the whole rep to Rust in the document shape', async () => {
    const { user, onsave } = setup();
    await user.type(field('Name'), 'Dee Unit');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Team' }), 'unit-team');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Home office' }), 'unit-office');
    await user.clear(field('Capacity (hours per week)'));
    await user.type(field('Capacity (hours per week)'), '37.5');
    await user.click(screen.getByRole('checkbox', { name: /Use team policy/ }));
    await user.clear(field('Maximum days per week'));
    await user.type(field('Maximum days per week'), '4');
    await user.click(within(screen.getByRole('group', { name: 'Preferred office days' })).getByRole('button', { name: 'Wed' }));
    await user.type(field('Skills'), 'renewals{Enter}spanish,');
    await user.click(screen.getByRole('button', { name: 'Add person' }));

    expect(onsave).toHaveBeenCalledWith({
      id: 'dee-unit',
      name: 'Dee Unit',
      team: 'unit-team',
      time_zone: 'Europe/London',
      office: 'unit-office',
      working_hours: {
        mon: [['09:00', '17:00']],
        tue: [['09:00', '17:00']],
        wed: [['09:00', '17:00']],
        thu: [['09:00', '17:00']],
        fri: [['09:00', '17:00']],
      },
      stretch_hours: {},
      capacity_hours_per_week: 37.5,
      office_days_per_week: { min: 2, max: 4 },
      preferred_office_days: ['wed'],
      no_office_days: [],
      time_off: [],
      skills: ['renewals', 'spanish'],
    });
  });

  it('catches a bad interval before calling Rust: 24:00 only as an end, start before end', async () => {
    const { user, onsave } = setup();
    await user.type(field('Name'), 'Eli Unit');
    const start = field('Working hours Monday interval 1 start');
    await user.clear(start);
    await user.type(start, '24:00');
    const tueEnd = field('Working hours Tuesday interval 1 end');
    await user.clear(tueEnd);
    await user.type(tueEnd, '08:00');
    await user.click(screen.getByRole('button', { name: 'Add working hours interval on Wednesday' }));
    await user.type(field('Working hours Wednesday interval 2 end'), '9.30');
    await user.click(screen.getByRole('button', { name: 'Add person' }));

    expect(onsave).not.toHaveBeenCalled();
    expect(start).toHaveAccessibleDescription(/start cannot be 24:00/);
    expect(tueEnd).toHaveAccessibleDescription('start must be before end');
    expect(field('Working hours Wednesday interval 2 end')).toHaveAccessibleDescription(/"9.30" is not a time HH:MM/);
  });

  it('adds and removes intervals per weekday', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add stretch hours interval on Saturday' }));
    expect(field('Stretch hours Saturday interval 1 start')).toHaveValue('07:30');
    await user.click(screen.getByRole('button', { name: 'Remove stretch hours Saturday interval 1' }));
    expect(screen.queryByRole('textbox', { name: 'Stretch hours Saturday interval 1 start' })).toBeNull();
  });

  it('maps a duplicate id refusal without problems to the id field', async () => {
    const { user } = setup({
      onsave: async () => {
        throw new ApiError('duplicate_id', 'a rep with id "new-one" already exists');
      },
    });
    await user.type(field('Name'), 'New One');
    await user.click(screen.getByRole('button', { name: 'Add person' }));
    expect(field('Id')).toHaveAccessibleDescription(expect.stringContaining('already exists'));
  });

  it('edits an existing rep without letting the id change, and Escape cancels', async () => {
    const { user, oncancel } = setup({ rep: rep('unit-ana', 'Unit Ana', { team: 'unit-team' }) });
    expect(screen.getByRole('dialog', { name: 'Edit Unit Ana' })).toBeInTheDocument();
    expect(field('Id')).toHaveAttribute('readonly');
    expect(screen.getByRole('combobox', { name: 'Team' })).toHaveValue('unit-team');
    await user.keyboard('{Escape}');
    expect(oncancel).toHaveBeenCalled();
  });
  it('closes only the zone list on Escape inside the dialog, then Escape cancels the form', async () => {
    const { user, oncancel } = setup();
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    await user.clear(zone);
    await user.type(zone, 'new');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(oncancel).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(oncancel).toHaveBeenCalledTimes(1);
  });

  describe('travel', () => {
    const far: Office = {
      id: 'unit-far',
      name: 'Unit Far',
      time_zone: 'America/New_York',
      desks: 2,
      open_days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      closed_dates: [],
    };
    const offices = () => [...tinyTeam().offices, far];

    it('adds a trip to another office (never the home one) and removes it, the key left out when none', async () => {
      const saved: Rep[] = [];
      const { user } = setup({
        rep: rep('unit-ana', 'Unit Ana', { office: 'unit-office' }),
        offices: offices(),
        onsave: async (r) => void saved.push(r),
      });
      await user.click(screen.getByRole('button', { name: /Add trip/ }));
      const office = screen.getByRole('combobox', { name: 'Trip 1 office' });
      expect(within(office).queryByRole('option', { name: 'Unit Office' })).toBeNull();
      expect(office).toHaveValue('unit-far');
      await fireEvent.input(screen.getByLabelText('Trip 1 first day'), { target: { value: '2026-12-07' } });
      await fireEvent.input(screen.getByLabelText('Trip 1 last day'), { target: { value: '2026-12-11' } });
      const save = screen.getByRole('button', { name: 'Save changes' });
      await user.click(save);
      expect(saved[0].travel).toEqual([{ from: '2026-12-07', to: '2026-12-11', office: 'unit-far' }]);
      await user.click(screen.getByRole('button', { name: 'Remove trip 1' }));
      expect(screen.queryByLabelText('Trip 1 first day')).toBeNull();
      await user.click(save);
      expect('travel' in saved[1]).toBe(false);
    });

    it('opens with the stored trips and shows the problem Rust returns at the trip it names', async () => {
      const onsave = vi.fn(async () => {
        throw new ApiError('invalid', 'the team document is invalid', [
          { path: 'travel[1].to', message: 'to 2027-01-01 is before from 2027-01-04' },
        ]);
      });
      const { user } = setup({
        rep: rep('unit-ana', 'Unit Ana', {
          office: 'unit-office',
          travel: [
            { from: '2026-12-07', to: '2026-12-11', office: 'unit-far' },
            { from: '2027-01-04', to: '2027-01-01', office: 'unit-far' },
          ],
        }),
        offices: offices(),
        onsave,
      });
      expect(screen.getByLabelText('Trip 2 first day')).toHaveValue('04/01/2027');
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      expect(onsave).toHaveBeenCalledTimes(1);
      const last = screen.getByLabelText('Trip 2 last day');
      expect(last).toHaveAttribute('aria-invalid', 'true');
      expect(last).toHaveAccessibleDescription('to 2027-01-01 is before from 2027-01-04');
      expect(screen.getByLabelText('Trip 2 first day')).not.toHaveAttribute('aria-invalid');
      expect(screen.getByLabelText('Trip 1 last day')).not.toHaveAttribute('aria-invalid');
      // Placed at the field, so not repeated at the top of the form.
      expect(within(screen.getByRole('alert')).queryByText(/before from/)).toBeNull();
    });

    it('starts an added trip on the day after the last one ends, so it does not overlap it', async () => {
      const { user } = setup({
        rep: rep('unit-ana', 'Unit Ana', {
          office: 'unit-office',
          travel: [{ from: '2026-12-07', to: '2026-12-11', office: 'unit-far' }],
        }),
        offices: offices(),
      });
      await user.click(screen.getByRole('button', { name: /Add trip/ }));
      expect(screen.getByLabelText('Trip 2 first day')).toHaveValue('12/12/2026');
      expect(screen.getByLabelText('Trip 2 last day')).toHaveValue('12/12/2026');
      expect(screen.getByRole('combobox', { name: 'Trip 2 office' })).toHaveValue('unit-far');
    });

    it('asks for both days before calling Rust, the only check of a trip made here', async () => {
      const { user, onsave } = setup({ rep: rep('unit-ana', 'Unit Ana', { office: 'unit-office' }), offices: offices() });
      await user.click(screen.getByRole('button', { name: /Add trip/ }));
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      expect(onsave).not.toHaveBeenCalled();
      expect(screen.getByLabelText('Trip 1 first day')).toHaveAccessibleDescription(/first day is required/);
    });
  });
});
