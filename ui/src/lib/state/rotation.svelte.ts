/**
 * The "Office days" screen's state: the weeks and office chosen, the last
 * plan Rust returned (kept across screens until accepted or replaced), and
 * the progress of planning, locking and accepting.
 *
 * Rules: locks and the planned weeks are stored by Rust (through AppState, so
 * the returned Scenario replaces the team document); a plan is only an answer
 * until accepted. A lock changed after planning marks the plan stale: the
 * board shows the lock at once and Re-plan applies it.
 */
import { getContext, setContext } from 'svelte';
import { ApiError, type Rep, type RotationAnswer } from '../api';
import {
  defaultWindow,
  nextLock,
  parseWindow,
  sameWindow,
  storedWindow,
  type LockState,
  type RotationWindow,
} from '../domain/rotation';
import type { AppState } from './app.svelte';

export type LockFailure = { rep: string; date: string; message: string };

export class RotationState {
  fromText = $state('');
  weeksText = $state('');
  /** Office id, or '' for all offices. */
  office = $state('');
  answer = $state<RotationAnswer | null>(null);
  /** The plan's locks have changed since it was made. */
  stale = $state(false);
  running = $state(false);
  accepting = $state(false);
  /** `rep|date` of the lock being saved. */
  locking = $state<string | null>(null);
  error = $state<ApiError | null>(null);
  lockError = $state<LockFailure | null>(null);

  readonly #app: AppState;
  #touched = false;

  constructor(app: AppState) {
    this.#app = app;
  }

  /** Fills the week fields from the stored window (or next Monday, 4 weeks) until the user edits them. */
  syncDefaults(today: string): void {
    if (this.#touched || this.answer) return;
    const w = defaultWindow(this.#app.scenario, today);
    this.fromText = w.from;
    this.weeksText = String(w.weeks);
  }

  /** The user changed the weeks: keep their choice. */
  touch(): void {
    this.#touched = true;
  }

  /** The weeks the form asks for, or the error that makes them unusable. */
  get parsed(): { window: RotationWindow } | { error: string } {
    return parseWindow(this.fromText, this.weeksText);
  }

  /** The weeks the board shows: the form's when usable, else the stored ones. */
  get window(): RotationWindow | null {
    const p = this.parsed;
    return 'window' in p ? p.window : storedWindow(this.#app.scenario);
  }

  /** The plan to draw: only one made for the weeks on the board. */
  get shownPlan(): RotationAnswer | null {
    const a = this.answer;
    return a && sameWindow({ from: a.from, weeks: a.weeks }, this.window) ? a : null;
  }

  /** Stores the board's weeks when Rust has other ones, so locks and plans use them. */
  async #ensureWindow(w: RotationWindow): Promise<void> {
    if (!sameWindow(storedWindow(this.#app.scenario), w)) {
      await this.#app.setRotationWindow(w.from, w.weeks);
    }
  }

  /** Plans (or re-plans around the locks) the form's weeks for the chosen office. */
  async plan(): Promise<void> {
    const p = this.parsed;
    if ('error' in p) {
      this.error = new ApiError('invalid', p.error);
      return;
    }
    this.running = true;
    this.error = null;
    this.lockError = null;
    try {
      await this.#ensureWindow(p.window);
      this.answer = await this.#app.planRotation(this.office || null);
      this.stale = false;
    } catch (e) {
      this.error = ApiError.from(e);
    } finally {
      this.running = false;
    }
  }

  /** Moves a cell's lock one step (none → in → out → none); a refusal is kept for the cell to show. */
  async cycleLock(rep: Rep, date: string, current: LockState): Promise<void> {
    const w = this.window;
    if (!w || this.locking) return;
    const key = `${rep.id}|${date}`;
    this.locking = key;
    this.lockError = null;
    try {
      await this.#ensureWindow(w);
      await this.#app.setRotationLock(rep, date, nextLock(current));
      if (this.answer) this.stale = true;
    } catch (e) {
      // The problems say what is wrong with this lock; the message adds the document's path.
      const err = ApiError.from(e);
      const message = err.problems.length > 0 ? err.problems.map((p) => p.message).join('; ') : err.message;
      this.lockError = { rep: rep.id, date, message };
    } finally {
      this.locking = null;
    }
  }

  /** Saves the shown plan as the accepted office days; the board then shows them. */
  async accept(): Promise<void> {
    const plan = this.shownPlan;
    if (!plan || plan.infeasible_reason !== null) return;
    this.accepting = true;
    this.error = null;
    try {
      // A plain copy: the answer is reactive state, and IPC wants plain data.
      await this.#app.acceptRotation($state.snapshot(plan));
      this.answer = null;
      this.stale = false;
    } catch (e) {
      this.error = ApiError.from(e);
    } finally {
      this.accepting = false;
    }
  }

  /** Drops the plan without saving it. */
  discard(): void {
    this.answer = null;
    this.stale = false;
  }
}

const KEY = Symbol('meridian.rotation-state');

export function provideRotationState(state: RotationState): RotationState {
  return setContext(KEY, state);
}

export function useRotationState(): RotationState {
  const state = getContext<RotationState | undefined>(KEY);
  if (!state) throw new Error('useRotationState() outside of a RotationState provider');
  return state;
}
