// Test-only data and an IPC fake for unit tests. Not the bundled sample team.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { Changes, Directory, ExternalChanges, ItemKind, Page, PeopleQuery, PersonRow, Rep, Scenario, Window } from '../lib/api';

/** Every stored item's revision, by list and id (what the fake keeps per item). */
export type Revisions = Record<'teams' | 'offices' | 'reps' | 'meetings' | 'tasks', Record<string, number>>;

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

type Lists = 'teams' | 'offices' | 'reps' | 'meetings' | 'tasks';
const LISTS: [Lists, ItemKind][] = [
  ['teams', 'team'],
  ['offices', 'office'],
  ['reps', 'rep'],
  ['meetings', 'meeting'],
  ['tasks', 'task'],
];

function isScenario(v: unknown): v is Scenario {
  return typeof v === 'object' && v !== null && (v as Scenario).format === 'meridian.scenario/1';
}

/** Every item of `sc` at `revision`. */
export function revisionsOf(sc: Scenario, revision: number): Revisions {
  const r = { teams: {}, offices: {}, reps: {}, meetings: {}, tasks: {} } as Revisions;
  for (const [list] of LISTS) for (const x of sc[list]) r[list][x.id] = revision;
  return r;
}

/**
 * What Rust would return for a write that turned `before` into `after`: the
 * items that differ (with `revision`), the removed ones, office days, policy
 * and requests when they changed.
 */
export function changesBetween(before: Scenario, after: Scenario, revision: number): Changes {
  const c: Changes = {
    counter: revision,
    teams: [],
    offices: [],
    reps: [],
    meetings: [],
    tasks: [],
    removed: [],
    office_days_removed: [],
    office_days_added: [],
    policy: null,
    requests: null,
    replaced: false,
  };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const [list, kind] of LISTS) {
    const old = new Map<string, unknown>(before[list].map((x) => [x.id, x]));
    const now = new Set(after[list].map((x) => x.id));
    for (const x of after[list]) if (!same(old.get(x.id), x)) (c[list] as { item: unknown; revision: number }[]).push({ item: x, revision });
    for (const id of old.keys()) if (!now.has(id)) c.removed.push({ kind, id, removed: true });
  }
  const key = (d: { rep: string; date: string }) => `${d.rep}|${d.date}`;
  const was = new Set(before.office_days.map(key));
  const is = new Set(after.office_days.map(key));
  c.office_days_removed = before.office_days.filter((d) => !is.has(key(d))).map((d) => ({ rep: d.rep, date: d.date }));
  c.office_days_added = after.office_days.filter((d) => !was.has(key(d)));
  if (!same(before.policy, after.policy)) c.policy = after.policy;
  if (!same(before.requests, after.requests)) c.requests = after.requests;
  return c;
}

/** What Rust's `directory` answers for `db`. */
export function directoryOf(db: Scenario, revisions: Revisions, counter: number): Directory {
  const count = (f: (r: Rep) => boolean) => db.reps.filter(f).length;
  return {
    teams: db.teams.map((team) => ({ team, revision: revisions.teams[team.id] ?? counter, reps: count((r) => r.team === team.id) })),
    offices: db.offices.map((office) => ({ office, revision: revisions.offices[office.id] ?? counter, reps: count((r) => r.office === office.id) })),
    policy: db.policy,
    counts: {
      reps: db.reps.length,
      teams: db.teams.length,
      offices: db.offices.length,
      meetings: db.meetings.length,
      tasks: db.tasks.length,
      reps_without_team: count((r) => r.team === null),
      remote_reps: count((r) => r.office === null),
    },
    limits: {
      id_chars: 128,
      name_chars: 200,
      title_chars: 500,
      skill_chars: 128,
      skills: 100,
      rrule_chars: 1000,
      time_zone_chars: 128,
      intervals_per_day: 48,
      closed_dates: 5000,
      time_off_blocks: 1000,
      attendees: 20000,
    },
    counter,
  };
}

/** What Rust's `people_page` answers for `db`. */
export function peoplePageOf(db: Scenario, revisions: Revisions, counter: number, query: PeopleQuery, window: Window): Page<PersonRow> {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  const team = (id: string | null) => db.teams.find((t) => t.id === id)?.name ?? null;
  const office = (id: string | null) => db.offices.find((o) => o.id === id)?.name ?? null;
  const rows: PersonRow[] = db.reps
    .filter((r) => {
      const f = query.team;
      if (f.kind === 'no_team') return r.team === null;
      if (f.kind === 'team') return r.team === f.id;
      return true;
    })
    .filter((r) => {
      const hay = [r.name, r.id, r.time_zone, team(r.team) ?? '', office(r.office) ?? 'remote', ...r.skills].join('\u001f').toLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .map((r) => ({
      id: r.id,
      name: r.name,
      team: r.team,
      team_name: team(r.team),
      office: r.office,
      office_name: office(r.office),
      time_zone: r.time_zone,
      skills: r.skills,
      revision: revisions.reps[r.id] ?? counter,
    }))
    .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id));
  const offset = Math.min(window.offset, rows.length);
  return { rows: rows.slice(offset, offset + Math.min(window.limit, 500)), offset, total: rows.length, counter };
}

