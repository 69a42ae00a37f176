/**
 * The "Find a time" screen's state: the form draft, the last answer and the
 * request it answers (so results survive a visit to another screen), the
 * run's progress, and whether the answer is still current. Planning and the
 * words about it happen in Rust. An answer is read at one change counter:
 * once the team changes (a booking here, or any write) it is stale and can
 * no longer be booked until it is asked again.
 *
 * People are searched with `PeopleSearch` (people-search.svelte.ts), a page
 * from Rust at a time, and a whole team is one answer from Rust
 * (`teamMembers`): the web view never holds the team.
 */
import { getContext, setContext } from 'svelte';
import { ApiError, type Api, type Booking, type ListOrder, type MeetingAnswer, type MeetingRequest, type TeamMembers } from '../api';
import { localDate } from '../domain/dates';
import { newFindTimeDraft, type FindTimeDraft } from '../domain/findtime';
import type { AppState } from './app.svelte';
import { t } from '../i18n';

export class FindTimeState {
  draft = $state<FindTimeDraft>(newFindTimeDraft('UTC'));
  answer = $state<MeetingAnswer | null>(null);
  /** The request `answer` answers (the draft may have changed since). */
  asked = $state<MeetingRequest | null>(null);
  /**
   * Which list to ask Rust for: varied (the best, spread over times of day)
   * unless the lead asked for the exact cheapest-first list.
   */
  order = $state<ListOrder>('varied');
  running = $state(false);
  /** The title last booked from this answer, for the stale notice. */
  booked = $state<string | null>(null);
  /** Names of the people asked about, by id (the answer carries ids). */
  names = $state<Record<string, string>>({});
  /** The change counter the answer was read at; `null` once a booking used it. */
  #answeredAt = $state<number | null>(null);
  /** Why the default dates could not be read (the form still takes dates typed in). */
  windowError = $state<string | null>(null);
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

  /**
   * Fills the dates, while the user has not typed any, with the window Rust
   * gives a new search from today's date on this computer. Should Rust fail
   * to answer, the dates stay empty and the form asks for them.
   */
  async defaultWindow(today = localDate(new Date())): Promise<void> {
    if (this.draft.from !== '' || this.draft.to !== '') return;
    try {
      const w = await this.#app.api.findTimeWindow(today);
      if (this.draft.from === '' && this.draft.to === '') {
        this.draft.from = w.from;
        this.draft.to = w.to;
      }
    } catch (e) {
      this.windowError = ApiError.from(e).message;
    }
  }

  nameOf = (id: string): string => this.names[id] ?? this.draft.attendees.find((a) => a.id === id)?.name ?? id;

  /** Runs the request; on failure throws the ApiError and drops the old answer (it no longer matches the form). */
  async run(request: MeetingRequest): Promise<void> {
    this.running = true;
    const at = this.#app.counter;
    const names = Object.fromEntries(this.draft.attendees.map((a) => [a.id, a.name]));
    try {
      const answer = await this.#app.api.suggestMeeting(request, this.order);
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

  /** Asks the last request again with the other list (varied or exact). */
  async reorder(order: ListOrder): Promise<void> {
    this.order = order;
    await this.again();
  }

  /** Asks the same request again (after a booking made the answer stale). */
  async again(): Promise<void> {
    if (this.asked) await this.run($state.snapshot(this.asked));
  }

  /** Books from the current answer; afterwards the answer is stale (its slots may now clash). */
  async book(booking: Booking): Promise<void> {
    if (this.stale) throw new ApiError('conflict', t('findtime.staleError'));
    const n = booking.starts.length > 1 ? t('findtime.bookedMany', { count: booking.starts.length }) : booking.title;
    await this.#app.commit(this.#app.api.bookMeeting(booking), t('findtime.booked', { what: n }));
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
 * The members of a team a request may name, from Rust in one answer (at most
 * the attendee limit; `total` says how many the team has in all).
 */
export function teamMembers(api: Api, team: string): Promise<TeamMembers> {
  return api.teamMembers(team);
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
