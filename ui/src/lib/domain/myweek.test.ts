import { describe, expect, it } from 'vitest';
import type { MyDay } from '../api';
import { awayText } from './myweek';

function day(over: Partial<MyDay> = {}): MyDay {
  return {
    date: '2026-12-01',
    weekday: 'tue',
    office: null,
    teammates: [],
    time_off: false,
    holiday: null,
    office_holiday: null,
    closed: false,
    no_office_day: false,
    working: true,
    ...over,
  };
}

describe('awayText', () => {
  it('names the first reason a day is remote, time off first', () => {
    expect(awayText(day({ time_off: true, closed: true }), true)).toBe('Time off');
    expect(awayText(day({ closed: true }), false)).toBe('Remote (no home office)');
    expect(awayText(day({ closed: true, no_office_day: true }), true)).toBe('Remote (office closed)');
    expect(awayText(day({ no_office_day: true }), true)).toBe('Remote (not an office day for you)');
    expect(awayText(day({ working: false }), true)).toBe('Not a working day');
    expect(awayText(day(), true)).toBe('Remote');
  });

  it('names the public holiday after time off', () => {
    expect(awayText(day({ holiday: 'Christmas Day', closed: true }), true)).toBe('Public holiday · Christmas Day');
    // Only the office's holiday (the rep takes none): remote, and why.
    expect(awayText(day({ office_holiday: 'Christmas Day', closed: true }), true)).toBe('Remote (office closed: Christmas Day)');
    expect(awayText(day({ holiday: 'Diwali', time_off: true }), true)).toBe('Time off');
  });
});
