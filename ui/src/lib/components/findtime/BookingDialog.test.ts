import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import BookingDialog from './BookingDialog.svelte';
import { ApiError, type Booking, type MeetingRequest } from '../../api';
import type { BookTarget } from '../../domain/findtime';
import { fairPlan, twoSuggestions } from '../../../test/fixtures';

const request: MeetingRequest = {
  id: 'find-a-time',
  title: 'Find a time',
  duration_minutes: 30,
  required: ['unit-ana'],
  optional: ['unit-bo'],
  from: '2026-11-30',
  to: '2026-12-04',
  time_zone: 'Europe/London',
  granularity_minutes: 15,
  max_results: 5,
  repeat_weeks: 4,
  fair_rotation: false,
};

function setup(target: BookTarget, onbook: (b: Booking) => Promise<void> = async () => {}) {
  const spy = vi.fn(onbook);
  render(BookingDialog, {
    props: { target, titleChars: 40, nameOf: (id: string) => id.toUpperCase(), onbook: spy, oncancel: () => {} },
  });
  return { user: userEvent.setup(), onbook: spy };
}

describe('BookingDialog', () => {
  it('asks only for a title (capped at Rust\'s limit), prefills the weeks and books the slot', async () => {
    const s = twoSuggestions().suggestions[0];
    const { user, onbook } = setup({ kind: 'suggestion', request, suggestion: s });
    expect(screen.getByRole('dialog', { name: 'Book this time' })).toHaveTextContent('Mon 30 Nov 2026, 10:00');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAttribute('maxlength', '40');
    expect(screen.queryByRole('textbox', { name: /id/i })).toBeNull();
    await user.keyboard('Weekly sync');
    expect(screen.getByRole('textbox', { name: 'Weekly for (weeks)' })).toHaveValue('4');
    await user.click(screen.getByRole('button', { name: 'Book' }));
    expect(onbook).toHaveBeenCalledWith({
      title: 'Weekly sync',
      time_zone: 'Europe/London',
      duration_minutes: 30,
      attendees: ['unit-ana', 'unit-bo'],
      starts: ['2026-11-30T10:00:00Z'],
      weeks: 4,
    });
  });

  it('shows a refused title next to the title field and keeps the input', async () => {
    const s = twoSuggestions().suggestions[0];
    const { user } = setup({ kind: 'suggestion', request, suggestion: s }, async () => {
      throw new ApiError('invalid', 'the booking is invalid', [{ path: 'title', message: 'longer than 40 characters' }]);
    });
    await user.keyboard('Sync');
    await user.click(screen.getByRole('button', { name: 'Book' }));
    const title = screen.getByRole('textbox', { name: 'Title' });
    expect(title).toHaveAccessibleDescription(/longer than 40/);
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveValue('Sync');
    expect(screen.getByRole('alert')).toHaveTextContent('Not saved');
  });

  it('books a fair plan as one start per week', async () => {
    const { user, onbook } = setup({ kind: 'fair', request: { ...request, repeat_weeks: 3, fair_rotation: true }, plan: fairPlan() });
    expect(screen.getByRole('dialog', { name: 'Book the fair series' })).toHaveTextContent('One meeting per week for 3 weeks');
    expect(screen.queryByRole('textbox', { name: 'Weekly for (weeks)' })).toBeNull();
    await user.keyboard('Rota');
    await user.click(screen.getByRole('button', { name: 'Book series' }));
    expect(onbook.mock.calls[0][0].starts).toEqual(['2026-11-30T08:00:00Z', '2026-12-07T08:00:00Z', '2026-12-14T08:00:00Z']);
  });
});
