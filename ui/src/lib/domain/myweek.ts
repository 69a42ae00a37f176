/**
 * "My week" as a pure model: for one rep and one ISO week, each day's accepted
 * office day (from the team document's `office_days`), the teammates in the
 * same office that day, and time off. Nothing is planned here: a day is an
 * office day only when the lead has accepted it.
 */
import type { Office, Rep, Scenario, Weekday } from '../api';
import { addDays, isOpen, mondayOf, onTimeOff, weekdayOf } from './rotation';

export type MyDay = {
  date: string;
  weekday: Weekday;
  /** The office the rep is in that day, or null when they are not in. */
  office: Office | null;
  /** Teammates (same team) in the same office that day, by name. */
  teammates: Rep[];
  timeOff: boolean;
  /** The rep's home office is closed that day (weekday or closed date). */
  closed: boolean;
  /** The weekday is one of the rep's no-office days. */
  noOfficeDay: boolean;
  /** Whether the day is a working day for the rep (has working hours). */
  working: boolean;
};

export type MyWeek = {
  monday: string;
  days: MyDay[];
  officeDays: number;
};

/** The rep's week, Monday to Sunday; weekend days appear only when there is something on them. */
export function myWeek(scenario: Scenario, repId: string, monday: string): MyWeek | null {
  const me = scenario.reps.find((r) => r.id === repId);
  if (!me) return null;
  const start = mondayOf(monday);
  const home = scenario.offices.find((o) => o.id === me.office) ?? null;
  const byId = new Map(scenario.reps.map((r) => [r.id, r]));
  const officeById = new Map(scenario.offices.map((o) => [o.id, o]));
  const days: MyDay[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(start, i);
    const weekday = weekdayOf(date);
    const mine = scenario.office_days.find((d) => d.rep === me.id && d.date === date) ?? null;
    const office = mine ? (officeById.get(mine.office) ?? null) : null;
    const teammates =
      mine && me.team
        ? scenario.office_days
            .filter((d) => d.date === date && d.office === mine.office && d.rep !== me.id)
            .map((d) => byId.get(d.rep))
            .filter((r): r is Rep => !!r && r.team === me.team)
            .sort((a, b) => a.name.localeCompare(b.name))
        : [];
    const working = (me.working_hours[weekday] ?? []).length > 0;
    const day: MyDay = {
      date,
      weekday,
      office,
      teammates,
      timeOff: onTimeOff(me, date),
      closed: home ? !isOpen(home, date) : false,
      noOfficeDay: me.no_office_days.includes(weekday),
      working,
    };
    const weekend = weekday === 'sat' || weekday === 'sun';
    if (!weekend || office || working) days.push(day);
  }
  return { monday: start, days, officeDays: days.filter((d) => d.office).length };
}

/** The first Monday on or after `from` with an accepted office day for the rep, if any. */
export function nextPlannedWeek(scenario: Scenario, repId: string, from: string): string | null {
  const start = mondayOf(from);
  const dates = scenario.office_days.filter((d) => d.rep === repId && d.date >= start).map((d) => d.date);
  if (dates.length === 0) return null;
  return mondayOf(dates.reduce((a, b) => (a < b ? a : b)));
}

/** One line for a day without an office day: why the rep is not in. */
export function awayText(day: MyDay, hasOffice: boolean): string {
  if (day.timeOff) return 'Time off';
  if (!hasOffice) return 'Remote (no home office)';
  if (day.closed) return 'Remote (office closed)';
  if (day.noOfficeDay) return 'Remote (not an office day for you)';
  if (!day.working) return 'Not a working day';
  return 'Remote';
}
