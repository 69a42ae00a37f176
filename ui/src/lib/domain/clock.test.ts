import { describe, expect, it } from 'vitest';
import { dayProblems, intervalProblems, isDate, parseClock } from './clock';

describe('wall-clock checks', () => {
  it('parses only the HH:MM shape, with 24:00 as the one value past 23:59', () => {
    const check = (s: string, want: number | null) => expect(parseClock(s), s).toBe(want);
    check('00:00', 0);
    check('09:30', 570);
    check('24:00', 1440);
    check('24:01', null);
    check('9:30', null);
    check('09:60', null);
    check('0930', null);
  });

  it('allows 24:00 as an end but never as a start', () => {
    expect(intervalProblems('p', '18:00', '24:00')).toEqual([]);
    expect(intervalProblems('p', '24:00', '24:00').map((p) => p.message)).toContain(
      'start cannot be 24:00 (only an end can)',
    );
  });

  it('requires start before end', () => {
    expect(intervalProblems('p', '17:00', '09:00')).toEqual([{ path: 'p', message: 'start must be before end' }]);
    expect(intervalProblems('p', '09:00', '09:00')).toHaveLength(1);
  });

  it('reports overlapping intervals within one weekday at the later interval', () => {
    const problems = dayProblems('working_hours.mon', [
      ['13:00', '17:00'],
      ['09:00', '13:30'],
    ]);
    expect(problems).toEqual([{ path: 'working_hours.mon[0]', message: 'overlaps another interval on this day' }]);
    expect(dayProblems('working_hours.mon', [['09:00', '12:00'], ['12:00', '17:00']])).toEqual([]);
  });

  it('accepts only real calendar dates', () => {
    expect(isDate('2026-12-31')).toBe(true);
    expect(isDate('2026-02-30')).toBe(false);
    expect(isDate('2026-2-3')).toBe(false);
  });
});
