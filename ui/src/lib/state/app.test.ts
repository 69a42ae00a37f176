import { afterEach, describe, expect, it, vi } from 'vitest';
import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { AppState, BUSY_AFTER_MS, EXTERNAL_NOTICE } from './app.svelte';
import { fakeBackend, rep, tinyTeam } from '../../test/fixtures';

afterEach(() => clearMocks());

describe('AppState', () => {
  it('holds the directory, never the reps, and moves the counter with each write', async () => {
    const backend = fakeBackend(tinyTeam());
    const app = new AppState();
    await app.init();
    expect(app.counts.reps).toBe(2);
    expect('reps' in app).toBe(false);
    const stored = await app.api.getRep('unit-bo');
    await app.saveRep({ ...stored.item, name: 'Bo Renamed' }, 'update', stored.revision);
    expect(backend.called('update_rep')[0].args.revision).toBe(stored.revision);
    expect(app.counter).toBe(2);
    expect(backend.called('directory')).toHaveLength(2);
    expect(backend.called('load_team')).toHaveLength(0);
    app.dispose();
  });

  it('reads the directory again when a write replaced the team', async () => {
    const backend = fakeBackend({ ...tinyTeam(), reps: [] });
    const app = new AppState();
    await app.init();
    expect(app.isEmpty).toBe(false);
    expect(app.counts.reps).toBe(0);
    await app.loadSampleTeam();
    expect(backend.called('directory')).toHaveLength(2);
    expect(app.counts.reps).toBe(2);
    app.dispose();
  });

  it('reloads and says so when another process changed the database', async () => {
    const backend = fakeBackend(tinyTeam());
    const app = new AppState();
    await app.init();
    const ext = backend.writeElsewhere({ ...backend.db, reps: [...backend.db.reps, rep('unit-cy', 'Unit Cy')] });
    await emit('db-changed', ext);
    await expect.poll(() => app.counts.reps).toBe(3);
    expect(app.notice).toBe(EXTERNAL_NOTICE);
    expect(app.counter).toBe(backend.counter);
    expect(app.externalUpdates).toBe(1);
    app.dispose();
  });
});

describe('AppState.busy', () => {
  it('turns on only when a call to Rust has run longer than 150 ms, and off when it ends', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((done) => (release = done));
    mockIPC(async () => {
      await gate;
      return { rows: [], offset: 0, total: 0, counter: 1 };
    });
    vi.useFakeTimers();
    try {
      const app = new AppState();
      const pending = app.api.peoplePage({ search: '', team: { kind: 'all' } }, { offset: 0, limit: 10 });
      await vi.advanceTimersByTimeAsync(BUSY_AFTER_MS - 20);
      expect(app.busy).toBe(false);
      await vi.advanceTimersByTimeAsync(40);
      expect(app.busy).toBe(true);
      release();
      await pending;
      expect(app.busy).toBe(false);
      app.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
