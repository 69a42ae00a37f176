import { describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { api, ApiError } from './index';
import { tinyTeam } from '../../test/fixtures';

describe('the api gateway', () => {
  it('unwraps a successful command to its value', async () => {
    mockIPC((cmd) => (cmd === 'load_team' ? tinyTeam() : null));
    const s = await api.loadTeam();
    expect(s.reps.map((r) => r.id)).toEqual(['unit-ana', 'unit-bo']);
  });

  it('sends the entity under the argument name the Rust command takes', async () => {
    let seen: unknown;
    mockIPC((cmd, args) => {
      seen = { cmd, args };
      return tinyTeam();
    });
    await api.deleteRep('unit-bo');
    expect(seen).toEqual({ cmd: 'delete_rep', args: { id: 'unit-bo' } });
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
