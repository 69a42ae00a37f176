import { describe, expect, it, vi } from 'vitest';
import { CHUNK, TeamWeekFeed } from './calendar.svelte';
import type { AppState } from './app.svelte';
import type { TeamWeek, TeamWeekQuery, Window } from '../api';

let TOTAL = 100;

function frame(window: Window, tag: string): TeamWeek {
  const rows = Array.from({ length: Math.min(window.limit, TOTAL - window.offset) }, (_, k) => ({
    kind: 'group' as const,
    key: `${tag}${window.offset + k}`,
    name: `${tag}${window.offset + k}`,
    reps: 0,
    collapsed: false,
  }));
  return { from: '2026-11-30', to: '2026-12-06', time_zone: 'UTC', offsets: 'UTC+00:00', days: [], reps: 0, groups: TOTAL, lines: { rows, offset: window.offset, total: TOTAL, counter: 1 } };
}

function feedWith(teamWeek: (q: TeamWeekQuery, w: Window) => Promise<TeamWeek>) {
  const app = { api: { teamWeek } } as unknown as AppState;
  return new TeamWeekFeed(app);
}

const query = (search = ''): TeamWeekQuery => ({ date: '2026-12-02', first_day: 'mon', work_week: false, time_zone: 'UTC', search, team: { kind: 'all' }, collapsed: [] });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('TeamWeekFeed', () => {
  it('fetches the first chunk, then only the chunks in view, each once', async () => {
    const calls: Window[] = [];
    const feed = feedWith(async (q, w) => (calls.push(w), frame(w, 'a')));
    feed.setQuery(query(), 1);
    feed.ensure(0, 90);
    await settle();
    expect(calls).toEqual([{ offset: 0, limit: CHUNK }]);
    expect(feed.total).toBe(TOTAL);
    feed.ensure(0, 90);
    feed.ensure(0, 90);
    await settle();
    expect(calls.map((w) => w.offset)).toEqual([0, CHUNK, 2 * CHUNK]);
    expect(feed.line(CHUNK + 1)).toMatchObject({ kind: 'group', key: `a${CHUNK + 1}` });
  });

  it('drops the lines for a new query but keeps them on screen while a change refetches', async () => {
    let tag = 'a';
    const feed = feedWith(async (q, w) => frame(w, tag));
    feed.setQuery(query(), 1);
    feed.ensure(0, 10);
    await settle();
    tag = 'b';
    expect(feed.setQuery(query(), 2)).toBe(false);
    expect(feed.line(0)).toMatchObject({ key: 'a0' });
    feed.ensure(0, 10);
    await settle();
    expect(feed.line(0)).toMatchObject({ key: 'b0' });
    expect(feed.setQuery(query('kai'), 2)).toBe(true);
    expect(feed.line(0)).toBeNull();
    await settle();
    expect(feed.line(0)).toBeNull();
    feed.ensure(0, 10);
    await settle();
    expect(feed.line(0)).toMatchObject({ key: 'b0' });
  });

  it('ignores an answer to an older query and says when a request is slow', async () => {
    vi.useFakeTimers();
    try {
      const answers: ((w: TeamWeek) => void)[] = [];
      const feed = feedWith((q, w) => new Promise((ok) => answers.push(() => ok(frame(w, q.search || 'first')))));
      feed.setQuery(query(), 1);
      feed.ensure(0, 10);
      feed.setQuery(query('second'), 1);
      feed.ensure(0, 10);
      expect(feed.slow).toBe(false);
      vi.advanceTimersByTime(160);
      expect(feed.slow).toBe(true);
      answers[1](frame({ offset: 0, limit: CHUNK }, 'second'));
      answers[0](frame({ offset: 0, limit: CHUNK }, 'first'));
      await vi.runAllTimersAsync();
      expect(feed.line(0)).toMatchObject({ key: 'second0' });
      expect(feed.slow).toBe(false);
      expect(feed.pending).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('holds only the chunks near the viewport after a long scroll', async () => {
    TOTAL = 5000;
    try {
      const feed = feedWith(async (q, w) => frame(w, 'a'));
      feed.setQuery(query(), 1);
      feed.ensure(0, 30);
      await settle();
      for (let first = 0; first < TOTAL; first += 30) {
        feed.ensure(first, first + 30);
        await settle();
      }
      const lastChunk = Math.floor((TOTAL - 1) / CHUNK);
      expect(Math.min(...feed.held)).toBeGreaterThanOrEqual(lastChunk - 3);
      expect(feed.held.length).toBeLessThanOrEqual(6);
      expect(feed.line(0)).toBeNull();
      expect(feed.line(TOTAL - 1)).toMatchObject({ key: `a${TOTAL - 1}` });
      // A chunk dropped while scrolling is fetched again on the way back.
      feed.ensure(0, 30);
      await settle();
      expect(feed.line(0)).toMatchObject({ key: 'a0' });
    } finally {
      TOTAL = 100;
    }
  });
});
