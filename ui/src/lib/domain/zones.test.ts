import { describe, expect, it } from 'vitest';
import { filterZones } from './zones';
import { zoneClock } from './zonetime';

const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'UTC'];

describe('filterZones', () => {
  it('matches every typed word, reading underscores as spaces and ignoring case', () => {
    expect(filterZones(ZONES, 'new york')).toEqual(['America/New_York']);
    expect(filterZones(ZONES, 'BUENOS')).toEqual(['America/Argentina/Buenos_Aires']);
  });

  it('ranks zones whose city starts with the query first', () => {
    expect(filterZones(ZONES, 'lo')).toEqual(['America/Los_Angeles', 'Europe/London']);
    expect(filterZones(ZONES, 'america')[0]).toBe('America/Argentina/Buenos_Aires');
  });

  it('returns every zone for an empty query', () => {
    expect(filterZones(ZONES, '  ')).toHaveLength(ZONES.length);
  });
});

describe('zoneClock', () => {
  it('labels the current offset as UTC±HH:MM', () => {
    const at = new Date('2026-07-01T12:00:00Z');
    expect(zoneClock('Asia/Kolkata', at)).toEqual({ time: '17:30', offset: 'UTC+05:30' });
    expect(zoneClock('UTC', at)).toEqual({ time: '12:00', offset: 'UTC+00:00' });
    expect(zoneClock('America/New_York', at)?.offset).toBe('UTC-04:00');
  });

  it('gives null for a zone Intl does not know', () => {
    expect(zoneClock('Mars/Olympus', new Date())).toBeNull();
  });
});
