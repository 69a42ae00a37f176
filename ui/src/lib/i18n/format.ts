/**
 * Every date and time the UI writes, in the format locale (`FORMAT_LOCALE`:
 * the computer's own locale when it speaks the UI's language): date order,
 * month and weekday names, 12 or 24 hours, the first day of the week. Data
 * stays ISO (`YYYY-MM-DD`, `HH:MM`, what Rust reads and writes); only text
 * for people goes through here.
 *
 * `makeFormats(locale)` builds one locale's formatters; the app uses
 * `FORMATS`, made once when the window loads (a language change reloads the
 * window). Made once because building an `Intl.DateTimeFormat` costs far
 * more than using one: a board labels hundreds of cells with dates, and a
 * formatter per call (what `toLocaleDateString` does) took most of its
 * drawing time (~0.4 s for 23 reps × 4 weeks in WebKit).
 */
import { FORMAT_LOCALE } from './language';

/** The parts of a numeric date, in the order the locale writes them. */
export type DatePart = 'day' | 'month' | 'year';

/**
 * First weekday by region where the engine cannot say (`Intl.Locale` week
 * info is missing in older WebKitGTK and Firefox): the regions that start on
 * Sunday or Saturday; every other starts on Monday (CLDR weekData).
 */
const SUNDAY_REGIONS = new Set(
  'AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(
    ' ',
  ),
);
const SATURDAY_REGIONS = new Set('AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

/** 1 = Monday … 7 = Sunday, as `Intl.Locale` week info counts. */
export function firstWeekday(locale: string): number {
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay;
    const region = loc.maximize().region ?? '';
    if (SUNDAY_REGIONS.has(region)) return 7;
    if (SATURDAY_REGIONS.has(region)) return 6;
  } catch {
    // An unknown tag: Monday, as ISO weeks do.
  }
  return 1;
}

const utc = (date: string) => new Date(`${date.slice(0, 10)}T00:00:00Z`);
const WALL = /^(\d{1,2}):(\d{2})/;

export class Formats {
  readonly locale: string;
  /** True where the locale writes 12-hour times (`2:30 PM`). */
  readonly hour12: boolean;
  /** 1 = Monday … 7 = Sunday. */
  readonly firstDay: number;
  /** The numeric date's parts in the locale's order, and the separator between them. */
  readonly dateOrder: readonly DatePart[];
  readonly dateSeparator: string;

  readonly #weekday: Intl.DateTimeFormat;
  readonly #weekdayLong: Intl.DateTimeFormat;
  readonly #dayMonth: Intl.DateTimeFormat;
  readonly #shortDate: Intl.DateTimeFormat;
  readonly #longDate: Intl.DateTimeFormat;
  readonly #shortDateYear: Intl.DateTimeFormat;
  readonly #month: Intl.DateTimeFormat;
  readonly #monthLong: Intl.DateTimeFormat;
  readonly #numeric: Intl.DateTimeFormat;
  readonly #time: Intl.DateTimeFormat;
  readonly #hour: Intl.DateTimeFormat;
  readonly #zoneTime = new Map<string, Intl.DateTimeFormat>();

