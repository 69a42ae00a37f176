/**
 * The "Office days" screen's state: the weeks, office and search asked for,
 * the pages of board rows Rust sent for what is on screen, the selected cell,
 * the summary of the plan Rust holds (kept across screens until accepted or
 * replaced), the plan's reasons for the selected rep-week (asked of Rust when
 * the panel shows them), and the progress of planning, locking and accepting.
 *
 * Rules: Rust decides the board (window, cells, reasons, desk use, objective,
 * limits) and holds the whole plan; this state keeps only the rows on screen
 * (pages of {@link PAGE_ROWS}, dropped when the query or the change counter
 * moves) and the plan's token. Selecting a cell never changes its lock; the
 * lock changes only through {@link RotationState.setLock}. A lock changed
 * after a run started (while it runs or after it answered) marks its plan
 * stale until Re-plan; a stale plan cannot be accepted.
 */
import { getContext, setContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import { ApiError, type Board, type BoardCell, type BoardQuery, type BoardRow, type PlanSummary, type RepWeek } from '../api';
import { mondayOf } from '../domain/dates';
import {
  canChangeLock,
  nextLock,
  parseWindow,
  type LockState,
  type ParsedWindow,
  type RepRow,
  type RotationWindow,
  type Selection,
} from '../domain/rotation';
import { pagesFor } from '../domain/rowwindow';
import type { AppState } from './app.svelte';

/** Rows per request; the board asks for the pages its visible rows fall in. */
export const PAGE_ROWS = 50;
/** How long the search box waits for more typing before asking Rust. */
export const SEARCH_DELAY_MS = 150;
/** Pages kept either side of the rows in view. */
export const KEEP_PAGES = 2;

export type LockFailure = { rep: string; date: string; message: string };
export type { Selection } from '../domain/rotation';

export class RotationState {
  fromText = $state('');
  weeksText = $state('');
  /** Office id, or '' for all offices. */
  office = $state('');
  /** What the search box shows; {@link search} follows it after a pause. */
  searchText = $state('');
  search = $state('');

  /** The board's header as Rust last sent it (window, columns, counts). */
  board = $state<Board | null>(null);
  /** Loaded rows by their index in the whole board. */
  readonly rows = new SvelteMap<number, BoardRow>();
  loading = $state(false);
  loadError = $state<ApiError | null>(null);

  summary = $state<PlanSummary | null>(null);
  /** The plan's locks have changed since it was made. */
  stale = $state(false);
  planning = $state(false);
  /** The last run was cancelled (said once, until the next run). */
  cancelled = $state(false);
  accepting = $state(false);
  /** `rep|date` of the lock being saved. */
  locking = $state<string | null>(null);
  error = $state<ApiError | null>(null);
  lockError = $state<LockFailure | null>(null);

  selected = $state<Selection | null>(null);
  /** The selected row (that rep at that office) as last loaded (the panel draws from it at once). */
  selectedRow = $state<RepRow | null>(null);
  /** Rust's explanation of a rep-week of the held plan, under the {@link whyKey} it answers. */
  #why = $state<{ key: string; week: RepWeek | null } | null>(null);

  readonly #app: AppState;
  #touched = $state(false);
  #generation = 0;
  #inFlight = new Set<number>();
  /** Page offsets loaded for the current generation (a page may be empty). */
  #loaded = new Set<number>();
  /** A page of the current generation has arrived (older rows are gone). */
  #fresh = true;
  /** The rows last asked for (the board's visible rows). */
  #range = { first: 0, last: PAGE_ROWS - 1 };
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(app: AppState) {
    this.#app = app;
  }

  /**
   * The week limit Rust sent with the board; the form checks against it
   * before asking (`null` until the first board arrives). A plain number,
   * so the query does not depend on the board.
   */
  maxWeeks = $state<number | null>(null);
  /** Locks set so far; a run compares it to the count it started at. */
  #locksSet = 0;

  /** The weeks the form asks for, or the error that makes them unusable. */
  get parsed(): ParsedWindow {
    return parseWindow(this.fromText, this.weeksText, this.maxWeeks);
  }

  /** What the board asks Rust: the form's weeks once the user edits them, else Rust's default. */
  get query(): BoardQuery {
    const p = this.#touched ? this.parsed : null;
    const w = p && 'window' in p ? p.window : null;
    return { from: w?.from ?? null, weeks: w?.weeks ?? null, office: this.office || null, search: this.search };
  }

  /** The held plan, when it plans the weeks on the board. */
  get shownPlan(): PlanSummary | null {
    const s = this.summary;
    const b = this.board;
    return s && b && mondayOf(s.from) === b.from && s.weeks === b.weeks ? s : null;
  }

  /**
   * Which explanation the panel needs: the shown plan's token, the selected
   * rep and the board's week label of the selected day (`null` without a
   * feasible shown plan or a selection).
   */
  get whyKey(): string | null {
    const plan = this.shownPlan;
    const sel = this.selected;
    if (!plan || plan.infeasible_reason !== null || !sel) return null;
    const week = this.board?.columns.find((w) => w.days.some((d) => d.date === sel.date))?.week;
    return week ? `${plan.token}|${sel.rep}|${week}` : null;
  }

  /** The held plan's reasons for the selected rep-week, once Rust has answered for it. */
  get why(): RepWeek | null {
    const key = this.whyKey;
    return key !== null && this.#why?.key === key ? this.#why.week : null;
  }

  /**
   * Asks Rust for the selected rep-week's explanation (computed from the held
   * plan when asked); an answer that comes after the selection moved on is
   * dropped. A failure leaves the panel without reasons.
   */
  async explainSelected(): Promise<void> {
    const key = this.whyKey;
    const plan = this.shownPlan;
    const sel = this.selected;
    if (key === null || !plan || !sel || this.#why?.key === key) return;
    try {
      const week = await this.#app.api.rotationExplanation(plan.token, sel.rep, sel.date);
      if (this.whyKey === key) this.#why = { key, week };
    } catch {
      if (this.whyKey === key) this.#why = { key, week: null };
    }
  }

  get selectedCell(): BoardCell | null {
    const sel = this.selected;
    return sel ? (this.selectedRow?.cells.find((c) => c.date === sel.date) ?? null) : null;
  }

  /** The user changed the weeks: the board follows the form from now on. */
  touch(): void {
    this.#touched = true;
  }

  /** The search box changed: ask Rust after a short pause, so typing never waits on it. */
  typeSearch(text: string): void {
    this.searchText = text;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this.search = this.searchText;
    }, SEARCH_DELAY_MS);
  }

  /**
   * Reads the rows in view again (the query, the plan or the data changed).
   * The shown rows stay until their new page arrives, so the DOM (and the
   * keyboard focus) is kept across a refetch.
   */
  async reload(): Promise<void> {
    this.#generation += 1;
    this.#inFlight.clear();
    this.#loaded.clear();
    this.#fresh = false;
    await this.ensure(this.#range.first, this.#range.last);
  }

  /** Loads the pages rows `first..last` fall in that are not loaded yet. */
  async ensure(first: number, last: number): Promise<void> {
    this.#range = { first, last };
    this.#evict(first, last);
    const gen = this.#generation;
    const total = this.board ? this.board.rows.total : PAGE_ROWS;
    const end = Math.max(first, Math.min(last, total - 1));
    const wanted = pagesFor({ start: first, end: end + 1 }, PAGE_ROWS).filter((p) => !this.#loaded.has(p) && !this.#inFlight.has(p));
    await Promise.all(wanted.map((offset) => this.#fetch(gen, offset)));
  }

  async #fetch(gen: number, offset: number): Promise<void> {
    this.#inFlight.add(offset);
    this.loading = true;
    try {
      const board = await this.#app.api.rotationBoard(
        $state.snapshot(this.query),
        { offset, limit: PAGE_ROWS },
        this.summary?.token ?? null,
      );
      if (gen !== this.#generation) return;
      this.board = board;
      this.maxWeeks = board.max_weeks;
      this.loadError = null;
      this.#loaded.add(offset);
      if (!this.#fresh) {
        // Rows of the old answer outside this page may no longer exist.
        for (const i of [...this.rows.keys()]) {
          if (i >= board.rows.total || Math.floor(i / PAGE_ROWS) * PAGE_ROWS !== offset) this.rows.delete(i);
        }
        this.#fresh = true;
      }
      board.rows.rows.forEach((row, i) => {
        this.rows.set(board.rows.offset + i, row);
        const sel = this.selected;
        if (row.kind === 'rep' && sel && row.id === sel.rep && row.office === sel.office) this.selectedRow = row;
      });
      if (this.#fromRust()) {
        this.fromText = board.from;
        this.weeksText = String(board.weeks);
      }
    } catch (e) {
      if (gen === this.#generation) this.loadError = ApiError.from(e);
    } finally {
      if (gen === this.#generation) {
        this.#inFlight.delete(offset);
        this.loading = this.#inFlight.size > 0;
      }
    }
  }

  /**
   * Forgets pages more than {@link KEEP_PAGES} pages from the rows in view,
   * so scrolling a 5,000-rep board end to end holds a few pages, not the team.
   */
  #evict(first: number, last: number): void {
    const lo = first - KEEP_PAGES * PAGE_ROWS;
    const hi = last + KEEP_PAGES * PAGE_ROWS;
    for (const p of [...this.#loaded]) {
      if (p + PAGE_ROWS > lo && p <= hi) continue;
      this.#loaded.delete(p);
      for (let i = p; i < p + PAGE_ROWS; i++) this.rows.delete(i);
    }
  }

  /** Until the user edits the weeks, the form shows the window Rust chose. */
  #fromRust(): boolean {
    return !this.#touched;
  }

  /** Selects a cell: the panel shows it at once from the loaded row; the lock does not change. */
  select(row: RepRow, date: string): void {
    this.selected = { rep: row.id, office: row.office, date };
    this.selectedRow = row;
  }

  /** The weeks to store before a lock or a plan: the form's (when edited and usable), else the board's. */
  #target(): RotationWindow | null {
    const p = this.parsed;
    if (this.#touched && 'window' in p) return p.window;
    return this.board ? { from: this.board.from, weeks: this.board.weeks } : null;
  }

  /** Stores the weeks when Rust has other ones, so locks and plans use them. */
  async #ensureWindow(w: RotationWindow): Promise<void> {
    const b = this.board;
    if (b && b.stored && b.from === w.from && b.weeks === w.weeks) return;
    await this.#app.setRotationWindow(w.from, w.weeks);
  }

  /** Plans (or re-plans around the locks) the board's weeks for the chosen office; Rust keeps the plan. */
  async plan(): Promise<void> {
    const p = this.parsed;
    if (this.#touched && 'error' in p) {
      this.error = new ApiError('invalid', p.error);
      return;
    }
    const w = this.#target();
    if (!w) return;
    this.planning = true;
    this.cancelled = false;
    this.error = null;
    this.lockError = null;
    const locksAt = this.#locksSet;
    try {
      await this.#ensureWindow(w);
      this.summary = await this.#app.planRotation(this.office || null);
      // A lock set while the run was in flight is not in its plan.
      this.stale = this.#locksSet !== locksAt;
    } catch (e) {
      const err = ApiError.from(e);
      if (err.code === 'cancelled') this.cancelled = true;
      else this.error = err;
    } finally {
      this.planning = false;
    }
  }

  /** Asks Rust to stop the running plan; it answers `cancelled` and the previous plan stays. */
  async cancel(): Promise<void> {
    if (!this.planning) return;
    try {
      await this.#app.api.cancelPlanning();
    } catch (e) {
      this.error = ApiError.from(e);
    }
  }

  /**
   * Sets the selected cell's lock: in (`true`), out (`false`) or none
   * (`null`). A refusal is kept for the panel. A cell whose lock may not
   * change ({@link canChangeLock}: past, or unavailable such as a home row's
   * day away on a trip) is left alone, as the panel offers no control there.
   */
  async setLock(lock: LockState): Promise<void> {
    const row = this.selectedRow;
    const cell = this.selectedCell;
    const w = this.#target();
    if (!row || !cell || !w || this.locking || cell.lock === lock || !canChangeLock(cell)) return;
    const key = `${row.id}|${cell.date}`;
    this.locking = key;
    this.lockError = null;
    try {
      await this.#ensureWindow(w);
      await this.#app.setRotationLock({ id: row.id, name: row.name }, cell.date, lock);
      this.#locksSet += 1;
      if (this.summary) this.stale = true;
    } catch (e) {
      // The problems say what is wrong with this lock; the message adds the document's path.
      const err = ApiError.from(e);
      const message = err.problems.length > 0 ? err.problems.map((p) => p.message).join('; ') : err.message;
      this.lockError = { rep: row.id, date: cell.date, message };
    } finally {
      this.locking = null;
    }
  }

  /** The lock key: moves the selected cell's lock one step (none → in → out → none). */
  async cycleLock(): Promise<void> {
    const cell = this.selectedCell;
    if (cell) await this.setLock(nextLock(cell.lock));
  }

  /** Saves the held plan as the accepted office days (from today on); the board then shows them. */
  async accept(): Promise<void> {
    const plan = this.shownPlan;
    if (!plan || plan.infeasible_reason !== null || this.stale || this.planning) return;
    this.accepting = true;
    this.error = null;
    try {
      await this.#app.acceptRotation(plan);
      this.summary = null;
      this.stale = false;
    } catch (e) {
      this.error = ApiError.from(e);
    } finally {
      this.accepting = false;
    }
  }

  /** Drops the plan without saving it; Rust forgets it too. */
  async discard(): Promise<void> {
    const token = this.summary?.token;
    this.summary = null;
    this.stale = false;
    if (token === undefined) return;
    try {
      await this.#app.api.discardRotation(token);
    } catch (e) {
      this.error = ApiError.from(e);
    }
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
