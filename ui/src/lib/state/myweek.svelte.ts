/**
 * The "My week" screen's state: who I am (remembered on this computer, since
 * the app has no accounts) and which week I am looking at.
 */
import { getContext, setContext } from 'svelte';
import { addDays, localDate, mondayOf } from '../domain/rotation';

const STORAGE_KEY = 'meridian.my-week.rep';

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

  constructor() {
    try {
      this.repId = storage()?.getItem(STORAGE_KEY) ?? '';
    } catch {
      this.repId = '';
    }
  }

  choose(repId: string): void {
    this.repId = repId;
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
