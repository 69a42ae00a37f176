import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import AttendeePicker from './AttendeePicker.svelte';
import type { PickedAttendee } from '../../domain/findtime';
import { api, type Rep, type Team } from '../../api';
import { emptyScenario, fakeBackend, rep } from '../../../test/fixtures';

const team = {
  ...emptyScenario(),
  teams: [
    { id: 'east', name: 'East', anchor_days: [] },
    { id: 'west', name: 'West', anchor_days: [] },
  ],
  reps: [
    rep('ana', 'Ana Silva', { team: 'east' }),
    rep('bo', 'Bo Chen', { team: 'east', time_zone: 'Asia/Kolkata' }),
    rep('cy', 'Cy Ortiz', { team: 'west', time_zone: 'America/New_York' }),
  ],
};
const teams = team.teams.map((t: Team) => ({ team: t, revision: 1, reps: team.reps.filter((r: Rep) => r.team === t.id).length }));
const ana: PickedAttendee = { id: 'ana', role: 'required', name: 'Ana Silva', time_zone: 'Europe/London' };
const bo: PickedAttendee = { id: 'bo', role: 'required', name: 'Bo Chen', time_zone: 'Asia/Kolkata' };

function setup(value: PickedAttendee[] = []) {
  const backend = fakeBackend(team);
  const props = $state({ id: 'people', api, teams, value });
  render(AttendeePicker, { props });
  return { user: userEvent.setup(), props, backend };
}

const group = (name: string) => screen.getByRole('group', { name });

afterEach(() => clearMocks());

describe('AttendeePicker', () => {
  it('finds people through Rust by name or team and adds them as required or optional', async () => {
    const { user, props, backend } = setup();
    const search = screen.getByRole('searchbox');
    await user.type(search, 'ana');
    await user.click(await screen.findByRole('button', { name: 'Add Ana Silva as required' }));
    expect(screen.getByRole('list', { name: /People matching/ })).toHaveTextContent('Ana Silva');
    await user.clear(search);
    await user.type(search, 'west');
    await user.click(await screen.findByRole('button', { name: 'Add Cy Ortiz as optional' }));
    const matches = screen.getByRole('list', { name: /People matching/ });
    expect(within(matches).getAllByRole('listitem')).toHaveLength(1);
    expect(props.value).toEqual([ana, { id: 'cy', role: 'optional', name: 'Cy Ortiz', time_zone: 'America/New_York' }]);
    expect(group('Required attendees')).toHaveTextContent('Ana Silva');
    expect(group('Optional attendees')).toHaveTextContent('Cy Ortiz');
    // Every search is a page from Rust, never a list held here.
    const last = backend.called('people_page').at(-1)!.args;
    expect(last).toEqual({ query: { search: 'west', team: { kind: 'all' } }, window: { offset: 0, limit: 8 } });
  });

  it('adds a whole team (read from Rust) without changing the roles already picked', async () => {
    const { user, props, backend } = setup([ana]);
    await user.click(screen.getByRole('button', { name: 'Add team East as optional' }));
    await screen.findByText('Bo Chen');
    expect(props.value).toEqual([ana, { ...bo, role: 'optional' }]);
    // One answer from Rust for the team; no page of people read for it.
    expect(backend.called('team_members').map((c) => c.args)).toEqual([{ team: 'east' }]);
    expect(backend.called('people_page')).toHaveLength(0);
  });

  it('switches a role and removes a person', async () => {
    const { user, props } = setup([ana, bo]);
    await user.click(screen.getByRole('button', { name: 'Make Bo Chen optional' }));
    expect(props.value[1]).toEqual({ ...bo, role: 'optional' });
    await user.click(screen.getByRole('button', { name: 'Remove Ana Silva' }));
    expect(props.value).toEqual([{ ...bo, role: 'optional' }]);
    expect(group('Required attendees')).toHaveTextContent('No one yet');
  });
});
