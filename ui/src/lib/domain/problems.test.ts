import { describe, expect, it } from 'vitest';
import { assignProblems } from './problems';

const KEYS = ['id', 'time_zone', 'working_hours', 'working_hours.mon', 'working_hours.mon[0]', 'time_off', 'time_off[1]'];

describe('assignProblems', () => {
  it('puts each problem on the longest field key that is a path prefix of it', () => {
    const { byField, unmapped } = assignProblems(
      [
        { path: 'time_zone', message: 'unknown zone' },
        { path: 'working_hours.mon[0]', message: 'start is after end' },
        { path: 'working_hours.mon[0][1]', message: 'bad end' },
        { path: 'time_off[1].end', message: 'end before start' },
      ],
      KEYS,
    );
    expect(byField.get('time_zone')).toEqual(['unknown zone']);
    expect(byField.get('working_hours.mon[0]')).toEqual(['start is after end', 'bad end']);
    expect(byField.get('time_off[1]')).toEqual(['end before start']);
    expect(unmapped).toEqual([]);
  });

  it('only matches at a path boundary, so "id" does not claim "identity"', () => {
    const { byField, unmapped } = assignProblems([{ path: 'identity', message: 'x' }], KEYS);
    expect(byField.size).toBe(0);
    expect(unmapped).toHaveLength(1);
  });

  it('falls back to the enclosing list when the item has no field of its own', () => {
    const { byField } = assignProblems([{ path: 'time_off[4].start', message: 'bad' }], KEYS);
    expect(byField.get('time_off')).toEqual(['bad']);
  });

  it('leaves problems no field claims for the form-level message', () => {
    const { unmapped } = assignProblems([{ path: 'meetings[0].attendees[1]', message: 'unknown rep' }], KEYS);
    expect(unmapped).toEqual([{ path: 'meetings[0].attendees[1]', message: 'unknown rep' }]);
  });

  it('leaves document-wide paths about other entities at form level, even when their tail names a field', () => {
    const { byField, unmapped } = assignProblems(
      [
        { path: 'reps[3].time_zone', message: 'another rep is wrong' },
        { path: '', message: 'the rep as a whole is wrong' },
      ],
      KEYS,
    );
    expect(byField.size).toBe(0);
    expect(unmapped.map((p) => p.message)).toEqual(['another rep is wrong', 'the rep as a whole is wrong']);
  });
});
