/**
 * The "Workload" screen's state: the window chosen (opened on the one Rust
 * says: the stored window, else its default), the plan Rust holds (its
 * summary and token; the changes are fetched a page at a time), the lead's
 * accept / reject decisions, and the progress of planning and applying.
 *
 * Rules: Rust plans, holds the plan and applies the accepted changes all or
 * none; this keeps the token and what is on screen. A plan made before the
 * database changed is stale: Apply is held until a re-plan. Planning can be
 * cancelled; a cancelled run keeps the previous plan.
 */
import { getContext, setContext } from 'svelte';
import { ApiError, type BalanceChange, type PlannedBalance, type WorkloadSettings } from '../api';
import {
  NO_DECISIONS,
  acceptedCount,
  decide,
  decideAll,
  decisionOf,
  parseBalanceWindow,
  sameBalanceWindow,
  selection,
  type BalanceWindow,
  type Decision,
  type Decisions,
} from '../domain/workload';
import { t } from '../i18n';
import type { AppState } from './app.svelte';

/** Changes fetched per "Show more". */
const CHANGES_PAGE = 100;

export class WorkloadState {
  settings = $state<WorkloadSettings | null>(null);
  fromText = $state('');
  toText = $state('');
  planned = $state<PlannedBalance | null>(null);
  /** Proposed changes fetched beyond the summary's first page. */
  more = $state<BalanceChange[]>([]);
  /** Changes not proposed (tasks already past due), once asked for. */
  heldBack = $state<BalanceChange[] | null>(null);
  decisions = $state<Decisions>(NO_DECISIONS);
  running = $state(false);
  cancelling = $state(false);
  applying = $state(false);
  loadingMore = $state(false);
  error = $state<ApiError | null>(null);
  /** How the proposals changed after the last Apply, in Rust's words. */
  notice = $state<string | null>(null);

  readonly #app: AppState;
  #touched = false;

  constructor(app: AppState) {
    this.#app = app;
  }

  /** Reads the window to open on and the limits the screen shows; keeps what the user typed. */
  async loadSettings(): Promise<void> {
    try {
      const s = await this.#app.api.workloadSettings();
      this.settings = s;
      if (!this.#touched && !this.planned) {
        this.fromText = s.from;
        this.toText = s.to;
      }
    } catch (e) {
      this.error = ApiError.from(e);
    }
  }

  touch(): void {
    this.#touched = true;
  }

  get parsed(): { window: BalanceWindow } | { error: string } {
    return parseBalanceWindow(this.fromText, this.toText);
  }

  get window(): BalanceWindow | null {
    const p = this.parsed;
    return 'window' in p ? p.window : null;
  }

  /** The held plan, when it was made for the window in the form. */
  get shownPlan(): PlannedBalance | null {
    const p = this.planned;
    return p && sameBalanceWindow({ from: p.summary.from, to: p.summary.to }, this.window) ? p : null;
  }

  /** The database changed since the plan was made: its figures are out of date. */
  get stale(): boolean {
    const p = this.shownPlan;
    return !!p && p.summary.counter !== this.#app.counter;
  }

  /** The proposed changes fetched so far, in due-date order. */
  get changes(): BalanceChange[] {
    const p = this.shownPlan;
    return p ? [...p.summary.changes.rows, ...this.more] : [];
  }

  get acceptedCount(): number {
    return acceptedCount(this.decisions, this.shownPlan?.summary.proposed ?? 0);
  }

  decisionOf(task: string): Decision | null {
    return decisionOf(this.decisions, task);
  }

  decide(task: string, decision: Decision | null): void {
    this.decisions = decide(this.decisions, task, decision);
  }

  decideAll(decision: Decision): void {
    this.decisions = decideAll(decision);
  }

  /**
   * Balances the form's window off the UI thread. With `store` (the lead
   * asked for this window) the window is saved when Rust has another one; a
   * plan made on opening the screen stores nothing.
   */
  async plan(store = true): Promise<void> {
    const w = this.window;
    if (!w) {
      const p = this.parsed;
      this.error = new ApiError('invalid', 'error' in p ? p.error : t('workload.window.missing'));
      return;
    }
    this.running = true;
    this.cancelling = false;
    this.error = null;
    try {
      const s = this.settings;
      const stored = s?.stored ? { from: s.from, to: s.to } : null;
      if (store && !sameBalanceWindow(stored, w)) {
        await this.#app.setBalanceWindow(w.from, w.to);
        this.settings = s ? { ...s, from: w.from, to: w.to, stored: true } : s;
      }
      const planned = await this.#app.api.planBalance(w.from, w.to);
      this.planned = planned;
      this.more = [];
      this.heldBack = null;
      this.decisions = NO_DECISIONS;
      this.notice = planned.summary.notice;
    } catch (e) {
      const err = ApiError.from(e);
      // A cancelled run keeps the plan there was; saying so is enough.
      this.error = err.code === 'cancelled' ? new ApiError('cancelled', t('workload.cancelled')) : err;
    } finally {
      this.running = false;
      this.cancelling = false;
    }
  }

  /** Asks Rust to stop the running plan; it answers `cancelled`. */
  async cancel(): Promise<void> {
    if (!this.running) return;
    this.cancelling = true;
    try {
      await this.#app.api.cancelBalance();
    } catch (e) {
      this.error = ApiError.from(e);
    }
  }

  /** Fetches the next page of proposed changes. */
  async loadMore(): Promise<void> {
    const p = this.shownPlan;
    if (!p || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const page = await this.#app.api.balanceChanges(p.token, 'proposed', { offset: this.changes.length, limit: CHANGES_PAGE });
      if (this.shownPlan?.token === p.token) this.more = [...this.more, ...page.rows];
    } catch (e) {
      this.error = ApiError.from(e);
    } finally {
      this.loadingMore = false;
    }
  }

  /** Fetches the first page of changes held back (tasks already past due). */
  async loadHeldBack(): Promise<void> {
    const p = this.shownPlan;
    if (!p) return;
    try {
      const page = await this.#app.api.balanceChanges(p.token, 'held_back', { offset: 0, limit: CHANGES_PAGE });
      if (this.shownPlan?.token === p.token) this.heldBack = page.rows;
    } catch (e) {
      this.error = ApiError.from(e);
    }
  }

  /** Applies the accepted changes (all or none), then re-plans so the figures show the new state. */
  async apply(): Promise<void> {
    const p = this.shownPlan;
    const count = this.acceptedCount;
    if (!p || count === 0 || this.stale) return;
    const { tasks, allBut } = selection(this.decisions);
    this.applying = true;
    this.error = null;
    try {
      await this.#app.applyBalance(p.token, tasks, allBut, count);
    } catch (e) {
      this.error = ApiError.from(e);
      this.applying = false;
      return;
    }
    this.applying = false;
    await this.plan(false);
  }

  async discard(): Promise<void> {
    const token = this.planned?.token;
    this.planned = null;
    this.more = [];
    this.heldBack = null;
    this.decisions = NO_DECISIONS;
    this.notice = null;
    try {
      if (token !== undefined) await this.#app.api.discardBalance(token);
    } catch {
      // Rust replaces the held plan with the next one anyway.
    }
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
