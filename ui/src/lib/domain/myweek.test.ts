import { describe, expect, it } from 'vitest';
import type { Scenario } from '../api';
import { emptyScenario, rep } from '../../test/fixtures';
import { awayText, myWeek, nextPlannedWeek } from './myweek';

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const HOURS = Object.fromEntries(WEEK.map((d) => [d, [['09:00', '17:00']]])) as Record<(typeof WEEK)[number], [string, string][]>;

function team(): Scenario {
  return {
    ...emptyScenario(),
    teams: [
      { id: 'east', name: 'East', anchor_days: ['tue'] },
      { id: 'west', name: 'West', anchor_days: [] },
    ],
    offices: [
      { id: 'lon', name: 'London', time_zone: 'Europe/London', desks: 4, open_days: [...WEEK], closed_dates: ['2026-12-04'] },
      { id: 'par', name: 'Paris', time_zone: 'Europe/Paris', desks: 4, open_days: [...WEEK], closed_dates: [] },
    ],
    reps: [
      rep('me', 'Me', { team: 'east', office: 'lon', working_hours: HOURS, no_office_days: ['mon'], time_off: [{ start: '2026-12-03', end: '2026-12-03' }] }),
      rep('zoe', 'Zoe', { team: 'east', office: 'lon', working_hours: HOURS }),
      rep('abe', 'Abe', { team: 'east', office: 'lon', working_hours: HOURS }),
      rep('wes', 'Wes', { team: 'west', office: 'lon', working_hours: HOURS }),
      rep('pia', 'Pia', { team: 'east', office: 'par', working_hours: HOURS }),
      rep('sol', 'Sol', { team: null, office: null, working_hours: HOURS }),
    ],
    office_days: [
      { rep: 'me', date: '2026-12-01', office: 'lon' },
      { rep: 'zoe', date: '2026-12-01', office: 'lon' },
      { rep: 'abe', date: '2026-12-01', office: 'lon' },
      { rep: 'wes', date: '2026-12-01', office: 'lon' },
      { rep: 'pia', date: '2026-12-01', office: 'par' },
      { rep: 'me', date: '2026-12-02', office: 'lon' },
      { rep: 'zoe', date: '2026-12-03', office: 'lon' },
      { rep: 'me', date: '2026-12-15', office: 'lon' },
    ],
  };
}

describe('my week', () => {
  it('lists the working days with my office days and the teammates in with me', () => {
    const week = myWeek(team(), 'me', '2026-12-02')!;
    expect(week.monday).toBe('2026-11-30');
    expect(week.days.map((d) => d.weekday)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(week.officeDays).toBe(2);
    const [mon, tue, wed, thu, fri] = week.days;
    expect(tue.office?.id).toBe('lon');
    // Same team and same office only: not Wes (other team), not Pia (other office).
    expect(tue.teammates.map((r) => r.id)).toEqual(['abe', 'zoe']);
    expect(wed.office?.id).toBe('lon');
    expect(wed.teammates).toEqual([]);
    expect(mon).toMatchObject({ office: null, noOfficeDay: true });
    expect(thu).toMatchObject({ office: null, timeOff: true });
    expect(fri).toMatchObject({ office: null, closed: true });
  });

  it('says why I am not in', () => {
    const [mon, , , thu, fri] = myWeek(team(), 'me', '2026-11-30')!.days;
    expect(awayText(mon, true)).toBe('Remote (not an office day for you)');
    expect(awayText(thu, true)).toBe('Time off');
    expect(awayText(fri, true)).toBe('Remote (office closed)');
    expect(awayText(myWeek(team(), 'sol', '2026-11-30')!.days[0], false)).toBe('Remote (no home office)');
  });

  it('shows a weekend day only when there is something on it', () => {
    const sc = team();
    sc.reps[0].working_hours = { ...HOURS, sat: [['10:00', '14:00']] };
    expect(myWeek(sc, 'me', '2026-11-30')!.days.map((d) => d.weekday)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
  });

  it('finds the next week with an office day, and nothing for an unknown rep', () => {
    expect(nextPlannedWeek(team(), 'me', '2026-12-07')).toBe('2026-12-14');
    expect(nextPlannedWeek(team(), 'me', '2026-12-21')).toBeNull();
    expect(nextPlannedWeek(team(), 'me', '2026-12-02')).toBe('2026-11-30');
    expect(myWeek(team(), 'nobody', '2026-11-30')).toBeNull();
  });
});
