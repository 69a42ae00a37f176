import { describe, expect, it } from 'vitest';
import { attendeeLines, blockLabel, lanes, nowAt, scrollTime, spanBox, timeRange, toEcEvents, wallText } from './calendar';
import type { CalendarEvent, CalendarView, MeetingBlock } from '../api';

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

function block(extra: Partial<MeetingBlock> = {}): MeetingBlock {
  return {
    id: 'b',
    meeting: 'sync',
    title: 'Pipeline review',
    span: { day: 1, from: 540, to: 600 },
    start: '2026-12-01T09:00',
    end: '2026-12-01T10:00',
    local_start: '2026-12-01T17:00',
    local_end: '2026-12-01T18:00',
    meeting_zone: 'Europe/London',
    attendees: 3,
    ...extra,
  };
}

describe('team week layout', () => {
  it('places a span by its share of the day, also on a 23-hour day', () => {
    expect(spanBox({ from: 540, to: 1020 }, 1440)).toEqual({ left: 37.5, width: (480 / 1440) * 100 });
    expect(spanBox({ from: 0, to: 1380 }, 1380)).toEqual({ left: 0, width: 100 });
  });

  it('writes a time range, marking an end on the next date', () => {
    expect(timeRange('2026-12-01T09:00', '2026-12-01T09:30')).toBe('09:00–09:30');
    expect(timeRange('2026-12-01T23:30', '2026-12-02T00:30')).toBe('23:30–00:30 (+1)');
  });

  it('reads a block with the viewer time, the rep time when it differs, and attendees', () => {
    expect(blockLabel(block(), 'Europe/London', 'Asia/Tokyo')).toBe(
      'Pipeline review, Tue 09:00–10:00 Europe/London time; 17:00–18:00 Asia/Tokyo time; 3 attendees',
    );
    expect(blockLabel(block({ attendees: 1 }), 'UTC', 'UTC')).toBe('Pipeline review, Tue 09:00–10:00 UTC time; 1 attendee');
  });

  it('finds now in the week by the days Rust measured, or nowhere', () => {
    const days = [
      { date: '2026-03-28', start: 29_567_520, minutes: 1440, hours: [] },
      { date: '2026-03-29', start: 29_568_960, minutes: 1380, hours: [] },
    ];
    expect(nowAt(days, (29_568_960 + 690) * 60000)).toEqual({ day: 1, fraction: 0.5 });
    expect(nowAt(days, (29_568_960 + 1380) * 60000)).toBeNull();
    expect(nowAt(days, 0)).toBeNull();
  });

  it('stacks overlapping blocks in lanes and reuses a lane once it is free', () => {
    const out = lanes([
      block({ id: 'a', span: { day: 0, from: 540, to: 600 } }),
      block({ id: 'b', span: { day: 0, from: 570, to: 630 } }),
      block({ id: 'c', span: { day: 0, from: 600, to: 660 } }),
    ]);
    expect(out).toEqual({ lane: [0, 1, 0], count: 2 });
    expect(lanes([])).toEqual({ lane: [], count: 1 });
  });
});
