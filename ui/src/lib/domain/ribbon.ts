/**
 * A time-zone ribbon's geometry and words: an attendee's local day (as Rust
 * cut it into coloured segments, minutes from local midnight) laid out on
 * 0–100 % of the ribbon's width. A DST day is 23 or 25 hours long, so
 * positions are fractions of `length_minutes`, never of 24 h.
 */
import type { DayRibbon, RibbonKind } from '../api';
import { formatMinutes } from './meetings';
import { t } from '../i18n';
import { FORMATS } from '../i18n/format';

export const RIBBON_LABELS: Record<RibbonKind, string> = {
  working: t('findtime.ribbon.kinds.working'),
  stretch: t('findtime.ribbon.kinds.stretch'),
  busy: t('findtime.ribbon.kinds.busy'),
  time_off: t('findtime.ribbon.kinds.timeOff'),
  off: t('findtime.ribbon.kinds.off'),
};

export type RibbonPiece = { kind: RibbonKind; x: number; width: number };

export type RibbonLayout = {
  pieces: RibbonPiece[];
  slot: { x: number; width: number };
  /** Hour ticks (percent) with their labels; only on a 24-hour day, where elapsed time is the wall clock. */
  ticks: { x: number; label: string }[];
  /** Set on a 23- or 25-hour day. */
  dstNote: string | null;
};

const pct = (minutes: number, length: number) => (length > 0 ? (minutes / length) * 100 : 0);

export function ribbonLayout(day: DayRibbon): RibbonLayout {
  const len = day.length_minutes;
  const clamp = (m: number) => Math.min(Math.max(m, 0), len);
  const pieces = day.segments
    .filter((s) => s.to > s.from)
    .map((s) => ({ kind: s.kind, x: pct(clamp(s.from), len), width: pct(clamp(s.to) - clamp(s.from), len) }));
  const from = clamp(day.slot_from);
  const to = clamp(day.slot_to);
  const ticks =
    len === 1440
      ? [0, 6, 12, 18, 24].map((h) => ({ x: pct(h * 60, len), label: FORMATS.hourTick(h) }))
      : [];
  const hours = len / 60;
  const dstNote = len === 1440 ? null : t('findtime.ribbon.dst', { hours: Number.isInteger(hours) ? hours : hours.toFixed(1) });
  return { pieces, slot: { x: pct(from, len), width: pct(to - from, len) }, ticks, dstNote };
}

/** Total minutes of each kind in the day. */
export function ribbonTotals(day: DayRibbon): Map<RibbonKind, number> {
  const out = new Map<RibbonKind, number>();
  for (const s of day.segments) out.set(s.kind, (out.get(s.kind) ?? 0) + Math.max(0, s.to - s.from));
  return out;
}

/**
 * What the ribbon shows, in words for a screen reader: whose day, the slot and
 * how much of the day is working / stretch / busy / time off.
 */
export function ribbonSummary(name: string, day: DayRibbon, slotText: string): string {
  const totals = ribbonTotals(day);
  const kinds: RibbonKind[] = ['working', 'stretch', 'busy', 'time_off'];
  const parts = kinds.filter((k) => (totals.get(k) ?? 0) > 0).map((k) => `${formatMinutes(totals.get(k)!)} ${RIBBON_LABELS[k]}`);
  const dst = day.length_minutes === 1440 ? '' : t('findtime.ribbon.dayLength', { length: formatMinutes(day.length_minutes) });
  return t('findtime.ribbon.summary', {
    name,
    date: day.date,
    dst,
    slot: slotText,
    parts: parts.length > 0 ? parts.join(', ') : t('findtime.ribbon.noHours'),
  });
}
