import { describe, expect, it } from 'vitest';
import {
  draftToRep,
  newRepDraft,
  nextTripDraft,
  repToDraft,
  validateOfficeDraft,
  newOfficeDraft,
  validateRepDraft,
} from './drafts';
import type { Rep } from '../api';

const full: Rep = {
  id: 'gus',
  name: 'Gus Unit',
  team: 'unit-team',
  time_zone: 'Europe/Lisbon',
  office: 'unit-office',
  working_hours: { mon: [['09:00', '12:00'], ['13:00', '17:30']], sat: [['10:00', '14:00']] },
  stretch_hours: { mon: [['07:30', '09:00'], ['17:30', '24:00']] },
  capacity_hours_per_week: 37.5,
  office_days_per_week: { min: 1, max: 2 },
  preferred_office_days: ['tue', 'wed'],
  no_office_days: ['fri'],
  time_off: [{ start: '2026-12-21', end: '2026-12-31' }],
  skills: ['renewals', 'spanish'],
};

describe('rep drafts', () => {
  it('round-trip a rep unchanged, leaving weekdays without hours out', () => {
    expect(draftToRep(repToDraft(full))).toEqual(full);
  });

  it('leave office_days_per_week out when the rep follows the team policy', () => {
    const { office_days_per_week: _, ...follows } = full;
    const draft = repToDraft(follows, 2, 3);
    expect(draft.usePolicy).toBe(true);
    expect([draft.min, draft.max]).toEqual(['2', '3']);
    expect(draftToRep(draft)).not.toHaveProperty('office_days_per_week');
  });

  it('start a new rep with the document defaults: Mon–Fri 09:00–17:00 and 40 hours', () => {
    const rep = draftToRep({ ...newRepDraft('UTC'), id: 'x', name: 'X' });
    expect(Object.keys(rep.working_hours)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(rep.capacity_hours_per_week).toBe(40);
    expect(rep.stretch_hours).toEqual({});
  });

  it('flag the obvious mistakes with the paths Rust would use', () => {
    const d = { ...newRepDraft('Mars/Base'), capacity: '40h', usePolicy: false, min: '4', max: '2' };
    d.time_off = [{ start: '2026-12-10', end: '2026-12-01' }];
    d.preferred_office_days = ['mon'];
    d.no_office_days = ['mon'];
    const paths = validateRepDraft(d, { zones: ['UTC'], takenIds: new Set() }).map((p) => p.path);
    expect(paths).toEqual([
      'id',
      'name',
      'time_zone',
      'capacity_hours_per_week',
      'office_days_per_week',
      'no_office_days',
      'time_off[0].end',
    ]);
  });

  it('refuse an id another entity of the same kind already has', () => {
    const d = { ...newOfficeDraft('UTC'), id: 'lon', name: 'London' };
    expect(validateOfficeDraft(d, { zones: ['UTC'], takenIds: new Set(['lon']) })).toEqual([
      { path: 'id', message: 'id "lon" is already used' },
    ]);
  });
});

describe('a new trip', () => {
  it('starts the day after the last trip ends, one day long, at its office; blank days when there is none', () => {
    expect(nextTripDraft([], 'far')).toEqual({ from: '', to: '', office: 'far' });
    const trips = [
      { from: '2026-12-07', to: '2026-12-31', office: 'nyc' },
      { from: '2026-11-02', to: '2026-11-06', office: 'ber' },
    ];
    // The latest last day, across a month and a year, whatever the list order.
    expect(nextTripDraft(trips, 'far')).toEqual({ from: '2027-01-01', to: '2027-01-01', office: 'ber' });
    // A trip whose last day is not typed yet gives no day to follow.
    expect(nextTripDraft([{ from: '2026-12-07', to: '', office: 'nyc' }], 'far')).toEqual({ from: '', to: '', office: 'nyc' });
  });
});
