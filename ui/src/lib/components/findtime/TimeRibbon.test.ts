import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import TimeRibbon from './TimeRibbon.svelte';
import { day } from '../../../test/fixtures';

function widths(container: HTMLElement) {
  return Array.from(container.querySelectorAll('rect[data-kind]')).map((r) => [
    r.getAttribute('data-kind'),
    Number(r.getAttribute('x')),
    Number(r.getAttribute('width')),
  ]);
}

describe('TimeRibbon', () => {
  it('draws each segment with a width in proportion to its minutes and outlines the slot', () => {
    const { container } = render(TimeRibbon, { props: { day: day('2026-11-30', 540, 600), name: 'Ana', slotText: 'Mon 09:00–10:00' } });
    const w = widths(container);
    expect(w).toHaveLength(6);
    const working = w.find(([k]) => k === 'working')!;
    expect(working[2]).toBeCloseTo((180 / 1440) * 100, 6);
    expect(w.reduce((s, [, , width]) => s + (width as number), 0)).toBeCloseTo(100, 6);
    const slot = container.querySelector('rect[data-slot]')!;
    expect(Number(slot.getAttribute('x'))).toBeCloseTo(37.5, 6);
    expect(Number(slot.getAttribute('width'))).toBeCloseTo((60 / 1440) * 100, 6);
    const img = screen.getByRole('img');
    expect(img).toHaveAccessibleName("Ana's local day 2026-11-30: meeting Mon 09:00–10:00; 7 h working, 2 h stretch, 1 h busy");
  });

  it('draws a 25-hour DST day on its own length and says so', () => {
    const { container } = render(TimeRibbon, { props: { day: day('2026-10-25', 1440, 1500, 1500), name: 'Ana', slotText: 'Sun 23:00–24:00' } });
    const slot = container.querySelector('rect[data-slot]')!;
    expect(Number(slot.getAttribute('x'))).toBeCloseTo(96, 6);
    expect(Number(slot.getAttribute('width'))).toBeCloseTo(4, 6);
    const off = widths(container).at(-1)!;
    expect(off[2]).toBeCloseTo((480 / 1500) * 100, 6);
    expect(screen.getByText('25-hour day (clocks change)')).toBeInTheDocument();
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('(a 25 h day)');
    expect(container.querySelectorAll('line.tick')).toHaveLength(0);
  });
});
