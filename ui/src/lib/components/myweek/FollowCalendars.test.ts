import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../../App.svelte';
import { emptyScenario, fakeBackend, tinyTeam } from '../../../test/fixtures';
import { COMPILE_TIMEOUT_MS, compileScreens } from '../../../test/screens';
import type { FollowedPage, FollowedRow, FollowedWeek, PasswordKept } from '../../api';

beforeAll(compileScreens, COMPILE_TIMEOUT_MS);

afterEach(() => {
  clearMocks();
  localStorage.clear();
});

const URL = 'http://127.0.0.1:5232/lead/emea/';

function followedRow(password: PasswordKept = 'keyring'): FollowedRow {
  return {
    calendar: { url: URL, user: 'rep', name: 'EMEA Mid Market', last_updated: '2026-12-05T10:00:00Z', last_error: null, events: 12 },
    password,
  };
}

function followedWeek(rep: string, date: string): FollowedWeek {
  return {
    rep,
    name: 'Kai Tanaka',
    time_zone: 'Europe/London',
    start: date,
    days: [
      { date: '2026-11-30', weekday: 'mon', office: 'London', teammates: ['Ana Silva', 'Bo Chen'], away: false, holiday: null },
      { date: '2026-12-01', weekday: 'tue', office: null, teammates: [], away: true, holiday: null },
      { date: '2026-12-02', weekday: 'wed', office: null, teammates: [], away: false, holiday: 'Unit Holiday' },
    ],
    office_days: 1,
    view: { from: date, to: date, time_zone: 'Europe/London', resources: [{ id: rep, name: 'Kai Tanaka', time_zone: 'Europe/London', offsets: 'UTC+00:00' }], events: [] },
  };
}

/** A rep's own computer: no team, the calendars it follows. */
function repComputer(list: FollowedRow[]) {
  const page = (): FollowedPage => ({ calendars: list, keyring: false });
  const backend = fakeBackend(emptyScenario(), {
    followed_calendars: page,
    follow_calendar: (a) => {
      list.push({ ...followedRow('session'), calendar: { ...followedRow().calendar, url: String(a.url), user: String(a.user) } });
      return { report: { url: String(a.url), name: 'EMEA Mid Market', added: 12, changed: 0, removed: 0, unchanged: 0, skipped: [] }, password: 'session' };
    },
    refresh_followed: () => ({ url: URL, name: 'EMEA Mid Market', added: 0, changed: 1, removed: 0, unchanged: 11, skipped: [] }),
    unfollow_calendar: () => {
      list.splice(0, list.length);
      return null;
    },
    followed_reps: (a) => {
      const all = [
        { id: 'kai', name: 'Kai Tanaka', time_zone: 'Europe/London' },
        { id: 'ana', name: 'Ana Silva', time_zone: 'Europe/Lisbon' },
      ];
      const rows = all.filter((r) => r.name.toLowerCase().includes(String(a.search).toLowerCase()));
      return { rows, total: rows.length };
    },
    followed_week: (a) => (a.rep === 'kai' ? followedWeek(String(a.rep), String(a.date)) : null),
  });
  return { backend, user: userEvent.setup() };
}

async function openMyWeek(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: /My week/ }));
  return screen.findByRole('region', { name: 'Team calendars you follow' }, { timeout: 5000 });
}

