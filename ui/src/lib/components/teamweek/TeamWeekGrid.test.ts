import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import TeamWeekGrid from './TeamWeekGrid.svelte';
import type { TeamWeek, TeamWeekLine, TeamWeekRep } from '../../api';

const DAY0 = 29_385_120; // 2026-11-30 00:00 UTC in epoch minutes

function rep(id: string, name: string, extra: Partial<TeamWeekRep> = {}): TeamWeekLine {
  return {
    kind: 'rep',
    id,
    name,
    team: 'east',
    time_zone: 'Asia/Tokyo',
    offsets: 'UTC+09:00',
    working: [{ day: 0, from: 0, to: 480 }],
    stretch: [{ day: 0, from: 480, to: 600 }],
    meetings: [],
    office_days: [],
    time_off: [],
    holidays: [],
    travel: [],
    ...extra,
  };
}

function week(lines: TeamWeekLine[], total = lines.length): TeamWeek {
  const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((date, i) => ({
    date,
    start: DAY0 + i * 1440,
    minutes: 1440,
    hours: Array.from({ length: 24 }, (_, h) => ({ at: h * 60, label: `${String(h).padStart(2, '0')}:00` })),
  }));
  return { from: '2026-11-30', to: '2026-12-04', time_zone: 'UTC', offsets: 'UTC+00:00', days, reps: total, groups: 1, lines: { rows: lines, offset: 0, total, counter: 1 } };
}

const LONG = 'Quarterly pipeline review with the whole region';
const kai = rep('kai', 'Kai', {
  meetings: [
    {
      id: 'm1',
      meeting: 'qbr',
      title: LONG,
      span: { day: 1, from: 780, to: 840 },
      start: '2026-12-01T13:00',
      end: '2026-12-01T14:00',
      local_start: '2026-12-01T22:00',
      local_end: '2026-12-01T23:00',
      meeting_zone: 'Europe/London',
      attendees: 4,
    },
  ],
  office_days: [{ day: 2, office: 'Tokyo' }],
  time_off: [4],
  travel: [{ day: 3, office: 'Osaka' }],
});

function props(frame: TeamWeek, lines: (TeamWeekLine | null)[], extra: Record<string, unknown> = {}) {
  return {
    frame,
    total: frame.lines.total,
    line: (i: number) => lines[i] ?? null,
    zoom: null,
    now: (DAY0 + 1440 + 720) * 60000,
    busy: false,
    resetKey: 'k',
    onrange: vi.fn(),
    onzoom: vi.fn(),
    ontoggle: vi.fn(),
    ...extra,
  };
}

describe('TeamWeekGrid', () => {
  it('shows a meeting block with its whole title and time, and the rep time in its label', () => {
    const group: TeamWeekLine = { kind: 'group', key: 'east', name: 'East', reps: 1, collapsed: false };
    const frame = week([group, kai]);
    render(TeamWeekGrid, props(frame, [group, kai]));
    // Named by what it shows (label in name); the full words are its description.
    const chip = screen.getByRole('button', { name: `${LONG} 13:00–14:00`, description: new RegExp(`^${LONG}, Tue 13:00–14:00 UTC time; 22:00–23:00 Asia/Tokyo time`) });
    expect(chip).toHaveTextContent(LONG);
    expect(chip).toHaveTextContent('13:00–14:00');
    const row = screen.getByRole('row', { name: /Kai/ });
    expect(within(row).getByText('Office · Tokyo')).toBeTruthy();
    expect(within(row).getByText('Time off')).toBeTruthy();
    expect(within(row).getByText('Trip · Osaka')).toHaveAttribute('title', 'In Osaka office (travelling)');
  });

  it('marks today by the days Rust measured and zooms into a day from its header', async () => {
    const onzoom = vi.fn();
    const frame = week([kai]);
    render(TeamWeekGrid, props(frame, [kai], { onzoom }));
    const headers = screen.getAllByRole('columnheader');
    expect(headers[2].classList.contains('today')).toBe(true);
    expect(headers[1].classList.contains('today')).toBe(false);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show Tue 1 Dec by the hour' }));
    expect(onzoom).toHaveBeenCalledWith(1);
  });

  it('draws a zoomed day by the hour with its meeting placed by time', () => {
    const frame = week([kai]);
    render(TeamWeekGrid, props(frame, [kai], { zoom: 1 }));
    expect(screen.getByRole('button', { name: '‹ Whole week' })).toBeTruthy();
    expect(screen.getAllByText('13:00').length).toBeGreaterThan(0);
    const block = screen.getByRole('note', { name: new RegExp(LONG) });
    expect(block).toHaveTextContent('13:00–14:00');
  });

  it('keeps only the lines in view in the page and counts the rest for the scroll bar', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => rep(`r${i}`, `Rep ${i}`));
    const frame = week(lines.slice(0, 40), 2000);
    render(TeamWeekGrid, props(frame, lines));
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeLessThan(20);
    expect(screen.getByRole('table', { name: 'Team week timeline' }).getAttribute('aria-rowcount')).toBe('2001');
  });

  it('folds a group from its header and shows placeholders for lines not fetched yet', async () => {
    const ontoggle = vi.fn();
    const group: TeamWeekLine = { kind: 'group', key: 'east', name: 'East', reps: 12, collapsed: false };
    const frame = week([group], 13);
    render(TeamWeekGrid, props(frame, [group], { ontoggle }));
    const toggle = screen.getByRole('button', { name: /East\s*12 people/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await userEvent.setup().click(toggle);
    expect(ontoggle).toHaveBeenCalledWith('east');
    expect(screen.getAllByText('Loading…').length).toBeGreaterThan(0);
  });
});
