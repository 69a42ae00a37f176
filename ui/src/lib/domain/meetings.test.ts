import { describe, expect, it } from 'vitest';
import { draftToMeeting, formatLocal, localIn, meetingDraft, validateMeetingDraft, weekdayTime } from './meetings';
import type { MeetingForm } from '../api';

const form: MeetingForm = {
  meeting: {
    id: 'sync',
    title: 'Sync',
    start: '2026-12-01T15:00',
    time_zone: 'Europe/London',
    duration_minutes: 30,
    rrule: 'FREQ=WEEKLY;COUNT=6',
    attendees: ['ana', 'bo'],
    in_person_office: 'lon',
  },
  revision: 3,
  attendees: [
    { id: 'ana', name: 'Ana', time_zone: 'Europe/Lisbon' },
    { id: 'bo', name: 'bo', time_zone: null },
  ],
  recurrence: 'Weekly on Tuesday, 15:00–15:30 Europe/London, from Tue 1 Dec 2026, 6 times',
};

describe('meeting display helpers', () => {
  it('formats wall-clock text with its weekday', () => {
    expect(formatLocal('2026-12-01T15:00')).toBe('Tue 1 Dec 2026, 15:00');
    expect(weekdayTime('2026-11-29T09:30')).toBe('Sun 09:30');
  });

  it('shows a UTC instant in the organiser zone', () => {
    expect(localIn('2026-12-01T15:00:00Z', 'America/New_York')).toBe('2026-12-01T10:00');
    expect(localIn('2026-12-01T15:00:00Z', 'Not/AZone')).toBeNull();
  });
});

describe('the meeting edit draft', () => {
  it('opens on the stored meeting and saves it back with only the edited fields changed', () => {
    const d = meetingDraft(form);
    expect(d).toMatchObject({ title: 'Sync', start: '2026-12-01T15:00', duration: '30', repeats: true, rrule: 'FREQ=WEEKLY;COUNT=6' });
    expect(draftToMeeting(form.meeting, d)).toEqual(form.meeting);
    d.title = '  Pipeline  ';
    d.repeats = false;
    d.attendees = d.attendees.slice(1);
    expect(draftToMeeting(form.meeting, d)).toEqual({ ...form.meeting, title: 'Pipeline', rrule: null, attendees: ['bo'] });
  });

  it('catches the obvious mistakes by the meeting paths Rust uses', () => {
    const d = meetingDraft(form);
    d.title = ' ';
    d.attendees = [];
    d.start = '2026-12-01';
    d.duration = '0';
    d.rrule = '';
    expect(validateMeetingDraft(d).map((p) => p.path)).toEqual(['title', 'attendees', 'start', 'duration_minutes', 'rrule']);
    expect(validateMeetingDraft(meetingDraft(form))).toEqual([]);
  });
});