/**
 * Mocks the Tauri IPC with an in-memory store. A handler (or override) that
 * returns a whole `Scenario` is a write: the fake stores it and answers with
 * the `Changes` Rust would send (`load_sample_team`, `import_document` and
 * `restore_backup` replace the team). The screen queries (`directory`,
 * `people_page`, `get_rep`, `free_id`) answer from the held team the way
 * Rust would (sorted by name, filtered by the search words and team).
 * Throw a CommandError object from an override to make Rust refuse.
 */
export function fakeBackend(initial: Scenario, overrides: Record<string, Handler> = {}) {
  let db: Scenario = structuredClone(initial);
  let counter = 1;
  let revisions = revisionsOf(db, counter);
  const calls: Call[] = [];
  const handlers: Record<string, Handler> = {
    about: () => ({ version: '0.0.0-unit', tzdata: 'unit', holidays: 'unit', db_path: null }),
    set_language: () => null,
    directory: () => directoryOf(db, revisions, counter),
    people_page: (a) => peoplePageOf(db, revisions, counter, a.query as PeopleQuery, a.window as Window),
    team_members: (a) => {
      const members = db.reps
        .filter((r) => r.team === a.team)
        .sort((x, y) => x.name.toLowerCase().localeCompare(y.name.toLowerCase()) || x.id.localeCompare(y.id))
        .map((r) => ({ id: r.id, name: r.name, time_zone: r.time_zone }));
      return { members, total: members.length };
    },
    find_time_window: () => ({ from: '2026-11-30', to: '2026-12-04' }),
    get_rep: (a) => {
      const r = db.reps.find((x) => x.id === a.id);
      if (!r) throw { code: 'not_found', message: `no rep "${String(a.id)}"`, problems: [] };
      return { item: r, revision: revisions.reps[r.id] ?? counter };
    },
    free_id: (a) => {
      const taken = new Set(db.reps.map((r) => r.id));
      const base = String(a.base);
      if (!taken.has(base)) return base;
      for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
    },
    zone_names: () => ZONES,
    load_sample_team: () => tinyTeam(),
    create_rep: (a) => ({ ...db, reps: [...db.reps, a.rep as Rep] }),
    update_rep: (a) => ({ ...db, reps: db.reps.map((r) => (r.id === (a.rep as Rep).id ? (a.rep as Rep) : r)) }),
    delete_rep: (a) => ({ ...db, reps: db.reps.filter((r) => r.id !== a.id) }),
    list_backups: () => [],
    // No undo history unless a test gives one (Rust keeps it; the UI only asks).
    undo_state: () => ({ undo: null, redo: null, undo_steps: 0, redo_steps: 0, counter, undo_seq: null }),
    ...overrides,
  };
  const REPLACES = new Set(['load_sample_team', 'import_document', 'restore_backup']);
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: structuredClone(args) });
    const h = handlers[cmd];
    if (!h) throw { code: 'io', message: `no mock for ${cmd}`, problems: [] };
    const out = h(args);
    // A handler may answer later (a run still in flight), with a plain value.
    if (out instanceof Promise) return out.then((v: unknown) => structuredClone(v));
    if (!isScenario(out)) return structuredClone(out);
    counter += 1;
    const changes = changesBetween(db, out, counter);
    db = structuredClone(out);
    if (REPLACES.has(cmd)) {
      revisions = revisionsOf(db, counter);
      const summary = { teams: db.teams.length, offices: db.offices.length, reps: db.reps.length, meetings: db.meetings.length, tasks: db.tasks.length, office_days: db.office_days.length };
      return cmd === 'load_sample_team' ? { ...changesBetween(emptyScenario(), emptyScenario(), counter), replaced: true } : summary;
    }
    for (const [list] of LISTS) {
      const r = { ...revisions[list] };
      for (const s of changes[list] as { item: { id: string } }[]) r[s.item.id] = counter;
      for (const x of changes.removed) if (LISTS.find(([, k]) => k === x.kind)?.[0] === list) delete r[x.id];
      revisions[list] = r;
    }
    return structuredClone(changes);
  }, { shouldMockEvents: true });
  return {
    calls,
    called: (cmd: string) => calls.filter((c) => c.cmd === cmd),
    get db() {
      return db;
    },
    get counter() {
      return counter;
    },
    /** Another process writes `next` (like the command line): returns what `poll_changes` would report. */
    writeElsewhere(next: Scenario): ExternalChanges {
      counter += 1;
      const changes = changesBetween(db, next, counter);
      db = structuredClone(next);
      revisions = revisionsOf(db, counter);
      const items = [
        ...LISTS.flatMap(([list, kind]) => (changes[list] as { item: { id: string } }[]).map((s) => ({ kind, id: s.item.id, removed: false }))),
        ...changes.removed,
      ];
      return { counter, items };
    },
  };
}

