/**
 * Words for the Reports screen's cells, from the figures Rust sent. Display
 * only: the colour band (`level`), the percentages, the statuses and who is
 * listed are all Rust's.
 */
import type { ComplianceRepWeek, ComplianceTotals, DeskUseDay, PresenceFigures, UseLevel } from '../api';
import { shortDate } from './dates';
import { t } from '../i18n';

/** "London, Tue 1 Dec: 2 of 2 desks (100%)" or "… closed (Christmas Day)". */
export function deskCellText(office: string, desks: number, day: DeskUseDay): string {
  const values = { office, date: shortDate(day.date), holiday: day.holiday, used: day.used, percent: day.percent };
  if (day.closed && day.holiday) {
    return day.used > 0 ? t('reports.desk.closedHolidayIn', values) : t('reports.desk.closedHoliday', values);
  }
  if (day.closed) return day.used > 0 ? t('reports.desk.closedIn', values) : t('reports.desk.closed', values);
  return day.percent === null
    ? t('reports.desk.used', { ...values, count: desks })
    : t('reports.desk.usedPercent', { ...values, count: desks });
}

/** What a heat-map cell prints: the reps in, or nothing on a closed day. */
export function deskCellFigure(day: DeskUseDay): string {
  return day.closed && day.used === 0 ? '' : String(day.used);
}

export const LEVEL_WORDS: Record<UseLevel, string> = {
  closed: t('reports.level.closed'),
  empty: t('reports.level.empty'),
  low: t('reports.level.low'),
  medium: t('reports.level.medium'),
  high: t('reports.level.high'),
  over: t('reports.level.over'),
};

/** "3 of 4 (75%)", or "—" when nothing to share. */
export function share(part: number, whole: number, percent: number | null): string {
  return percent === null ? '—' : t('reports.share', { part, whole, percent });
}

export function presenceText(f: PresenceFigures): string {
  return f.member_days === 0
    ? t('reports.presence.none')
    : t('reports.presence.together', { percent: f.percent ?? 0, pairs: t('reports.pairs', { count: f.pairs }) });
}

/** "2 days (2–3)" for a rep-week. */
export function repWeekFigure(w: ComplianceRepWeek): string {
  const bounds = w.min === w.max ? `${w.min}` : `${w.min}–${w.max}`;
  return `${w.office_days} (${bounds})`;
}

export const STATUS_WORDS = {
  below: t('reports.status.below'),
  within: t('reports.status.within'),
  above: t('reports.status.above'),
} as const;

/** The status inside a sentence (German keeps its nouns' capitals, so no `toLowerCase`). */
const STATUS_INLINE = {
  below: t('reports.statusInline.below'),
  within: t('reports.statusInline.within'),
  above: t('reports.statusInline.above'),
} as const;

/** "W49: 2 office days, policy 2–3 (2 needed of 3 open days): within the policy". */
export function repWeekText(w: ComplianceRepWeek): string {
  const bounds = w.min === w.max ? `${w.min}` : `${w.min}–${w.max}`;
  return t('reports.repWeek', {
    week: w.week,
    officeDays: t('reports.officeDays', { count: w.office_days }),
    bounds,
    required: w.required,
    openDays: t('reports.openDays', { count: w.available }),
    status: STATUS_INLINE[w.status],
  });
}

/** "1 below · 6 within · 1 above" rep-weeks. */
export function statusCounts(totals: ComplianceTotals): string {
  return t('reports.statusCounts', { below: totals.below, within: totals.within, above: totals.above });
}

/** "3 of 4" or "—" when none was possible. */
export function ofAvailable(done: number, available: number): string {
  return available === 0 ? '—' : t('reports.of', { done, available });
}
