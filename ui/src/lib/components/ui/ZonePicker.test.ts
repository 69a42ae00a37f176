import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ZonePicker from './ZonePicker.svelte';
import { ZONES } from '../../../test/fixtures';

function setup(value = '') {
  const user = userEvent.setup();
  render(ZonePicker, { props: { id: 'zone', value, zones: ZONES } });
  const input = screen.getByRole('combobox');
  return { user, input };
}

describe('ZonePicker', () => {
  it('filters the zone list as the user types', async () => {
    const { user, input } = setup();
    await user.type(input, 'york');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent?.trim())).toEqual(['America/New_York']);
    expect(input).toHaveAttribute('aria-expanded', 'true');
  });

  it('moves through matches with ArrowDown/ArrowUp and picks the active one with Enter', async () => {
    const { user, input } = setup();
    await user.type(input, 'europe');
    expect(screen.getAllByRole('option').map((o) => o.textContent?.trim())).toEqual([
      'Europe/Berlin',
      'Europe/Lisbon',
      'Europe/London',
    ]);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    const active = screen.getByRole('option', { selected: true });
    expect(active).toHaveTextContent('Europe/Lisbon');
    expect(input).toHaveAttribute('aria-activedescendant', active.id);
    await user.keyboard('{Enter}');
    expect(input).toHaveValue('Europe/Lisbon');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('closes the list on Escape and keeps the typed text', async () => {
    const { user, input } = setup();
    await user.type(input, 'asia');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input).toHaveValue('asia');
  });

  it('says so when nothing matches', async () => {
    const { user, input } = setup();
    await user.type(input, 'Mars/Olympus');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText(/No zone matches/)).toBeInTheDocument();
  });

  it('opens with the whole list on ArrowDown, starting at the current zone', async () => {
    const { user, input } = setup('Asia/Kolkata');
    input.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getAllByRole('option')).toHaveLength(ZONES.length);
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent('Asia/Kolkata');
  });
});
