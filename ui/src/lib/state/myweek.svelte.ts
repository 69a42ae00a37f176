/**
 * The "My week" screen's state: who I am (remembered on this computer, since
 * the app has no accounts), which week I am looking at, that week as Rust
 * computed it, and the people search that finds me (a page from Rust, never
 * the whole team).
 *
 * Also the team calendars this computer follows (issue 13): the list with
 * each one's state, Follow / Refresh / Stop following, and — on a rep's own
 * computer whose database holds no team — the week read from the followed
 * calendars' local copy (`followed_week`), with the picker searching the
 * followed reps (`followed_reps`). Those writes are not team data, so they
 * move {@link MyWeekState.followedRevision}, not the app's change counter.
 */
import { getContext, setContext } from 'svelte';
import {
  ApiError,
  type Api,
  type FollowAnswer,
  type FollowReport,
  type FollowedPage,
  type FollowedRep,
  type FollowedWeek,
  type MyWeek,
  type PersonRow,
} from '../api';
import { addDays, FIRST_WEEKDAY, localDate, weekStartOf } from '../domain/dates';
import { PeopleSearch } from './people-search.svelte';

const STORAGE_KEY = 'meridian.my-week.rep';
/** How many people the "I am" search lists. */
const MATCHES = 8;

/** localStorage, or nothing where it is unavailable (storage can throw when disabled). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export class MyWeekState {
  repId = $state<string>('');
  /** The first day of the week shown (the computer's first weekday). */
  start = $state<string>(weekStartOf(localDate(new Date())));
  week = $state<MyWeek | null>(null);
  /** True once the week of the current rep and Monday has been read. */
  loaded = $state(false);
  error = $state<string | null>(null);
  /** The "I am" search (made on the first search, with the gateway it is given). */
  #people = $state<PeopleSearch | null>(null);

  #weekTicket = 0;

  /** The followed calendars, as Rust lists them. */
  followed = $state<FollowedPage | null>(null);
  followedError = $state<string | null>(null);
  /** Moves after every follow, refresh and unfollow: the followed week is read again. */
  followedRevision = $state(0);
  /** The followed rep's week (a computer that only follows). */
  followedWeek = $state<FollowedWeek | null>(null);
  followedLoaded = $state(false);
  followedMatches = $state<FollowedRep[]>([]);
  followedMatchTotal = $state(0);
  #followedTicket = 0;
  #followedSearch = 0;

  constructor() {
    try {
      this.repId = storage()?.getItem(STORAGE_KEY) ?? '';
    } catch {
      this.repId = '';
    }
  }

  /** The first people matching the search. */
  get matches(): PersonRow[] {
    return this.#people?.rows ?? [];
  }
  /** How many people match the search in all (more than {@link MATCHES} are not listed). */
  get matchTotal(): number {
    return this.#people?.total ?? 0;
  }

  #search(api: Api): PeopleSearch {
    this.#people ??= new PeopleSearch(api, MATCHES);
    return this.#people;
  }

  choose(repId: string): void {
    this.repId = repId;
    this.loaded = false;
    void this.#people?.search('');
    try {
      if (repId) storage()?.setItem(STORAGE_KEY, repId);
      else storage()?.removeItem(STORAGE_KEY);
    } catch {
      // Not remembering the choice is harmless: the picker still works.
    }
  }

  go(weeks: number): void {
    this.start = addDays(this.start, weeks * 7);
  }

  show(date: string): void {
    this.start = weekStartOf(date);
  }

  thisWeek(): void {
    this.start = weekStartOf(localDate(new Date()));
  }

  /** Reads the chosen rep's week; a newer call wins over a slower older one. */
  async load(api: Api): Promise<void> {
    const ticket = ++this.#weekTicket;
    const rep = this.repId;
    if (!rep) {
      this.week = null;
      this.loaded = true;
      return;
    }
    try {
      const week = await api.myWeek(rep, this.start, FIRST_WEEKDAY);
      if (ticket !== this.#weekTicket) return;
      this.week = week;
      this.error = null;
    } catch (e) {
      if (ticket === this.#weekTicket) this.error = ApiError.from(e).message;
    } finally {
      if (ticket === this.#weekTicket) this.loaded = true;
    }
  }

  /**
   * Chooses the person whose id or name is exactly `text` (any case), if
   * Rust's search finds one; true when it did.
   */
  async chooseExact(api: Api, text: string): Promise<boolean> {
    try {
      const hit = await this.#search(api).exact(text);
      if (hit) this.choose(hit.id);
      return hit !== null;
    } catch (e) {
      this.error = ApiError.from(e).message;
      return false;
    }
  }

  /** The first people matching `text` (sorted and filtered by Rust). */
  async find(api: Api, text: string): Promise<void> {
    const people = this.#search(api);
    await people.search(text);
    if (people.query === text && people.error) this.error = people.error.message;
  }

  /** Reads the followed calendars (their state and where each password is). */
  async loadFollowed(api: Api): Promise<void> {
    try {
      this.followed = await api.followedCalendars();
      this.followedError = null;
    } catch (e) {
      this.followedError = ApiError.from(e).message;
    }
  }

  #followedChanged(api: Api): Promise<void> {
    this.followedRevision += 1;
    return this.loadFollowed(api);
  }

  /** Follows a calendar; throws the ApiError (the form shows it). */
  async follow(api: Api, url: string, user: string, password: string, remember: boolean): Promise<FollowAnswer> {
    let answer: FollowAnswer;
    try {
      answer = await api.followCalendar(url.trim(), user.trim(), password, remember);
    } catch (e) {
      throw ApiError.from(e);
    }
    await this.#followedChanged(api);
    return answer;
  }

  /**
   * Fetches what changed in a followed calendar (with `password` when this
   * computer has none); throws the ApiError. A failure is also recorded on
   * the calendar (its last error), so the list is read again either way.
   */
  async refreshFollowed(api: Api, url: string, password: string | null, remember: boolean): Promise<FollowReport> {
    try {
      return await api.refreshFollowed(url, password, remember);
    } catch (e) {
      throw ApiError.from(e);
    } finally {
      await this.#followedChanged(api);
    }
  }

  /** Stops following a calendar; throws the ApiError (the dialog shows it). */
  async unfollow(api: Api, url: string): Promise<void> {
    try {
      await api.unfollowCalendar(url);
    } catch (e) {
      throw ApiError.from(e);
    }
    await this.#followedChanged(api);
  }

  /** Reads the chosen rep's week from the followed calendars; a newer call wins. */
  async loadFollowedWeek(api: Api): Promise<void> {
    const ticket = ++this.#followedTicket;
    const rep = this.repId;
    if (!rep) {
      this.followedWeek = null;
      this.followedLoaded = true;
      return;
    }
    try {
      const week = await api.followedWeek(rep, this.start, FIRST_WEEKDAY);
      if (ticket !== this.#followedTicket) return;
      this.followedWeek = week;
      this.error = null;
    } catch (e) {
      if (ticket === this.#followedTicket) this.error = ApiError.from(e).message;
    } finally {
      if (ticket === this.#followedTicket) this.followedLoaded = true;
    }
  }

  /** The first followed reps matching `text` (searched by Rust); nobody for an empty search. */
  async findFollowed(api: Api, text: string): Promise<void> {
    const seq = ++this.#followedSearch;
    if (text.trim() === '') {
      this.followedMatches = [];
      this.followedMatchTotal = 0;
      return;
    }
    try {
      const found = await api.followedReps(text, MATCHES);
      if (seq !== this.#followedSearch) return;
      this.followedMatches = found.rows;
      this.followedMatchTotal = found.total;
    } catch (e) {
      if (seq === this.#followedSearch) this.error = ApiError.from(e).message;
    }
  }

  /** Chooses the followed rep whose id or name is exactly `text`; true when found. */
  async chooseFollowedExact(api: Api, text: string): Promise<boolean> {
    const want = text.trim().toLowerCase();
    if (!want) return false;
    try {
      const found = await api.followedReps(text, MATCHES);
      const hit = found.rows.find((r) => r.id.toLowerCase() === want || r.name.toLowerCase() === want);
      if (hit) this.chooseFollowed(hit.id);
      return hit !== undefined;
    } catch (e) {
      this.error = ApiError.from(e).message;
      return false;
    }
  }

  /** Chooses a followed rep (remembered like {@link choose}). */
  chooseFollowed(repId: string): void {
    this.followedLoaded = false;
    this.followedMatches = [];
    this.followedMatchTotal = 0;
    this.choose(repId);
  }
}

const KEY = Symbol('meridian.my-week-state');

export function provideMyWeekState(state: MyWeekState): MyWeekState {
  return setContext(KEY, state);
}

export function useMyWeekState(): MyWeekState {
  const state = getContext<MyWeekState | undefined>(KEY);
  if (!state) throw new Error('useMyWeekState() outside of a MyWeekState provider');
  return state;
}