  constructor(locale: string) {
    this.locale = locale;
    const opts = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...o });
    this.#weekday = opts({ weekday: 'short' });
    this.#weekdayLong = opts({ weekday: 'long' });
    this.#dayMonth = opts({ day: 'numeric', month: 'short' });
    this.#shortDate = opts({ weekday: 'short', day: 'numeric', month: 'short' });
    this.#shortDateYear = opts({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
    this.#longDate = opts({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    this.#month = opts({ month: 'short' });
    this.#monthLong = opts({ month: 'long', year: 'numeric' });
    this.#numeric = opts({ day: '2-digit', month: '2-digit', year: 'numeric' });
    this.#hour = opts({ hour: 'numeric' });
    const cycle = this.#hour.resolvedOptions().hourCycle;
    this.hour12 = cycle === 'h12' || cycle === 'h11';
    // On 24 h the hour keeps two digits (`09:00`), so times line up in lists.
    this.#time = this.hour12 ? opts({ hour: 'numeric', minute: '2-digit' }) : opts({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    this.firstDay = firstWeekday(locale);
    const parts = this.#numeric.formatToParts(new Date(Date.UTC(2026, 11, 7)));
    this.dateOrder = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type as DatePart);
    this.dateSeparator = parts.find((p) => p.type === 'literal')?.value ?? '/';
  }

  /** `Tue` for `2026-12-01` (`Di.` in German). */
  weekday(date: string): string {
    return this.#weekday.format(utc(date));
  }

  /** `Tuesday`. */
  weekdayLong(date: string): string {
    return this.#weekdayLong.format(utc(date));
  }

  /** `1 Dec` (en-GB), `Dec 1` (en-US), `1. Dez.` (de). */
  dayMonth(date: string): string {
    return this.#dayMonth.format(utc(date));
  }

  /** `Tue 1 Dec` (en-GB), `Tue, Dec 1` (en-US), `Di., 1. Dez.` (de). */
  shortDate(date: string): string {
    return this.#shortDate.format(utc(date));
  }

  /** `Tue 1 Dec 2026` (en-GB), `Tue, Dec 1, 2026` (en-US), `Di., 1. Dez. 2026` (de). */
  shortDateYear(date: string): string {
    const d = utc(date);
    // ICU writes `Tue, 1 Dec 2026` for en-GB but `Tue 1 Dec` without the
    // year: the weekday is kept apart as in the short date, so both read alike.
    const apart = this.#shortDate.formatToParts(d).find((p) => p.type === 'literal')?.value;
    let first = true;
    return this.#shortDateYear
      .formatToParts(d)
      .map((p) => {
        if (p.type !== 'literal' || !first) return p.value;
        first = false;
        return apart ?? p.value;
      })
      .join('');
  }

  /** `Tuesday 1 December 2026`. */
  longDate(date: string): string {
    return this.#longDate.format(utc(date));
  }

  /** `Dec`. */
  monthShort(date: string): string {
    return this.#month.format(utc(date));
  }

  /** `December 2026`. */
  monthYear(date: string): string {
    return this.#monthLong.format(utc(date));
  }

  /** `01/12/2026` (en-GB), `12/01/2026` (en-US), `01.12.2026` (de): what a date input shows. */
  numericDate(date: string): string {
    return this.#numeric.format(utc(date));
  }

  /** A wall-clock `HH:MM` as the locale writes it: `15:00`, or `3:00 PM`. `24:00` (an end of day) stays. */
  time(hhmm: string): string {
    const m = WALL.exec(hhmm);
    if (!m) return hhmm;
    const h = Number(m[1]);
    const min = Number(m[2]);
    if (h === 24 && min === 0) return this.hour12 ? this.time('00:00') : '24:00';
    if (h > 23 || min > 59) return hhmm;
    return this.#time.format(new Date(Date.UTC(2026, 0, 1, h, min)));
  }

  /** An hour of the day as a tick label: `06` on 24 h (as before), `6 AM` on 12 h. */
  hourTick(hour: number): string {
    if (!this.hour12) return String(hour).padStart(2, '0');
    return this.#hour.format(new Date(Date.UTC(2026, 0, 1, hour % 24)));
  }

  /** The wall-clock time of an instant in `zone`, as the locale writes it. Throws on an unknown zone. */
  zoneTime(instant: Date, zone: string): string {
    let f = this.#zoneTime.get(zone);
    if (!f) {
      f = this.hour12
        ? new Intl.DateTimeFormat(this.locale, { timeZone: zone, hour: 'numeric', minute: '2-digit' })
        : new Intl.DateTimeFormat(this.locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      this.#zoneTime.set(zone, f);
    }
    return f.format(instant);
  }

  /**
   * A typed date in the locale's order (`7.12.2026`, `12/7/2026`,
   * `07/12/26`; any separator) or ISO (`2026-12-07`) as `YYYY-MM-DD`; null
   * when it is no existing date. A two-digit year is this century's.
   */
  parseDate(text: string): string | null {
    const s = text.trim();
    let y: number, mo: number, d: number;
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (iso) {
      [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    } else {
      const nums = s.split(/[^\d]+/).filter((p) => p !== '');
      if (nums.length !== 3 || nums.some((n) => n.length > 4)) return null;
      const at = (part: DatePart) => nums[this.dateOrder.indexOf(part)] ?? '';
      const year = at('year');
      if (year.length !== 2 && year.length !== 4) return null;
      [y, mo, d] = [year.length === 2 ? 2000 + Number(year) : Number(year), Number(at('month')), Number(at('day'))];
    }
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (y < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  /**
   * A typed time as `HH:MM`: `14:30`, `14.30`, `1430`, `9`, `2:30 PM`,
   * `2:30pm`, `12 am`; null when it is none. `24:00` only with `allow24`
   * (an end of a working day).
   */
  parseTime(text: string, opts: { allow24?: boolean } = {}): string | null {
    const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*(?:(a|p)\.?\s*m?\.?)?$/i.exec(text.trim().replace(/\s*uhr$/i, ''));
    if (!m) return null;
    let h = Number(m[1]);
    const min = m[2] === undefined ? 0 : Number(m[2]);
    const ampm = m[3]?.toLowerCase();
    if (min > 59) return null;
    if (ampm) {
      if (h < 1 || h > 12) return null;
      h = (h % 12) + (ampm === 'p' ? 12 : 0);
    }
    if (h === 24 && min === 0 && !ampm && opts.allow24) return '24:00';
    if (h > 23) return null;
    return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
  }

  /** An example of a typed date in this locale (`07/12/2026`), for hints and errors. */
  get dateExample(): string {
    return this.numericDate('2026-12-07');
  }

  /** An example of a typed time (`14:30` or `2:30 PM`). */
  get timeExample(): string {
    return this.time('14:30');
  }
}

/** The app's formats, in the locale the window loaded with. */
export const FORMATS = new Formats(FORMAT_LOCALE);
