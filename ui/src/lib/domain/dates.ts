/**
 * Calendar-date helpers every screen uses to show dates Rust sent
 * (`YYYY-MM-DD`): day arithmetic, the ISO week, short labels and today's
 * date on this computer's clock. Display only; no rule lives here. Text
 * for people is written in the format locale (i18n/format.ts).
 */
import type { Weekday } from '../api';
import { WEEKDAYS } from './weekdays';
import { FORMATS } from '../i18n/format';

const DAY_MS = 86_400_000;

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return iso(new Date(utc(date).getTime() + n * DAY_MS));
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(utc(date).getUTCDay() + 6) % 7];
}

/** The Monday of the ISO week that contains `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
}

/** The first day of the week on this computer (`sun` in the US, `sat` in much of the Gulf, `mon` elsewhere). */
export const FIRST_WEEKDAY: Weekday = WEEKDAYS[FORMATS.firstDay - 1] ?? 'mon';

/**
 * The first day of the calendar week holding `date` for a reader whose weeks
 * start on `first`: where the My week and Team week screens start (Rust
 * answers the same week for any of its dates; planning stays in ISO weeks).
 */
export function weekStartOf(date: string, first: Weekday = FIRST_WEEKDAY): string {
  return addDays(date, -((WEEKDAYS.indexOf(weekdayOf(date)) - WEEKDAYS.indexOf(first) + 7) % 7));
}

/** The ISO week label Rust uses, e.g. `2026-W49`. */
export function isoWeek(date: string): string {
  // The ISO year is the year of the week's Thursday.
  const thursday = utc(addDays(mondayOf(date), 3));
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** `Dec` for `2026-12-01` (the format locale's word). */
export function monthShort(date: string): string {
  return FORMATS.monthShort(date);
}

/** `Tue 1 Dec` (en-GB; `Tue, Dec 1` en-US, `Di., 1. Dez.` de). */
export function shortDate(date: string): string {
  return FORMATS.shortDate(date);
}

/** `1 Dec` (en-GB; `Dec 1` en-US, `1. Dez.` de): a date without its weekday. */
export function dayMonth(date: string): string {
  return FORMATS.dayMonth(date);
}

// The formatters are made once, in the format locale (i18n/format.ts says why).
export const WEEKDAY_FORMAT = new Intl.DateTimeFormat(FORMATS.locale, { weekday: 'short', timeZone: 'UTC' });

/** The calendar date `YYYY-MM-DD` of `d` on this computer's clock. */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
