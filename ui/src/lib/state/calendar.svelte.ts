/**
 * The week screens' data from Rust. `CalendarFeed`: the calendar view My
 * week shows, as Rust last computed it. A newer
 * request wins over a slower older one, so stepping through weeks quickly
 * never leaves an old week on screen.
 */
import { ApiError, type CalendarView, type TeamWeek, type TeamWeekLine, type TeamWeekQuery } from '../api';
import { pagesFor } from '../domain/rowwindow';
import type { AppState } from './app.svelte';

export type CalendarQuery = {
  reps: string[];
  from: string;
  to: string;
  zone: string;
  hours: boolean;
  tasks: boolean;
};

export class CalendarFeed {
  view = $state<CalendarView | null>(null);
  error = $state<string | null>(null);

  readonly #app: AppState;
  #latest = 0;

  constructor(app: AppState) {
    this.#app = app;
  }

  async load(q: CalendarQuery): Promise<void> {
    const ticket = ++this.#latest;
    if (q.reps.length === 0) {
      this.view = null;
      return;
    }
    try {
      const view = await this.#app.calendarView(q.reps, q.from, q.to, q.zone, { hours: q.hours, tasks: q.tasks });
      if (ticket === this.#latest) {
        this.view = view;
        this.error = null;
      }
    } catch (e) {
      if (ticket === this.#latest) this.error = ApiError.from(e).message;
    }
  }
}

/**
 * The team week as Rust serves it: the frame (days, counts) and the lines
 * fetched so far, in chunks of {@link CHUNK} as the list scrolls. A new query
 * drops the chunks (the old frame stays until the new one comes); a change elsewhere (a new counter) refetches them in
 * place, so the rows on screen do not blink. A request slower than 150 ms
 * shows as `slow`.
 */
export const CHUNK = 40;
const SLOW_MS = 150;
/** Chunks kept on each side of those the viewport touches; farther ones are dropped, so a long scroll never holds the whole team. */
const SPARE_CHUNKS = 2;

export class TeamWeekFeed {
  frame = $state<TeamWeek | null>(null);
  /** Chunk index → its lines. */
  chunks = $state<Record<number, TeamWeekLine[]>>({});
  error = $state<string | null>(null);
  pending = $state(0);
  slow = $state(false);

  readonly #app: AppState;
  #query = '';
  #counter = -1;
  #generation = 0;
  #loading = new Set<number>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Chunk index → the generation it was fetched for. */
  #fresh = new Map<number, number>();
  /** The chunks the viewport last asked for (first, last). */
  #view: [number, number] = [0, 0];

  constructor(app: AppState) {
    this.#app = app;
  }

  /** The line at `index`, or null while it is loading. */
  line(index: number): TeamWeekLine | null {
    return this.chunks[Math.floor(index / CHUNK)]?.[index % CHUNK] ?? null;
  }

  /** Total lines (group headers and reps) of the current query. */
  get total(): number {
    return this.frame?.lines.total ?? 0;
  }

  /** Sets the query; returns true when it differs from the last one (the list starts again). */
  setQuery(q: TeamWeekQuery, counter: number): boolean {
    const key = JSON.stringify(q);
    const fresh = key !== this.#query;
    if (!fresh && counter === this.#counter) return false;
    this.#query = key;
    this.#counter = counter;
    this.#generation++;
    this.#loading.clear();
    // The frame (days, counts) stays until the new one arrives, so the grid
    // keeps its place and shows its rows as loading instead of blinking out.
    if (fresh) this.chunks = {};
    return fresh;
  }

  /** Fetches the chunks covering lines `first..=last` that are not loaded for this query. */
  ensure(first: number, last: number): void {
    if (!this.#query) return;
    const want = this.frame === null ? [0] : pagesFor({ start: first, end: last + 1 }, CHUNK).map((offset) => offset / CHUNK);
    this.#view = [want[0] ?? 0, want[want.length - 1] ?? 0];
    this.#evict();
    for (const c of want) {
      if (this.#loading.has(c)) continue;
      const stale = this.#generation;
      if (this.chunks[c] && this.#fresh.get(c) === stale) continue;
      void this.#fetch(c, stale);
    }
  }

  async #fetch(chunk: number, generation: number): Promise<void> {
    this.#loading.add(chunk);
    this.#begin();
    const q = JSON.parse(this.#query) as TeamWeekQuery;
    try {
      const week = await this.#app.api.teamWeek(q, { offset: chunk * CHUNK, limit: CHUNK });
      if (generation !== this.#generation) return;
      this.frame = week;
      this.chunks = { ...this.chunks, [chunk]: week.lines.rows };
      this.#fresh.set(chunk, generation);
      this.#evict();
      this.error = null;
    } catch (e) {
      if (generation === this.#generation) this.error = ApiError.from(e).message;
    } finally {
      if (generation === this.#generation) this.#loading.delete(chunk);
      this.#end();
    }
  }

  /** Drops the chunks farther than {@link SPARE_CHUNKS} from the viewport. */
  #evict(): void {
    const [first, last] = this.#view;
    const near = (c: number) => c >= first - SPARE_CHUNKS && c <= last + SPARE_CHUNKS;
    const far = Object.keys(this.chunks)
      .map(Number)
      .filter((c) => !near(c));
    if (far.length === 0) return;
    const kept: Record<number, TeamWeekLine[]> = {};
    for (const [c, lines] of Object.entries(this.chunks)) if (near(Number(c))) kept[Number(c)] = lines;
    for (const c of far) this.#fresh.delete(c);
    this.chunks = kept;
  }

  /** Chunk indices held now (the viewport's and their neighbours). */
  get held(): number[] {
    return Object.keys(this.chunks)
      .map(Number)
      .sort((a, b) => a - b);
  }

  #begin(): void {
    if (this.pending++ === 0) {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => (this.slow = this.pending > 0), SLOW_MS);
    }
  }

  #end(): void {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending === 0) {
      clearTimeout(this.#timer);
      this.slow = false;
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#generation++;
  }
}