// ---- Meeting answers (hand-made, shaped like Rust's) ----
import type { AttendeeSlot, DayRibbon, FairPlan, MeetingAnswer, Suggestion } from '../lib/api';

/** A 24-hour local day: off, stretch 07–09, working 09–17, busy 12–13, off. */
export function day(date: string, slotFrom: number, slotTo: number, length = 1440): DayRibbon {
  const end = length;
  return {
    date,
    length_minutes: length,
    segments: [
      { from: 0, to: 420, kind: 'off' },
      { from: 420, to: 540, kind: 'stretch' },
      { from: 540, to: 720, kind: 'working' },
      { from: 720, to: 780, kind: 'busy' },
      { from: 780, to: 1020, kind: 'working' },
      { from: 1020, to: end, kind: 'off' },
    ],
    slot_from: slotFrom,
    slot_to: slotTo,
  };
}

export function slot(id: string, zone: string, localStart: string, localEnd: string, extra: Partial<AttendeeSlot> = {}): AttendeeSlot {
  const mins = (t: string) => Number(t.slice(11, 13)) * 60 + Number(t.slice(14, 16));
  return {
    id,
    time_zone: zone,
    local_start: localStart,
    local_end: localEnd,
    status: 'working',
    stretch_minutes: 0,
    required: true,
    note: `Mon ${localStart.slice(11)}–${localEnd.slice(11)}: within working hours`,
    day: day(localStart.slice(0, 10), mins(localStart), mins(localEnd)),
    ...extra,
  };
}

export function suggestion(start: string, end: string, cost: number, attendees: AttendeeSlot[]): Suggestion {
  return { start, end, cost, occurrences: [{ start, end, cost, attendees }], attendees };
}

export function twoSuggestions(): MeetingAnswer {
  return {
    request: 'find-a-time',
    suggestions: [
      suggestion('2026-11-30T10:00:00Z', '2026-11-30T10:30:00Z', 0, [
        slot('unit-ana', 'Europe/London', '2026-11-30T10:00', '2026-11-30T10:30'),
        slot('unit-bo', 'Asia/Kolkata', '2026-11-30T15:30', '2026-11-30T16:00'),
      ]),
      suggestion('2026-11-30T08:00:00Z', '2026-11-30T08:30:00Z', 30, [
        slot('unit-ana', 'Europe/London', '2026-11-30T08:00', '2026-11-30T08:30', {
          status: 'stretch',
          stretch_minutes: 30,
          note: 'Mon 08:00–08:30: 30 min in stretch hours',
        }),
        slot('unit-bo', 'Asia/Kolkata', '2026-11-30T13:30', '2026-11-30T14:00'),
      ]),
    ],
    fair_plan: null,
    infeasible_reason: null,
    ways_out: [],
    dst_warnings: [],
  };
}

export function infeasibleAnswer(): MeetingAnswer {
  return {
    request: 'find-a-time',
    suggestions: [],
    fair_plan: null,
    infeasible_reason: 'Unit Ana (unit-ana, Europe/London) and Unit Bo (unit-bo, Asia/Kolkata) have no common working or stretch hours on any day in the window',
    ways_out: ['fits 2026-11-30T09:00:00Z if Unit Bo (unit-bo, Asia/Kolkata) is optional', 'fits 2026-11-30T08:00:00Z (their local Mon 08:00) if Unit Ana (unit-ana, Europe/London) stretches 60 minutes beyond their hours'],
    dst_warnings: [],
  };
}

export function fairPlan(): FairPlan {
  const week = (d: string, anaStretch: number, boStretch: number) => ({
    start: `2026-${d}T08:00:00Z`,
    end: `2026-${d}T08:30:00Z`,
    cost: anaStretch + boStretch,
    attendees: [
      slot('unit-ana', 'Europe/London', `2026-${d}T08:00`, `2026-${d}T08:30`, {
        status: anaStretch > 0 ? 'stretch' : 'working',
        stretch_minutes: anaStretch,
      }),
      slot('unit-bo', 'Asia/Kolkata', `2026-${d}T13:30`, `2026-${d}T14:00`, {
        status: boStretch > 0 ? 'stretch' : 'working',
        stretch_minutes: boStretch,
      }),
    ],
  });
  return {
    occurrences: [week('11-30', 30, 0), week('12-07', 0, 30), week('12-14', 30, 0)],
    max_person_stretch_minutes: 60,
    total_cost: 90,
    per_person_stretch_minutes: { 'unit-ana': 60, 'unit-bo': 30 },
  };
}

export function fairAnswer(): MeetingAnswer {
  return { ...twoSuggestions(), suggestions: [], fair_plan: fairPlan(), dst_warnings: ['week 2: Unit Ana (Europe/London) meets at 07:00 instead of 08:00'] };
}
