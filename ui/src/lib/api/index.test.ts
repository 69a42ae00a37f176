import { describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { api, ApiError } from './index';
import { changesBetween, peoplePageOf, revisionsOf, tinyTeam } from '../../test/fixtures';

describe('the api gateway', () => {
  it('unwraps a successful command to its value and sends a page query under the names Rust takes', async () => {
    let seen: unknown;
    mockIPC((cmd, args) => {
      seen = { cmd, args };
      return cmd === 'people_page' ? peoplePageOf(tinyTeam(), revisionsOf(tinyTeam(), 3), 3, { search: 'bo', team: { kind: 'all' } }, { offset: 0, limit: 50 }) : null;
    });
    const page = await api.peoplePage({ search: 'bo', team: { kind: 'all' } }, { offset: 0, limit: 50 });
    expect(page.rows.map((r) => [r.id, r.revision])).toEqual([['unit-bo', 3]]);
    expect(page.total).toBe(1);
    expect(seen).toEqual({ cmd: 'people_page', args: { query: { search: 'bo', team: { kind: 'all' } }, window: { offset: 0, limit: 50 } } });
  });

  it('sends the entity and the revision the form opened with under the names the Rust command takes', async () => {
    let seen: unknown;
    mockIPC((cmd, args) => {
      seen = { cmd, args };
      return changesBetween(tinyTeam(), tinyTeam(), 2);
    });
    await api.deleteRep('unit-bo', 7);
    expect(seen).toEqual({ cmd: 'delete_rep', args: { id: 'unit-bo', revision: 7 } });
    await api.updateRep(tinyTeam().reps[0], null);
    expect(seen).toEqual({ cmd: 'update_rep', args: { rep: tinyTeam().reps[0], revision: null } });
    await api.restoreBackup('meridian-20261204T190211Z-manual.db');
    expect(seen).toEqual({ cmd: 'restore_backup', args: { file: 'meridian-20261204T190211Z-manual.db' } });
  });

  it('turns a CommandError into an ApiError carrying its code and problems', async () => {
    mockIPC(() => {
      throw { code: 'invalid', message: 'the team document is invalid', problems: [{ path: 'time_zone', message: 'unknown' }] };
    });
    const err = await api.createRep(tinyTeam().reps[0]).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('invalid');
    expect(err.problems).toEqual([{ path: 'time_zone', message: 'unknown' }]);
  });

  it('reports a failure without a code as unexpected', async () => {
    mockIPC(() => {
      throw 'window closed';
    });
    const err = await api.about().catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('unexpected');
    expect(err.message).toBe('window closed');
  });
});
