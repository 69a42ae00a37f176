/**
 * The Workload screen's pure helpers: the balance window, task drafts (what
 * the task form holds while the user types), how a utilisation is banded and
 * printed, which of Rust's assignments are proposed changes, and the figures
 * the load chart draws. Rust computes every figure; nothing here re-plans.
 */
import type {
  AcceptedMove,
  BalanceAnswer,
  BalanceAssignment,
  Problem,
  RepWorkload,
  Scenario,
  Task,
} from '../api';
import { isDate } from './clock';
import { addDays, mondayOf } from './rotation';

/** The local dates (both inclusive) the balancer works over. */
export type BalanceWindow = { from: string; to: string };

/** The contract's longest window. */
export const MAX_WINDOW_DAYS = 366;

const DAY_MS = 86_400_000;

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * The stored window, else next Monday to the Friday after (two working
 * weeks: how far ahead a lead usually shares out work).
 */
export function defaultBalanceWindow(scenario: Scenario | null, today: string): BalanceWindow {
  const stored = scenario?.requests.balance;
  if (stored) return { from: stored.from, to: stored.to };
  const from = addDays(mondayOf(today), 7);
  return { from, to: addDays(from, 11) };
}

export function parseBalanceWindow(from: string, to: string): { window: BalanceWindow } | { error: string } {
  const f = from.trim();
  const t = to.trim();
  if (!isDate(f)) return { error: 'enter the first day as a date YYYY-MM-DD' };
  if (!isDate(t)) return { error: 'enter the last day as a date YYYY-MM-DD' };
  if (t < f) return { error: 'the last day is before the first' };
  if (days(f, t) > MAX_WINDOW_DAYS) return { error: `choose at most ${MAX_WINDOW_DAYS} days` };
  return { window: { from: f, to: t } };
}

export function sameBalanceWindow(a: BalanceWindow | null, b: BalanceWindow | null): boolean {
  return !!a && !!b && a.from === b.from && a.to === b.to;
}

// Utilisation

/**
 * How full a rep is: `idle` (nothing to do), `under` (below 80%), `full`
 * (80–100%), `over` (above 100%, or work with no working time at all).
 */
export type Band = 'idle' | 'under' | 'full' | 'over';

export const FULL_FROM = 0.8;

export function band(u: number | null): Band {
  if (u === null) return 'over';
  if (u === 0) return 'idle';
  if (u > 1) return 'over';
  return u >= FULL_FROM ? 'full' : 'under';
}

export const BAND_LABEL: Record<Band, string> = {
  idle: 'no work',
  under: 'has room',
  full: 'full',
  over: 'overloaded',
};

/** `96%`; `∞` for work with no working time to do it in. */
export function pct(u: number | null): string {
  if (u === null) return '∞';
  return `${Math.round(u * 100)}%`;
}

/** Minutes as hours for people: `9 h`, `7.5 h`, `20 min`. */
export function hoursText(minutes: number): string {
  if (minutes !== 0 && Math.abs(minutes) < 60) return `${minutes} min`;
  const h = Math.round((minutes / 60) * 10) / 10;
  return `${h} h`;
}

// Proposed changes

/** Every assignment that gives a task to someone other than who has it now. */
export function proposedChanges(answer: BalanceAnswer, scenario: Scenario | null): BalanceAssignment[] {
  const current = new Map((scenario?.tasks ?? []).map((t) => [t.id, t.assignee]));
  return answer.assignments.filter((a) => (current.has(a.task) ? current.get(a.task) !== a.rep : a.reason !== null));
}

export type Decision = 'accepted' | 'rejected';

export function acceptedMoves(
  changes: readonly BalanceAssignment[],
  decisions: ReadonlyMap<string, Decision>,
): AcceptedMove[] {
  return changes.filter((a) => decisions.get(a.task) === 'accepted').map((a) => ({ task: a.task, rep: a.rep }));
}

/** Tasks at risk as things stand, by id (from the last plan's figures). */
export function atRiskNow(answer: BalanceAnswer | null): Set<string> {
  return new Set((answer?.assignments ?? []).filter((a) => a.at_risk_before).map((a) => a.task));
}

// Chart

/**
 * The utilisation a bar is drawn to, in percent: an infinite one is drawn
 * just past the highest finite bar (labelled ∞), so one rep with no working
 * time does not flatten everybody else's bars.
 */
export function barValues(values: readonly (number | null)[]): number[] {
  const finite = values.filter((v): v is number => v !== null).map((v) => v * 100);
  const top = Math.max(100, ...finite);
  return values.map((v) => (v === null ? Math.round(top * 1.1) : Math.round(v * 1000) / 10));
}

export type ChartRow = {
  rep: string;
  name: string;
  before: number | null;
  after: number | null;
  bandBefore: Band;
  bandAfter: Band;
};

/** One row per rep with work or working time, busiest (now) first. */
export function chartRows(reps: readonly RepWorkload[]): ChartRow[] {
  const key = (u: number | null) => (u === null ? Number.POSITIVE_INFINITY : u);
  return reps
    .filter((r) => r.capacity_minutes > 0 || r.load_before_minutes > 0 || r.load_minutes > 0)
    .map((r) => ({
      rep: r.rep,
      name: r.name,
      before: r.utilization_before,
      after: r.utilization,
      bandBefore: band(r.utilization_before),
      bandAfter: band(r.utilization),
    }))
    .sort((a, b) => key(b.before) - key(a.before) || a.name.localeCompare(b.name));
}

// Task drafts

export type TaskDraft = {
  id: string;
  title: string;
  hours: string;
  due: string;
  assignee: string;
  skills_required: string[];
  pinned: boolean;
};

export function newTaskDraft(): TaskDraft {
  return { id: '', title: '', hours: '', due: '', assignee: '', skills_required: [], pinned: false };
}

export function taskToDraft(t: Task): TaskDraft {
  return {
    id: t.id,
    title: t.title,
    hours: t.hours === null ? '' : String(t.hours),
    due: t.due ?? '',
    assignee: t.assignee ?? '',
    skills_required: [...t.skills_required],
    pinned: t.pinned,
  };
}

export function draftToTask(d: TaskDraft): Task {
  return {
    id: d.id.trim(),
    title: d.title.trim(),
    hours: Number(d.hours.trim()),
    due: d.due.trim() === '' ? null : d.due.trim(),
    assignee: d.assignee === '' ? null : d.assignee,
    skills_required: d.skills_required.map((s) => s.trim()).filter((s) => s !== ''),
    pinned: d.assignee !== '' && d.pinned,
  };
}

const HOURS = /^\d+(\.\d+)?$/;

export function validateTaskDraft(d: TaskDraft, ctx: { takenIds?: ReadonlySet<string> }): Problem[] {
  const out: Problem[] = [];
  if (d.title.trim() === '') out.push({ path: 'title', message: 'title is required' });
  if (d.id.trim() === '') out.push({ path: 'id', message: 'id is required' });
  else if (ctx.takenIds?.has(d.id.trim())) out.push({ path: 'id', message: `id "${d.id.trim()}" is already used` });
  if (!HOURS.test(d.hours.trim())) out.push({ path: 'hours', message: 'enter the hours of work, e.g. 6 or 1.5' });
  if (d.due.trim() !== '' && !isDate(d.due.trim())) out.push({ path: 'due', message: 'enter a date YYYY-MM-DD' });
  if (d.pinned && d.assignee === '') out.push({ path: 'pinned', message: 'a pinned task needs an assignee' });
  return out;
}

export const TASK_FIELD_KEYS = ['id', 'title', 'hours', 'due', 'assignee', 'skills_required', 'pinned'];
