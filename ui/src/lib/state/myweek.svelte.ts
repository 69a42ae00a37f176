/**
 * The "My week" screen's state: who I am (remembered on this computer, since
 * the app has no accounts), which week I am looking at, that week as Rust
 * computed it, and the people search that finds me (a page from Rust, never
 * the whole team).
 */
import { getContext, setContext } from 'svelte';
import { ApiError, type Api, type MyWeek, type PersonRow } from '../api';
import { addDays, localDate, mondayOf } from '../domain/dates';
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
  monday = $state<string>(mondayOf(localDate(new Date())));
  week = $state<MyWeek | null>(null);
  /** True once the week of the current rep and Monday has been read. */
  loaded = $state(false);
  error = $state<string | null>(null);
  /** The "I am" search (made on the first search, with the gateway it is given). */
  #people = $state<PeopleSearch | null>(null);

  #weekTicket = 0;

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
    this.monday = addDays(this.monday, weeks * 7);
  }

  show(date: string): void {
    this.monday = mondayOf(date);
  }

  thisWeek(): void {
    this.monday = mondayOf(localDate(new Date()));
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
      const week = await api.myWeek(rep, this.monday);
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
