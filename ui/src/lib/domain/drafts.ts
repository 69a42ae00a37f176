/**
 * Editable drafts of reps, offices and teams: what a form holds while the user
 * types (numbers as text, "none" as ''), conversion to the wire types, the
 * client-side checks and the field keys problems can be shown against.
 */
import type { DateRange, Interval, Office, Problem, Rep, Team, Trip, Weekday } from '../api';
import { dayProblems, isDate } from './clock';
import { addDays } from './dates';
import { WEEKDAYS, WORKWEEK, sortWeekdays } from './weekdays';
import { t } from '../i18n';

export type DayHours = Record<Weekday, [string, string][]>;
type WireWeekHours = Rep['working_hours'];

export type RepDraft = {
  id: string;
  name: string;
  team: string;
  time_zone: string;
  office: string;
  working_hours: DayHours;
  stretch_hours: DayHours;
  capacity: string;
  usePolicy: boolean;
  min: string;
  max: string;
  preferred_office_days: Weekday[];
  no_office_days: Weekday[];
  time_off: { start: string; end: string }[];
  /** Whose public holidays: the home office's, none, or a region of the rep's own. */
  holidaysFrom: HolidaysFrom;
  /** The region code when `holidaysFrom` is 'region'. */
  holidays: string;
  /** Stays at other offices: date inputs ('' until picked) and the office id. */
  travel: TripDraft[];
  skills: string[];
};

export type TripDraft = { from: string; to: string; office: string };

/**
 * The trip "+ Add trip" starts: one day, the day after the last trip ends
 * (the latest last day typed so far), so it never starts inside a trip; blank
 * days when no trip has a last day yet. At the last trip's office, else
 * `office`. A suggestion only: Rust checks the trips when saved.
 */
export function nextTripDraft(trips: TripDraft[], office: string): TripDraft {
  const ends = trips.map((trip) => trip.to).filter(isDate);
  const day = ends.length > 0 ? addDays(ends.reduce((a, b) => (b > a ? b : a)), 1) : '';
  return { from: day, to: day, office: trips[trips.length - 1]?.office ?? office };
}

export type HolidaysFrom = 'office' | 'none' | 'region';

