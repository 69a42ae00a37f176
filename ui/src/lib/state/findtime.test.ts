import { describe, expect, it } from 'vitest';
import type { Booking, MeetingRequest } from '../api';
import { fakeBackend, tinyTeam, twoSuggestions } from '../../test/fixtures';
import { AppState } from './app.svelte';
import { FindTimeState, teamMembers } from './findtime.svelte';
import { PeopleSearch } from './people-search.svelte';

const request: MeetingRequest = {
  id: 'find-a-time',
  title: 'Find a time',
  duration_minutes: 30,
  required: ['unit-ana', 'unit-bo'],
  optional: [],
  from: '2026-11-30',
  to: '2026-12-04',
  time_zone: 'UTC',
  granularity_minutes: 15,
  max_results: 5,
  repeat_weeks: 1,
  fair_rotation: false,
};
const booking: Booking = {
  title: 'Sync',
  time_zone: 'UTC',
  duration_minutes: 30,
  attendees: ['unit-ana', 'unit-bo'],
  starts: ['2026-11-30T10:00:00Z'],
  weeks: 1,
};

async function setUp() {
  const backend = fakeBackend(tinyTeam(), {
    suggest_meeting: () => twoSuggestions(),
    book_meeting: () => ({ ...backend.db, meetings: [{ ...booking, id: 'sync', start: '2026-11-30T10:00', rrule: null, in_person_office: null }] }),
  });
  const app = new AppState();
  await app.init();
  return { backend, app, ft: new FindTimeState(app) };
}

describe('the find-a-time state', () => {
  it('holds an answer until the team changes; after a booking it cannot book again until asked again', async () => {
    const { backend, ft } = await setUp();
    ft.draft.attendees = [
      { id: 'unit-ana', role: 'required', name: 'Unit Ana', time_zone: 'Europe/London' },
      { id: 'unit-bo', role: 'required', name: 'Unit Bo', time_zone: 'Asia/Kolkata' },
    ];
    await ft.run(request);
    expect(ft.stale).toBe(false);
    expect(ft.nameOf('unit-bo')).toBe('Unit Bo');
    await ft.book(booking);
    expect(ft.stale).toBe(true);
    expect(ft.booked).toBe('Sync');
    await expect(ft.book(booking)).rejects.toMatchObject({ code: 'conflict' });
    expect(backend.called('book_meeting')).toHaveLength(1);
    await ft.again();
    expect(backend.called('suggest_meeting')).toHaveLength(2);
    expect(ft.stale).toBe(false);
    expect(ft.booked).toBeNull();
  });

  it('marks the answer stale when another process changes the team', async () => {
    const { backend, app, ft } = await setUp();
    await ft.run(request);
    await app.externalChange(backend.writeElsewhere({ ...backend.db, reps: backend.db.reps.slice(1) }));
    expect(ft.stale).toBe(true);
  });

  it('searches people a page at a time, the newest query winning', async () => {
    const { backend, app } = await setUp();
    const people = new PeopleSearch(app.api, 1);
    const first = people.search('unit');
    const second = people.search('bo');
    await Promise.all([first, second]);
    expect(people.rows.map((r) => r.id)).toEqual(['unit-bo']);
    await people.search('unit');
    expect(people.rows).toHaveLength(1);
    expect(people.total).toBe(2);
    await people.search('  ');
    expect(people.rows).toEqual([]);
    expect(await people.exact('UNIT BO')).toMatchObject({ id: 'unit-bo' });
    expect(await people.exact('unit')).toBeNull();
    expect(backend.called('people_page')).toHaveLength(5);
  });

  it('reads a whole team in one answer from Rust, never paging people into the view', async () => {
    const { backend, app } = await setUp();
    const team = await teamMembers(app.api, 'unit-team');
    expect(team.members.map((r) => r.id)).toEqual(['unit-ana']);
    expect(backend.called('team_members')).toHaveLength(1);
    expect(backend.called('people_page')).toHaveLength(0);
  });

  it("starts on Rust's default window, never over dates the user typed", async () => {
    const { backend, ft } = await setUp();
    expect(ft.draft.from).toBe('');
    await ft.defaultWindow('2026-11-28');
    expect(ft.draft).toMatchObject({ from: '2026-11-30', to: '2026-12-04' });
    expect(backend.called('find_time_window')[0].args).toEqual({ today: '2026-11-28' });
    ft.draft.from = '2027-01-04';
    ft.draft.to = '2027-01-08';
    await ft.defaultWindow('2026-11-28');
    expect(ft.draft.from).toBe('2027-01-04');
    expect(backend.called('find_time_window')).toHaveLength(1);
  });
});
