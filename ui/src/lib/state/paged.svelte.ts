/**
 * Rows of a long list fetched from Rust a page at a time, for the rows a
 * screen draws: the list asks for the pages its visible range touches, keeps
 * only those (and their neighbours), and drops them all when the query or the
 * database's change counter moves. Rust sorts and filters; this only caches.
 *
 * The rows shown stay on screen while a changed query is being answered
 * (no flash of an empty list), and an answer to an older query is ignored.
 */
import { ApiError, type Page, type Window } from '../api';
import { pagesFor, type RowRange } from '../domain/rowwindow';

export type FetchPage<Q, T, P extends Page<T> = Page<T>> = (query: Q, window: Window) => Promise<P>;

/** Pages kept beyond those the visible range touches. */
const SPARE_PAGES = 2;

export class PagedRows<Q, T, P extends Page<T> = Page<T>> {
  /** Rows matching the query, as of the last answer. */
  total = $state(0);
  /** A page is being fetched. */
  loading = $state(false);
  /** At least one answer for the current query arrived. */
  ready = $state(false);
  error = $state<ApiError | null>(null);
  /**
   * The last page whose rows were kept, with whatever else its answer
   * carries (totals beside the rows): read the extra fields here, never in
   * the fetch, so they always belong to the rows on screen.
   */
  kept = $state.raw<P | null>(null);
  #pages = $state.raw<ReadonlyMap<number, T[]>>(new Map());
  #key: string | null = null;
  #generation = 0;
  #inflight = new Set<string>();
  readonly #fetch: FetchPage<Q, T, P>;
  readonly pageSize: number;

  constructor(fetch: FetchPage<Q, T, P>, pageSize = 100) {
    this.#fetch = fetch;
    this.pageSize = pageSize;
  }

  /** Row `i` of the list, if its page is here. */
  row(i: number): T | undefined {
    const size = this.pageSize;
    const offset = Math.floor(i / size) * size;
    return this.#pages.get(offset)?.[i - offset];
  }

  /** Rows `range` that are here, with their index. */
  rows(range: RowRange): { index: number; row: T }[] {
    const out: { index: number; row: T }[] = [];
    for (let i = range.start; i < Math.min(range.end, this.total); i++) {
      const row = this.row(i);
      if (row !== undefined) out.push({ index: i, row });
    }
    return out;
  }

  /**
   * Makes sure the pages under `range` are here for `query` as of `counter`;
   * a new query or counter fetches afresh.
   */
  async show(query: Q, counter: number, range: RowRange): Promise<void> {
    const key = `${counter}|${JSON.stringify(query)}`;
    if (key !== this.#key) {
      this.#key = key;
      this.#generation += 1;
      this.#inflight.clear();
      this.ready = false;
    }
    const generation = this.#generation;
    const wanted = pagesFor({ start: range.start, end: Math.max(range.end, range.start + 1) }, this.pageSize);
    const fresh = this.ready;
    const missing = wanted.filter((p) => !(fresh && this.#pages.has(p)) && !this.#inflight.has(`${generation}|${p}`));
    if (missing.length === 0) return;
    this.loading = true;
    try {
      const pages = await Promise.all(
        missing.map(async (offset) => {
          const id = `${generation}|${offset}`;
          this.#inflight.add(id);
          try {
            return await this.#fetch(query, { offset, limit: this.pageSize });
          } finally {
            this.#inflight.delete(id);
          }
        }),
      );
      if (generation !== this.#generation) return;
      const first = wanted[0] ?? 0;
      const last = wanted[wanted.length - 1] ?? 0;
      const keep = new Map<number, T[]>();
      if (this.ready) {
        for (const [offset, rows] of this.#pages) {
          if (offset >= first - SPARE_PAGES * this.pageSize && offset <= last + SPARE_PAGES * this.pageSize) keep.set(offset, rows);
        }
      }
      for (const page of pages) {
        keep.set(page.offset, page.rows);
        this.total = page.total;
        this.kept = page;
      }
      this.#pages = keep;
      this.ready = true;
      this.error = null;
    } catch (e) {
      if (generation === this.#generation) this.error = ApiError.from(e);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }
}
