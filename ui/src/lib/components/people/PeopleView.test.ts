import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../../App.svelte';
import { fakeBackend, tinyTeam } from '../../../test/fixtures';

afterEach(() => clearMocks());

const CONFLICT =
  'Unit Bo was changed elsewhere after you opened this form (by the command line at 2026-12-04 19:02:11 UTC): reload to see it';

describe('a rep form whose rep changed elsewhere', () => {
  it("shows Rust's conflict message with Reload, which reopens the form on the fresh rep", async () => {
    let refuse = true;
    const backend = fakeBackend(tinyTeam(), {
      update_rep: (a) => {
        if (refuse) throw { code: 'conflict', message: CONFLICT, problems: [] };
        const rep = a.rep as { id: string };
        return { ...backend.db, reps: backend.db.reps.map((r) => (r.id === rep.id ? a.rep : r)) };
      },
    });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Edit Unit Bo' }));
    // The command line renames Bo while the form is open.
    backend.writeElsewhere({ ...backend.db, reps: backend.db.reps.map((r) => (r.id === 'unit-bo' ? { ...r, name: 'Unit Bo Moved' } : r)) });
    const form = screen.getByRole('dialog', { name: 'Edit Unit Bo' });
    const name = within(form).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Unit Bo Mine');
    await user.click(within(form).getByRole('button', { name: /Save/ }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent(CONFLICT);
    expect(backend.called('update_rep')[0].args.revision).toBe(1);

    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    const fresh = await screen.findByRole('dialog', { name: 'Edit Unit Bo Moved' });
    expect(within(fresh).getByRole('textbox', { name: 'Name' })).toHaveValue('Unit Bo Moved');
    expect(within(fresh).queryByRole('alert')).toBeNull();

    // Saved again with the revision the fresh form opened with.
    refuse = false;
    await user.click(within(fresh).getByRole('button', { name: /Save/ }));
    expect(backend.called('update_rep')[1].args.revision).toBe(2);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
