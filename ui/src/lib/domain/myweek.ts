/**
 * "My week" wording. Rust computes the rep's days (`MyWeek`: accepted office
 * days, teammates in, time off, closed offices); this only says in words why
 * a day without an office day is remote.
 */
import type { MyDay } from '../api';

/** One line for a day without an office day: why the rep is not in. */
export function awayText(day: MyDay, hasOffice: boolean): string {
  if (day.time_off) return 'Time off';
  if (day.holiday) return `Public holiday · ${day.holiday}`;
  if (!hasOffice) return 'Remote (no home office)';
  if (day.closed) return day.office_holiday ? `Remote (office closed: ${day.office_holiday})` : 'Remote (office closed)';
  if (day.no_office_day) return 'Remote (not an office day for you)';
  if (!day.working) return 'Not a working day';
  return 'Remote';
}
