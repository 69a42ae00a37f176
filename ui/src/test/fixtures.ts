// Test-only data and an IPC fake for unit tests. Not the bundled sample team.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { Rep, Scenario } from '../lib/api';

export const ZONES = [
  'UTC',
  'America/Los_Angeles',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Europe/Berlin',
  'Europe/Lisbon',
  'Europe/London',
];

export function rep(id: string, name: string, extra: Partial<Rep> = {}): Rep {
  return {
    id,
    name,
    team: null,
    time_zone: 'Europe/London',
    office: null,
    working_hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] },
    stretch_hours: {},
    capacity_hours_per_week: 40,
    preferred_office_days: [],
    no_office_days: [],
    time_off: [],
    skills: [],
    ...extra,
  };
}

export function emptyScenario(): Scenario {
  return {
    format: 'meridian.scenario/1',
    teams: [],
    offices: [],
    policy: { office_days_per_week: { min: 0, max: 5 } },
    reps: [],
    meetings: [],
    office_days: [],
    tasks: [],
    requests: { meetings: [], rotation: null, balance: null },
  };
}

export function tinyTeam(): Scenario {
  return {
    ...emptyScenario(),
    teams: [{ id: 'unit-team', name: 'Unit Team', anchor_days: ['tue'] }],
    offices: [
      {
        id: 'unit-office',
        name: 'Unit Office',
        time_zone: 'Europe/London',
        desks: 3,
        open_days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        closed_dates: [],
      },
    ],
    policy: { office_days_per_week: { min: 2, max: 3 } },
    reps: [
      rep('unit-ana', 'Unit Ana', { team: 'unit-team', office: 'unit-office' }),
      rep('unit-bo', 'Unit Bo', { time_zone: 'Asia/Kolkata' }),
    ],
  };
}

export type Call = { cmd: string; args: Record<string, unknown> };
type Handler = (args: Record<string, unknown>) => unknown;

/**
 * Mocks the Tauri IPC with an in-memory document. `overrides` replace single
 * commands (throw a CommandError object to make Rust refuse).
 */
export function fakeBackend(initial: Scenario, overrides: Record<string, Handler> = {}) {
  let db: Scenario = structuredClone(initial);
  const calls: Call[] = [];
  const handlers: Record<string, Handler> = {
    about: () => ({ version: '0.0.0-unit', tzdata: 'unit', db_path: null }),
    load_team: () => db,
    zone_names: () => ZONES,
    load_sample_team: () => (db = tinyTeam()),
    create_rep: (a) => ((db = { ...db, reps: [...db.reps, a.rep as Rep] }), db),
    update_rep: (a) => ((db = { ...db, reps: db.reps.map((r) => (r.id === (a.rep as Rep).id ? (a.rep as Rep) : r)) }), db),
    delete_rep: (a) => ((db = { ...db, reps: db.reps.filter((r) => r.id !== a.id) }), db),
    ...overrides,
  };
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: structuredClone(args) });
    const h = handlers[cmd];
    if (!h) throw { code: 'io', message: `no mock for ${cmd}`, problems: [] };
    return structuredClone(h(args));
  });
  return {
    calls,
    called: (cmd: string) => calls.filter((c) => c.cmd === cmd),
    get db() {
      return db;
    },
  };
}
