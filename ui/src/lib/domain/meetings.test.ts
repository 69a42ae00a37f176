import { describe, expect, it } from 'vitest';
import { formatLocal, localIn, recurrenceInWords, weekdayTime } from './meetings';

describe('meeting display helpers', () => {
  it.each([
    [null, 'once'],
    ['FREQ=WEEKLY;COUNT=6', 'weekly, 6 times'],
    ['FREQ=WEEKLY;COUNT=1', 'weekly, 1 time'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE', 'every 2 weeks on Mon, Wed'],
    ['FREQ=DAILY;UNTIL=20261211T000000Z', 'daily, until Fri 11 Dec 2026'],
    ['FREQ=MONTHLY', 'monthly'],
  ])('%s reads as %s', (rrule, words) => {
    expect(recurrenceInWords(rrule)).toBe(words);
  });

  it('formats wall-clock text with its weekday', () => {
    expect(formatLocal('2026-12-01T15:00')).toBe('Tue 1 Dec 2026, 15:00');
    expect(weekdayTime('2026-11-29T09:30')).toBe('Sun 09:30');
  });

  it('shows a UTC instant in the organiser zone', () => {
    expect(localIn('2026-12-01T15:00:00Z', 'America/New_York')).toBe('2026-12-01T10:00');
    expect(localIn('2026-12-01T15:00:00Z', 'Not/AZone')).toBeNull();
  });
});
