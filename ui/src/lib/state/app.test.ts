import { afterEach, describe, expect, it } from 'vitest';
import { emit } from '@tauri-apps/api/event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, EXTERNAL_NOTICE } from './app.svelte';
import { fakeBackend, rep, tinyTeam } from '../../test/fixtures';

afterEach(() => clearMocks());

describe('AppState', () => {
  it('patches the lists with the Changes of a write and sends the revision the form opened with', async () => {
    const backend = fakeBackend(tinyTeam());
    const app = new AppState();
    await app.init();
    const opened = app.revisionOf('reps', 'unit-bo');
    expect(opened).toBe(1);
    await app.saveRep({ ...JSON.parse(JSON.stringify(app.reps[1])), name: 'Bo Renamed' }, 'update', opened);
    expect(backend.called('update_rep')[0].args.revision).toBe(1);
    expect(app.reps.map((r) => r.name)).toEqual(['Unit Ana', 'Bo Renamed']);
    expect(app.revisionOf('reps', 'unit-bo')).toBe(2);
    expect(app.revisionOf('reps', 'unit-ana')).toBe(1);
    expect(app.counter).toBe(2);
    expect(backend.called('load_team')).toHaveLength(1);
    app.dispose();
  });

  it('reads the team again when a write replaced it', async () => {
    const backend = fakeBackend({ ...tinyTeam(), reps: [] });
    const app = new AppState();
    await app.init();
    await app.loadSampleTeam();
    expect(backend.called('load_team')).toHaveLength(2);
    expect(app.reps).toHaveLength(2);
    app.dispose();
  });

  it('reloads and says so when another process changed the database', async () => {
    const backend = fakeBackend(tinyTeam());
    const app = new AppState();
    await app.init();
    const ext = backend.writeElsewhere({ ...backend.db, reps: [...backend.db.reps, rep('unit-cy', 'Unit Cy')] });
    await emit('db-changed', ext);
    await expect.poll(() => app.reps.map((r) => r.id)).toEqual(['unit-ana', 'unit-bo', 'unit-cy']);
    expect(app.notice).toBe(EXTERNAL_NOTICE);
    expect(app.counter).toBe(backend.counter);
    expect(app.externalUpdates).toBe(1);
    app.dispose();
  });
});
