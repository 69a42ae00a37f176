import { describe, expect, it } from 'vitest';
import { pagesFor, visibleRows } from './rowwindow';

describe('visibleRows', () => {
  it('covers the viewport plus the overscan and stays inside the list', () => {
    expect(visibleRows(0, 400, 40, 5000, 2)).toEqual({ start: 0, end: 12 });
    expect(visibleRows(4000, 400, 40, 5000, 2)).toEqual({ start: 98, end: 112 });
    expect(visibleRows(10_000_000, 400, 40, 5000, 2)).toEqual({ start: 5000, end: 5000 });
    expect(visibleRows(199_600, 400, 40, 5000, 2)).toEqual({ start: 4988, end: 5000 });
  });
  it('is empty for an empty list', () => {
    expect(visibleRows(0, 400, 40, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('pagesFor', () => {
  it('names every page the range touches', () => {
    expect(pagesFor({ start: 98, end: 112 }, 50)).toEqual([50, 100]);
    expect(pagesFor({ start: 0, end: 10 }, 50)).toEqual([0]);
    expect(pagesFor({ start: 10, end: 10 }, 50)).toEqual([]);
  });
});
