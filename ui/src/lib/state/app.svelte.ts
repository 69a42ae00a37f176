/**
 * The app's state between components and the gateway: the team as Rust last
 * returned it (document, every item's revision, the change counter), the zone
 * names and build info.
 *
 * Rules: every mutation goes to Rust; the `Changes` Rust returns are applied
 * to the held team by `domain/changes.ts` (returned items upserted, removed
 * ones dropped, a replaced team read again), so nothing is half-saved and no
 * rule runs here. A failed save throws the gateway's `ApiError` to the caller
 * (the form shows it, `conflict` with a Reload) and leaves the state
 * unchanged. Forms send the revision they opened with (`revisionOf`). When
 * another process changes the database the team is read again and a notice
 * says so.
 */
import { getContext, setContext } from 'svelte';
import { api as defaultApi, ApiError } from '../api';
import { applyChanges, emptyRevisions, type ItemList } from '../domain/changes';
import type {
  About,
  Api,
  Changes,
  ExternalChanges,
  Revisions,
  Booking,
  Meeting,
  MeetingAnswer,
  MeetingRequest,
  Office,
  Policy,
  Rep,
  RotationAnswer,
  Scenario,
  Team,
  Task,
  AcceptedMove,
  BalanceAnswer,
  CalendarView,
  DocumentPick,
  IcsPick,
  IcsScope,
  RepsCsvPick,
} from '../api';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';
export type SaveMode = 'create' | 'update';

/** What the status line says when another process changed the team. */
export const EXTERNAL_NOTICE = 'Updated: changes made elsewhere (e.g. the command line)';

export class AppState {
  scenario = $state<Scenario | null>(null);
  /** Every stored item's revision, by list and id, as of `scenario`. */
  revisions = $state<Revisions>(emptyRevisions());
  /** The database's change counter as of `scenario`. */
  counter = $state(0);
  /** How many times another process's changes were read in (screens holding plans watch it). */
  externalUpdates = $state(0);
  status = $state<LoadStatus>('idle');
  loadError = $state<ApiError | null>(null);
  zones = $state<string[]>([]);
  about = $state<About | null>(null);
  /** A short message for the status line after a successful change. */
  notice = $state<string | null>(null);

  readonly #api: Api;
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;
  #unlisten: (() => void) | null = null;

  constructor(gateway: Api = defaultApi) {
    this.#api = gateway;
  }

  get isEmpty(): boolean {
    const s = this.scenario;
    return !s || (s.reps.length === 0 && s.teams.length === 0 && s.offices.length === 0);
  }

  get reps(): Rep[] {
    return this.scenario?.reps ?? [];
  }
  get teams(): Team[] {
    return this.scenario?.teams ?? [];
  }
  get offices(): Office[] {
    return this.scenario?.offices ?? [];
  }
  get meetings(): Meeting[] {
    return this.scenario?.meetings ?? [];
  }
  get tasks(): Task[] {
    return this.scenario?.tasks ?? [];
  }
  get policy(): Policy {
    return this.scenario?.policy ?? { office_days_per_week: { min: 0, max: 5 } };
  }

