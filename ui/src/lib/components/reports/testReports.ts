/** Reports as Rust answers them, for the screen's unit tests. */
import type { ComplianceTotals, DeskReport, PeopleReport, RepCompliance, TeamReport, Window } from '../../api';

const WINDOW = { from: '2026-11-30', weeks: 1 };
const WEEKS = [{ week: '2026-W49', monday: '2026-11-30', days: ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'] }];
const TOTALS: ComplianceTotals = {
  office_days: 2,
  below: 0,
  within: 1,
  above: 0,
  anchor_attended: 1,
  anchor_available: 1,
  preferred_granted: 0,
  preferred_available: 0,
};

function page<T>(rows: T[], w: Window, counter = 1) {
  return { rows: rows.slice(w.offset, w.offset + w.limit), offset: w.offset, total: rows.length, counter };
}

export function deskReport(w: Window): DeskReport {
  const days = WEEKS[0].days.map((date, i) => ({
    date,
    used: [1, 2, 0, 0, 3][i] ?? 0,
    closed: i === 3,
    holiday: i === 3 ? 'Unit Day' : null,
    percent: i === 3 ? null : [50, 100, 0, null, 150][i] ?? null,
    level: (['medium', 'high', 'empty', 'closed', 'over'] as const)[i] ?? 'empty',
  }));
  return {
    window: WINDOW,
    weeks: WEEKS,
    rows: page([{ office: 'unit-office', name: 'Unit Office', desks: 2, days, used: 6, capacity: 8, percent: 75, peak: 3 }], w),
  };
}

export function teamReport(w: Window, mine: boolean): TeamReport {
  const figures = { member_days: 4, together_days: 2, percent: 50, pairs: 1 };
  return {
    window: WINDOW,
    weeks: WEEKS.map((x) => ({ ...x, days: [] })),
    rows: page(
      [
        {
          team: 'unit-team',
          name: 'Unit Team',
          mine,
          presence: {
            team: 'unit-team',
            name: 'Unit Team',
            members: 2,
            weeks: [{ week: '2026-W49', monday: '2026-11-30', figures }],
            total: figures,
          },
          compliance: { team: 'unit-team', name: 'Unit Team', reps: 2, weeks: [{ week: '2026-W49', monday: '2026-11-30', totals: TOTALS }], total: TOTALS },
        },
      ],
      w,
    ),
  };
}

export function peopleReport(w: Window, lead: boolean): PeopleReport {
  const rep: RepCompliance = {
    rep: 'unit-bo',
    name: 'Unit Bo',
    team: 'unit-team',
    weeks: [
      {
        week: '2026-W49',
        monday: '2026-11-30',
        office_days: 1,
        min: 2,
        max: 3,
        available: 4,
        required: 2,
        status: 'below',
        anchor_available: 1,
        anchor_attended: 0,
        preferred_available: 0,
        preferred_granted: 0,
      },
    ],
    total: { ...TOTALS, office_days: 1, below: 1, within: 0 },
  };
  return {
    window: WINDOW,
    weeks: WEEKS.map((x) => ({ ...x, days: [] })),
    lead_team: lead ? { id: 'unit-team', name: 'Unit Team' } : null,
    rows: page(lead ? [rep] : [], w),
  };
}
