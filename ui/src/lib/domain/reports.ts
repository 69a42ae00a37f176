/**
 * Words for the Reports screen's cells, from the figures Rust sent. Display
 * only: the colour band (`level`), the percentages, the statuses and who is
 * listed are all Rust's.
 */
import type { ComplianceRepWeek, ComplianceTotals, DeskUseDay, PresenceFigures, UseLevel } from '../api';
import { shortDate } from './dates';

/** "London, Tue 1 Dec: 2 of 2 desks (100%)" or "… closed (Christmas Day)". */
export function deskCellText(office: string, desks: number, day: DeskUseDay): string {
  const when = `${office}, ${shortDate(day.date)}`;
  if (day.closed) {
    const why = day.holiday ? ` (${day.holiday})` : '';
    return day.used > 0 ? `${when}: closed${why}, ${day.used} in` : `${when}: closed${why}`;
  }
  const pct = day.percent === null ? '' : ` (${day.percent}%)`;
  return `${when}: ${day.used} of ${desks} ${desks === 1 ? 'desk' : 'desks'}${pct}`;
}

/** What a heat-map cell prints: the reps in, or nothing on a closed day. */
export function deskCellFigure(day: DeskUseDay): string {
  return day.closed && day.used === 0 ? '' : String(day.used);
}

export const LEVEL_WORDS: Record<UseLevel, string> = {
  closed: 'Closed',
  empty: 'Nobody in',
  low: 'Under half the desks',
  medium: 'Half to 80%',
  high: '80% to full',
  over: 'More reps than desks',
};

/** "3 of 4 (75%)", or "—" when nothing to share. */
export function share(part: number, whole: number, percent: number | null): string {
  return percent === null ? '—' : `${part} of ${whole} (${percent}%)`;
}

export function presenceText(f: PresenceFigures): string {
  return f.member_days === 0 ? 'No office days' : `${f.percent ?? 0}% together · ${f.pairs} ${f.pairs === 1 ? 'pair' : 'pairs'}`;
}

/** "2 days (2–3)" for a rep-week. */
export function repWeekFigure(w: ComplianceRepWeek): string {
  const bounds = w.min === w.max ? `${w.min}` : `${w.min}–${w.max}`;
  return `${w.office_days} (${bounds})`;
}

export const STATUS_WORDS = { below: 'Below the policy', within: 'Within the policy', above: 'Above the policy' } as const;

/** "W49: 2 office days, policy 2–3 (2 needed of 3 open days): within the policy". */
export function repWeekText(w: ComplianceRepWeek): string {
  const bounds = w.min === w.max ? `${w.min}` : `${w.min}–${w.max}`;
  return (
    `${w.week}: ${w.office_days} office ${w.office_days === 1 ? 'day' : 'days'}, policy ${bounds} ` +
    `(${w.required} needed of ${w.available} open ${w.available === 1 ? 'day' : 'days'}): ${STATUS_WORDS[w.status].toLowerCase()}`
  );
}

/** "1 below · 6 within · 1 above" rep-weeks. */
export function statusCounts(t: ComplianceTotals): string {
  return `${t.below} below · ${t.within} within · ${t.above} above`;
}

/** "3 of 4" or "—" when none was possible. */
export function ofAvailable(done: number, available: number): string {
  return available === 0 ? '—' : `${done} of ${available}`;
}
