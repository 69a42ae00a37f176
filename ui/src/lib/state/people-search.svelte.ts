/**
 * A people search box's results: the first page of Rust's People list for
 * what was typed (sorted and filtered in Rust), the newest query winning.
 * Find a time, the meeting form and My week search people with it; the web
 * view never holds the team.
 */
import { ApiError, type Api, type PersonRow } from '../api';

export class PeopleSearch {
  query = $state('');
  rows = $state<PersonRow[]>([]);
  /** People matching the query in all (more than `rows` are reached by typing more). */
  total = $state(0);
  loading = $state(false);
  error = $state<ApiError | null>(null);
  readonly #api: Api;
  readonly #limit: number;
  #seq = 0;

  /** `limit`: how many rows the box lists. */
  constructor(api: Api, limit: number) {
    this.#api = api;
    this.#limit = limit;
  }

  #page(text: string) {
    return this.#api.peoplePage({ search: text, team: { kind: 'all' } }, { offset: 0, limit: this.#limit });
  }

  /** Lists the first people matching `query`; an empty query lists nobody, at once. */
  async search(query: string): Promise<void> {
    this.query = query;
    const seq = ++this.#seq;
    if (query.trim() === '') {
      this.rows = [];
      this.total = 0;
      this.loading = false;
      return;
    }
    this.loading = true;
    try {
      const page = await this.#page(query);
      if (seq !== this.#seq) return;
      this.rows = page.rows;
      this.total = page.total;
      this.error = null;
    } catch (e) {
      if (seq !== this.#seq) return;
      this.error = ApiError.from(e);
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  /**
   * The person whose id or name is exactly `text` (any case), if Rust's
   * search lists them; throws the ApiError when the search fails.
   */
  async exact(text: string): Promise<PersonRow | null> {
    const want = text.trim().toLowerCase();
    if (!want) return null;
    try {
      const page = await this.#page(text);
      return page.rows.find((p) => p.id.toLowerCase() === want || p.name.toLowerCase() === want) ?? null;
    } catch (e) {
      throw ApiError.from(e);
    }
  }
}
