/**
 * Display-only clock for a zone: the current local time and a `UTC±HH:MM` label.
 * All planning arithmetic lives in Rust; this only formats `Intl` output.
 */

export type ZoneClock = { time: string; offset: string };

export function zoneClock(zone: string, now: Date): ZoneClock | null {
  try {
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(now);
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      timeZoneName: 'longOffset',
    }).formatToParts(now);
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
