/**
 * Client-side shape checks for wall-clock values. Only the obvious mistakes are
 * caught here so the user hears about them at once; Rust validates the whole
 * document and is the authority.
 */
import type { Problem } from '../api';
import { t } from '../i18n';

const HHMM = /^(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since midnight for `HH:MM` (00:00–24:00), or null. */
export function parseClock(text: string): number | null {
  const m = HHMM.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0) return 1440;
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** True for an existing calendar date written `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Problems of one `[start, end]` interval, at `path`. */
export function intervalProblems(path: string, start: string, end: string): Problem[] {
  const s = parseClock(start.trim());
  const e = parseClock(end.trim());
  const out: Problem[] = [];
  if (s === null) out.push({ path, message: t('ui.clock.badStart', { text: start }) });
  else if (s === 1440) out.push({ path, message: t('ui.clock.start24') });
  if (e === null) out.push({ path, message: t('ui.clock.badEnd', { text: end }) });
  if (out.length === 0 && s !== null && e !== null && s >= e) {
    out.push({ path, message: t('ui.clock.order') });
  }
  return out;
}

/** Problems of a weekday's intervals: each shape, then overlaps within the day. */
export function dayProblems(path: string, intervals: readonly (readonly [string, string])[]): Problem[] {
  const out: Problem[] = [];
  const ok: { i: number; s: number; e: number }[] = [];
  intervals.forEach(([start, end], i) => {
    const p = intervalProblems(`${path}[${i}]`, start, end);
    out.push(...p);
    if (p.length === 0) ok.push({ i, s: parseClock(start.trim())!, e: parseClock(end.trim())! });
  });
  ok.sort((a, b) => a.s - b.s);
  for (let k = 1; k < ok.length; k++) {
    if (ok[k].s < ok[k - 1].e) {
      out.push({ path: `${path}[${ok[k].i}]`, message: t('ui.clock.overlap') });
    }
  }
  return out;
}
