import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AttendeePicker from './AttendeePicker.svelte';
import type { PickedAttendee } from '../../domain/findtime';
import { rep } from '../../../test/fixtures';

const teams = [
  { id: 'east', name: 'East', anchor_days: [] },
  { id: 'west', name: 'West', anchor_days: [] },
];
const reps = [
  rep('ana', 'Ana Silva', { team: 'east' }),
  rep('bo', 'Bo Chen', { team: 'east', time_zone: 'Asia/Kolkata' }),
  rep('cy', 'Cy Ortiz', { team: 'west', time_zone: 'America/New_York' }),
];

function setup(value: PickedAttendee[] = []) {
  const props = $state({ id: 'people', reps, teams, value });
  render(AttendeePicker, { props });
  return { user: userEvent.setup(), props };
}

const group = (name: string) => screen.getByRole('group', { name });

describe('AttendeePicker', () => {
  it('finds people by name or team and adds them as required or optional', async () => {
    const { user, props } = setup();
    const search = screen.getByRole('searchbox');
    await user.type(search, 'ana');
    expect(screen.getByRole('list', { name: /People matching/ })).toHaveTextContent('Ana Silva');
    await user.click(screen.getByRole('button', { name: 'Add Ana Silva as required' }));
    await user.clear(search);
    await user.type(search, 'west');
    const matches = screen.getByRole('list', { name: /People matching/ });
    expect(within(matches).getAllByRole('listitem')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Add Cy Ortiz as optional' }));
    expect(props.value).toEqual([
      { id: 'ana', role: 'required' },
      { id: 'cy', role: 'optional' },
    ]);
    expect(group('Required attendees')).toHaveTextContent('Ana Silva');
    expect(group('Optional attendees')).toHaveTextContent('Cy Ortiz');
  });

  it('adds a whole team without changing the roles already picked', async () => {
    const { user, props } = setup([{ id: 'ana', role: 'required' }]);
    await user.click(screen.getByRole('button', { name: 'Add team East as optional' }));
    expect(props.value).toEqual([
      { id: 'ana', role: 'required' },
      { id: 'bo', role: 'optional' },
    ]);
  });

  it('switches a role and removes a person', async () => {
    const { user, props } = setup([
      { id: 'ana', role: 'required' },
      { id: 'bo', role: 'required' },
    ]);
    await user.click(screen.getByRole('button', { name: 'Make Bo Chen optional' }));
    expect(props.value[1]).toEqual({ id: 'bo', role: 'optional' });
    await user.click(screen.getByRole('button', { name: 'Remove Ana Silva' }));
    expect(props.value).toEqual([{ id: 'bo', role: 'optional' }]);
    expect(group('Required attendees')).toHaveTextContent('No one yet');
  });
});
