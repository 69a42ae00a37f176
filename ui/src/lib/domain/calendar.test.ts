import { describe, expect, it } from 'vitest';
import { attendeeLines, scrollTime, toEcEvents, toEcResources, wallText } from './calendar';
import type { CalendarEvent, CalendarView } from '../api';

function ev(extra: Partial<CalendarEvent>): CalendarEvent {
  return {
    id: 'x',
    kind: 'meeting',
    rep: 'ana',
    title: 'Sync',
    start: '2026-12-01T15:00',
    end: '2026-12-01T15:30',
    all_day: false,
    meeting: 'sync',
    meeting_zone: 'Europe/London',
    attendees: [],
    office: null,
    teammates: [],
    ...extra,
  };
}

const view: CalendarView = {
  from: '2026-11-30',
  to: '2026-12-06',
  time_zone: 'Asia/Tokyo',
  resources: [{ id: 'ana', name: 'Ana Silva', time_zone: 'America/New_York', offsets: 'UTC-05:00' }],
  events: [
    ev({ id: 'm' }),
    ev({ id: 'w', kind: 'working', start: '2026-12-01T23:00', end: '2026-12-02T07:00' }),
    ev({ id: 'o', kind: 'office_day', start: '2026-12-02', end: '2026-12-03', all_day: true, title: 'In the office · London' }),
  ],
};

describe('calendar events', () => {
  it('pass Rust wall clocks through as floating times, hours as backgrounds', () => {
    const out = toEcEvents(view, { hours: true });
    expect(out.map((e) => [e.id, e.start, e.end, e.display, e.allDay, e.classNames[0]])).toEqual([
      ['m', '2026-12-01T15:00:00', '2026-12-01T15:30:00', 'auto', false, 'ev-meeting'],
      ['w', '2026-12-01T23:00:00', '2026-12-02T07:00:00', 'background', false, 'ev-working'],
      ['o', '2026-12-02', '2026-12-03', 'auto', true, 'ev-office-day'],
    ]);
    expect(out[0].resourceIds).toEqual(['ana']);
    expect(toEcEvents(view, { hours: false }).map((e) => e.id)).toEqual(['m', 'o']);
  });

  it('name each row by rep, zone and offset', () => {
    expect(toEcResources(view)).toEqual([{ id: 'ana', title: 'Ana Silva · America/New York (UTC-05:00)' }]);
  });

  it('list every attendee on their own clock', () => {
    expect(wallText('2026-12-01T15:00')).toBe('Tue 15:00');
    expect(
      attendeeLines([
        { rep: 'ana', name: 'Ana', time_zone: 'Europe/Lisbon', local_start: '2026-12-01T09:00', local_end: '2026-12-01T09:30' },
        { rep: 'kai', name: 'Kai', time_zone: 'Pacific/Auckland', local_start: '2026-12-01T23:45', local_end: '2026-12-02T00:15' },
      ]),
    ).toEqual(['Ana (Europe/Lisbon): Tue 09:00–09:30', 'Kai (Pacific/Auckland): Tue 23:45–Wed 00:15']);
  });

  it('open the grid an hour before the first event, at 06:00 at the latest', () => {
    expect(scrollTime(view)).toBe('06:00:00');
    expect(scrollTime({ ...view, events: [ev({ start: '2026-12-01T04:30' })] })).toBe('03:00:00');
  });
});
