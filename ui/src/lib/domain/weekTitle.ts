/**
 * The heading of a week screen (My week, Team week): its dates, and its ISO
 * week number when the week is an ISO week.
 */
import { t } from '../i18n';
import { dayMonth, isoWeek, weekdayOf } from './dates';

export function weekTitle(from: string, to: string): string {
  const dates = { from: dayMonth(from), to: dayMonth(to), year: to.slice(0, 4) };
  // Week numbers count Monday-to-Sunday weeks; a week from Sunday (en-US) or
  // Saturday would straddle two of them, so it is named by its dates alone.
  if (weekdayOf(from) !== 'mon') return t('myweek.headingDates', dates);
  return t('myweek.heading', { week: Number(isoWeek(from).split('-W')[1]), ...dates });
}
