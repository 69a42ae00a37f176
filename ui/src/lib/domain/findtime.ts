/**
 * The "Find a time" form as a draft (numbers as text while typed), its client
 * checks, the request Rust answers, and the bookings made from an answer.
 * Field keys are the request's own paths (`required`, `to`, `duration_minutes`),
 * so Rust's problems land next to the right control.
 */
import type { Booking, FairPlan, FormLimits, MeetingAnswer, MeetingRequest, Problem, Suggestion } from '../api';
import { isDate } from './clock';
import { clockOf } from './meetings';
import { t } from '../i18n';
import { FORMATS } from '../i18n/format';

export type AttendeeRole = 'required' | 'optional';
/** A picked person: the id Rust needs, the name and zone shown (from the search row). */
export type PickedAttendee = { id: string; role: AttendeeRole; name: string; time_zone: string };
/** Who can be picked: a people-search row. */
export type Pickable = { id: string; name: string; time_zone: string };

export type FindTimeDraft = {
  attendees: PickedAttendee[];
  duration: string;
  from: string;
  to: string;
  time_zone: string;
  granularity: string;
  max_results: string;
  repeat: boolean;
  weeks: string;
  fair: boolean;
  /** At least this many optional attendees (`2`) or this share (`75%`); empty for none. */
  quorum: string;
};

export const GRANULARITIES = [5, 10, 15, 20, 30, 60] as const;
export const DURATIONS = [15, 30, 45, 60, 90] as const;

export const FIND_TIME_FIELDS = [
  'required',
  'optional',
  'duration_minutes',
  'from',
  'to',
  'time_zone',
  'granularity_minutes',
  'max_results',
  'repeat_weeks',
  'fair_rotation',
  'min_optional',
];

/**
 * A new form in `zone`; its dates are `window`, the one Rust gives a new
 * search (`findTimeWindow`), or empty until that arrives.
 */
export function newFindTimeDraft(zone: string, window: { from: string; to: string } = { from: '', to: '' }): FindTimeDraft {
  return {
    attendees: [],
    duration: '30',
    from: window.from,
    to: window.to,
    time_zone: zone,
    granularity: '15',
    max_results: '5',
    repeat: false,
    weeks: '4',
    fair: false,
    quorum: '',
  };
}

const WHOLE = /^\d+$/;
const PERCENT = /^\d{1,3}%$/;

function whole(text: string): number | null {
  const t = text.trim();
  return WHOLE.test(t) ? Number(t) : null;
}

/** The weeks the request repeats over (1 when not repeating). */
export function draftWeeks(d: FindTimeDraft): number {
  return d.repeat ? (whole(d.weeks) ?? 1) : 1;
}

/**
 * The obvious mistakes (a field left empty or not a whole number), by
 * request path; Rust checks the rest, every limit included.
 */
export function validateFindTimeDraft(d: FindTimeDraft, zones: readonly string[], limits: Pick<FormLimits, 'attendees'> | null = null): Problem[] {
  const out: Problem[] = [];
  if (!d.attendees.some((a) => a.role === 'required')) {
    out.push({ path: 'required', message: t('findtime.problems.required') });
  }
  if (limits && d.attendees.length > limits.attendees) {
    out.push({ path: 'required', message: t('findtime.problems.tooMany', { count: d.attendees.length, limit: limits.attendees }) });
  }
  const dur = whole(d.duration);
  if (dur === null || dur < 1) out.push({ path: 'duration_minutes', message: t('findtime.problems.duration') });
  if (!isDate(d.from)) out.push({ path: 'from', message: t('findtime.problems.date') });
  if (!isDate(d.to)) out.push({ path: 'to', message: t('findtime.problems.date') });
  else if (isDate(d.from) && d.to < d.from) out.push({ path: 'to', message: t('findtime.problems.order') });
  if (zones.length > 0 && !zones.includes(d.time_zone)) out.push({ path: 'time_zone', message: t('findtime.problems.zone') });
  const max = whole(d.max_results);
  if (max === null || max < 1) out.push({ path: 'max_results', message: t('findtime.problems.maxResults') });
  if (d.repeat) {
    const w = whole(d.weeks);
    if (w === null || w < 1) out.push({ path: 'repeat_weeks', message: t('findtime.problems.repeatWeeks') });
  }
  const q = d.quorum.replace(/\s+/g, '');
  if (q !== '' && whole(q) === null && !PERCENT.test(q)) {
    out.push({ path: 'min_optional', message: t('findtime.problems.quorum') });
  }
  return out;
}

/** The quorum as the request carries it: a count, a `"75%"` share, or none. */
function quorumOf(text: string): number | string | null {
  const q = text.replace(/\s+/g, '');
  if (q === '') return null;
  return whole(q) ?? q;
}