export function emptyDayHours(): DayHours {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

export function toDayHours(hours: WireWeekHours | undefined | null): DayHours {
  const out = emptyDayHours();
  const map = (hours ?? {}) as Partial<Record<Weekday, Interval[]>>;
  for (const d of WEEKDAYS) {
    out[d] = (map[d] ?? []).map(([s, e]) => [s, e] as [string, string]);
  }
  return out;
}

/** Weekdays without intervals are left out (the document reads that as "no hours"). */
export function fromDayHours(hours: DayHours): WireWeekHours {
  const out: Partial<Record<Weekday, Interval[]>> = {};
  for (const d of WEEKDAYS) {
    if (hours[d].length > 0) out[d] = hours[d].map(([s, e]) => [s.trim(), e.trim()] as Interval);
  }
  return out as WireWeekHours;
}

export function newRepDraft(zone: string): RepDraft {
  const working = emptyDayHours();
  for (const d of WORKWEEK) working[d] = [['09:00', '17:00']];
  return {
    id: '',
    name: '',
    team: '',
    time_zone: zone,
    office: '',
    working_hours: working,
    stretch_hours: emptyDayHours(),
    capacity: '40',
    usePolicy: true,
    min: '2',
    max: '3',
    preferred_office_days: [],
    no_office_days: [],
    time_off: [],
    holidaysFrom: 'office',
    holidays: '',
    travel: [],
    skills: [],
  };
}

export function repToDraft(rep: Rep, policyMin = 0, policyMax = 5): RepDraft {
  // Rust leaves the key out when the rep follows the team policy.
  const own = rep.office_days_per_week ?? null;
  return {
    id: rep.id,
    name: rep.name,
    team: rep.team ?? '',
    time_zone: rep.time_zone,
    office: rep.office ?? '',
    working_hours: toDayHours(rep.working_hours),
    stretch_hours: toDayHours(rep.stretch_hours),
    capacity: rep.capacity_hours_per_week === null ? '' : String(rep.capacity_hours_per_week),
    usePolicy: own === null,
    min: String(own?.min ?? policyMin),
    max: String(own?.max ?? policyMax),
    preferred_office_days: [...rep.preferred_office_days],
    no_office_days: [...rep.no_office_days],
    time_off: rep.time_off.map((r) => ({ start: r.start, end: r.end })),
    // Rust leaves the key out for "the home office's", writes null for none.
    holidaysFrom: rep.holidays === undefined ? 'office' : rep.holidays === null ? 'none' : 'region',
    holidays: rep.holidays ?? '',
    // Rust leaves the key out when the rep has no trips.
    travel: (rep.travel ?? []).map((trip) => ({ from: trip.from, to: trip.to, office: trip.office })),
    skills: [...rep.skills],
  };
}

export function draftToRep(d: RepDraft): Rep {
  const rep: Rep = {
    id: d.id.trim(),
    name: d.name.trim(),
    team: d.team === '' ? null : d.team,
    time_zone: d.time_zone.trim(),
    office: d.office === '' ? null : d.office,
    working_hours: fromDayHours(d.working_hours),
    stretch_hours: fromDayHours(d.stretch_hours),
    capacity_hours_per_week: Number(d.capacity.trim()),
    preferred_office_days: sortWeekdays(d.preferred_office_days),
    no_office_days: sortWeekdays(d.no_office_days),
    time_off: d.time_off.map((r): DateRange => ({ start: r.start, end: r.end })),
    skills: d.skills.map((s) => s.trim()).filter((s) => s !== ''),
  };
  // Following the team policy is written by leaving the key out (the document has no null for it).
  if (!d.usePolicy) rep.office_days_per_week = { min: Number(d.min), max: Number(d.max) };
  if (d.holidaysFrom === 'none') rep.holidays = null;
  if (d.holidaysFrom === 'region') rep.holidays = d.holidays.trim();
  // Left out when empty, as Rust writes it; Rust sorts and checks the trips.
  if (d.travel.length > 0) rep.travel = d.travel.map((trip): Trip => ({ from: trip.from, to: trip.to, office: trip.office }));
  return rep;
}

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

function required(out: Problem[], path: string, value: string, message: string) {
  if (value.trim() === '') out.push({ path, message });
}

function rangeProblems(out: Problem[], path: string, min: string, max: string, top: number) {
  const ok = (v: string) => WHOLE.test(v.trim()) && Number(v) <= top;
  if (!ok(min)) out.push({ path: `${path}.min`, message: t('drafts.wholeNumber', { max: top }) });
  if (!ok(max)) out.push({ path: `${path}.max`, message: t('drafts.wholeNumber', { max: top }) });
  if (ok(min) && ok(max) && Number(min) > Number(max)) {
    out.push({ path, message: t('drafts.minAboveMax') });
  }
}

export type RepContext = { zones: readonly string[]; takenIds?: ReadonlySet<string> };

/** The obvious mistakes; Rust checks everything else. */
export function validateRepDraft(d: RepDraft, ctx: RepContext): Problem[] {
  const out: Problem[] = [];
  required(out, 'id', d.id, t('drafts.idRequired'));
  if (ctx.takenIds?.has(d.id.trim())) out.push({ path: 'id', message: t('drafts.idTaken', { id: d.id.trim() }) });
  required(out, 'name', d.name, t('drafts.nameRequired'));
  if (d.time_zone.trim() === '') out.push({ path: 'time_zone', message: t('drafts.zoneRequired') });
  else if (ctx.zones.length > 0 && !ctx.zones.includes(d.time_zone.trim())) {
    out.push({ path: 'time_zone', message: t('drafts.zoneUnknown', { zone: d.time_zone.trim() }) });
  }
  for (const day of WEEKDAYS) {
    out.push(...dayProblems(`working_hours.${day}`, d.working_hours[day]));
    out.push(...dayProblems(`stretch_hours.${day}`, d.stretch_hours[day]));
  }
  if (!DECIMAL.test(d.capacity.trim())) {
    out.push({ path: 'capacity_hours_per_week', message: t('drafts.capacity') });
  }
  if (!d.usePolicy) rangeProblems(out, 'office_days_per_week', d.min, d.max, 7);
  const both = d.preferred_office_days.filter((w) => d.no_office_days.includes(w));
  if (both.length > 0) {
    out.push({ path: 'no_office_days', message: t('drafts.preferredAndNoOffice') });
  }
  d.time_off.forEach((r, i) => {
    if (!isDate(r.start)) out.push({ path: `time_off[${i}].start`, message: t('drafts.startRequired') });
    if (!isDate(r.end)) out.push({ path: `time_off[${i}].end`, message: t('drafts.endRequired') });
    if (isDate(r.start) && isDate(r.end) && r.end < r.start) {
      out.push({ path: `time_off[${i}].end`, message: t('drafts.endBeforeStart') });
    }
  });
  // Only what the wire cannot carry (a date is a date); every rule of a trip
  // (order, overlap, the office) is Rust's, shown at `travel[i].…`.
  d.travel.forEach((trip, i) => {
    if (!isDate(trip.from)) out.push({ path: `travel[${i}].from`, message: t('drafts.firstDayRequired') });
    if (!isDate(trip.to)) out.push({ path: `travel[${i}].to`, message: t('drafts.lastDayRequired') });
  });
  return out;
}

export function weekHoursKeys(prefix: string, hours: DayHours): string[] {
  const keys = [prefix];
  for (const d of WEEKDAYS) {
    keys.push(`${prefix}.${d}`);
    hours[d].forEach((_, i) => keys.push(`${prefix}.${d}[${i}]`));
  }
  return keys;
}

export function repFieldKeys(d: RepDraft): string[] {
  return [
    'id',
    'name',
    'team',
    'time_zone',
    'office',
    ...weekHoursKeys('working_hours', d.working_hours),
    ...weekHoursKeys('stretch_hours', d.stretch_hours),
    'capacity_hours_per_week',
    'office_days_per_week',
    'office_days_per_week.min',
    'office_days_per_week.max',
    'preferred_office_days',
    'no_office_days',
    'time_off',
    ...d.time_off.map((_, i) => `time_off[${i}]`),
    'holidays',
    'travel',
    ...d.travel.flatMap((_, i) => [`travel[${i}]`, `travel[${i}].from`, `travel[${i}].to`, `travel[${i}].office`]),
    'skills',
  ];
}

// Offices

export type OfficeDraft = {
  id: string;
  name: string;
  time_zone: string;
  desks: string;
  open_days: Weekday[];
  closed_dates: string[];
  /** A region code, '' for no public holidays. */
  holidays: string;
};

export function newOfficeDraft(zone: string): OfficeDraft {
  return { id: '', name: '', time_zone: zone, desks: '10', open_days: [...WORKWEEK], closed_dates: [], holidays: '' };
}

export function officeToDraft(o: Office): OfficeDraft {
  return {
    id: o.id,
    name: o.name,
    time_zone: o.time_zone,
    desks: String(o.desks),
    open_days: [...o.open_days],
    closed_dates: [...o.closed_dates],
    holidays: o.holidays ?? '',
  };
}

export function draftToOffice(d: OfficeDraft): Office {
  return {
    id: d.id.trim(),
    name: d.name.trim(),
    time_zone: d.time_zone.trim(),
    desks: Number(d.desks.trim()),
    open_days: sortWeekdays(d.open_days),
    closed_dates: [...d.closed_dates],
    holidays: d.holidays.trim() === '' ? null : d.holidays.trim(),
  };
}

export function validateOfficeDraft(d: OfficeDraft, ctx: RepContext): Problem[] {
  const out: Problem[] = [];
  required(out, 'id', d.id, t('drafts.idRequired'));
  if (ctx.takenIds?.has(d.id.trim())) out.push({ path: 'id', message: t('drafts.idTaken', { id: d.id.trim() }) });
  required(out, 'name', d.name, t('drafts.nameRequired'));
  if (d.time_zone.trim() === '') out.push({ path: 'time_zone', message: t('drafts.zoneRequired') });
  else if (ctx.zones.length > 0 && !ctx.zones.includes(d.time_zone.trim())) {
    out.push({ path: 'time_zone', message: t('drafts.zoneUnknown', { zone: d.time_zone.trim() }) });
  }
  if (!WHOLE.test(d.desks.trim())) out.push({ path: 'desks', message: t('drafts.desks') });
  d.closed_dates.forEach((date, i) => {
    if (!isDate(date)) out.push({ path: `closed_dates[${i}]`, message: t('drafts.date') });
  });
  return out;
}

export function officeFieldKeys(d: OfficeDraft): string[] {
  return [
    'id',
    'name',
    'time_zone',
    'desks',
    'open_days',
    'closed_dates',
    ...d.closed_dates.map((_, i) => `closed_dates[${i}]`),
    'holidays',
  ];
}

// Teams

export type TeamDraft = { id: string; name: string; anchor_days: Weekday[] };

export function validateTeamDraft(d: TeamDraft, ctx: { takenIds?: ReadonlySet<string> }): Problem[] {
  const out: Problem[] = [];
  required(out, 'id', d.id, t('drafts.idRequired'));
  if (ctx.takenIds?.has(d.id.trim())) out.push({ path: 'id', message: t('drafts.idTaken', { id: d.id.trim() }) });
  required(out, 'name', d.name, t('drafts.nameRequired'));
  return out;
}

export function draftToTeam(d: TeamDraft): Team {
  return { id: d.id.trim(), name: d.name.trim(), anchor_days: sortWeekdays(d.anchor_days) };
}

export const TEAM_FIELD_KEYS = ['id', 'name', 'anchor_days'];

// Policy

export function validatePolicy(min: string, max: string): Problem[] {
  const out: Problem[] = [];
  rangeProblems(out, 'office_days_per_week', min, max, 7);
  return out;
}

export const POLICY_FIELD_KEYS = [
  'office_days_per_week',
  'office_days_per_week.min',
  'office_days_per_week.max',
];
