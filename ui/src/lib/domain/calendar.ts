/**
 * Turns Rust's `CalendarView` (wall-clock events in one display zone) into
 * the calendar component's events. The component runs in its `UTC` mode with
 * floating times, so it draws each wall clock exactly as Rust wrote it: no
 * browser zone, DST rule or RRULE is involved here.
 *
 * Also lays out Rust's `TeamWeek`: positions are minutes since the start of
 * a viewer's day as Rust computed them, turned into percentages here.
 */
import type { AttendeeTime, CalendarEvent, CalendarView, EventKind, MeetingBlock, Span, TeamWeekLine, TeamWeekRep, WeekDay } from '../api';
import { t } from '../i18n';
import { FORMATS } from '../i18n/format';

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

/** `2026-12-01T15:00` → `Tue 15:00` (`Tue 3:00 PM` in en-US). */
export function wallText(wall: string): string {
  return `${FORMATS.weekday(wall)} ${FORMATS.time(wall.slice(11, 16))}`;
}

/** One line per attendee: `Ana Silva (Europe/Lisbon): Tue 09:00–09:30`. */
export function attendeeLines(attendees: readonly AttendeeTime[]): string[] {
  return attendees.map((a) => {
    const sameDay = a.local_start.slice(0, 10) === a.local_end.slice(0, 10);
    const end = sameDay ? FORMATS.time(a.local_end.slice(11, 16)) : wallText(a.local_end);
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

/* ---------- Team week: layout of Rust's `TeamWeek` (positions only) ---------- */


/** Left edge and width of a span within its day, in percent of the day. */
export function spanBox(span: Pick<Span, 'from' | 'to'>, minutes: number): { left: number; width: number } {
  const len = Math.max(1, minutes);
  return { left: (span.from / len) * 100, width: ((span.to - span.from) / len) * 100 };
}

/** `2026-12-01T15:00`/`…T15:45` → `15:00–15:45`; an end on a later date gets `(+1)`. */
export function timeRange(start: string, end: string): string {
  const later = end.slice(0, 10) > start.slice(0, 10) ? ' (+1)' : '';
  return `${FORMATS.time(start.slice(11, 16))}–${FORMATS.time(end.slice(11, 16))}${later}`;
}

/** The full words a meeting block is read as (screen readers, tooltips). */
export function blockLabel(b: MeetingBlock, viewerZone: string, repZone: string): string {
  const own = repZone === viewerZone ? '' : t('teamweek.block.own', { range: timeRange(b.local_start, b.local_end), zone: repZone.replace(/_/g, ' ') });
  return t('teamweek.block.label', {
    title: b.title,
    range: `${wallText(b.start)}–${FORMATS.time(b.end.slice(11, 16))}`,
    zone: viewerZone.replace(/_/g, ' '),
    own,
    attendees: t('teamweek.block.attendees', { count: b.attendees }),
  });
}

/** The meeting blocks of one day of a row, in time order (Rust sorts them). */
export function blocksOn(row: TeamWeekRep, day: number): MeetingBlock[] {
  return row.meetings.filter((b) => b.span.day === day);
}

/** Where "now" falls: the day index and the fraction of it, or null outside the week. */
export function nowAt(days: readonly WeekDay[], nowMs: number): { day: number; fraction: number } | null {
  const minute = nowMs / 60000;
  for (const [i, d] of days.entries()) {
    if (minute >= d.start && minute < d.start + d.minutes) return { day: i, fraction: (minute - d.start) / d.minutes };
  }
  return null;
}

/** A stable key for a line (group headers and reps never share one). */
export function lineKey(line: TeamWeekLine): string {
  return line.kind === 'group' ? `group:${line.key}` : `rep:${line.id}`;
}

/** `2026-03-29` → `Sun 29 Mar` (en-GB). */
export function dayHeader(date: string): string {
  return FORMATS.shortDate(date);
}

/** Lanes for overlapping blocks of one day (first free lane, in time order): each block's lane and how many there are. */
export function lanes(blocks: readonly MeetingBlock[]): { lane: number[]; count: number } {
  const ends: number[] = [];
  const lane = blocks.map((b) => {
    let k = ends.findIndex((end) => end <= b.span.from);
    if (k < 0) k = ends.push(0) - 1;
    ends[k] = b.span.to;
    return k;
  });
  return { lane, count: Math.max(1, ends.length) };
}
