/**
 * The Meetings screen's state: the search box, which side of now is shown,
 * and the rows Rust sent for the part of the list on screen (pages held by
 * `PagedRows`, fetched again as the list scrolls or the team changes).
 * Upcoming / past, the order and the schedule words are Rust's; nothing
 * here holds more than the pages near the viewport.
 */
import { ApiError, type Api, type Meeting, type MeetingForm, type MeetingRow, type MeetingWhen, type MeetingsPage, type MeetingsQuery, type Window } from '../api';
import type { RowRange } from '../domain/rowwindow';
import { PagedRows } from './paged.svelte';
import type { AppState } from './app.svelte';
import { t } from '../i18n';

/** How long a fetch may run before the list says it is loading. */
export const PROGRESS_AFTER_MS = 150;

export class MeetingsState {
  search = $state('');
  when = $state<MeetingWhen>('upcoming');
  /** A fetch has run longer than {@link PROGRESS_AFTER_MS}. */
  slow = $state(false);
  readonly rows: PagedRows<MeetingsQuery, MeetingRow, MeetingsPage>;
  readonly #app: AppState;
  readonly #zone: string;
  #running = 0;

  constructor(app: AppState, zone: string, pageSize = 100) {
    this.#app = app;
    this.#zone = zone;
    this.rows = new PagedRows((q, w) => this.#fetch(q, w), pageSize);
  }

  /** Matching meetings on each side of now, from the answer whose rows are shown. */
  get upcoming(): number {
    return this.rows.kept?.upcoming ?? 0;
  }
  get past(): number {
    return this.rows.kept?.past ?? 0;
  }

  /** The gateway, for the form's people search. */
  get api(): Api {
    return this.#app.api;
  }
  get zone(): string {
    return this.#zone;
  }
  get query(): MeetingsQuery {
    return { search: this.search, when: this.when, zone: this.#zone };
  }

  async #fetch(query: MeetingsQuery, window: Window): Promise<MeetingsPage> {
    this.#running += 1;
    const timer = setTimeout(() => {
      if (this.#running > 0) this.slow = true;
    }, PROGRESS_AFTER_MS);
    try {
      return await this.#app.api.meetingsPage(query, window);
    } finally {
      clearTimeout(timer);
      this.#running -= 1;
      if (this.#running === 0) this.slow = false;
    }
  }

  /** Makes sure the rows in `range` are here for the current query and team. */
  show(range: RowRange): Promise<void> {
    return this.rows.show(this.query, this.#app.counter, range);
  }

  /** The meeting as its edit form opens on (item, revision, attendee names). */
  async form(id: string): Promise<MeetingForm> {
    try {
      return await this.#app.api.meetingForm(id);
    } catch (e) {
      throw ApiError.from(e);
    }
  }

  async save(meeting: Meeting, revision: number): Promise<void> {
    await this.#app.commit(this.#app.api.updateMeeting(meeting, revision), t('meetings.saved', { title: meeting.title }));
  }

  async remove(row: MeetingRow): Promise<void> {
    await this.#app.commit(this.#app.api.deleteMeeting(row.id, row.revision), t('meetings.deleted', { title: row.title }));
  }

  /** After a conflict: read the directory again; the counter moves (the change was stored) and the list refetches. */
  async reload(): Promise<void> {
    await this.#app.reload();
  }
}
