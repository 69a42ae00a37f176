/**
 * Applying what one write changed (Rust's `Changes`) to the team the UI
 * holds: bookkeeping only, no rule. Rust has already decided every cascade
 * (a removed rep's meetings and tasks come back as changed items); this
 * puts each returned item in its list and drops each removed one.
 *
 * Lists keep their order: a changed item stays where it was, a new one goes
 * at the end (where Rust's document order puts it too).
 */
import type { Changes, OfficeDay, Revisions, Scenario, Stored, StoredTeam } from '../api';

/** The team as held by the UI: the document, every item's revision, the counter. */
export type HeldTeam = { scenario: Scenario; revisions: Revisions; counter: number };

export const LIST_OF_KIND = {
  team: 'teams',
  office: 'offices',
  rep: 'reps',
  meeting: 'meetings',
  task: 'tasks',
} as const;

export type ItemList = (typeof LIST_OF_KIND)[keyof typeof LIST_OF_KIND];

export function emptyRevisions(): Revisions {
  return { teams: {}, offices: {}, reps: {}, meetings: {}, tasks: {} };
}

export function held(team: StoredTeam): HeldTeam {
  return { scenario: team.scenario, revisions: team.revisions, counter: team.counter };
}

function upsert<T extends { id: string }>(list: T[], stored: Stored<T>[], removed: Set<string>): T[] {
  if (stored.length === 0 && removed.size === 0) return list;
  const byId = new Map(stored.map((s) => [s.item.id, s.item]));
  const out = list.filter((x) => !removed.has(x.id)).map((x) => byId.get(x.id) ?? x);
  const present = new Set(out.map((x) => x.id));
  for (const s of stored) if (!present.has(s.item.id)) out.push(s.item);
  return out;
}

function revise<T extends { id: string }>(
  revs: Record<string, number>,
  stored: Stored<T>[],
  removed: Set<string>,
): Record<string, number> {
  if (stored.length === 0 && removed.size === 0) return revs;
  const out = { ...revs };
  for (const id of removed) delete out[id];
  for (const s of stored) out[s.item.id] = s.revision;
  return out;
}

function officeDays(days: OfficeDay[], c: Changes): OfficeDay[] {
  if (c.office_days_removed.length === 0 && c.office_days_added.length === 0) return days;
  const key = (rep: string, date: string) => `${rep}\u0000${date}`;
  const gone = new Set(c.office_days_removed.map((d) => key(d.rep, d.date)));
  const added = new Set(c.office_days_added.map((d) => key(d.rep, d.date)));
  const kept = days.filter((d) => !gone.has(key(d.rep, d.date)) && !added.has(key(d.rep, d.date)));
  return [...kept, ...c.office_days_added];
}

/**
 * The team after `changes`, as new objects (screens that compare the team
 * by identity see it changed); `'reload'` when the write replaced the
 * whole team (import, restore, sample team) and it must be read again.
 */
export function applyChanges(team: HeldTeam, c: Changes): HeldTeam | 'reload' {
  if (c.replaced) return 'reload';
  const removed = (kind: keyof typeof LIST_OF_KIND) =>
    new Set(c.removed.filter((r) => r.kind === kind).map((r) => r.id));
  const gone = {
    teams: removed('team'),
    offices: removed('office'),
    reps: removed('rep'),
    meetings: removed('meeting'),
    tasks: removed('task'),
  };
  const s = team.scenario;
  const r = team.revisions;
  return {
    scenario: {
      ...s,
      teams: upsert(s.teams, c.teams, gone.teams),
      offices: upsert(s.offices, c.offices, gone.offices),
      reps: upsert(s.reps, c.reps, gone.reps),
      meetings: upsert(s.meetings, c.meetings, gone.meetings),
      tasks: upsert(s.tasks, c.tasks, gone.tasks),
      office_days: officeDays(s.office_days, c),
      policy: c.policy ?? s.policy,
      requests: c.requests ?? s.requests,
    },
    revisions: {
      teams: revise(r.teams, c.teams, gone.teams),
      offices: revise(r.offices, c.offices, gone.offices),
      reps: revise(r.reps, c.reps, gone.reps),
      meetings: revise(r.meetings, c.meetings, gone.meetings),
      tasks: revise(r.tasks, c.tasks, gone.tasks),
    },
    counter: Math.max(team.counter, c.counter),
  };
}
