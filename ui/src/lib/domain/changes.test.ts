import { describe, expect, it } from 'vitest';
import { applyChanges, type HeldTeam } from './changes';
import { changesBetween, rep, revisionsOf, tinyTeam } from '../../test/fixtures';
import type { Changes, Scenario } from '../api';

function heldTeam(sc: Scenario = tinyTeam()): HeldTeam {
  return { scenario: sc, revisions: revisionsOf(sc, 1), counter: 1 };
}

function changes(extra: Partial<Changes>): Changes {
  return { ...changesBetween(tinyTeam(), tinyTeam(), 2), ...extra };
}

describe('applyChanges', () => {
  it('replaces an updated item in place, keeps the order and takes its new revision', () => {
    const team = heldTeam();
    const ana = { ...team.scenario.reps[0], name: 'Ana Renamed' };
    const next = applyChanges(team, changes({ reps: [{ item: ana, revision: 2 }] }));
    if (next === 'reload') throw new Error('not a replace');
    expect(next.scenario.reps.map((r) => r.name)).toEqual(['Ana Renamed', 'Unit Bo']);
    expect(next.revisions.reps['unit-ana']).toBe(2);
    expect(next.revisions.reps['unit-bo']).toBe(1);
    expect(next.counter).toBe(2);
    // New objects, so screens that watch the team see it changed; the input is untouched.
    expect(next.scenario).not.toBe(team.scenario);
    expect(team.scenario.reps[0].name).toBe('Unit Ana');
  });

  it('adds a new item at the end of its list', () => {
    const cy = rep('unit-cy', 'Unit Cy');
    const next = applyChanges(heldTeam(), changes({ reps: [{ item: cy, revision: 2 }] }));
    if (next === 'reload') throw new Error('not a replace');
    expect(next.scenario.reps.map((r) => r.id)).toEqual(['unit-ana', 'unit-bo', 'unit-cy']);
    expect(next.revisions.reps['unit-cy']).toBe(2);
  });

  it('removes an item and applies the cascades Rust returned with it', () => {
    const sc: Scenario = {
      ...tinyTeam(),
      meetings: [
        {
          id: 'sync',
          title: 'Sync',
          start: '2026-11-30T10:00',
          time_zone: 'Europe/London',
          duration_minutes: 30,
          rrule: null,
          attendees: ['unit-ana', 'unit-bo'],
          in_person_office: null,
        },
      ],
      office_days: [
        { rep: 'unit-ana', date: '2026-12-01', office: 'unit-office' },
        { rep: 'unit-ana', date: '2026-12-02', office: 'unit-office' },
      ],
    };
    const team = heldTeam(sc);
    const meeting = { ...sc.meetings[0], attendees: ['unit-bo'] };
    const next = applyChanges(
      team,
      changes({
        meetings: [{ item: meeting, revision: 2 }],
        removed: [{ kind: 'rep', id: 'unit-ana', removed: true }],
        office_days_removed: [
          { rep: 'unit-ana', date: '2026-12-01' },
          { rep: 'unit-ana', date: '2026-12-02' },
        ],
      }),
    );
    if (next === 'reload') throw new Error('not a replace');
    expect(next.scenario.reps.map((r) => r.id)).toEqual(['unit-bo']);
    expect(next.scenario.meetings[0].attendees).toEqual(['unit-bo']);
    expect(next.scenario.office_days).toEqual([]);
    expect(next.revisions.reps['unit-ana']).toBeUndefined();
    expect(next.revisions.meetings['sync']).toBe(2);
  });

  it('takes a new policy, new requests and added office days', () => {
    const requests = { meetings: [], rotation: { from: '2026-11-30', weeks: 2, locks: [] }, balance: null } as unknown as Scenario['requests'];
    const next = applyChanges(
      heldTeam(),
      changes({
        policy: { office_days_per_week: { min: 1, max: 2 } },
        requests,
        office_days_added: [{ rep: 'unit-ana', date: '2026-12-01', office: 'unit-office' }],
      }),
    );
    if (next === 'reload') throw new Error('not a replace');
    expect(next.scenario.policy.office_days_per_week).toEqual({ min: 1, max: 2 });
    expect(next.scenario.requests).toEqual(requests);
    expect(next.scenario.office_days).toHaveLength(1);
  });

  it('asks for a reload when the whole team was replaced', () => {
    expect(applyChanges(heldTeam(), changes({ replaced: true }))).toBe('reload');
  });
});
