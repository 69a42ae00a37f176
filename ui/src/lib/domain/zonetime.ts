/**
 * Display-only clock for a zone: the current local time and a `UTC±HH:MM` label.
 * All planning arithmetic lives in Rust; this only formats `Intl` output.
 */

export type ZoneClock = { time: string; offset: string };

/**
 * Formatters per zone, made once: building an `Intl.DateTimeFormat` costs
 * far more than using one, and a list draws a clock on every row.
 */
const clocks = new Map<string, { time: Intl.DateTimeFormat; offset: Intl.DateTimeFormat }>();

function clockFormats(zone: string): { time: Intl.DateTimeFormat; offset: Intl.DateTimeFormat } {
  let f = clocks.get(zone);
  if (!f) {
    f = {
      time: new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      offset: new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }),
    };
    clocks.set(zone, f);
  }
  return f;
}

export function zoneClock(zone: string, now: Date): ZoneClock | null {
  try {
    const f = clockFormats(zone);
    const time = f.time.format(now);
    const parts = f.offset.formatToParts(now);
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
