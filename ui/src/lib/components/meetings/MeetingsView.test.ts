import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../../App.svelte';
import type { Meeting, MeetingForm, MeetingRow, MeetingsQuery, Scenario, Window } from '../../api';
import { fakeBackend, tinyTeam } from '../../../test/fixtures';
import { COMPILE_TIMEOUT_MS, compileScreens } from '../../../test/screens';

beforeAll(compileScreens, COMPILE_TIMEOUT_MS);

function row(i: number, extra: Partial<MeetingRow> = {}): MeetingRow {
  return {
    id: `m${i}`,
    title: `Meeting ${i}`,
    time_zone: 'Europe/London',
    duration_minutes: 30,
    attendee_count: 5,
    attendee_names: ['Unit Ana', 'Unit Bo', 'Unit Cy'],
    when: '2026-12-01T15:00:00Z',
    when_local: '2026-12-01T15:00',
    recurrence: `Monthly on the first Tuesday, 15:00–15:30 Europe/London, from Tue 3 Nov 2026`,
    revision: 7,
    ...extra,
  };
}

const LONG = 'Quarterly business review with the whole EMEA renewals team and their managers '.repeat(4).trim();

/** Rust's `meetings_page` over a made-up list: `upcoming` rows then `past` rows, windowed. */
function meetingsPage(upcoming: number, past: number) {
  return (a: Record<string, unknown>) => {
    const q = a.query as MeetingsQuery;
    const w = a.window as Window;
    const total = q.when === 'upcoming' ? upcoming : past;
    const base = q.when === 'upcoming' ? 0 : 10_000;
    const end = Math.min(total, w.offset + w.limit);
    const rows = [];
    for (let i = w.offset; i < end; i++) rows.push(row(base + i, i === 0 && q.when === 'upcoming' ? { title: LONG } : {}));
    return { rows, offset: w.offset, total, upcoming, past, counter: 1 };
  };
}

const stored: Meeting = {
  id: 'm0',
  title: 'Weekly sync',
  start: '2026-12-01T15:00',
  time_zone: 'Europe/London',
  duration_minutes: 30,
  rrule: 'FREQ=WEEKLY;COUNT=6',
  attendees: ['unit-ana'],
  in_person_office: null,
};
const form = (): MeetingForm => ({
  meeting: stored,
  revision: 7,
  attendees: [{ id: 'unit-ana', name: 'Unit Ana', time_zone: 'Europe/London' }],
  recurrence: 'Weekly on Tuesday, 15:00–15:30 Europe/London, from Tue 1 Dec 2026, 6 times',
});

async function openMeetings(overrides: Parameters<typeof fakeBackend>[1] = {}) {
  const team: Scenario = { ...tinyTeam(), meetings: [stored] };
  const backend = fakeBackend(team, { meetings_page: meetingsPage(3000, 2), meeting_form: () => form(), ...overrides });
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: /^Meetings/ }));
  await screen.findByRole('list', { name: 'Upcoming meetings' });
  return { user, backend };
}

