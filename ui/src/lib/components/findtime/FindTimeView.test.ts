import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../../App.svelte';
import type { Booking, Meeting, MeetingRequest, Scenario } from '../../api';
import { fairAnswer, fakeBackend, infeasibleAnswer, tinyTeam, twoSuggestions } from '../../../test/fixtures';
import { COMPILE_TIMEOUT_MS, compileScreens } from '../../../test/screens';

beforeAll(compileScreens, COMPILE_TIMEOUT_MS);

/** Books like Rust: one meeting, a weekly series, or `ID`, `ID-w2`, … for a fair plan, the id made from the title. */
function booked(db: () => Scenario) {
  return (a: Record<string, unknown>) => {
    const b = a.booking as Booking;
    const id = b.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const meetings: Meeting[] = b.starts.map((s, i) => ({
      id: i === 0 ? id : `${id}-w${i + 1}`,
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
  await user.click(await screen.findByRole('button', { name: 'Add team Unit Team as required' }));
  await user.type(screen.getByRole('searchbox'), 'bo');
  await user.click(await screen.findByRole('button', { name: 'Add Unit Bo as required' }));
}

describe('Find a time', () => {
  it('ranks slots with one ribbon per attendee, books the first under a title only, and then needs a fresh search', async () => {
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
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).queryByLabelText(/Meeting id/)).toBeNull();
    expect(within(dialog).getByLabelText('Title')).toHaveAttribute('maxlength', '500');
    await user.keyboard('Pipeline review');
    await user.click(within(dialog).getByRole('button', { name: 'Book' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const sent = backend.called('book_meeting')[0].args.booking as Booking;
    expect(sent).toEqual({
      title: 'Pipeline review',
      time_zone: request.time_zone,
      duration_minutes: 30,
      attendees: ['unit-ana', 'unit-bo'],
      starts: ['2026-11-30T10:00:00Z'],
      weeks: 1,
    });

    // The answer was read before the booking: it may clash now, so it cannot be booked again.
    expect(screen.getByRole('status', { name: 'Stale results' })).toHaveTextContent('Booked “Pipeline review”');
    for (const b of screen.getAllByRole('button', { name: /^Book suggestion/ })) expect(b).toBeDisabled();
    // The Book button that opened the dialog is off: focus goes to the next step, not to the page.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Search again' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Search again' }));
    expect(backend.called('suggest_meeting')).toHaveLength(2);
    expect(screen.queryByRole('status', { name: 'Stale results' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Book suggestion 1' })).toBeEnabled();
  });

  it('says why fewer suggestions came back than asked for, in Rust\'s words', async () => {
    const why = 'Only 2 of the 5 asked for fit everyone between Mon 30 Nov 2026 and Fri 4 Dec 2026 (UTC): every other start that suits all required people overlaps one shown.';
    const { user } = await openFindTime({ suggest_meeting: () => ({ ...twoSuggestions(), fewer_than_asked: why }) });
    await pickBoth(user);
    await user.click(screen.getByRole('button', { name: 'Find times' }));
    expect(await screen.findByRole('note', { name: 'Fewer than asked' })).toHaveTextContent(why);
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });

  it('asks for the varied list, says how it was chosen, and shows the exact list on request', async () => {
    const how = 'Varied list: the best slot at each of 2 different times of day, then the next best in order; the exact top 2 ranks by cost and start alone.';
    const { user, backend } = await openFindTime({
      suggest_meeting: (a) => (a.order === 'varied' ? { ...twoSuggestions(), varied: how } : twoSuggestions()),
    });
    await pickBoth(user);
    await user.type(screen.getByLabelText('At least (optional)'), '75%');
    await user.click(screen.getByRole('button', { name: 'Find times' }));
    const first = backend.called('suggest_meeting')[0].args;
    expect(first.order).toBe('varied');
    expect((first.request as MeetingRequest).min_optional).toBe('75%');
    expect(await screen.findByRole('note', { name: 'How this list was chosen' })).toHaveTextContent(how);
    await user.click(screen.getByRole('button', { name: 'Show the exact top 2' }));
    const second = backend.called('suggest_meeting')[1].args;
    expect(second.order).toBe('exact');
    expect(second.request).toEqual(first.request);
    const note = await screen.findByRole('note', { name: 'How this list was chosen' });
    expect(note).toHaveTextContent('Strictly the cheapest times');
    await user.click(within(note).getByRole('button', { name: 'Vary the times of day' }));
    expect(backend.called('suggest_meeting')[2].args.order).toBe('varied');
  });

  it('shows a quorum Rust refuses at its field', async () => {
    const { user } = await openFindTime({
      suggest_meeting: () => {
        throw {
          code: 'invalid',
          message: 'the request is invalid',
          problems: [{ path: 'min_optional', message: 'asks for 3 optional attendees, but the request has none' }],
        };
      },
    });
    await pickBoth(user);
    await user.type(screen.getByLabelText('At least (optional)'), '3');
    await user.click(screen.getByRole('button', { name: 'Find times' }));
    expect(await screen.findByLabelText('At least (optional)')).toHaveAccessibleDescription(
      'asks for 3 optional attendees, but the request has none',
    );
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
    expect(backend.db.meetings.map((m: Meeting) => m.id)).toEqual(['rota', 'rota-w2', 'rota-w3']);
    expect(screen.getByRole('button', { name: 'Book series…' })).toBeDisabled();
  });
});
