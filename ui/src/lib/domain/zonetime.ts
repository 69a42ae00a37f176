/**
 * Display-only clock for a zone: the current local time and a `UTC±HH:MM` label.
 * All planning arithmetic lives in Rust; this only formats `Intl` output.
 */

import { FORMATS } from '../i18n/format';

export type ZoneClock = { time: string; offset: string };

/**
 * Offset formatters per zone, made once: building an `Intl.DateTimeFormat`
 * costs far more than using one, and a list draws a clock on every row. The
 * offset is read from en-US text (`GMT+01:00`) whatever the UI's locale: it
 * is parsed, not shown; the time is written in the format locale.
 */
const offsets = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(zone: string): Intl.DateTimeFormat {
  let f = offsets.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsets.set(zone, f);
  }
  return f;
}

export function zoneClock(zone: string, now: Date): ZoneClock | null {
  try {
    const time = FORMATS.zoneTime(now, zone);
    const parts = offsetFormat(zone).formatToParts(now);
    const raw = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const offset = raw === 'GMT' || raw === 'UTC' ? 'UTC+00:00' : raw.replace(/^GMT/, 'UTC');
    return { time, offset };
  } catch {
    return null;
  }
}

/** The OS zone, when the browser knows it. */
export function systemZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
}
