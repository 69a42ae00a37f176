/**
 * Display helpers for stored meetings and meeting answers: wall-clock text,
 * an RRULE in words, UTC instants shown in a zone. Display only: recurrence is
 * expanded and zones are resolved in Rust; `Intl` here only formats.
 */

const WEEKDAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const BYDAY: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

/** Weekday (0 = Monday) of a calendar date, by the proleptic Gregorian calendar. */
function weekdayOf(y: number, m: number, d: number): number {
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** `2026-12-01T15:00` → `Tue 1 Dec 2026, 15:00` (the text is taken as is, no zone). */
export function formatLocal(text: string, opts: { year?: boolean } = {}): string {
  const m = LOCAL.exec(text);
  if (!m) return text;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = `${WEEKDAY[weekdayOf(y, mo, d)]} ${d} ${MONTH[mo - 1]}${opts.year === false ? '' : ` ${y}`}`;
  return m[4] === undefined ? day : `${day}, ${m[4]}:${m[5]}`;
}

/** `2026-12-01T15:00` → `Tue 15:00`. */
export function weekdayTime(text: string): string {
  const m = LOCAL.exec(text);
  if (!m || m[4] === undefined) return text;
  return `${WEEKDAY[weekdayOf(Number(m[1]), Number(m[2]), Number(m[3]))]} ${m[4]}:${m[5]}`;
}

/** `2026-12-01T15:00` → `15:00`. */
export function clockOf(text: string): string {
  const m = LOCAL.exec(text);
  return m && m[4] !== undefined ? `${m[4]}:${m[5]}` : text;
}

/** A UTC instant (`2026-12-01T15:00:00Z`) as `Tue 1 Dec 2026, 15:00 UTC`. */
export function formatUtc(iso: string): string {
  return `${formatLocal(iso.slice(0, 16))} UTC`;
}

/** A UTC instant as wall-clock text `YYYY-MM-DDTHH:MM` in `zone`, or null if the zone is unknown here. */
export function localIn(iso: string, zone: string): string | null {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(iso));
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
  } catch {
    return null;
  }
}

/** Minutes as `45 min`, `2 h`, `1 h 30 min`. */
export function formatMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * An RRULE (contract §7.3 subset) in words: `FREQ=WEEKLY;COUNT=6` → `weekly, 6 times`,
 * `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE` → `every 2 weeks on Mon, Wed`. `null` is a single meeting.
 */
export function recurrenceInWords(rrule: string | null): string {
  if (rrule === null || rrule.trim() === '') return 'once';
  const parts = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, '').split(';')) {
    const [k, v] = part.split('=');
    if (k && v !== undefined) parts.set(k.trim().toUpperCase(), v.trim());
  }
  const freq = parts.get('FREQ')?.toUpperCase();
  const unit: Record<string, [string, string]> = {
    DAILY: ['daily', 'days'],
    WEEKLY: ['weekly', 'weeks'],
    MONTHLY: ['monthly', 'months'],
    YEARLY: ['yearly', 'years'],
  };
  if (!freq || !unit[freq]) return rrule;
  const interval = Number(parts.get('INTERVAL') ?? '1');
  let words = interval > 1 ? `every ${interval} ${unit[freq][1]}` : unit[freq][0];
  const byday = parts.get('BYDAY');
  if (byday) {
    const days = byday.split(',').map((d) => BYDAY[d.trim().toUpperCase().slice(-2)] ?? d);
    words += ` on ${days.join(', ')}`;
  }
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count) words += `, ${count} ${count === '1' ? 'time' : 'times'}`;
  else if (until) {
    const m = /^(\d{4})(\d{2})(\d{2})/.exec(until);
    words += `, until ${m ? formatLocal(`${m[1]}-${m[2]}-${m[3]}`) : until}`;
  }
  return words;
}
