import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import App from '../../../App.svelte';
import { fakeBackend, tinyTeam } from '../../../test/fixtures';
import type { PublishPreview, PublishReport, PublishRow, PublishingPage } from '../../api';

afterEach(() => clearMocks());

const URL = 'https://dav.example.com/calendars/lead/unit-team/';

function preview(extra: Partial<PublishPreview> = {}): PublishPreview {
  return { create: 2, update: 1, delete: 0, unchanged: 5, conflicts: [], ...extra };
}

function row(extra: Partial<PublishRow> = {}): PublishRow {
  return {
    target: {
      team: 'unit-team',
      team_name: 'Unit Team',
      url: URL,
      user: 'lead',
      include: { office_days: true, meetings: true, away: true },
      last_run: '2026-12-05T10:00:05Z',
      last_ok: '2026-12-04T19:02:11Z',
      last_error: null,
      failures: 0,
    },
    preview: preview(),
    preview_error: null,
    password: 'keyring',
    retry_at: null,
    publishing: false,
    ...extra,
  };
}

function report(extra: Partial<PublishReport> = {}): PublishReport {
  return {
    team: 'unit-team',
    url: URL,
    made_calendar: false,
    created: 2,
    updated: 1,
    deleted: 0,
    unchanged: 5,
    conflicts: [],
    pending: 0,
    error: null,
    retry: false,
    ...extra,
  };
}

function setup(page: PublishingPage, overrides: Record<string, (a: Record<string, unknown>) => unknown> = {}) {
  const backend = fakeBackend(tinyTeam(), { publish_targets: () => page, ...overrides });
  return { backend, user: userEvent.setup() };
}

async function openPublishing(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: /Publishing/ }));
  return screen.findByRole('list', { name: 'Team calendars' }, { timeout: 5000 });
}

