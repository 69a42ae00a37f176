import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../../App.svelte';
import { fakeBackend, rep, tinyTeam } from '../../../test/fixtures';
import type { Backup } from '../../api';

afterEach(() => clearMocks());

function backup(file: string, extra: Partial<Backup> = {}): Backup {
  return {
    file,
    created: '2026-12-04T19:02:11Z',
    bytes: 98_304,
    automatic: false,
    counts: { teams: 3, offices: 2, reps: 25, meetings: 1, tasks: 0 },
    problem: null,
    ...extra,
  };
}

function setup() {
  const list = [
    backup('meridian-20261204T190211Z-manual.db'),
    backup('meridian-20261203T080000Z-import.db', { automatic: true, counts: { teams: 1, offices: 1, reps: 1, meetings: 0, tasks: 0 } }),
  ];
  const older = { ...tinyTeam(), reps: [rep('unit-old', 'Unit Old')] };
  const backend = fakeBackend(tinyTeam(), {
    list_backups: () => list,
    create_backup: () => {
      list.unshift(backup('meridian-20261204T200000Z-manual.db', { counts: { teams: 1, offices: 1, reps: 2, meetings: 0, tasks: 0 } }));
      return list[0].file;
    },
    restore_backup: () => older,
  });
  return { backend, list, user: userEvent.setup() };
}

async function openBackups(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: /Backups/ }));
  return screen.findByRole('table', { name: 'Backups' });
}

describe('Backups', () => {
  it('lists each backup with when, what it holds, its size and whether it was automatic', async () => {
    const { user } = setup();
    render(App);
    const table = await openBackups(user);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('meridian-20261204T190211Z-manual.db');
    expect(rows[0]).toHaveTextContent('2026-12-04 19:02 UTC');
    expect(rows[0]).toHaveTextContent('25 reps, 3 teams, 2 offices, 1 meeting');
    expect(rows[0]).toHaveTextContent('96 KB');
    expect(rows[0]).toHaveTextContent('Manual');
    expect(rows[1]).toHaveTextContent('Automatic');
    expect(rows[1]).toHaveTextContent('1 rep, 1 team, 1 office');
  });

  it('backs up now and shows the new backup first', async () => {
    const { backend, user } = setup();
    render(App);
    await openBackups(user);
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(backend.called('create_backup')).toHaveLength(1);
    const table = screen.getByRole('table', { name: 'Backups' });
    await expect.poll(() => within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('meridian-20261204T200000Z-manual.db');
    expect(screen.getByRole('status')).toHaveTextContent('Backed up to meridian-20261204T200000Z-manual.db');
  });

  it('restores only after a confirmation that says the current data is backed up first, by file name, then reloads the team', async () => {
    const { backend, user } = setup();
    render(App);
    await openBackups(user);
    await user.click(screen.getByRole('button', { name: 'Restore meridian-20261203T080000Z-import.db' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore meridian-20261203T080000Z-import.db?' });
    expect(dialog).toHaveTextContent('The current data is backed up first');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(backend.called('restore_backup')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Restore meridian-20261203T080000Z-import.db' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restore' }));
    expect(backend.called('restore_backup')).toEqual([{ cmd: 'restore_backup', args: { file: 'meridian-20261203T080000Z-import.db' } }]);
    await expect.poll(() => screen.queryByRole('dialog')).toBeNull();
    expect(backend.called('directory')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: /People/ }));
    expect(await screen.findByRole('table', { name: 'People' })).toHaveTextContent('Unit Old');
  });
});
