import { describe, expect, it } from 'vitest';
import { ribbonLayout, ribbonSummary } from './ribbon';
import { day } from '../../test/fixtures';

describe('ribbon layout', () => {
  it('places segments and the slot in proportion to a 24-hour day', () => {
    const l = ribbonLayout(day('2026-11-30', 600, 660));
    expect(l.pieces.map((p) => [p.kind, +p.x.toFixed(3), +p.width.toFixed(3)])).toEqual([
      ['off', 0, 29.167],
      ['stretch', 29.167, 8.333],
      ['working', 37.5, 12.5],
      ['busy', 50, 4.167],
      ['working', 54.167, 16.667],
      ['off', 70.833, 29.167],
    ]);
    expect(l.slot.x).toBeCloseTo(41.667, 3);
    expect(l.slot.width).toBeCloseTo(4.167, 3);
    expect(l.ticks.map((t) => t.label)).toEqual(['00', '06', '12', '18', '24']);
    expect(l.dstNote).toBeNull();
  });

  it('measures a 25-hour DST day by its own length and drops the 24-hour ticks', () => {
    const l = ribbonLayout(day('2026-10-25', 600, 660, 1500));
    expect(l.pieces.at(-1)!.x + l.pieces.at(-1)!.width).toBeCloseTo(100, 6);
    expect(l.slot.x).toBeCloseTo(40, 6);
    expect(l.slot.width).toBeCloseTo(4, 6);
    expect(l.ticks).toEqual([]);
    expect(l.dstNote).toBe('25-hour day (clocks change)');
  });

  it('sums the day in words for screen readers', () => {
    expect(ribbonSummary('Ana', day('2026-11-30', 600, 660), 'Mon 10:00–11:00 local')).toBe(
      "Ana's local day 2026-11-30: meeting Mon 10:00–11:00 local; 7 h working, 2 h stretch, 1 h busy",
    );
  });
});