describe('My week on a computer that only follows the team calendar', () => {
  it('follows a calendar through the form and lists it with when it was last updated', async () => {
    const list: FollowedRow[] = [];
    const { backend, user } = repComputer(list);
    render(App);
    const section = await openMyWeek(user);
    expect(screen.getByLabelText('I am')).toBeDisabled();
    await user.click(within(section).getByRole('button', { name: 'Follow a team calendar…' }));
    const form = screen.getByRole('form', { name: 'Follow a team calendar' });
    expect(within(form).getByRole('note')).toHaveTextContent('No keyring on this computer: Meridian will ask for the password again next time');
    await user.click(within(form).getByRole('button', { name: 'Follow' }));
    expect(backend.called('follow_calendar')).toHaveLength(0);
    await user.type(within(form).getByLabelText('Calendar address'), URL);
    await user.type(within(form).getByLabelText('User name'), 'rep');
    await user.type(within(form).getByLabelText('Password or app password'), 'r3p');
    await user.click(within(form).getByRole('button', { name: 'Follow' }));
    expect(backend.called('follow_calendar').at(-1)?.args).toEqual({ url: URL, user: 'rep', password: 'r3p', remember: true });
    const calendars = await within(section).findByRole('list', { name: 'Followed calendars' });
    expect(calendars).toHaveTextContent('EMEA Mid Market');
    expect(calendars).toHaveTextContent('Last updated 2026-12-05 10:00 UTC · 12 events · password kept until Meridian closes');
    expect(screen.getByLabelText('I am')).toBeEnabled();
  });

  it('shows a followed rep’s week from the local copy: office, who is in, away days', async () => {
    const { backend, user } = repComputer([followedRow()]);
    render(App);
    await openMyWeek(user);
    await user.type(screen.getByLabelText('I am'), 'kai');
    await user.click(await screen.findByRole('button', { name: 'Choose Kai Tanaka' }));
    const days = await screen.findByRole('list', { name: 'Days of the week' });
    const items = within(days).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('In the office · London');
    expect(items[0]).toHaveTextContent('With Ana Silva, Bo Chen');
    expect(items[1]).toHaveTextContent('Away');
    expect(items[2]).toHaveTextContent('Public holiday · Unit Holiday');
    expect(screen.getByRole('region', { name: 'Week calendar of Kai Tanaka' })).toBeTruthy();
    expect(backend.called('followed_reps').at(-1)?.args).toEqual({ search: 'kai', limit: 8 });
    expect(backend.called('followed_week').at(-1)?.args.rep).toBe('kai');
    expect(backend.called('my_week')).toHaveLength(0);
    expect(localStorage.getItem('meridian.my-week.rep')).toBe('kai');
  });

  it('refreshes with the kept password, asks for it when there is none, and stops following after a confirmation', async () => {
    const list = [followedRow('missing')];
    const { backend, user } = repComputer(list);
    render(App);
    const section = await openMyWeek(user);
    await user.click(within(section).getByRole('button', { name: 'Refresh EMEA Mid Market' }));
    expect(backend.called('refresh_followed')).toHaveLength(0);
    const form = screen.getByRole('form', { name: 'Follow a team calendar' });
    await user.type(within(form).getByLabelText('Password or app password'), 'r3p');
    // Rust keeps it (in the keyring, remembered): the list read after the refresh says so.
    list[0] = followedRow('keyring');
    await user.click(within(form).getByRole('button', { name: 'Refresh' }));
    expect(backend.called('refresh_followed').at(-1)?.args).toEqual({ url: URL, password: 'r3p', remember: true });
    await expect.poll(() => screen.queryByRole('form', { name: 'Follow a team calendar' })).toBeNull();

    await user.click(within(section).getByRole('button', { name: 'Refresh EMEA Mid Market' }));
    await expect.poll(() => backend.called('refresh_followed').length).toBe(2);
    expect(backend.called('refresh_followed').at(-1)?.args).toEqual({ url: URL, password: null, remember: false });
    expect(screen.queryByRole('form', { name: 'Follow a team calendar' })).toBeNull();

    await user.click(within(section).getByRole('button', { name: 'Stop following EMEA Mid Market' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Stop following' }));
    expect(backend.called('unfollow_calendar').at(-1)?.args).toEqual({ url: URL });
    await expect.poll(() => within(section).queryByRole('list', { name: 'Followed calendars' })).toBeNull();
  });
});

describe('My week with the lead’s own team', () => {
  it('keeps the people picker and lists the followed calendars below the week', async () => {
    const backend = fakeBackend(tinyTeam(), {
      followed_calendars: () => ({ calendars: [followedRow()], keyring: true }),
      my_week: () => null,
    });
    const user = userEvent.setup();
    render(App);
    const section = await openMyWeek(user);
    // The list is read after the section is drawn.
    expect(await within(section).findByRole('list', { name: 'Followed calendars' })).toHaveTextContent('EMEA Mid Market');
    await user.type(screen.getByLabelText('I am'), 'ana');
    expect(await screen.findByRole('button', { name: 'Choose Unit Ana' })).toBeTruthy();
    expect(backend.called('people_page').length).toBeGreaterThan(0);
    expect(backend.called('followed_reps')).toHaveLength(0);
  });
});
