/**
 * The "Try a policy" panel's state: the form's draft, the what-if Rust
 * holds (its view: both plans' figures and the pages of offices and reps on
 * screen) and the progress of trying and adopting.
 *
 * Rules: Rust plans both teams, decides every figure and holds the
 * what-if; this state keeps the draft, the token and the pages shown. Adopt
 * sends the token, so what is stored is exactly what was compared; a write
 * since then makes Rust refuse it (`conflict`), and the panel says to try
 * again.
 */
import { ApiError, type Api, type PolicyChanges, type WhatIfView, type Window } from '../api';
import { t } from '../i18n';
import { changesOf, draftOf, notNumbers, problemsByRow, type Draft, type RepDraft } from '../domain/whatif';
import type { AppState } from './app.svelte';

/** Offices per page of the desk comparison. */
export const OFFICE_ROWS = 10;
/** Reps per page of the list of changes. */
export const REP_ROWS = 25;

export class WhatIfState {
  draft = $state<Draft>({ from: '', weeks: '', min: '', max: '', offices: [], teams: [], reps: [] });
  view = $state<WhatIfView | null>(null);
  trying = $state(false);
  adopting = $state(false);
  error = $state<ApiError | null>(null);
  /** Rust's problems by form row (see `domain/whatif` `rowOf`). */
  problems = $state<Map<string, string[]>>(new Map());
  /** Set after Adopt stored the changes. */
  adopted = $state(false);
  readonly #app: AppState;
  #seq = 0;

  constructor(app: AppState) {
    this.#app = app;
    this.reset();
  }

  get api(): Api {
    return this.#app.api;
  }

  /** The draft back to the stored team's values; the result is forgotten. */
  reset(): void {
    const p = this.#app.policy.office_days_per_week;
    this.draft = draftOf(p, this.#app.offices, this.#app.teams);
    this.view = null;
    this.problems = new Map();
    this.error = null;
    this.adopted = false;
  }

  /** The changes the draft asks for, against the stored team. */
  changes(): PolicyChanges {
    return changesOf(this.draft, this.#app.policy.office_days_per_week, this.#app.offices, this.#app.teams);
  }

  /** Adds a rep (from the people search) with their stored preferred days. */
  async addRep(id: string, name: string): Promise<void> {
    if (this.draft.reps.some((r) => r.id === id)) return;
    try {
      const stored = await this.api.getRep(id);
      const rep: RepDraft = { id, name, preferred_office_days: [...stored.item.preferred_office_days], office: '' };
      this.draft.reps = [...this.draft.reps, rep];
    } catch (e) {
      this.error = ApiError.from(e);
    }
  }

  removeRep(id: string): void {
    this.draft.reps = this.draft.reps.filter((r) => r.id !== id);
  }

  /** Asks Rust to plan the team as it is and with the changes. */
  async tryIt(): Promise<void> {
    const local = notNumbers(this.draft);
    if (local.size > 0) {
      this.problems = local;
      this.error = null;
      return;
    }
    const sent = this.changes();
    const seq = ++this.#seq;
    this.trying = true;
    this.error = null;
    this.problems = new Map();
    this.adopted = false;
    try {
      const view = await this.api.whatIfPolicy(sent, first(OFFICE_ROWS), first(REP_ROWS));
      if (seq !== this.#seq) return;
      this.view = view;
    } catch (e) {
      if (seq !== this.#seq) return;
      const err = ApiError.from(e);
      this.error = err;
      this.problems = problemsByRow(err.problems, sent);
      this.view = null;
    } finally {
      if (seq === this.#seq) this.trying = false;
    }
  }

  /** Another page of offices or reps of the held what-if. */
  async page(offices: number, reps: number): Promise<void> {
    const view = this.view;
    if (!view) return;
    try {
      const next = await this.api.whatIfPage(
        view.token,
        { offset: Math.max(0, offices), limit: OFFICE_ROWS },
        { offset: Math.max(0, reps), limit: REP_ROWS },
      );
      if (next && this.view?.token === view.token) this.view = next;
    } catch (e) {
      this.error = ApiError.from(e);
    }
  }

  /** Stores the compared changes (Rust backs the team up first). */
  async adopt(): Promise<void> {
    const view = this.view;
    if (!view) return;
    this.adopting = true;
    try {
      await this.#app.commit(this.api.adoptWhatIf(view.token), t('rotation.whatif.adoptedSaid'));
      this.adopted = true;
      this.view = null;
      const p = this.#app.policy.office_days_per_week;
      this.draft = { ...draftOf(p, this.#app.offices, this.#app.teams), from: this.draft.from, weeks: this.draft.weeks };
    } finally {
      this.adopting = false;
    }
  }
}

function first(limit: number): Window {
  return { offset: 0, limit };
}
