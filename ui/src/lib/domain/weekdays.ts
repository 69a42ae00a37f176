import type { Weekday } from '../api';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const WORKWEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export const WEEKDAY_SHORT: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

export const WEEKDAY_LONG: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** Weekdays in calendar order, without duplicates. */
export function sortWeekdays(days: readonly Weekday[]): Weekday[] {
  return WEEKDAYS.filter((d) => days.includes(d));
}

/** "Mon, Wed" or "—" for none; "Mon–Fri" for the working week. */
export function formatWeekdays(days: readonly Weekday[]): string {
  const sorted = sortWeekdays(days);
  if (sorted.length === 0) return '—';
  if (sorted.length === 5 && WORKWEEK.every((d) => sorted.includes(d))) return 'Mon–Fri';
  if (sorted.length === 7) return 'Every day';
  return sorted.map((d) => WEEKDAY_SHORT[d]).join(', ');
}
