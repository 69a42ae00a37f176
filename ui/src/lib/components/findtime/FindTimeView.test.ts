import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../../App.svelte';
import type { Booking, Meeting, MeetingRequest, Scenario } from '../../api';
import { fairAnswer, fakeBackend, infeasibleAnswer, tinyTeam, twoSuggestions } from '../../../test/fixtures';

/** Books like Rust: one meeting, a weekly series, or `ID`, `ID-w2`, … for a fair plan. */
function booked(db: () => Scenario) {
  return (a: Record<string, unknown>) => {
    const b = a.booking as Booking;
    const meetings: Meeting[] = b.starts.map((s, i) => ({
      id: i === 0 ? b.id : `${b.id}-w${i + 1}`,
      title: b.title,
      start: s.slice(0, 16),
      time_zone: b.time_zone,
      duration_minutes: b.duration_minutes,
      rrule: b.starts.length === 1 && b.weeks > 1 ? `FREQ=WEEKLY;COUNT=${b.weeks}` : null,
      attendees: b.attendees,
      in_person_office: null,
    }));
    return { ...db(), meetings: [...db().meetings, ...meetings] };
  };
}

async function openFindTime(overrides: Parameters<typeof fakeBackend>[1]) {
  let backend: ReturnType<typeof fakeBackend> | null = null;
  backend = fakeBackend(tinyTeam(), { book_meeting: (a) => booked(() => backend!.db)(a), ...overrides });
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: /Find a time/ }));
  return { user, backend };
}

async function pickBoth(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Add team Unit Team as required' }));
  await user.type(screen.getByRole('searchbox'), 'bo');
  await user.click(screen.getByRole('button', { name: 'Add Unit Bo as required' }));
}

