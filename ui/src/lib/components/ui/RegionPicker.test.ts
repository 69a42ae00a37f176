import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RegionPicker from './RegionPicker.svelte';
import { fakeBackend, emptyScenario } from '../../../test/fixtures';

const REGIONS = [
  { code: 'GB', label: 'United Kingdom', country: 'United Kingdom' },
  { code: 'GB-ENG', label: 'England', country: 'United Kingdom' },
  { code: 'DE-BY', label: 'Bayern', country: 'Germany' },
];

function backend() {
  return fakeBackend(emptyScenario(), {
    // What Rust answers, cut down: the test checks the picker asks and lays out.
    search_regions: (a) =>
      REGIONS.filter((r) => `${r.code} ${r.label} ${r.country}`.toLowerCase().includes(String(a.query).toLowerCase())),
    region_preview: (a) => {
      const r = REGIONS.find((x) => x.code === String(a.code).toUpperCase());
      if (!r) throw { code: 'invalid', message: 'unknown holidays region', problems: [] };
      return {
        region: r,
        next: [
          { date: '2026-12-25', name: 'Christmas Day', region: r.code },
          { date: '2026-12-26', name: 'Boxing Day', region: r.code },
          { date: '2026-12-28', name: 'Boxing Day (observed)', region: r.code },
        ],
        source: 'python-holidays unit, 2020–2040',
      };
    },
  });
}

describe('RegionPicker', () => {
  it('lists the regions Rust finds and picks one with the keyboard', async () => {
    const fake = backend();
    const user = userEvent.setup();
    render(RegionPicker, { props: { id: 'hol', value: '' } });
    const input = screen.getByRole('combobox');
    await user.type(input, 'united');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    expect(fake.calls.some((c) => c.cmd === 'search_regions' && c.args.query === 'united')).toBe(true);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(input).toHaveValue('GB-ENG');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('shows the next three holidays of the chosen region, and nothing for none', async () => {
    backend();
    render(RegionPicker, { props: { id: 'hol', value: 'GB-ENG' } });
    const preview = await screen.findByText(/England, United Kingdom — next:/);
    expect(preview).toHaveTextContent('Christmas Day');
    expect(preview).toHaveTextContent('Boxing Day (observed)');
    expect(preview).toHaveTextContent('python-holidays unit');
    expect(screen.getByRole('combobox')).toHaveAccessibleDescription(/Christmas Day/);
  });
});