describe('Meetings', () => {
  it('draws only the rows near the viewport, read a window at a time from Rust', async () => {
    const { backend } = await openMeetings();
    const list = await screen.findByRole('list', { name: 'Upcoming meetings' });
    await within(list).findByText('Meeting 1');
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(40);
    const asked = backend.called('meetings_page');
    for (const c of asked) expect((c.args.window as Window).limit).toBeLessThanOrEqual(200);
    expect((asked[0].args.query as MeetingsQuery).when).toBe('upcoming');
    expect(screen.getByRole('tab', { name: /Upcoming/ })).toHaveTextContent('3000');
    expect(screen.getByRole('tab', { name: /Past/ })).toHaveTextContent('2');
  });

  it('shows each row with its next time, Rust\'s schedule words, and a few names, long text cut but whole on hover', async () => {
    await openMeetings();
    const list = screen.getByRole('list', { name: 'Upcoming meetings' });
    const first = within(list).getAllByRole('listitem')[0];
    expect(first).toHaveTextContent('Tue 1 Dec 2026, 15:00');
    expect(first).toHaveTextContent('next · 30 min');
    expect(first).toHaveTextContent('Monthly on the first Tuesday, 15:00–15:30 Europe/London, from Tue 3 Nov 2026');
    expect(first).toHaveTextContent('Unit Ana, Unit Bo, Unit Cy and 2 more');
    const title = within(first).getByText(LONG);
    expect(title).toHaveAttribute('title', LONG);
    expect(title).toHaveClass('clip');
    expect(title).toHaveAttribute('tabindex', '0');
  });

  it('keeps past meetings on their own tab', async () => {
    const { user, backend } = await openMeetings();
    await user.click(screen.getByRole('tab', { name: /Past/ }));
    const list = await screen.findByRole('list', { name: 'Past meetings' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(list).toHaveTextContent('last · 30 min');
    expect((backend.called('meetings_page').at(-1)!.args.query as MeetingsQuery).when).toBe('past');
    expect(screen.getByRole('tab', { name: /Past/ })).toHaveAttribute('aria-selected', 'true');
  });

  it('edits a meeting with the revision it opened with, adding an attendee found through Rust', async () => {
    let sent: Record<string, unknown> | null = null;
    const { user, backend } = await openMeetings({
      update_meeting: (a) => {
        sent = a;
        return { ...backend.db, meetings: [a.meeting as Meeting] };
      },
    });
    const list = screen.getByRole('list', { name: 'Upcoming meetings' });
    await user.click(within(list).getByRole('button', { name: 'Edit meeting Meeting 1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit meeting' });
    const title = await within(dialog).findByRole('textbox', { name: 'Title' });
    expect(title).toHaveValue('Weekly sync');
    expect(title).toHaveAttribute('maxlength', '500');
    expect(dialog).toHaveTextContent('Now: Weekly on Tuesday');
    await user.clear(title);
    await user.type(title, 'Pipeline review');
    await user.type(within(dialog).getByRole('searchbox'), 'bo');
    await user.click(await within(dialog).findByRole('button', { name: 'Add Unit Bo' }));
    const minutes = within(dialog).getByRole('textbox', { name: 'Minutes' });
    await user.clear(minutes);
    await user.type(minutes, '45');
    await user.click(within(dialog).getByRole('button', { name: 'Save meeting' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent).toEqual({
      meeting: { ...stored, title: 'Pipeline review', attendees: ['unit-ana', 'unit-bo'], duration_minutes: 45 },
      revision: 7,
    });
  });

  it('puts Rust\'s problems beside the fields and offers Reload on a conflict', async () => {
    let attempt = 0;
    const { user, backend } = await openMeetings({
      update_meeting: () => {
        attempt += 1;
        if (attempt === 1) {
          throw { code: 'invalid', message: 'the meeting is invalid', problems: [{ path: 'rrule', message: 'FREQ is required' }] };
        }
        throw { code: 'conflict', message: 'meeting m0 was changed by the command line since you opened it; reload to see it', problems: [] };
      },
    });
    await user.click(within(screen.getByRole('list', { name: 'Upcoming meetings' })).getByRole('button', { name: 'Edit meeting Meeting 1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit meeting' });
    const rule = await within(dialog).findByRole('textbox', { name: 'Repeats' });
    await user.clear(rule);
    await user.type(rule, 'COUNT=3');
    await user.click(within(dialog).getByRole('button', { name: 'Save meeting' }));
    expect(await within(dialog).findByRole('textbox', { name: 'Repeats' })).toHaveAccessibleDescription(/FREQ is required/);
    expect(within(dialog).getByRole('textbox', { name: 'Repeats' })).toHaveValue('COUNT=3');

    await user.click(within(dialog).getByRole('button', { name: 'Save meeting' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('changed by the command line');
    await user.click(within(dialog).getByRole('button', { name: 'Reload' }));
    expect(backend.called('meeting_form')).toHaveLength(2);
    expect(await within(dialog).findByRole('textbox', { name: 'Repeats' })).toHaveValue('FREQ=WEEKLY;COUNT=6');
  });

  it('deletes a meeting with its revision only after confirmation', async () => {
    const { user, backend } = await openMeetings({ delete_meeting: () => ({ ...backend.db, meetings: [] }) });
    await user.click(within(screen.getByRole('list', { name: 'Upcoming meetings' })).getByRole('button', { name: 'Delete meeting Meeting 1' }));
    expect(backend.called('delete_meeting')).toHaveLength(0);
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Monthly on the first Tuesday');
    await user.click(within(dialog).getByRole('button', { name: 'Delete meeting' }));
    expect(backend.called('delete_meeting')[0].args).toEqual({ id: 'm1', revision: 7 });
  });
});
