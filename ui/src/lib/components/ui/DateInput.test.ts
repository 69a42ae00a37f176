import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import DateInput from './DateInput.svelte';
import TimeInput from './TimeInput.svelte';

// The unit tests run as an en-GB computer (test-setup.ts); other locales' parsing is in i18n/format.test.ts.
function setupDate(value = '') {
  const seen: string[] = [];
  const user = userEvent.setup();
  render(DateInput, { props: { id: 'd', value, 'aria-label': 'Due', onvalue: (v: string) => seen.push(v) } });
  return { user, input: screen.getByRole('textbox', { name: 'Due' }), seen };
}

describe('DateInput', () => {
  it('shows an ISO value in the locale’s order and binds what is typed as ISO', async () => {
    const { user, input, seen } = setupDate('2026-12-07');
    expect(input).toHaveValue('07/12/2026');
    expect(input).toHaveAttribute('placeholder', 'DD/MM/YYYY');
    await user.clear(input);
    await user.type(input, '8/12/2026');
    expect(seen.at(-1)).toBe('2026-12-08');
    await user.tab();
    expect(input).toHaveValue('08/12/2026');
  });

  it('reads ISO too, so a value typed as data still works', async () => {
    const { user, input, seen } = setupDate();
    await user.type(input, '2026-11-30');
    expect(seen.at(-1)).toBe('2026-11-30');
  });

  it('follows only whole dates while typing, and is empty with a message when left on no date', async () => {
    const { user, input, seen } = setupDate('2026-12-07');
    await user.clear(input);
    // A half-typed year is no year 20 or 2020, and nothing is sent up yet.
    await user.type(input, '07/12/20');
    expect(seen).toEqual([]);
    await user.clear(input);
    await user.type(input, '31/02/2026');
    expect(seen).toEqual([]);
    expect(input).not.toHaveAttribute('aria-invalid');
    await user.tab();
    expect(seen.at(-1)).toBe('');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Not a date: type it like 07/12/2026');
    await user.clear(input);
    await user.type(input, '1/3/2026');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(seen.at(-1)).toBe('2026-03-01');
    // A two-digit year is read when the field is left (or on Enter).
    await user.clear(input);
    await user.type(input, '2/3/27{Enter}');
    expect(seen.at(-1)).toBe('2027-03-02');
    expect(input).toHaveValue('02/03/2027');
  });

  it('steps a day with Up and Down', async () => {
    const { user, input, seen } = setupDate('2026-12-31');
    await user.click(input);
    await user.keyboard('{ArrowUp}');
    expect(seen.at(-1)).toBe('2027-01-01');
    expect(input).toHaveValue('01/01/2027');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(seen.at(-1)).toBe('2026-12-30');
  });
});

describe('TimeInput', () => {
  function setupTime(value = '', allow24 = false) {
    const seen: string[] = [];
    const user = userEvent.setup();
    render(TimeInput, { props: { value, allow24, 'aria-label': 'Start', onvalue: (v: string) => seen.push(v) } });
    return { user, input: screen.getByRole('textbox', { name: 'Start' }), seen };
  }

  it('shows HH:MM on the 24-hour clock and reads either clock', async () => {
    const { user, input, seen } = setupTime('09:00');
    expect(input).toHaveValue('09:00');
    await user.clear(input);
    await user.type(input, '2:30 pm');
    expect(seen.at(-1)).toBe('14:30');
    await user.tab();
    expect(input).toHaveValue('14:30');
  });

  it('steps 15 minutes with Up and Down, and takes 24:00 only as an end', async () => {
    const { user, input, seen } = setupTime('23:45', true);
    await user.click(input);
    await user.keyboard('{ArrowUp}');
    expect(seen.at(-1)).toBe('24:00');
    await user.clear(input);
    await user.type(input, '7');
    expect(seen.at(-1)).toBe('07:00');
  });

  it('says when the text is no time', async () => {
    const { user, input, seen } = setupTime('10:00');
    await user.clear(input);
    await user.type(input, '25:00');
    await user.tab();
    expect(seen.at(-1)).toBe('');
    expect(input).toHaveAccessibleDescription('Not a time: type it like 14:30');
  });
});
