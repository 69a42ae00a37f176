import { describe, expect, it } from 'vitest';
import { MeetingsState } from './meetings.svelte';
import type { AppState } from './app.svelte';
import type { MeetingRow, MeetingsPage, MeetingsQuery, Window } from '../api';

function page(q: MeetingsQuery, w: Window, upcoming: number): MeetingsPage {
  const rows = [{ id: `${q.search}-row` } as unknown as MeetingRow];
  return { rows, offset: w.offset, total: 1, upcoming, past: upcoming + 1, counter: 1 };
}

describe('MeetingsState', () => {
  it('shows the totals of the search whose rows are kept, not of a slower older one', async () => {
    const answers: Record<string, () => void> = {};
    const meetingsPage = (q: MeetingsQuery, w: Window) =>
      new Promise<MeetingsPage>((ok) => (answers[q.search] = () => ok(page(q, w, q.search.length))));
    const app = { api: { meetingsPage }, counter: 1 } as unknown as AppState;
    const state = new MeetingsState(app, 'UTC');
    state.search = 'a';
    const first = state.show({ start: 0, end: 10 });
    state.search = 'abcd';
    const second = state.show({ start: 0, end: 10 });
    answers['abcd']();
    await second;
    answers['a']();
    await first;
    expect(state.rows.row(0)).toMatchObject({ id: 'abcd-row' });
    expect(state.upcoming).toBe(4);
    expect(state.past).toBe(5);
  });
});
