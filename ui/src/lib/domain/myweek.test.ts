import { describe, expect, it } from 'vitest';
import type { MyDay } from '../api';
import { awayText, travelText } from './myweek';

function day(over: Partial<MyDay> = {}): MyDay {
  return {
    date: '2026-12-01',
    weekday: 'tue',
    office: null,
    teammates: [],
    time_off: false,
    travel: null,
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

describe('travelText', () => {
  it('says where a trip takes the rep, and only "Travelling" on an office day that names the office', () => {
    expect(travelText(day())).toBeNull();
    expect(travelText(day({ travel: 'New York' }))).toBe('In New York office (travelling)');
    expect(travelText(day({ travel: 'New York', office: 'New York' }))).toBe('Travelling');
  });

  it('words a trip day by the visited office Rust read: its closure, and a remote rep is not "no home office"', () => {
    // Rust's `closed` / `office_holiday` are the visited office's on a trip day.
    expect(awayText(day({ travel: 'New York', closed: true, office_holiday: 'Thanksgiving Day' }), true)).toBe(
      'Remote (office closed: Thanksgiving Day)',
    );
    expect(awayText(day({ travel: 'New York' }), false)).toBe('Remote');
    expect(awayText(day({ travel: 'New York', holiday: 'Thanksgiving Day' }), true)).toBe('Public holiday · Thanksgiving Day');
  });
});
