/**
 * Turns Rust's `CalendarView` (wall-clock events in one display zone) into
 * the calendar component's events. The component runs in its `UTC` mode with
 * floating times, so it draws each wall clock exactly as Rust wrote it: no
 * browser zone, DST rule or RRULE is involved here.
 */
import type { AttendeeTime, CalendarEvent, CalendarView, EventKind } from '../api';

/** The shape @event-calendar/core accepts for an event (the fields we use). */
export type EcEvent = {
  id: string;
  resourceIds: string[];
  start: string;
  end: string;
  allDay: boolean;
  title: string;
  display: 'auto' | 'background';
  classNames: string[];
  extendedProps: { source: CalendarEvent };
};

export type EcResource = { id: string; title: string };

const BACKGROUND: ReadonlySet<EventKind> = new Set(['working', 'stretch']);

/** `2026-12-01T15:00` → `2026-12-01T15:00:00` (floating: no offset). */
function floating(wall: string): string {
  return wall.length === 16 ? `${wall}:00` : wall;
}

export function toEcEvents(view: CalendarView, opts: { hours: boolean }): EcEvent[] {
  return view.events
    .filter((e) => opts.hours || !BACKGROUND.has(e.kind))
    .map((e) => ({
      id: e.id,
      resourceIds: [e.rep],
      start: e.all_day ? e.start : floating(e.start),
      end: e.all_day ? e.end : floating(e.end),
      allDay: e.all_day,
      title: e.title,
      display: BACKGROUND.has(e.kind) ? 'background' : 'auto',
      classNames: [`ev-${e.kind.replace('_', '-')}`],
      extendedProps: { source: e },
    }));
}

/** Resource rows: the rep's name, zone and offset over the view. */
export function toEcResources(view: CalendarView): EcResource[] {
  return view.resources.map((r) => ({ id: r.id, title: `${r.name} · ${r.time_zone.replace(/_/g, ' ')} (${r.offsets})` }));
}

/** `2026-12-01T15:00` → `Tue 15:00`. */
export function wallText(wall: string): string {
  const d = new Date(`${wall.slice(0, 10)}T00:00:00Z`);
  const wd = d.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
  return `${wd} ${wall.slice(11, 16)}`;
}

/** One line per attendee: `Ana Silva (Europe/Lisbon): Tue 09:00–09:30`. */
export function attendeeLines(attendees: readonly AttendeeTime[]): string[] {
  return attendees.map((a) => {
    const sameDay = a.local_start.slice(0, 10) === a.local_end.slice(0, 10);
    const end = sameDay ? a.local_end.slice(11, 16) : wallText(a.local_end);
    return `${a.name} (${a.time_zone}): ${wallText(a.local_start)}–${end}`;
  });
}

/** The hours the time grid opens on: an hour before the earliest timed event, 07:00 at the latest. */
export function scrollTime(view: CalendarView): string {
  let earliest = 7 * 60;
  for (const e of view.events) {
    if (e.all_day || e.kind === 'stretch') continue;
    const m = Number(e.start.slice(11, 13)) * 60 + Number(e.start.slice(14, 16));
    earliest = Math.min(earliest, m);
  }
  const h = Math.max(0, Math.floor(earliest / 60) - 1);
  return `${String(h).padStart(2, '0')}:00:00`;
}
