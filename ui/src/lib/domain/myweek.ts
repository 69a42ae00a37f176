/**
 * "My week" wording. Rust computes the rep's days (`MyWeek`: accepted office
 * days, teammates in, time off, closed offices, trips); this only says in
 * words why a day without an office day is remote, and where a trip takes the
 * rep. On a trip day Rust's `closed` and `office_holiday` are the visited
 * office's, so the reasons below read the same at home and away.
 */
import type { MyDay } from '../api';
import { t } from '../i18n';

/** One line for a day without an office day: why the rep is not in. */
export function awayText(day: MyDay, hasOffice: boolean): string {
  if (day.time_off) return t('myweek.away.timeOff');
  if (day.holiday) return t('myweek.away.holiday', { holiday: day.holiday });
  // A remote rep on a trip has an office that day: the visited one.
  if (!hasOffice && !day.travel) return t('myweek.away.noOffice');
  if (day.closed) return day.office_holiday ? t('myweek.away.closedHoliday', { holiday: day.office_holiday }) : t('myweek.away.closed');
  if (day.no_office_day) return t('myweek.away.notOfficeDay');
  if (!day.working) return t('myweek.away.notWorking');
  return t('myweek.away.remote');
}

/** Where a trip takes the rep that day, or null on a day at home. */
export function travelText(day: MyDay): string | null {
  if (!day.travel) return null;
  // On an office day the card already names the office.
  return day.office ? t('myweek.travel.onOfficeDay') : t('myweek.travel.visiting', { office: day.travel });
}
