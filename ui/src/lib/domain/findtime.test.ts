import { describe, expect, it } from 'vitest';
import {
  addAttendees,
  bookingFor,
  draftToRequest,
  fairLedger,
  newFindTimeDraft,
  validateBookingDraft,
  validateFindTimeDraft,
} from './findtime';
import { fairPlan } from '../../test/fixtures';

const W = { from: '2026-11-30', to: '2026-12-04' };

describe('find-a-time drafts', () => {
  it('starts on the window Rust gives, or empty dates until it comes', () => {
    expect(newFindTimeDraft('UTC', { from: '2026-11-30', to: '2026-12-04' })).toMatchObject({ from: '2026-11-30', to: '2026-12-04' });
    expect(newFindTimeDraft('UTC')).toMatchObject({ from: '', to: '' });
  });

  it('invents no limit Rust does not have: long meetings, many weeks', () => {
    const d = newFindTimeDraft('UTC', W);
    d.attendees = [{ id: 'a', role: 'required', name: 'A', time_zone: 'UTC' }];
    d.duration = '2000';
    d.repeat = true;
    d.weeks = '60';
    expect(validateFindTimeDraft(d, ['UTC'])).toEqual([]);
    expect(validateBookingDraft({ title: 'Sync', weeks: '600' }, false)).toEqual([]);
    // The attendee limit is Rust's, sent in the directory's form limits.
    expect(validateFindTimeDraft(d, ['UTC'], { attendees: 1 })).toEqual([]);
    d.attendees.push({ id: 'b', role: 'optional', name: 'B', time_zone: 'UTC' });
    expect(validateFindTimeDraft(d, ['UTC'], { attendees: 1 }).map((p) => p.path)).toEqual(['required']);
  });

  it('turns the draft into a request with required and optional ids', () => {
    const d = newFindTimeDraft('Europe/London', W);
    d.attendees = [
      { id: 'a', role: 'required', name: 'A', time_zone: 'UTC' },
      { id: 'b', role: 'optional', name: 'B', time_zone: 'UTC' },
      { id: 'c', role: 'required', name: 'C', time_zone: 'UTC' },
    ];
    d.repeat = true;
    d.weeks = '3';
    d.fair = true;
    expect(draftToRequest(d)).toMatchObject({
      required: ['a', 'c'],
      optional: ['b'],
      duration_minutes: 30,
      repeat_weeks: 3,
      fair_rotation: true,
      time_zone: 'Europe/London',
    });
    d.repeat = false;
    expect(draftToRequest(d)).toMatchObject({ repeat_weeks: 1, fair_rotation: false });
  });

  it('sends a quorum as a count or a share, and none when left empty', () => {
    const d = newFindTimeDraft('UTC', W);
    expect(draftToRequest(d).min_optional).toBeNull();
    d.quorum = ' 2 ';
    expect(draftToRequest(d).min_optional).toBe(2);
    d.quorum = '75 %';
    expect(draftToRequest(d).min_optional).toBe('75%');
    d.attendees = [{ id: 'a', role: 'required', name: 'A', time_zone: 'UTC' }];
    expect(validateFindTimeDraft(d, ['UTC'])).toEqual([]);
    // Only the form of the text is checked here; its range is Rust's rule.
    d.quorum = '250%';
    expect(validateFindTimeDraft(d, ['UTC'])).toEqual([]);
    for (const bad of ['most', '2.5', '-1', '%']) {
      d.quorum = bad;
      expect(validateFindTimeDraft(d, ['UTC']).map((p) => p.path)).toEqual(['min_optional']);
    }
  });

  it('catches the obvious mistakes by request path', () => {
    const d = newFindTimeDraft('UTC', W);
    d.duration = 'x';
    d.to = '2026-11-01';
    expect(validateFindTimeDraft(d, ['UTC']).map((p) => p.path)).toEqual(['required', 'duration_minutes', 'to']);
  });

  it('adding a person switches their role, adding a team keeps the roles already picked', () => {
    const a = { id: 'a', name: 'Ana', time_zone: 'UTC' };
    const b = { id: 'b', name: 'Bo', time_zone: 'Asia/Kolkata' };
    const one = addAttendees([{ ...a, role: 'required' }], [a], 'optional');
    expect(one).toEqual([{ ...a, role: 'optional' }]);
    const team = addAttendees([{ ...a, role: 'required' }], [a, b, b], 'optional', true);
    expect(team).toEqual([
      { ...a, role: 'required' },
      { ...b, role: 'optional' },
    ]);
  });

  it('books a fair plan with one start per week', () => {
    const request = { ...draftToRequest(newFindTimeDraft('UTC', W)), required: ['unit-ana', 'unit-bo'] };
    const b = bookingFor({ kind: 'fair', request, plan: fairPlan() }, { title: ' Sync ', weeks: '3' });
    expect(b).toEqual({
      title: 'Sync',
      time_zone: 'UTC',
      duration_minutes: 30,
      attendees: ['unit-ana', 'unit-bo'],
      starts: ['2026-11-30T08:00:00Z', '2026-12-07T08:00:00Z', '2026-12-14T08:00:00Z'],
      weeks: 1,
    });
  });

  it('asks for a title and, for one slot, the weeks; never an id', () => {
    expect(validateBookingDraft({ title: ' ', weeks: '0' }, false).map((p) => p.path)).toEqual(['title', 'weeks']);
    expect(validateBookingDraft({ title: 'Sync', weeks: 'x' }, true)).toEqual([]);
  });

  it('lays a fair plan out as weeks × people with the worst-off total marked', () => {
    const l = fairLedger(fairPlan());
    expect(l.people).toEqual([
      { id: 'unit-ana', required: true, total: 60, worst: true },
      { id: 'unit-bo', required: true, total: 30, worst: false },
    ]);
    expect(l.weeks.map((w) => w.cells.map((c) => `${c.day} ${c.time}`))).toEqual([
      ['Mon 08:00', 'Mon 13:30'],
      ['Mon 08:00', 'Mon 13:30'],
      ['Mon 08:00', 'Mon 13:30'],
    ]);
  });
});