describe('Find a time', () => {
  it('ranks slots with one ribbon per attendee, books the first, and lists it under Meetings', async () => {
    const { user, backend } = await openFindTime({ suggest_meeting: () => twoSuggestions() });
    await pickBoth(user);
    await user.click(screen.getByRole('button', { name: 'Find times' }));
    const request = backend.called('suggest_meeting')[0].args.request as MeetingRequest;
    expect(request).toMatchObject({ required: ['unit-ana', 'unit-bo'], optional: [], duration_minutes: 30 });

    const cards = await screen.findAllByRole('article');
    expect(cards).toHaveLength(2);
    const first = cards[0];
    expect(within(first).getAllByRole('img')).toHaveLength(2);
    expect(first).toHaveTextContent('Mon 30 Nov 2026, 10:00 UTC');
    expect(first).toHaveTextContent('No stretch');
    expect(cards[1]).toHaveTextContent('Cost 30');
    expect(cards[1]).toHaveTextContent('Mon 08:00–08:30: 30 min in stretch hours');
    expect(within(cards[1]).getByText('Stretch 30 min')).toBeInTheDocument();

    await user.click(within(first).getByRole('button', { name: 'Book suggestion 1' }));
    await user.keyboard('Pipeline review');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Book' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(backend.called('book_meeting')[0].args.booking).toMatchObject({ id: 'pipeline-review', starts: ['2026-11-30T10:00:00Z'], weeks: 1 });

    await user.click(screen.getByRole('button', { name: /Meetings/ }));
    const row = within(screen.getByRole('table', { name: 'Meetings' })).getByText('Pipeline review').closest('tr')!;
    expect(row).toHaveTextContent('once');
    expect(row).toHaveTextContent('Unit Ana, Unit Bo');
  });

  it('shows Rust problems next to the fields they name and keeps the input', async () => {
    const { user } = await openFindTime({
      suggest_meeting: () => {
        throw {
          code: 'invalid',
          message: 'the request is invalid',
          problems: [
            { path: 'required[1]', message: 'unknown rep "unit-bo"' },
            { path: 'duration_minutes', message: 'must be at least 1' },
            { path: 'to', message: 'the window is longer than 62 days' },
          ],
        };
      },
    });
    await pickBoth(user);
    await user.click(screen.getByRole('button', { name: 'Find times' }));
    expect(await screen.findByText('unknown rep "unit-bo"')).toBeInTheDocument();
    expect(screen.getByLabelText('Duration (minutes)')).toHaveAccessibleDescription('must be at least 1');
    expect(screen.getByLabelText('To')).toHaveAccessibleDescription('the window is longer than 62 days');
    expect(screen.getByRole('alert')).toHaveTextContent('Could not search: the request is invalid');
    expect(screen.getByRole('group', { name: 'Required attendees' })).toHaveTextContent('Unit Bo');
    expect(screen.queryAllByRole('article')).toHaveLength(0);
  });

  it('when nothing fits, says why and offers the ways out', async () => {
    const { user } = await openFindTime({ suggest_meeting: () => infeasibleAnswer() });
    await pickBoth(user);
    await user.click(screen.getByRole('button', { name: 'Find times' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'No time fits everyone' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('have no common working or stretch hours');
    const ways = within(alert).getAllByRole('listitem');
    expect(ways.map((w) => w.textContent)).toEqual(infeasibleAnswer().ways_out);
  });

  it('shows a fair plan as a weeks × people ledger, warns about clock changes, and books the series', async () => {
    const { user, backend } = await openFindTime({ suggest_meeting: () => fairAnswer() });
    await pickBoth(user);
    await user.click(screen.getByRole('checkbox', { name: 'Repeat weekly' }));
    const weeks = screen.getByRole('textbox', { name: 'Number of weeks' });
    await user.clear(weeks);
    await user.type(weeks, '3');
    await user.click(screen.getByRole('checkbox', { name: 'Share early and late calls fairly' }));
    await user.click(screen.getByRole('button', { name: 'Find times' }));
    expect((backend.called('suggest_meeting')[0].args.request as MeetingRequest)).toMatchObject({ repeat_weeks: 3, fair_rotation: true });

    const ledger = await screen.findByRole('table', { name: 'Burden ledger' });
    const rows = within(ledger).getAllByRole('row');
    expect(rows).toHaveLength(5); // header, 3 weeks, totals
    expect(rows[1]).toHaveTextContent('Week 1');
    expect(rows[1]).toHaveTextContent('08:00');
    expect(rows[1]).toHaveTextContent('13:30');
    const totals = within(rows[4]).getAllByRole('cell');
    expect(totals.map((c) => c.textContent?.trim())).toEqual(['1 h', '30 min']);
    expect(totals[0]).toHaveClass('worst');
    expect(totals[0]).toHaveAccessibleName('1 h, the most of anyone');
    expect(screen.getByRole('note', { name: 'Clock changes' })).toHaveTextContent('week 2: Unit Ana');

    await user.click(screen.getByRole('button', { name: 'Book series…' }));
    expect(screen.getByRole('dialog', { name: 'Book the fair series' })).toBeInTheDocument();
    await user.keyboard('Rota');
    await user.click(screen.getByRole('button', { name: 'Book series' }));
    expect((backend.called('book_meeting')[0].args.booking as Booking).starts).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: /Meetings/ }));
    expect(within(screen.getByRole('table', { name: 'Meetings' })).getAllByRole('row')).toHaveLength(4);
  });

  it('deletes a stored meeting only after confirmation', async () => {
    const team = tinyTeam();
    team.meetings = [
      {
        id: 'weekly',
        title: 'Weekly sync',
        start: '2026-12-01T15:00',
        time_zone: 'Europe/London',
        duration_minutes: 30,
        rrule: 'FREQ=WEEKLY;COUNT=6',
        attendees: ['unit-ana'],
        in_person_office: null,
      },
    ];
    const backend = fakeBackend(team, { delete_meeting: (a) => ({ ...team, meetings: team.meetings.filter((m) => m.id !== a.id) }) });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: /Meetings/ }));
    const row = within(screen.getByRole('table', { name: 'Meetings' })).getAllByRole('row')[1];
    expect(row).toHaveTextContent('Tue 1 Dec 2026, 15:00');
    expect(row).toHaveTextContent('weekly, 6 times');
    await user.click(screen.getByRole('button', { name: 'Delete meeting Weekly sync (weekly)' }));
    expect(backend.called('delete_meeting')).toHaveLength(0);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete meeting' }));
    expect(backend.called('delete_meeting')[0].args).toEqual({ id: 'weekly', revision: 1 });
    expect(screen.getByText(/No meetings yet/)).toBeInTheDocument();
  });
});
