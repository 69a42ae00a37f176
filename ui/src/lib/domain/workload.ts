/**
 * The Workload screen's pure helpers: reading the window the user typed,
 * task drafts (what the task form holds while the user types), how a
 * utilisation is printed, the lead's accept / reject choices over a plan's
 * pages, and the figures the load chart draws. Rust computes every figure,
 * band, limit and default window; nothing here re-plans.
 */
import type { LoadBand, Problem, Task } from '../api';
import { isDate } from './clock';
import { FORMAT_LOCALE, t } from '../i18n';

/** The local dates (both inclusive) the balancer works over. */
export type BalanceWindow = { from: string; to: string };

/** The typed window, when both ends are dates (Rust checks the rest). */
export function parseBalanceWindow(from: string, to: string): { window: BalanceWindow } | { error: string } {
  const f = from.trim();
  const l = to.trim();
  if (!isDate(f)) return { error: t('workload.window.fromDate') };
  if (!isDate(l)) return { error: t('workload.window.toDate') };
  return { window: { from: f, to: l } };
}

export function sameBalanceWindow(a: BalanceWindow | null, b: BalanceWindow | null): boolean {
  return !!a && !!b && a.from === b.from && a.to === b.to;
}

// Utilisation

/** What each band Rust assigns is called. */
export const BAND_LABEL: Record<LoadBand, string> = {
  idle: t('workload.band.idle'),
  under: t('workload.band.under'),
  full: t('workload.band.full'),
  over: t('workload.band.over'),
};

/** The legend: each band with the threshold Rust uses. */
export function bandLegend(fullFromPercent: number): Record<LoadBand, string> {
  return {
    idle: t('workload.band.idle'),
    under: t('workload.legend.under', { percent: fullFromPercent }),
    full: t('workload.legend.full', { percent: fullFromPercent }),
    over: t('workload.legend.over'),
  };
}

/** `96%`; `∞` for work with no working time to do it in. */
export function pct(u: number | null): string {
  if (u === null) return '∞';
  return `${Math.round(u * 100)}%`;
}

/** Hours in the UI's locale (`7,5` in German), without grouping, as Rust's figures are. */
const HOURS_FORMAT = new Intl.NumberFormat(FORMAT_LOCALE, { maximumFractionDigits: 1, useGrouping: false });

/** Minutes as hours for people: `9 h`, `7.5 h`, `20 min`. */
export function hoursText(minutes: number): string {
  if (minutes !== 0 && Math.abs(minutes) < 60) return t('workload.minutes', { minutes });
  const h = Math.round((minutes / 60) * 10) / 10;
  return t('workload.hours', { hours: HOURS_FORMAT.format(h) });
}

// Decisions over a plan's proposed changes, most of which are not loaded

export type Decision = 'accepted' | 'rejected';

/**
 * The lead's choices: a default for every proposed change (none, or all
 * accepted / rejected at once) and per-task exceptions (`null`: undecided).
 */
export type Decisions = { all: Decision | null; each: ReadonlyMap<string, Decision | null> };

export const NO_DECISIONS: Decisions = { all: null, each: new Map() };

export function decisionOf(d: Decisions, task: string): Decision | null {
  return d.each.has(task) ? (d.each.get(task) ?? null) : d.all;
}

export function decide(d: Decisions, task: string, decision: Decision | null): Decisions {
  const each = new Map(d.each);
  if (decision === d.all) each.delete(task);
  else each.set(task, decision);
  return { all: d.all, each };
}

export function decideAll(decision: Decision): Decisions {
  return { all: decision, each: new Map() };
}

/** How many of `proposed` changes are accepted. */
export function acceptedCount(d: Decisions, proposed: number): number {
  const values = [...d.each.values()];
  if (d.all === 'accepted') return proposed - values.filter((x) => x !== 'accepted').length;
  return values.filter((x) => x === 'accepted').length;
}

/** What Apply sends: the accepted tasks, or with `allBut` every proposed change but these. */
export function selection(d: Decisions): { tasks: string[]; allBut: boolean } {
  const entries = [...d.each];
  if (d.all === 'accepted') return { tasks: entries.filter(([, x]) => x !== 'accepted').map(([t]) => t), allBut: true };
  return { tasks: entries.filter(([, x]) => x === 'accepted').map(([t]) => t), allBut: false };
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
    hours: Number(d.hours.trim().replace(',', '.')),
    due: d.due.trim() === '' ? null : d.due.trim(),
    assignee: d.assignee === '' ? null : d.assignee,
    skills_required: d.skills_required.map((s) => s.trim()).filter((s) => s !== ''),
    pinned: d.assignee !== '' && d.pinned,
  };
}

/** Hours as typed: a decimal point or, as German writes it, a comma. */
const HOURS = /^\d+([.,]\d+)?$/;

export function validateTaskDraft(d: TaskDraft): Problem[] {
  const out: Problem[] = [];
  if (d.title.trim() === '') out.push({ path: 'title', message: t('workload.check.title') });
  if (d.id.trim() === '') out.push({ path: 'id', message: t('workload.check.id') });
  if (!HOURS.test(d.hours.trim())) out.push({ path: 'hours', message: t('workload.check.hours') });
  if (d.due.trim() !== '' && !isDate(d.due.trim())) out.push({ path: 'due', message: t('workload.check.due') });
  if (d.pinned && d.assignee === '') out.push({ path: 'pinned', message: t('workload.check.pinned') });
  return out;
}

export const TASK_FIELD_KEYS = ['id', 'title', 'hours', 'due', 'assignee', 'skills_required', 'pinned'];
