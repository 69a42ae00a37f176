import { describe, expect, it } from 'vitest';
import { weekTitle } from './weekTitle';
import { weekStartOf } from './dates';

describe('weekTitle', () => {
  it('names an ISO week by its number and dates', () => {
    expect(weekTitle('2026-11-30', '2026-12-06')).toBe('Week 49 · 30 Nov – 6 Dec 2026');
    expect(weekTitle('2026-11-30', '2026-12-04')).toBe('Week 49 · 30 Nov – 4 Dec 2026');
  });

  it('names a week from Sunday or Saturday by its dates alone, in the year it ends', () => {
    expect(weekTitle('2026-11-29', '2026-12-05')).toBe('29 Nov – 5 Dec 2026');
    expect(weekTitle('2026-12-27', '2027-01-02')).toBe('27 Dec – 2 Jan 2027');
  });
});

describe('weekStartOf', () => {
  it('goes back to the reader’s first weekday', () => {
    // Wednesday 2 December 2026.
    expect(weekStartOf('2026-12-02', 'mon')).toBe('2026-11-30');
    expect(weekStartOf('2026-12-02', 'sun')).toBe('2026-11-29');
    expect(weekStartOf('2026-12-02', 'sat')).toBe('2026-11-28');
    // The first day itself starts its week.
    expect(weekStartOf('2026-11-29', 'sun')).toBe('2026-11-29');
    expect(weekStartOf('2026-11-29', 'mon')).toBe('2026-11-23');
    expect(weekStartOf('2026-12-05', 'sat')).toBe('2026-12-05');
  });
});