  /** Loads the document, the zone list and build info; zone and about failures are not fatal. */
  async init(): Promise<void> {
    this.status = 'loading';
    this.loadError = null;
    const [team, zones, about] = await Promise.allSettled([
      this.#api.loadTeam(),
      this.#api.zoneNames(),
      this.#api.about(),
    ]);
    if (zones.status === 'fulfilled') this.zones = zones.value;
    if (about.status === 'fulfilled') this.about = about.value;
    if (team.status === 'fulfilled') {
      this.#hold(team.value.scenario, team.value.revisions, team.value.counter);
      this.status = 'ready';
    } else {
      this.loadError = ApiError.from(team.reason);
      this.status = 'failed';
    }
    if (!this.#unlisten) this.#unlisten = await this.#api.onDbChanged((c) => void this.externalChange(c));
  }

  /** Stops listening for other writers (the app is closing, or a test ends). */
  dispose(): void {
    this.#unlisten?.();
    this.#unlisten = null;
  }

  /** Reads the whole team again (after a conflict, a restore, another writer). */
  async reload(): Promise<void> {
    let team;
    try {
      team = await this.#api.loadTeam();
    } catch (e) {
      throw ApiError.from(e);
    }
    this.#hold(team.scenario, team.revisions, team.counter);
    this.status = 'ready';
    this.loadError = null;
  }

  /** Another process committed changes: read the team again and say so. */
  async externalChange(changes: ExternalChanges): Promise<void> {
    if (changes.counter <= this.counter && changes.items !== null) return;
    try {
      await this.reload();
    } catch {
      // The next change or the user's next action reads it again.
      return;
    }
    this.externalUpdates += 1;
    this.say(EXTERNAL_NOTICE);
  }

  /** The revision of a stored item (what a form opened with); `null` if unknown. */
  revisionOf(list: ItemList, id: string): number | null {
    return this.revisions[list][id] ?? null;
  }

  async loadSampleTeam(): Promise<void> {
    await this.#apply(this.#api.loadSampleTeam(), 'Sample team loaded');
  }

  async saveRep(rep: Rep, mode: SaveMode, revision: number | null = null): Promise<void> {
    const run = mode === 'create' ? this.#api.createRep(rep) : this.#api.updateRep(rep, revision);
    await this.#apply(run, `${mode === 'create' ? 'Added' : 'Saved'} ${rep.name}`);
  }
  async deleteRep(rep: Rep, revision: number | null = null): Promise<void> {
    await this.#apply(this.#api.deleteRep(rep.id, revision), `Deleted ${rep.name}`);
  }

  async saveTeam(team: Team, mode: SaveMode, revision: number | null = null): Promise<void> {
    const run = mode === 'create' ? this.#api.createTeam(team) : this.#api.updateTeam(team, revision);
    await this.#apply(run, `${mode === 'create' ? 'Added' : 'Saved'} team ${team.name}`);
  }
  async deleteTeam(team: Team, revision: number | null = null): Promise<void> {
    await this.#apply(this.#api.deleteTeam(team.id, revision), `Deleted team ${team.name}`);
  }

  async saveOffice(office: Office, mode: SaveMode, revision: number | null = null): Promise<void> {
    const run = mode === 'create' ? this.#api.createOffice(office) : this.#api.updateOffice(office, revision);
    await this.#apply(run, `${mode === 'create' ? 'Added' : 'Saved'} office ${office.name}`);
  }
  async deleteOffice(office: Office, revision: number | null = null): Promise<void> {
    await this.#apply(this.#api.deleteOffice(office.id, revision), `Deleted office ${office.name}`);
  }

  async savePolicy(policy: Policy): Promise<void> {
    await this.#apply(this.#api.updatePolicy(policy), 'Team policy saved');
  }

  /** Asks Rust for slots; changes no state (the caller keeps the answer). */
  async suggestMeeting(request: MeetingRequest): Promise<MeetingAnswer> {
    try {
      return await this.#api.suggestMeeting(request);
    } catch (e) {
      throw ApiError.from(e);
    }
  }

  async bookMeeting(booking: Booking): Promise<void> {
    const n = booking.starts.length > 1 ? `${booking.starts.length} meetings` : booking.title;
    await this.#apply(this.#api.bookMeeting(booking), `Booked ${n}`);
  }
  async deleteMeeting(meeting: Meeting, revision: number | null = null): Promise<void> {
    await this.#apply(this.#api.deleteMeeting(meeting.id, revision), `Deleted meeting ${meeting.title}`);
  }

  /** Plans office days over the stored weeks and locks; changes no state (the caller keeps the answer). */
  async planRotation(office: string | null): Promise<RotationAnswer> {
    try {
      return await this.#api.planRotation(null, null, office);
    } catch (e) {
      throw ApiError.from(e);
    }
  }

  async setRotationWindow(from: string, weeks: number): Promise<void> {
    await this.#apply(this.#api.setRotationWindow(from, weeks), `Planning ${weeks} ${weeks === 1 ? 'week' : 'weeks'} from ${from}`);
  }

  /** Locks a rep in (`true`) or out (`false`) on a date, or releases the lock (`null`). */
  async setRotationLock(rep: Rep, date: string, inOffice: boolean | null): Promise<void> {
    const message =
      inOffice === null
        ? `Lock released for ${rep.name} on ${date}`
        : `${rep.name} locked ${inOffice ? 'in' : 'out'} on ${date}`;
    await this.#apply(this.#api.setRotationLock(rep.id, date, inOffice), message);
  }

  async acceptRotation(plan: RotationAnswer): Promise<void> {
    await this.#apply(this.#api.acceptRotation(plan), `Saved ${plan.assignments.length} office days`);
  }

  async saveTask(task: Task, mode: SaveMode, revision: number | null = null): Promise<void> {
    const run = mode === 'create' ? this.#api.createTask(task) : this.#api.updateTask(task, revision);
    await this.#apply(run, `${mode === 'create' ? 'Added' : 'Saved'} task ${task.title}`);
  }
  async deleteTask(task: Task, revision: number | null = null): Promise<void> {
    await this.#apply(this.#api.deleteTask(task.id, revision), `Deleted task ${task.title}`);
  }

  /** Balances the tasks over a window; changes no state (the caller keeps the answer). */
  async planBalance(from: string, to: string): Promise<BalanceAnswer> {
    try {
      return await this.#api.planBalance(from, to);
    } catch (e) {
      throw ApiError.from(e);
    }
  }

  async setBalanceWindow(from: string, to: string): Promise<void> {
    await this.#apply(this.#api.setBalanceWindow(from, to), `Balancing ${from} to ${to}`);
  }

  async applyBalance(moves: AcceptedMove[]): Promise<void> {
    const n = moves.length === 1 ? '1 task' : `${moves.length} tasks`;
    await this.#apply(this.#api.applyBalance(moves), `Moved ${n}`);
  }

  /** Wall-clock events of some reps over dates of a display zone; changes no state. */
  async calendarView(reps: string[], from: string, to: string, zone: string, opts: { hours: boolean; tasks: boolean }): Promise<CalendarView> {
    try {
      return await this.#api.calendarView(reps, from, to, zone, opts.hours, opts.tasks);
    } catch (e) {
      throw ApiError.from(e);
    }
  }

  /**
   * Saves a file through a native dialog Rust opens (the page never sees a
   * path); says where it went, or nothing when the user cancelled.
   */
  async saveFile(kind: 'ics' | 'document' | 'reps-csv' | 'reps-template' | 'rotation-csv', scope?: IcsScope): Promise<string | null> {
    let name: string | null;
    try {
      switch (kind) {
        case 'ics':
          if (!scope) throw new ApiError('invalid', 'no calendar chosen to export');
          name = await this.#api.exportIcs(scope);
          break;
        case 'document':
          name = await this.#api.exportDocument();
          break;
        case 'reps-csv':
          name = await this.#api.exportRepsCsv();
          break;
        case 'reps-template':
          name = await this.#api.saveRepsCsvTemplate();
          break;
        case 'rotation-csv':
          name = await this.#api.exportRotationCsv();
          break;
      }
    } catch (e) {
      throw ApiError.from(e);
    }
    if (name !== null) this.say(`Saved ${name}`);
    return name;
  }

  /** Picks a reps CSV and returns its preview; `null` when cancelled. Stores nothing. */
  async openRepsCsv(): Promise<RepsCsvPick | null> {
    try {
      return await this.#api.openRepsCsv();
    } catch (e) {
      throw ApiError.from(e);
    }
  }
  async importRepsCsv(pick: RepsCsvPick): Promise<void> {
    const n = pick.preview.added + pick.preview.updated;
    await this.#apply(this.#api.importRepsCsv(), `Imported ${n} ${n === 1 ? 'person' : 'people'} from ${pick.file}`);
  }

  /** Picks a team document and returns what it holds or what is wrong; `null` when cancelled. */
  async openDocument(): Promise<DocumentPick | null> {
    try {
      return await this.#api.openDocument();
    } catch (e) {
      throw ApiError.from(e);
    }
  }
  async importDocument(pick: DocumentPick): Promise<void> {
    try {
      await this.#api.importDocument();
    } catch (e) {
      throw ApiError.from(e);
    }
    await this.reload();
    this.say(`Imported the team from ${pick.file}`);
  }

  /** Picks an .ics file and previews it as a rep's busy times; `null` when cancelled. */
  async openIcsBusy(rep: string): Promise<IcsPick | null> {
    try {
      return await this.#api.openIcsBusy(rep);
    } catch (e) {
      throw ApiError.from(e);
    }
  }
  async importIcsBusy(pick: IcsPick, skipBad: boolean): Promise<void> {
    const n = pick.preview.events.length;
    await this.#apply(this.#api.importIcsBusy(pick.rep, skipBad), `Imported ${n} busy ${n === 1 ? 'time' : 'times'} for ${this.repName(pick.rep)}`);
  }

  /** Forgets a picked file whose preview was closed. */
  async cancelImport(): Promise<void> {
    try {
      await this.#api.cancelImport();
    } catch {
      // Nothing was stored; a file left pending is replaced by the next pick.
    }
  }

  repName(id: string): string {
    return this.reps.find((r) => r.id === id)?.name ?? id;
  }
  teamName(id: string | null): string | null {
    if (id === null) return null;
    return this.teams.find((t) => t.id === id)?.name ?? id;
  }
  officeName(id: string | null): string | null {
    if (id === null) return null;
    return this.offices.find((o) => o.id === id)?.name ?? id;
  }

  say(message: string): void {
    this.notice = message;
    clearTimeout(this.#noticeTimer);
    this.#noticeTimer = setTimeout(() => (this.notice = null), 5000);
  }

  #hold(scenario: Scenario, revisions: Revisions, counter: number): void {
    this.scenario = scenario;
    this.revisions = revisions;
    this.counter = counter;
  }

  async #apply(run: Promise<Changes>, message: string): Promise<void> {
    let changes: Changes;
    try {
      changes = await run;
    } catch (e) {
      throw ApiError.from(e);
    }
    const next = this.scenario ? applyChanges({ scenario: this.scenario, revisions: this.revisions, counter: this.counter }, changes) : 'reload';
    if (next === 'reload') {
      await this.reload();
    } else {
      this.#hold(next.scenario, next.revisions, next.counter);
      this.status = 'ready';
      this.loadError = null;
    }
    this.say(message);
  }
}

const KEY = Symbol('meridian.app-state');

export function provideAppState(state: AppState): AppState {
  return setContext(KEY, state);
}

export function useAppState(): AppState {
  const state = getContext<AppState | undefined>(KEY);
  if (!state) throw new Error('useAppState() outside of an AppState provider');
  return state;
}

export const APP_STATE_KEY = KEY;
