/**
 * Display helpers for stored meetings and meeting answers (wall-clock text,
 * UTC instants shown in a zone) and the meeting edit form's draft. Display
 * only: recurrence is expanded and described, and zones are resolved, in
 * Rust; `Intl` here only formats.
 */
import type { Meeting, MeetingForm, Problem } from '../api';
import { t } from '../i18n';
import { FORMATS } from '../i18n/format';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

/** `2026-12-01T15:00` → `Tue 1 Dec 2026, 15:00` in en-GB (the text is taken as is, no zone). */
export function formatLocal(text: string, opts: { year?: boolean } = {}): string {
  const m = LOCAL.exec(text);
  if (!m) return text;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const day = opts.year === false ? FORMATS.shortDate(date) : FORMATS.shortDateYear(date);
  return m[4] === undefined ? day : `${day}, ${FORMATS.time(`${m[4]}:${m[5]}`)}`;
}

/** `2026-12-01T15:00` → `Tue 15:00` (`Tue 3:00 PM` in en-US). */
export function weekdayTime(text: string): string {
  const m = LOCAL.exec(text);
  if (!m || m[4] === undefined) return text;
  return `${FORMATS.weekday(`${m[1]}-${m[2]}-${m[3]}`)} ${FORMATS.time(`${m[4]}:${m[5]}`)}`;
}

/** `2026-12-01T15:00` → `15:00` (`3:00 PM` in en-US). */
export function clockOf(text: string): string {
  const m = LOCAL.exec(text);
  return m && m[4] !== undefined ? FORMATS.time(`${m[4]}:${m[5]}`) : text;
}

/** A UTC instant (`2026-12-01T15:00:00Z`) as `Tue 1 Dec 2026, 15:00 UTC`. */
export function formatUtc(iso: string): string {
  return t('meetings.utc', { time: formatLocal(iso.slice(0, 16)) });
}

/** A UTC instant as wall-clock text `YYYY-MM-DDTHH:MM` in `zone`, or null if the zone is unknown here. */
export function localIn(iso: string, zone: string): string | null {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(iso));
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
  } catch {
    return null;
  }
}

/** Minutes as `45 min`, `2 h`, `1 h 30 min`. */
export function formatMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return t('meetings.duration.minutes', { m });
  return m === 0 ? t('meetings.duration.hours', { h }) : t('meetings.duration.hoursMinutes', { h, m });
}

/** Rules the edit form offers as one click; any other rule is typed (Rust checks it). */
export const RULE_PRESETS: readonly { label: string; rule: string }[] = [
  { label: t('meetings.rules.daily'), rule: 'FREQ=DAILY' },
  { label: t('meetings.rules.weekdays'), rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' },
  { label: t('meetings.rules.weekly'), rule: 'FREQ=WEEKLY' },
  { label: t('meetings.rules.biweekly'), rule: 'FREQ=WEEKLY;INTERVAL=2' },
  { label: t('meetings.rules.monthly'), rule: 'FREQ=MONTHLY' },
];

/** A picked attendee of the edit form: the id Rust stores, the name shown. */
export type MeetingAttendee = { id: string; name: string; time_zone: string | null };

/** The meeting edit form while typed (numbers as text). Keys match Rust's problem paths. */
export type MeetingDraft = {
  title: string;
  attendees: MeetingAttendee[];
  /** Wall clock `YYYY-MM-DDTHH:MM` in `time_zone`. */
  start: string;
  duration: string;
  repeats: boolean;
  rrule: string;
  time_zone: string;
};

export const MEETING_FIELDS = ['title', 'attendees', 'start', 'duration_minutes', 'rrule', 'time_zone'];

export function meetingDraft(form: MeetingForm): MeetingDraft {
  const m = form.meeting;
  return {
    title: m.title,
    attendees: form.attendees.map((a) => ({ id: a.id, name: a.name, time_zone: a.time_zone })),
    start: m.start.slice(0, 16),
    duration: String(m.duration_minutes),
    repeats: m.rrule !== null,
    rrule: m.rrule ?? '',
    time_zone: m.time_zone,
  };
}

const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The obvious mistakes, by the meeting's own paths; Rust checks the rest (zone, rule, attendees). */
export function validateMeetingDraft(d: MeetingDraft): Problem[] {
  const out: Problem[] = [];
  if (d.title.trim() === '') out.push({ path: 'title', message: t('meetings.problems.title') });
  if (d.attendees.length === 0) out.push({ path: 'attendees', message: t('meetings.problems.attendees') });
  if (!LOCAL_INPUT.test(d.start.trim())) out.push({ path: 'start', message: t('meetings.problems.start') });
  const minutes = d.duration.trim();
  if (!/^\d+$/.test(minutes) || Number(minutes) < 1) out.push({ path: 'duration_minutes', message: t('meetings.problems.duration') });
  if (d.repeats && d.rrule.trim() === '') out.push({ path: 'rrule', message: t('meetings.problems.rrule') });
  return out;
}

/** The meeting to save: the opened one with the form's fields (the id and office are kept). */
export function draftToMeeting(original: Meeting, d: MeetingDraft): Meeting {
  return {
    ...original,
    title: d.title.trim(),
    attendees: d.attendees.map((a) => a.id),
    start: d.start.trim(),
    duration_minutes: Number(d.duration.trim()),
    rrule: d.repeats ? d.rrule.trim() : null,
    time_zone: d.time_zone.trim(),
  };
}
