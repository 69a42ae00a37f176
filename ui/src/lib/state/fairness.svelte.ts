/**
 * The "Fairness" screen's state: the team, the period and the sort the lead
 * chose, and the page of Rust's ledger on screen (rows already sorted by
 * Rust, with the chart's values for those rows).
 *
 * Rules: Rust computes every figure and sorts; this keeps the choices and
 * the last answer. An answer to an older query is dropped. The period is
 * sent as typed; a blank date means Rust's default (13 weeks up to today).
 */
import { getContext, setContext } from 'svelte';
import { ApiError, type FairnessPage, type FairnessQuery, type FairnessSort } from '../api';
import type { AppState } from './app.svelte';

/** Rows per page: a team's reps fit on one or two. */
export const FAIRNESS_PAGE = 50;

/** Columns whose first click sorts smallest first (the rest largest first). */
const ASCENDING_FIRST: FairnessSort[] = ['name', 'preferred_granted'];

export class FairnessState {
  team = $state<string | null>(null);
  fromText = $state('');
  toText = $state('');
  sort = $state<FairnessSort>('outside_minutes');
  descending = $state(true);
  offset = $state(0);
  page = $state.raw<FairnessPage | null>(null);
  loading = $state(false);
  error = $state<ApiError | null>(null);

  readonly #app: AppState;
  #asked = 0;

  constructor(app: AppState) {
    this.#app = app;
  }

  /** The team shown: the one chosen, else the directory's first. */
  get teamId(): string | null {
    const teams = this.#app.teams;
    if (this.team !== null && teams.some((t) => t.id === this.team)) return this.team;
    return teams[0]?.id ?? null;
  }

  get query(): FairnessQuery | null {
    const team = this.teamId;
    if (team === null) return null;
    return {
      team,
      from: this.fromText.trim() || null,
      to: this.toText.trim() || null,
      sort: this.sort,
      descending: this.descending,
    };
  }

  /** Sorts by `key`: a second click on the same column turns the order round. */
  sortBy(key: FairnessSort): void {
    if (this.sort === key) {
      this.descending = !this.descending;
    } else {
      this.sort = key;
      this.descending = !ASCENDING_FIRST.includes(key);
    }
    this.offset = 0;
  }

  chooseTeam(id: string): void {
    this.team = id;
    this.offset = 0;
  }

  /** Moves a page forward (+1) or back (-1) within Rust's total. */
  turn(step: 1 | -1): void {
    const total = this.page?.rows.total ?? 0;
    const next = this.offset + step * FAIRNESS_PAGE;
    if (next >= 0 && next < total) this.offset = next;
  }

  /** Asks Rust for the page of the current query; only the latest answer is kept. */
  async load(): Promise<void> {
    const query = this.query;
    if (query === null) {
      this.page = null;
      return;
    }
    const asked = ++this.#asked;
    this.loading = true;
    try {
      const page = await this.#app.api.fairnessPage(query, { offset: this.offset, limit: FAIRNESS_PAGE });
      if (asked !== this.#asked) return;
      this.page = page;
      this.error = null;
    } catch (e) {
      if (asked === this.#asked) this.error = ApiError.from(e);
    } finally {
      if (asked === this.#asked) this.loading = false;
    }
  }
}

const KEY = Symbol('fairness');

export function provideFairnessState(state: FairnessState): FairnessState {
  setContext(KEY, state);
  return state;
}

export function useFairnessState(): FairnessState {
  const s = getContext<FairnessState | undefined>(KEY);
  if (!s) throw new Error('FairnessState is not provided');
  return s;
}