describe('Publishing', () => {
  it('shows each team’s calendar, account, what it includes and a status line with the waiting count, the retry time and the last error', async () => {
    const failing = row({
      target: { ...row().target, last_error: 'https://dav.example.com/ did not answer (connection refused); Meridian keeps the changes and tries again', failures: 2 },
      retry_at: '10:31',
      password: 'session',
    });
    const { user } = setup({ targets: [failing], keyring: false });
    render(App);
    const list = await openPublishing(user);
    const card = within(list).getByRole('listitem');
    expect(card).toHaveTextContent(URL);
    expect(card).toHaveTextContent('lead');
    expect(card).toHaveTextContent('Password kept until Meridian closes');
    expect(within(card).getByRole('checkbox', { name: 'Office days' })).toBeChecked();
    expect(within(card).getByRole('checkbox', { name: 'Away' })).toBeChecked();
    const status = within(card).getByRole('status', { name: 'Status of Unit Team' });
    expect(status).toHaveTextContent('Last published 2026-12-04 19:02 UTC');
    expect(status).toHaveTextContent('3 changes waiting to publish · retrying at 10:31');
    expect(card).toHaveTextContent('did not answer (connection refused)');
    await user.click(within(status).getByRole('button', { name: 'Publish Unit Team now' }));
    expect(screen.getByRole('dialog', { name: 'Publish Unit Team' })).toHaveTextContent('2 to create · 1 to update');
    expect(screen.getByRole('note')).toHaveTextContent('No keyring on this computer: Meridian will ask for the password again next time');
  });

  it('previews, publishes with progress from Rust’s events, and shows the result', async () => {
    let finish: (r: PublishReport) => void = () => {};
    const { backend, user } = setup(
      { targets: [row()], keyring: true },
      { publish_team: () => new Promise<PublishReport>((ok) => (finish = ok)), cancel_publish: () => null },
    );
    render(App);
    const list = await openPublishing(user);
    await user.click(within(list).getByRole('button', { name: 'Publish Unit Team…' }));
    const dialog = screen.getByRole('dialog', { name: 'Publish Unit Team' });
    expect(dialog).toHaveTextContent('2 to create · 1 to update · 0 to delete · 5 unchanged');
    expect(within(dialog).queryByLabelText('Password for the calendar')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(backend.called('publish_team').at(-1)?.args).toMatchObject({ team: 'unit-team', password: null });

    await emit('publish-activity', { team: 'unit-team', progress: { done: 1, total: 4 }, finished: false });
    const bar = await within(dialog).findByRole('progressbar', { name: 'Publishing Unit Team' });
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('25');
    expect(dialog).toHaveTextContent('Sent 1 of 4 changes');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(backend.called('cancel_publish')).toHaveLength(1);

    finish(report({ created: 1, updated: 0, pending: 2, error: 'https://dav.example.com/ answered 0: stopped by the user after 1 of 4 changes' }));
    await within(dialog).findByRole('alert');
    expect(dialog).toHaveTextContent('stopped by the user after 1 of 4 changes');
    expect(dialog).toHaveTextContent('2 changes are still waiting');
    expect(dialog).toHaveTextContent('1 created, 0 updated, 0 deleted, 5 unchanged');
  });

  it('asks for the password when this computer has none and sends it once, with Remember', async () => {
    const { backend, user } = setup({ targets: [row({ password: 'missing' })], keyring: true }, { publish_team: () => report() });
    render(App);
    const list = await openPublishing(user);
    await user.click(within(list).getByRole('button', { name: 'Publish Unit Team…' }));
    const dialog = screen.getByRole('dialog', { name: 'Publish Unit Team' });
    const publish = within(dialog).getByRole('button', { name: 'Publish' });
    expect(publish).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Password for the calendar'), 's3cret');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Remember in the keyring' }));
    await user.click(publish);
    expect(backend.called('publish_team').at(-1)?.args).toEqual({ team: 'unit-team', password: 's3cret', remember: false });
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Published.');
  });

  it('lists a conflict with both choices and settles it in Rust, showing what then waits', async () => {
    const conflict = { uid: 'meeting-sync@meridian', summary: 'Weekly sync', kind: 'edited', found: '2026-12-05T09:00:00Z' };
    const { backend, user } = setup(
      { targets: [row({ preview: preview({ create: 0, update: 0, conflicts: [conflict] }) })], keyring: true },
      { resolve_publish_conflict: () => preview({ create: 0, update: 1, conflicts: [] }) },
    );
    render(App);
    const list = await openPublishing(user);
    const conflicts = within(list).getByRole('region', { name: 'Conflicts of Unit Team' });
    expect(conflicts).toHaveTextContent('Weekly sync');
    expect(conflicts).toHaveTextContent('Changed on the server');
    expect(within(list).getByRole('status', { name: 'Status of Unit Team' })).toHaveTextContent('Up to date');
    await user.click(within(conflicts).getByRole('button', { name: "Use Meridian's version of Weekly sync" }));
    expect(backend.called('resolve_publish_conflict').at(-1)?.args).toEqual({ team: 'unit-team', uid: 'meeting-sync@meridian', resolution: 'use_meridian' });
    await expect.poll(() => within(list).queryByRole('region', { name: 'Conflicts of Unit Team' })).toBeNull();
    expect(within(list).getByRole('status', { name: 'Status of Unit Team' })).toHaveTextContent('1 change waiting to publish');
  });

  it('shows a background retry’s progress and reads the targets again when it finishes', async () => {
    const { backend, user } = setup({ targets: [row({ retry_at: '10:31' })], keyring: true });
    render(App);
    const list = await openPublishing(user);
    const reads = backend.called('publish_targets').length;
    await emit('publish-activity', { team: 'unit-team', progress: { done: 3, total: 6 }, finished: false });
    const bar = await within(list).findByRole('progressbar', { name: 'Publishing Unit Team again' });
    expect(bar.getAttribute('aria-valuenow')).toBe('3');
    expect(within(list).getByRole('button', { name: 'Publish Unit Team…' })).toBeDisabled();
    await emit('publish-activity', { team: 'unit-team', progress: { done: 6, total: 6 }, finished: true });
    await expect.poll(() => within(list).queryByRole('progressbar')).toBeNull();
    await expect.poll(() => backend.called('publish_targets').length).toBe(reads + 1);
  });

  it('adds a team’s calendar through the form: required fields first, then Rust gets the address, account, password and what to include', async () => {
    const targets: PublishRow[] = [];
    const { backend, user } = setup(
      { targets, keyring: true },
      {
        publish_targets: () => ({ targets, keyring: true }),
        set_publish_target: (a) => {
          targets.push(row({ target: { ...row().target, url: String(a.url), user: String(a.user), include: a.include as PublishRow['target']['include'] } }));
          return 'keyring';
        },
      },
    );
    render(App);
    await user.click(await screen.findByRole('button', { name: /Publishing/ }));
    await user.click(await screen.findByRole('button', { name: "Add a team's calendar…" }, { timeout: 5000 }));
    const form = screen.getByRole('form', { name: 'Team calendar' });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(backend.called('set_publish_target')).toHaveLength(0);
    expect(form).toHaveTextContent("enter the calendar's address");
    await user.type(within(form).getByLabelText('Calendar address (server collection URL)'), URL);
    await user.type(within(form).getByLabelText('User name'), 'lead');
    await user.type(within(form).getByLabelText('Password or app password'), 's3cret');
    await user.click(within(form).getByRole('checkbox', { name: /Time off/ }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(backend.called('set_publish_target').at(-1)?.args).toEqual({
      team: 'unit-team',
      url: URL,
      user: 'lead',
      include: { office_days: true, meetings: true, away: false },
      password: 's3cret',
      remember: true,
    });
    const list = await screen.findByRole('list', { name: 'Team calendars' });
    expect(within(list).getByRole('checkbox', { name: 'Away' })).not.toBeChecked();
  });

  it('shows Rust’s refusal of an address next to the field and keeps the input', async () => {
    const { user } = setup(
      { targets: [], keyring: true },
      {
        set_publish_target: () => {
          throw { code: 'invalid', message: 'plain http would send the password unencrypted', problems: [{ path: 'url', message: 'use https' }] };
        },
      },
    );
    render(App);
    await user.click(await screen.findByRole('button', { name: /Publishing/ }));
    await user.click(await screen.findByRole('button', { name: "Add a team's calendar…" }, { timeout: 5000 }));
    const form = screen.getByRole('form', { name: 'Team calendar' });
    const address = within(form).getByLabelText('Calendar address (server collection URL)');
    await user.type(address, 'http://dav.example.com/cal/');
    await user.type(within(form).getByLabelText('User name'), 'lead');
    await user.type(within(form).getByLabelText('Password or app password'), 'x');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true');
    expect(form).toHaveTextContent('use https');
    expect(address).toHaveValue('http://dav.example.com/cal/');
    expect(within(form).getByLabelText('Password or app password')).toHaveValue('');
  });
});
