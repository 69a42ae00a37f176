import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../../App.svelte';
import { fakeBackend, tinyTeam } from '../../../test/fixtures';
import { COMPILE_TIMEOUT_MS, compileScreens } from '../../../test/screens';

beforeAll(compileScreens, COMPILE_TIMEOUT_MS);
import type { MyWeek } from '../../api';

afterEach(() => {
  clearMocks();
  localStorage.clear();
});

function week(rep: string, date: string): MyWeek {
  const days = [
    ['mon', '2026-11-30'],
    ['tue', '2026-12-01'],
  ] as const;
  return {
    rep,
    name: 'Unit Ana',
    time_zone: 'Europe/London',
    team: 'unit-team',
    home_office: 'Unit Office',
    start: date,
    days: days.map(([weekday, day], i) => ({
      date: day,
      weekday,
      office: i === 1 ? 'Unit Office' : null,
      teammates: i === 1 ? ['Unit Zed'] : [],
      time_off: false,
      travel: null,
      holiday: null,
      office_holiday: null,
      closed: false,
      no_office_day: i === 0,
      working: true,
    })),
    office_days: 1,
    next_planned: null,
    revision: 1,
    counter: 1,
  };
}

describe('My week', () => {
  it('finds me through Rust’s people search and shows the week Rust read for me', async () => {
    const backend = fakeBackend(tinyTeam(), {
      my_week: (a) => week(String(a.rep), String(a.date)),
      calendar_view: (a) => ({ from: a.from, to: a.to, time_zone: a.timeZone, resources: [], events: [] }),
    });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: /My week/ }));
    // The screen is loaded on first visit.
    await user.type(await screen.findByLabelText('I am', {}, { timeout: 5000 }), 'ana');
    await user.click(await screen.findByRole('button', { name: 'Choose Unit Ana' }));
    const days = await screen.findByRole('list', { name: 'Days of the week' });
    const items = within(days).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Remote (not an office day for you)');
    expect(items[1]).toHaveTextContent('In the office · Unit Office');
    expect(items[1]).toHaveTextContent('With Unit Zed');
    expect(backend.called('people_page').at(-1)?.args).toMatchObject({ query: { search: 'ana', team: { kind: 'all' } } });
    expect(backend.called('my_week').at(-1)?.args.rep).toBe('unit-ana');
    // The week starts on this computer's first weekday (en-GB: Monday).
    const asked = backend.called('my_week').at(-1)?.args;
    expect(asked?.firstDay).toBe('mon');
    expect(new Date(`${String(asked?.date)}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(localStorage.getItem('meridian.my-week.rep')).toBe('unit-ana');
    expect(screen.getByText('Unit Ana', { selector: 'strong' })).toBeTruthy();
  });

  it('says on each trip day which office the rep works from, and why a trip day is remote', async () => {
    const travelling = (rep: string, date: string): MyWeek => {
      const w = week(rep, date);
      w.days = [
        // Not an office day in New York, whose office is closed that day (Rust reads the visited office).
        { ...w.days[0], travel: 'New York', closed: true, office_holiday: 'Thanksgiving Day', no_office_day: false },
        // An office day at the visited office.
        { ...w.days[1], office: 'New York', travel: 'New York', teammates: [] },
      ];
      return w;
    };
    fakeBackend(tinyTeam(), {
      my_week: (a) => travelling(String(a.rep), String(a.date)),
      calendar_view: (a) => ({ from: a.from, to: a.to, time_zone: a.timeZone, resources: [], events: [] }),
    });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: /My week/ }));
    await user.type(await screen.findByLabelText('I am', {}, { timeout: 5000 }), 'ana');
    await user.click(await screen.findByRole('button', { name: 'Choose Unit Ana' }));
    const days = await screen.findByRole('list', { name: 'Days of the week' });
    const items = within(days).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Remote (office closed: Thanksgiving Day)');
    expect(items[0]).toHaveTextContent('In New York office (travelling)');
    expect(items[1]).toHaveTextContent('In the office · New York');
    expect(items[1]).toHaveTextContent('Travelling');
    expect(items[1]).not.toHaveTextContent('In New York office');
  });

  it('picks the person whose whole id is typed and committed', async () => {
    const backend = fakeBackend(tinyTeam(), {
      my_week: (a) => week(String(a.rep), String(a.date)),
      calendar_view: (a) => ({ from: a.from, to: a.to, time_zone: a.timeZone, resources: [], events: [] }),
    });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: /My week/ }));
    const input = await screen.findByLabelText('I am', {}, { timeout: 5000 });
    await user.type(input, 'unit-bo');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await screen.findByRole('list', { name: 'Days of the week' });
    expect(backend.called('my_week').at(-1)?.args.rep).toBe('unit-bo');
  });
});
