import type { Weekday } from '../api';
import { t } from '../i18n';
import { FORMATS } from '../i18n/format';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const WORKWEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** Each weekday's name in the format locale, from a week that starts on Monday 2026-11-30. */
function names(write: (date: string) => string): Record<Weekday, string> {
  const out = {} as Record<Weekday, string>;
  WEEKDAYS.forEach((d, i) => {
    out[d] = write(new Date(Date.UTC(2026, 10, 30 + i)).toISOString().slice(0, 10));
  });
  return out;
}

/** `Mon` (en), `Mo` (de). */
export const WEEKDAY_SHORT: Record<Weekday, string> = names((d) => FORMATS.weekday(d));

/** `Monday` (en), `Montag` (de). */
export const WEEKDAY_LONG: Record<Weekday, string> = names((d) => FORMATS.weekdayLong(d));

/** Weekdays in calendar order, without duplicates. */
export function sortWeekdays(days: readonly Weekday[]): Weekday[] {
  return WEEKDAYS.filter((d) => days.includes(d));
}

/** "Mon, Wed" or "—" for none; "Mon–Fri" for the working week. */
export function formatWeekdays(days: readonly Weekday[]): string {
  const sorted = sortWeekdays(days);
  if (sorted.length === 0) return '—';
  if (sorted.length === 5 && WORKWEEK.every((d) => sorted.includes(d))) return `${WEEKDAY_SHORT.mon}–${WEEKDAY_SHORT.fri}`;
  if (sorted.length === 7) return t('ui.weekdays.everyDay');
  return sorted.map((d) => WEEKDAY_SHORT[d]).join(', ');
}
