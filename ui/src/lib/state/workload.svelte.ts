/**
 * The "Workload" screen's state: the window chosen, the last balance plan
 * Rust returned, the lead's accept / reject decision on each proposed change,
 * and the progress of planning and applying.
 *
 * Rules: a plan is only an answer until its accepted moves are applied; Rust
 * applies them all or none and returns the new team document (through
 * AppState). A task edited after planning marks the plan stale: its figures
 * describe the tasks as they were, so Apply is held until a re-plan.
 */
import { getContext, setContext } from 'svelte';
import { ApiError, type BalanceAnswer, type BalanceAssignment } from '../api';
import {
  acceptedMoves,
  defaultBalanceWindow,
  parseBalanceWindow,
  proposedChanges,
  sameBalanceWindow,
  type BalanceWindow,
  type Decision,
} from '../domain/workload';
import type { AppState } from './app.svelte';

export class WorkloadState {
  fromText = $state('');
  toText = $state('');
  answer = $state<BalanceAnswer | null>(null);
  /** Task id → the lead's decision on its proposed change (none yet: undecided). */
  decisions = $state<Map<string, Decision>>(new Map());
  /** The tasks changed since the plan was made. */
  stale = $state(false);
  running = $state(false);
  applying = $state(false);
  error = $state<ApiError | null>(null);

  readonly #app: AppState;
  #touched = false;
  #planned: string | null = null;

  constructor(app: AppState) {
    this.#app = app;
  }

  /** Fills the window from the stored one (or the next two working weeks) until the user edits it. */
  syncDefaults(today: string): void {
    if (this.#touched || this.answer) return;
    const w = defaultBalanceWindow(this.#app.scenario, today);
    this.fromText = w.from;
    this.toText = w.to;
  }

  touch(): void {
    this.#touched = true;
  }

  get parsed(): { window: BalanceWindow } | { error: string } {
    return parseBalanceWindow(this.fromText, this.toText);
  }

  /** The plan to show: only one made for the window in the form. */
  get shownPlan(): BalanceAnswer | null {
    const a = this.answer;
    const p = this.parsed;
    return a && 'window' in p && sameBalanceWindow({ from: a.from, to: a.to }, p.window) ? a : null;
  }

  /** The plan's proposed changes (moves and first assignments), in due-date order. */
  get changes(): BalanceAssignment[] {
    const plan = this.shownPlan;
    return plan ? proposedChanges(plan, this.#app.scenario) : [];
  }

  get acceptedCount(): number {
    return acceptedMoves(this.changes, this.decisions).length;
  }

  decide(task: string, decision: Decision | null): void {
    const next = new Map(this.decisions);
    if (decision === null) next.delete(task);
    else next.set(task, decision);
    this.decisions = next;
  }

  decideAll(decision: Decision): void {
    this.decisions = new Map(this.changes.map((c) => [c.task, decision]));
  }

  /**
   * Call after a task is added, edited or removed: the plan's figures are out
   * of date. With no decisions taken yet it is simply re-made; otherwise it is
   * marked stale so the lead's choices are not thrown away unasked.
   */
  async tasksChanged(): Promise<void> {
    if (!this.answer || this.#planned === JSON.stringify(this.#app.tasks)) return;
    if (this.decisions.size === 0) await this.plan(false);
    else this.stale = true;
  }

  /**
   * Balances the form's window. With `store` (the lead asked for this window)
   * the window is saved when Rust has another one; a plan made on opening the
   * screen stores nothing.
   */
  async plan(store = true): Promise<void> {
    const p = this.parsed;
    if ('error' in p) {
      this.error = new ApiError('invalid', p.error);
      return;
    }
    this.running = true;
    this.error = null;
    try {
      const stored = this.#app.scenario?.requests.balance ?? null;
      if (store && !sameBalanceWindow(stored, p.window)) await this.#app.setBalanceWindow(p.window.from, p.window.to);
      this.answer = await this.#app.planBalance(p.window.from, p.window.to);
      this.#planned = JSON.stringify(this.#app.tasks);
      this.decisions = new Map();
      this.stale = false;
    } catch (e) {
      this.error = ApiError.from(e);
    } finally {
      this.running = false;
    }
  }

  /** Applies the accepted moves (all or none), then re-plans so the figures show the new state. */
  async apply(): Promise<void> {
    const moves = acceptedMoves(this.changes, this.decisions);
    if (moves.length === 0 || this.stale) return;
    this.applying = true;
    this.error = null;
    try {
      await this.#app.applyBalance(moves);
    } catch (e) {
      this.error = ApiError.from(e);
      this.applying = false;
      return;
    }
    this.applying = false;
    await this.plan();
  }

  discard(): void {
    this.answer = null;
    this.decisions = new Map();
    this.stale = false;
  }
}

const KEY = Symbol('meridian.workload-state');

export function provideWorkloadState(state: WorkloadState): WorkloadState {
  return setContext(KEY, state);
}

export function useWorkloadState(): WorkloadState {
  const state = getContext<WorkloadState | undefined>(KEY);
  if (!state) throw new Error('useWorkloadState() outside of a WorkloadState provider');
  return state;
}
