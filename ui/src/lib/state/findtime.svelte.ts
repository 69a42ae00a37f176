/**
 * The "Find a time" screen's state: the form draft, the last answer and the
 * request it answers (so results survive a visit to another screen), and the
 * run's progress. Planning happens in Rust; booking goes through AppState,
 * whose new Scenario replaces the team document.
 */
import { getContext, setContext } from 'svelte';
import { ApiError, type MeetingAnswer, type MeetingRequest } from '../api';
import { newFindTimeDraft, type FindTimeDraft } from '../domain/findtime';
import type { AppState } from './app.svelte';

export class FindTimeState {
  draft = $state<FindTimeDraft>(newFindTimeDraft('UTC', new Date().toISOString().slice(0, 10)));
  answer = $state<MeetingAnswer | null>(null);
  /** The request `answer` answers (the draft may have changed since). */
  asked = $state<MeetingRequest | null>(null);
  running = $state(false);
  readonly #app: AppState;
  #zoneSet = false;

  constructor(app: AppState) {
    this.#app = app;
  }

  /** Uses `zone` as the organiser zone until the user has run a search. */
  defaultZone(zone: string): void {
    if (this.#zoneSet || this.asked) return;
    this.#zoneSet = true;
    this.draft.time_zone = zone;
  }

  /** Runs the request; on failure throws the ApiError and drops the old answer (it no longer matches the form). */
  async run(request: MeetingRequest): Promise<void> {
    this.running = true;
    try {
      const answer = await this.#app.suggestMeeting(request);
      this.answer = answer;
      this.asked = request;
    } catch (e) {
      this.answer = null;
      this.asked = null;
      throw ApiError.from(e);
    } finally {
      this.running = false;
    }
  }

  clear(): void {
    this.answer = null;
    this.asked = null;
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
