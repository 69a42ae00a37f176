/**
 * The calendar view a week screen shows, as Rust last computed it. A newer
 * request wins over a slower older one, so stepping through weeks quickly
 * never leaves an old week on screen.
 */
import { ApiError, type CalendarView } from '../api';
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
