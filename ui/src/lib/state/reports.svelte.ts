/**
 * The "Reports" screen's state: the window asked for, the three row lists
 * (desk use per office, teams, the lead's own team's people), each fetched
 * from Rust a page at a time, the choice of "my team", and exports.
 *
 * Rules: every figure, colour band and privacy decision is Rust's. Per-person
 * rows come only from `people_report`, which lists the lead's team alone;
 * this class never asks for anyone else's. Exports are written by Rust
 * through a native Save dialog: the page gets the file's name only.
 */
import { getContext, setContext } from 'svelte';
import { t } from '../i18n';
import {
  ApiError,
  type DeskReport,
  type DeskUse,
  type Page,
  type PeopleReport,
  type RepCompliance,
  type ReportFormat,
  type ReportKind,
  type ReportQuery,
  type TeamReport,
  type TeamReportRow,
} from '../api';
import type { AppState } from './app.svelte';
import { PagedRows } from './paged.svelte';

export type ReportTab = 'desks' | 'teams' | 'people';

/** A page of rows with the whole answer it came in (window, weeks, lead team). */
type WithReport<T, R> = Page<T> & { report: R };

export class ReportsState {
  tab = $state<ReportTab>('desks');
  /** Any date of the first week (`YYYY-MM-DD`); `null`: Rust's default. */
  from = $state<string | null>(null);
  weeks = $state<number | null>(null);
  exportKind = $state<ReportKind>('desks');
  exportFormat = $state<ReportFormat>('csv');
  /** "Leave names out": rep ids and names become Rep 1, Rep 2, … */
  anonymous = $state(false);
  busy = $state(false);
  error = $state<ApiError | null>(null);

  readonly desks: PagedRows<ReportQuery, DeskUse, WithReport<DeskUse, DeskReport>>;
  readonly teams: PagedRows<ReportQuery, TeamReportRow, WithReport<TeamReportRow, TeamReport>>;
  readonly people: PagedRows<ReportQuery, RepCompliance, WithReport<RepCompliance, PeopleReport>>;
  readonly #app: AppState;

  constructor(app: AppState) {
    this.#app = app;
    this.desks = new PagedRows(async (q, w) => {
      const report = await app.api.deskReport(q, w);
      return { ...report.rows, report };
    }, 50);
    this.teams = new PagedRows(async (q, w) => {
      const report = await app.api.teamReport(q, w);
      return { ...report.rows, report };
    }, 100);
    this.people = new PagedRows(async (q, w) => {
      const report = await app.api.peopleReport(q, w);
      return { ...report.rows, report };
    }, 100);
  }

  get query(): ReportQuery {
    return { from: this.from, weeks: this.weeks };
  }

  /** Chooses (or with `null` forgets) the lead's own team. */
  async chooseTeam(team: string | null): Promise<void> {
    await this.#run(async () => {
      const name = team === null ? null : this.#app.teamName(team);
      await this.#app.commit(this.#app.api.setLeadTeam(team), name === null ? t('reports.team.forgotten') : t('reports.team.chosen', { name }));
    });
  }

  /** Saves the chosen report through Rust's Save dialog. */
  async exportReport(): Promise<void> {
    await this.#run(async () => {
      const file = await this.#app.api.exportReport({
        kind: this.exportKind,
        format: this.exportFormat,
        query: this.query,
        anonymous: this.anonymous,
        team: null,
      });
      if (file !== null) this.#app.say(t('reports.saved', { file }));
    });
  }

  async #run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await work();
    } catch (e) {
      this.error = ApiError.from(e);
    } finally {
      this.busy = false;
    }
  }
}

const KEY = Symbol('meridian.reports-state');

export function provideReportsState(state: ReportsState): ReportsState {
  return setContext(KEY, state);
}

export function useReportsState(): ReportsState {
  const state = getContext<ReportsState | undefined>(KEY);
  if (!state) throw new Error('useReportsState() outside of a ReportsState provider');
  return state;
}