export function draftToRequest(d: FindTimeDraft): MeetingRequest {
  const weeks = draftWeeks(d);
  return {
    id: 'find-a-time',
    title: 'Find a time',
    duration_minutes: whole(d.duration) ?? 0,
    required: d.attendees.filter((a) => a.role === 'required').map((a) => a.id),
    optional: d.attendees.filter((a) => a.role === 'optional').map((a) => a.id),
    from: d.from.trim(),
    to: d.to.trim(),
    time_zone: d.time_zone.trim(),
    granularity_minutes: whole(d.granularity) ?? 15,
    max_results: whole(d.max_results) ?? 5,
    repeat_weeks: weeks,
    fair_rotation: weeks > 1 && d.fair,
    min_optional: quorumOf(d.quorum),
  };
}

/**
 * Adds people not yet picked, with `role`. A picked person changes to `role`,
 * unless `keepRoles` (adding a whole team leaves the people already picked as they are).
 */
export function addAttendees(
  list: PickedAttendee[],
  people: readonly Pickable[],
  role: AttendeeRole,
  keepRoles = false,
): PickedAttendee[] {
  const ids = new Set(people.map((p) => p.id));
  const next = keepRoles ? [...list] : list.map((a) => (ids.has(a.id) ? { ...a, role } : a));
  const have = new Set(next.map((a) => a.id));
  for (const p of people) {
    if (have.has(p.id)) continue;
    have.add(p.id);
    next.push({ id: p.id, role, name: p.name, time_zone: p.time_zone });
  }
  return next;
}

/** What to book: which answer item and the request it answered. */
export type BookTarget =
  | { kind: 'suggestion'; request: MeetingRequest; suggestion: Suggestion }
  | { kind: 'fair'; request: MeetingRequest; plan: FairPlan };

/** The booking form: a title (Rust makes the meeting's id from it) and, for one slot, how many weeks. */
export type BookingDraft = { title: string; weeks: string };

export function newBookingDraft(target: BookTarget): BookingDraft {
  return { title: '', weeks: String(target.kind === 'fair' ? target.plan.occurrences.length : target.request.repeat_weeks) };
}

export const BOOKING_FIELDS = ['title', 'weeks', 'starts'];

export function validateBookingDraft(d: BookingDraft, fair: boolean): Problem[] {
  const out: Problem[] = [];
  if (d.title.trim() === '') out.push({ path: 'title', message: t('findtime.problems.title') });
  if (!fair) {
    const w = whole(d.weeks);
    if (w === null || w < 1) out.push({ path: 'weeks', message: t('findtime.problems.weeks') });
  }
  return out;
}

export function bookingFor(target: BookTarget, d: BookingDraft): Booking {
  const r = target.request;
  const base = {
    title: d.title.trim(),
    time_zone: r.time_zone,
    duration_minutes: r.duration_minutes,
    attendees: [...r.required, ...r.optional],
  };
  if (target.kind === 'fair') {
    return { ...base, starts: target.plan.occurrences.map((o) => o.start), weeks: 1 };
  }
  return { ...base, starts: [target.suggestion.start], weeks: whole(d.weeks) ?? 1 };
}

/** The burden ledger of a fair plan: one row per week, one column per person. */
export type Ledger = {
  people: { id: string; required: boolean; total: number; worst: boolean }[];
  weeks: { start: string; cost: number; cells: { time: string; day: string; status: string; stretch: number }[] }[];
  max: number;
};

export function fairLedger(plan: FairPlan): Ledger {
  const ids: { id: string; required: boolean }[] = [];
  for (const o of plan.occurrences) {
    for (const a of o.attendees) if (!ids.some((x) => x.id === a.id)) ids.push({ id: a.id, required: a.required });
  }
  const max = plan.max_person_stretch_minutes;
  const people = ids.map((p) => {
    const total = plan.per_person_stretch_minutes[p.id] ?? 0;
    return { ...p, total, worst: p.required && total === max && max > 0 };
  });
  const weeks = plan.occurrences.map((o) => ({
    start: o.start,
    cost: o.cost,
    cells: people.map((p) => {
      const a = o.attendees.find((x) => x.id === p.id);
      return a
        ? { time: clockOf(a.local_start), day: FORMATS.weekday(a.local_start), status: a.status, stretch: a.stretch_minutes }
        : { time: '—', day: '', status: 'unavailable', stretch: 0 };
    }),
  }));
  return { people, weeks, max };
}

/** Whether the answer has anything to book. */
export function isEmptyAnswer(a: MeetingAnswer): boolean {
  return a.suggestions.length === 0 && a.fair_plan === null;
}
