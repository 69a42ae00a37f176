/**
 * The "Find a time" screen's state: the form draft, the last answer and the
 * request it answers (so results survive a visit to another screen), the
 * run's progress, and whether the answer is still current. Planning and the
 * words about it happen in Rust. An answer is read at one change counter:
 * once the team changes (a booking here, or any write) it is stale and can
 * no longer be booked until it is asked again.
 *
 * People are searched a page at a time through the gateway (`peoplePage`);
 * the web view never holds the team.
 */
import { getContext, setContext } from 'svelte';
import { ApiError, type Api, type Booking, type MeetingAnswer, type MeetingRequest, type PersonRow } from '../api';
import { newFindTimeDraft, type FindTimeDraft } from '../domain/findtime';
import type { AppState } from './app.svelte';

export class FindTimeState {
  draft = $state<FindTimeDraft>(newFindTimeDraft('UTC', new Date().toISOString().slice(0, 10)));
  answer = $state<MeetingAnswer | null>(null);
  /** The request `answer` answers (the draft may have changed since). */
  asked = $state<MeetingRequest | null>(null);
  running = $state(false);
  /** The title last booked from this answer, for the stale notice. */
  booked = $state<string | null>(null);
  /** Names of the people asked about, by id (the answer carries ids). */
  names = $state<Record<string, string>>({});
  /** The change counter the answer was read at; `null` once a booking used it. */
  #answeredAt = $state<number | null>(null);
  readonly #app: AppState;
  #zoneSet = false;

  constructor(app: AppState) {
    this.#app = app;
  }

  /** The answer no longer matches the team (something was written since): it must be asked again. */
  get stale(): boolean {
    return this.answer !== null && this.#answeredAt !== this.#app.counter;
  }

  /** Uses `zone` as the organiser zone until the user has run a search. */
  defaultZone(zone: string): void {
    if (this.#zoneSet || this.asked) return;
    this.#zoneSet = true;
    this.draft.time_zone = zone;
  }

  nameOf = (id: string): string => this.names[id] ?? this.draft.attendees.find((a) => a.id === id)?.name ?? id;

  /** Runs the request; on failure throws the ApiError and drops the old answer (it no longer matches the form). */
  async run(request: MeetingRequest): Promise<void> {
    this.running = true;
    const at = this.#app.counter;
    const names = Object.fromEntries(this.draft.attendees.map((a) => [a.id, a.name]));
    try {
      const answer = await this.#app.api.suggestMeeting(request);
      this.answer = answer;
      this.asked = request;
      this.names = names;
      this.booked = null;
      this.#answeredAt = at;
    } catch (e) {
      this.answer = null;
      this.asked = null;
      throw ApiError.from(e);
    } finally {
      this.running = false;
    }
  }

  /** Asks the same request again (after a booking made the answer stale). */
  async again(): Promise<void> {
    if (this.asked) await this.run($state.snapshot(this.asked));
  }

  /** Books from the current answer; afterwards the answer is stale (its slots may now clash). */
  async book(booking: Booking): Promise<void> {
    if (this.stale) throw new ApiError('conflict', 'the team changed since these times were found: find times again');
    const n = booking.starts.length > 1 ? `${booking.starts.length} meetings` : booking.title;
    await this.#app.commit(this.#app.api.bookMeeting(booking), `Booked ${n}`);
    this.#answeredAt = null;
    this.booked = booking.title;
  }

  clear(): void {
    this.answer = null;
    this.asked = null;
    this.booked = null;
  }
}

/**
 * A people search box's results: one page from Rust per query, the newest
 * query winning. `limit` is how many rows the box shows.
 */
export class PeopleSearch {
  query = $state('');
  rows = $state<PersonRow[]>([]);
  total = $state(0);
  loading = $state(false);
  error = $state<ApiError | null>(null);
  readonly #api: Api;
  readonly #limit: number;
  #seq = 0;

  constructor(api: Api, limit: number) {
    this.#api = api;
    this.#limit = limit;
  }

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
      const page = await this.#api.peoplePage({ search: query, team: { kind: 'all' } }, { offset: 0, limit: this.#limit });
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
}

/** Everyone in a team, read page by page (a request names every attendee). */
export async function teamMembers(api: Api, team: string, pageSize = 500): Promise<PersonRow[]> {
  const out: PersonRow[] = [];
  for (;;) {
    const page = await api.peoplePage({ search: '', team: { kind: 'team', id: team } }, { offset: out.length, limit: pageSize });
    out.push(...page.rows);
    if (page.rows.length === 0 || out.length >= page.total) return out;
  }
}

const KEY = Symbol('meridian.find-time-state');

export function provideFindTimeState(state: FindTimeState): FindTimeState {
  return setContext(KEY, state);
}

export function useFindTimeState(): FindTimeState {
  const state = getContext<FindTimeState | undefined>(KEY);
  if (!state) throw new Error('useFindTimeState() outside of a FindTimeState provider');
  return state;
}
