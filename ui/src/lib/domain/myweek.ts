/**
 * "My week" wording. Rust computes the rep's days (`MyWeek`: accepted office
 * days, teammates in, time off, closed offices, trips); this only says in
 * words why a day without an office day is remote, and where a trip takes the
 * rep. On a trip day Rust's `closed` and `office_holiday` are the visited
 * office's, so the reasons below read the same at home and away.
 */
import type { MyDay } from '../api';

/** One line for a day without an office day: why the rep is not in. */
export function awayText(day: MyDay, hasOffice: boolean): string {
  if (day.time_off) return 'Time off';
  if (day.holiday) return `Public holiday · ${day.holiday}`;
  // A remote rep on a trip has an office that day: the visited one.
  if (!hasOffice && !day.travel) return 'Remote (no home office)';
  if (day.closed) return day.office_holiday ? `Remote (office closed: ${day.office_holiday})` : 'Remote (office closed)';
  if (day.no_office_day) return 'Remote (not an office day for you)';
  if (!day.working) return 'Not a working day';
  return 'Remote';
}

/** Where a trip takes the rep that day, or null on a day at home. */
export function travelText(day: MyDay): string | null {
  if (!day.travel) return null;
  // On an office day the card already names the office.
  return day.office ? 'Travelling' : `In ${day.travel} office (travelling)`;
}
