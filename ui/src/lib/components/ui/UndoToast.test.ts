import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import UndoToast from './UndoToast.svelte';
import { AppState, APP_STATE_KEY } from '../../state/app.svelte';
import { changesBetween, emptyScenario, fakeBackend, tinyTeam } from '../../../test/fixtures';

afterEach(() => clearMocks());

/** Rust's undo history, cut down to one change: the test checks the toast asks and lays out. */
function backend(refuse = false, recorded = true) {
  let undone = false;
  // The change the history holds: the last write's, or (`recorded` false) an
  // older one, as after a write that records nothing (a setting).
  const fake = fakeBackend(tinyTeam(), {
    undo_state: () => ({
      undo: undone ? null : 'Undo: delete rep Unit Bo',
      redo: undone ? 'Redo: delete rep Unit Bo' : null,
      undo_steps: undone ? 0 : 1,
      redo_steps: undone ? 1 : 0,
      counter: 3,
      undo_seq: undone ? null : recorded ? fake.counter : fake.counter - 1,
    }),
    undo: () => {
      if (refuse) {
        throw { code: 'conflict', message: 'cannot undo "delete rep Unit Bo": team Unit East was changed since (by the command line); nothing was changed', problems: [] };
      }
      undone = true;
      return { done: 'Undone: delete rep Unit Bo', changes: changesBetween(emptyScenario(), emptyScenario(), 3) };
    },
    redo: () => {
      undone = false;
      return { done: 'Redone: delete rep Unit Bo', changes: changesBetween(emptyScenario(), emptyScenario(), 4) };
    },
  });
  return fake;
}

async function mounted(refuse = false, recorded = true) {
  const fake = backend(refuse, recorded);
  const app = new AppState();
  await app.init();
  render(UndoToast, { context: new Map([[APP_STATE_KEY, app]]) });
  return { fake, app };
}

describe('UndoToast', () => {
  it('offers Undo after a change, says what Rust undid, then offers Redo', async () => {
    const { fake, app } = await mounted();
    const user = userEvent.setup();
    await app.deleteRep({ id: 'unit-bo', name: 'Unit Bo' });
    expect(screen.getByRole('status').textContent).toContain('Deleted Unit Bo');
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(undo.getAttribute('title')).toBe('Undo: delete rep Unit Bo');
    await user.click(undo);
    expect(fake.called('undo')).toHaveLength(1);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Undone: delete rep Unit Bo'));
    // The screens read their rows again: the directory is asked once more.
    expect(fake.called('directory').length).toBeGreaterThanOrEqual(3);
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(fake.called('redo')).toHaveLength(1);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Redone: delete rep Unit Bo'));
    app.dispose();
  });

  it('offers no Undo after a write that recorded none, so Undo never reverts an older change', async () => {
    const { app } = await mounted(false, false);
    await app.deleteRep({ id: 'unit-bo', name: 'Unit Bo' });
    expect(screen.getByRole('status').textContent).toContain('Deleted Unit Bo');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    app.dispose();
  });

  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z, but not while typing in a field', async () => {
    const { fake, app } = await mounted();
    const input = document.createElement('input');
    document.body.append(input);
    await fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    expect(fake.called('undo')).toHaveLength(0);
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(fake.called('undo')).toHaveLength(1));
    await waitFor(() => expect(app.notice).toBe('Undone: delete rep Unit Bo'));
    // A key pressed while a step is still in flight is dropped; let it end.
    await new Promise((done) => setTimeout(done, 0));
    await fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(fake.called('redo')).toHaveLength(1));
    input.remove();
    app.dispose();
  });

  it("says Rust's refusal and offers no button when another writer changed the items", async () => {
    const { fake, app } = await mounted(true);
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('was changed since'));
    expect(fake.called('undo')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Redo' })).toBeNull();
    app.dispose();
  });
});
