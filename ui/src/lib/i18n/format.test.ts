import { describe, expect, it } from 'vitest';
import { FORMATS, Formats, firstWeekday } from './format';
import { formatLocale } from './language';

// ICU writes a narrow no-break space before AM/PM; the tests read plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('dates and times in the format locale', () => {
  const gb = new Formats('en-GB');
  const us = new Formats('en-US');
  const de = new Formats('de-DE');

  it('takes the computer’s own locale when it speaks the UI’s language', () => {
    expect(formatLocale('en', ['en-US', 'de-DE'])).toBe('en-US');
    expect(formatLocale('de', ['en-US', 'de_DE.UTF-8'])).toBe('de-DE');
    expect(formatLocale('de', ['en-GB'])).toBe('de-GB');
    // The unit tests themselves run as an en-GB computer (test-setup.ts).
    expect(FORMATS.locale).toBe('en-GB');
  });

  it('keeps the computer’s region when the UI speaks another language: never US order by default', () => {
    // English on a French computer, or chosen on a German one: day first, 24 h.
    const enFr = new Formats(formatLocale('en', ['fr-FR']));
    expect(enFr.locale).toBe('en-FR');
    expect(enFr.dateOrder).toEqual(['day', 'month', 'year']);
    expect(enFr.hour12).toBe(false);
    const enDe = new Formats(formatLocale('en', ['de_DE.UTF-8']));
    expect(enDe.locale).toBe('en-DE');
    expect(enDe.dateOrder).toEqual(['day', 'month', 'year']);
    // Nothing known of the system: the language's own default.
    expect(formatLocale('en', [])).toBe('en');
  });

  it('writes dates in each locale’s order and words', () => {
    expect(gb.shortDate('2026-12-01')).toBe('Tue 1 Dec');
    expect(us.shortDate('2026-12-01')).toBe('Tue, Dec 1');
    expect(de.shortDate('2026-12-01')).toBe('Di., 1. Dez.');
    expect(gb.dayMonth('2026-12-07')).toBe('7 Dec');
    expect(us.dayMonth('2026-12-07')).toBe('Dec 7');
    expect(de.dayMonth('2026-12-07')).toBe('7. Dez.');
    expect(gb.shortDateYear('2026-12-01')).toBe('Tue 1 Dec 2026');
    expect(us.shortDateYear('2026-12-01')).toBe('Tue, Dec 1, 2026');
    expect(de.shortDateYear('2026-12-01')).toBe('Di., 1. Dez. 2026');
    expect(gb.numericDate('2026-12-07')).toBe('07/12/2026');
    expect(us.numericDate('2026-12-07')).toBe('12/07/2026');
    expect(de.numericDate('2026-12-07')).toBe('07.12.2026');
    expect(de.weekdayLong('2026-12-07')).toBe('Montag');
    expect(gb.dateOrder).toEqual(['day', 'month', 'year']);
    expect(us.dateOrder).toEqual(['month', 'day', 'year']);
    expect(de.dateOrder).toEqual(['day', 'month', 'year']);
  });

  it('writes times on the locale’s clock: 12 h in en-US, 24 h in en-GB and de-DE', () => {
    expect([gb.hour12, us.hour12, de.hour12]).toEqual([false, true, false]);
    expect(gb.time('09:05')).toBe('09:05');
    expect(de.time('14:30')).toBe('14:30');
    expect(plain(us.time('14:30'))).toBe('2:30 PM');
    expect(plain(us.time('00:15'))).toBe('12:15 AM');
    expect(gb.time('24:00')).toBe('24:00');
    expect(gb.hourTick(6)).toBe('06');
    expect(plain(us.hourTick(18))).toBe('6 PM');
    const noon = new Date('2026-12-01T12:00:00Z');
    expect(gb.zoneTime(noon, 'America/New_York')).toBe('07:00');
    expect(plain(us.zoneTime(noon, 'America/New_York'))).toBe('7:00 AM');
  });

  it('starts the week where the locale does', () => {
    expect([gb.firstDay, us.firstDay, de.firstDay]).toEqual([1, 7, 1]);
    expect(firstWeekday('en')).toBe(7);
    expect(firstWeekday('ar-EG')).toBe(6);
    expect(firstWeekday('not a locale')).toBe(1);
  });

  it('reads typed dates in the locale’s order, and ISO anywhere', () => {
    expect(gb.parseDate('07/12/2026')).toBe('2026-12-07');
    expect(us.parseDate('12/7/2026')).toBe('2026-12-07');
    expect(de.parseDate('7.12.2026')).toBe('2026-12-07');
    expect(de.parseDate('07.12.26')).toBe('2026-12-07');
    for (const f of [gb, us, de]) expect(f.parseDate(' 2026-12-07 ')).toBe('2026-12-07');
    expect(us.parseDate('13/7/2026')).toBeNull();
    expect(gb.parseDate('31/02/2026')).toBeNull();
    expect(de.parseDate('7.12.')).toBeNull();
    expect(de.parseDate('')).toBeNull();
    expect(gb.parseDate('1/1/202')).toBeNull();
  });

  it('reads typed times on either clock', () => {
    expect(gb.parseTime('14:30')).toBe('14:30');
    expect(de.parseTime('14.30')).toBe('14:30');
    expect(de.parseTime('9 Uhr')).toBe('09:00');
    expect(gb.parseTime('930')).toBe('09:30');
    expect(gb.parseTime('0930')).toBe('09:30');
    expect(us.parseTime('2:30 PM')).toBe('14:30');
    expect(us.parseTime('2:30pm')).toBe('14:30');
    expect(us.parseTime('12 am')).toBe('00:00');
    expect(us.parseTime('12:15 p.m.')).toBe('12:15');
    expect(gb.parseTime('24:00')).toBeNull();
    expect(gb.parseTime('24:00', { allow24: true })).toBe('24:00');
    expect(gb.parseTime('13 pm')).toBeNull();
    expect(gb.parseTime('10:60')).toBeNull();
    expect(gb.parseTime('soon')).toBeNull();
  });
});
