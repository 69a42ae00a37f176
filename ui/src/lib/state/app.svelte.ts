/**
 * The app's state between components and the gateway: the directory Rust
 * last returned (teams and offices with their revisions and rep counts, the
 * policy, list sizes, form limits, the change counter), the zone names and
 * build info. Never the whole team: each screen asks Rust for the page of
 * rows it shows and asks again when `counter` moves.
 *
 * Rules: every mutation goes to Rust; after a write the counter is the one
 * Rust returned and the directory is read again, so nothing is half-saved and
 * no rule runs here. A failed save throws the gateway's `ApiError` to the
 * caller (the form shows it, `conflict` with a Reload) and leaves the state
 * unchanged. Forms send the revision they opened with (rows carry theirs).
 * When another process changes the database the directory is read again, the
 * counter moves (screens refetch) and a notice says so.
 */
import { getContext, setContext } from 'svelte';
import { api as defaultApi, ApiError } from '../api';
import { t } from '../i18n';
import type {
  About,
  Api,
  Changes,
  Counts,
  Directory,
  ExternalChanges,
  Booking,
  FormLimits,
  Meeting,
  Office,
  OfficeRow,
  Policy,
  Rep,
  PlanSummary,
  Team,
  TeamRow,
  Task,
  CalendarView,
  DocumentPick,
  IcsPick,
  IcsScope,
  RepsCsvPick,
  UndoState,
  UndoStep,
} from '../api';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';
export type SaveMode = 'create' | 'update';

/** A call to Rust that takes longer than this shows the progress bar. */
export const BUSY_AFTER_MS = 150;

/** How long a notice with an Undo or Redo button stays. */
export const NOTICE_WITH_ACTION_MS = 8000;

/** What the status line says when another process changed the team. */
export const EXTERNAL_NOTICE = t('notices.external');

const NO_COUNTS: Counts = { reps: 0, teams: 0, offices: 0, meetings: 0, tasks: 0, reps_without_team: 0, remote_reps: 0 };

export class AppState {
  directory = $state<Directory | null>(null);
  /**
   * The database's change counter as of the last write or change seen.
   * Screens make their queries depend on it, so every change refetches
   * what they show.
   */
  counter = $state(0);
  /** How many times another process's changes were read in (screens holding plans watch it). */
  externalUpdates = $state(0);
  status = $state<LoadStatus>('idle');
  loadError = $state<ApiError | null>(null);
  zones = $state<string[]>([]);
  about = $state<About | null>(null);
  /** A short message for the status line after a successful change. */
  notice = $state<string | null>(null);
  /** Some call to Rust has been running for more than {@link BUSY_AFTER_MS}: show progress. */
  busy = $state(false);
  /** What the app's next undo and redo would do, as Rust last said (`null`: not asked yet). */
  undoState = $state<UndoState | null>(null);
  /**
   * The notice is about the app's own change (offer Undo) or an undo
   * (offer Redo); `null` for any other notice.
   */
  noticeOffers = $state<'undo' | 'redo' | null>(null);

  readonly #api: Api;
  #busyTimer: ReturnType<typeof setTimeout> | undefined;
  #stopActivity: (() => void) | null = null;
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;
  #unlisten: (() => void) | null = null;

  constructor(gateway: Api = defaultApi) {
    this.#api = gateway;
    this.#stopActivity = gateway.onActivity?.((n) => this.#activity(n)) ?? null;
  }

  #activity(inflight: number): void {
    if (inflight === 0) {
      clearTimeout(this.#busyTimer);
      this.#busyTimer = undefined;
      this.busy = false;
    } else if (this.#busyTimer === undefined && !this.busy) {
      this.#busyTimer = setTimeout(() => {
        this.#busyTimer = undefined;
        this.busy = true;
      }, BUSY_AFTER_MS);
    }
  }

  /** The gateway, for screen states that query their own pages. */
  get api(): Api {
    return this.#api;
  }

  get isEmpty(): boolean {
    const c = this.counts;
    return c.reps === 0 && c.teams === 0 && c.offices === 0;
  }

  get counts(): Counts {
    return this.directory?.counts ?? NO_COUNTS;
  }
  get limits(): FormLimits | null {
    return this.directory?.limits ?? null;
  }
  get teamRows(): TeamRow[] {
    return this.directory?.teams ?? [];
  }
  get officeRows(): OfficeRow[] {
    return this.directory?.offices ?? [];
  }
  get teams(): Team[] {
    return this.teamRows.map((r) => r.team);
  }
  get offices(): Office[] {
    return this.officeRows.map((r) => r.office);
  }
  get policy(): Policy {
    return this.directory?.policy ?? { office_days_per_week: { min: 0, max: 5 } };
  }

  /** Loads the directory, the zone list and build info; zone and about failures are not fatal. */
  async init(): Promise<void> {
    this.status = 'loading';
    this.loadError = null;
    const [directory, zones, about] = await Promise.allSettled([
      this.#api.directory(),
      this.#api.zoneNames(),
      this.#api.about(),
    ]);
    if (zones.status === 'fulfilled') this.zones = zones.value;
    if (about.status === 'fulfilled') this.about = about.value;
    if (directory.status === 'fulfilled') {
      this.#hold(directory.value);
      this.status = 'ready';
    } else {
      this.loadError = ApiError.from(directory.reason);
      this.status = 'failed';
    }
    if (!this.#unlisten) this.#unlisten = await this.#api.onDbChanged((c) => void this.externalChange(c));
    void this.refreshUndo();
  }

  /** Stops listening for other writers (the app is closing, or a test ends). */
  dispose(): void {
    this.#unlisten?.();
    this.#unlisten = null;
    this.#stopActivity?.();
    this.#stopActivity = null;
    clearTimeout(this.#busyTimer);
  }

  /** Reads the directory again (after a conflict, a restore, another writer); screens refetch. */
  async reload(): Promise<void> {
    let directory;
    try {
      directory = await this.#api.directory();
    } catch (e) {
      throw ApiError.from(e);
    }
    this.#hold(directory);
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

  /** The revision of a team or office as of the directory (what a form opens with). */
  revisionOf(list: 'teams' | 'offices', id: string): number | null {
    const rows: { revision: number; id: string }[] =
      list === 'teams'
        ? this.teamRows.map((r) => ({ id: r.team.id, revision: r.revision }))
        : this.officeRows.map((r) => ({ id: r.office.id, revision: r.revision }));
    return rows.find((r) => r.id === id)?.revision ?? null;
  }

  async loadSampleTeam(): Promise<void> {
    await this.#apply(this.#api.loadSampleTeam(), t('notices.sampleLoaded'));
  }

  async saveRep(rep: Rep, mode: SaveMode, revision: number | null = null): Promise<void> {
    const run = mode === 'create' ? this.#api.createRep(rep) : this.#api.updateRep(rep, revision);
    await this.#apply(run, mode === 'create' ? t('notices.repAdded', { name: rep.name }) : t('notices.repSaved', { name: rep.name }));
  }
  async deleteRep(rep: { id: string; name: string }, revision: number | null = null): Promise<void> {
    await this.#apply(this.#api.deleteRep(rep.id, revision), t('notices.repDeleted', { name: rep.name }));
  }

  async saveTeam(team: Team, mode: SaveMode, revision: number | null = null): Promise<void> {
    const run = mode === 'create' ? this.#api.createTeam(team) : this.#api.updateTeam(team, revision);
    await this.#apply(run, mode === 'create' ? t('notices.teamAdded', { name: team.name }) : t('notices.teamSaved', { name: team.name }));
  }
  async deleteTeam(team: Team, revision: number | null = null): Promise<void> {
    await this.#apply(this.#api.deleteTeam(team.id, revision), t('notices.teamDeleted', { name: team.name }));
  }

  async saveOffice(office: Office, mode: SaveMode, revision: number | null = null): Promise<void> {
    const run = mode === 'create' ? this.#api.createOffice(office) : this.#api.updateOffice(office, revision);
    await this.#apply(run, mode === 'create' ? t('notices.officeAdded', { name: office.name }) : t('notices.officeSaved', { name: office.name }));
  }
  async deleteOffice(office: Office, revision: number | null = null): Promise<void> {
    await this.#apply(this.#api.deleteOffice(office.id, revision), t('notices.officeDeleted', { name: office.name }));
  }

  async savePolicy(policy: Policy): Promise<void> {
    await this.#apply(this.#api.updatePolicy(policy), t('notices.policySaved'));
  }

  /** Asks Rust for slots; changes no state (the caller keeps the answer). */
  async bookMeeting(booking: Booking): Promise<void> {
    const message =
      booking.starts.length > 1 ? t('notices.bookedSeries', { n: booking.starts.length }) : t('notices.booked', { title: booking.title });
    await this.#apply(this.#api.bookMeeting(booking), message);
  }
  async deleteMeeting(meeting: Meeting, revision: number | null = null): Promise<void> {
    await this.#apply(this.#api.deleteMeeting(meeting.id, revision), t('notices.meetingDeleted', { title: meeting.title }));
  }

  /** Plans office days over the stored weeks and locks; Rust holds the plan, this is its summary and token. */
  async planRotation(office: string | null): Promise<PlanSummary> {
    try {
      return await this.#api.planRotation(null, null, office);
    } catch (e) {
      throw ApiError.from(e);
    }
  }

  async setRotationWindow(from: string, weeks: number): Promise<void> {
    await this.#apply(this.#api.setRotationWindow(from, weeks), t('notices.planning', { count: weeks, from }));
  }

  /** Locks a rep in (`true`) or out (`false`) on a date, or releases the lock (`null`). */
  async setRotationLock(rep: Pick<Rep, 'id' | 'name'>, date: string, inOffice: boolean | null): Promise<void> {
    const message =
      inOffice === null
        ? t('notices.lockReleased', { name: rep.name, date })
        : inOffice ? t('notices.lockedIn', { name: rep.name, date }) : t('notices.lockedOut', { name: rep.name, date });
    await this.#apply(this.#api.setRotationLock(rep.id, date, inOffice), message);
  }

  /** Saves the plan Rust holds under `plan.token` as the accepted office days (from today on). */
  async acceptRotation(plan: PlanSummary): Promise<void> {
    await this.#apply(this.#api.acceptRotation(plan.token), t('notices.rotationAccepted', { reps: plan.reps }));
  }

  async saveTask(task: Task, mode: SaveMode, revision: number | null = null): Promise<void> {
    const run = mode === 'create' ? this.#api.createTask(task) : this.#api.updateTask(task, revision);
    await this.#apply(run, mode === 'create' ? t('notices.taskAdded', { title: task.title }) : t('notices.taskSaved', { title: task.title }));
  }
  async deleteTask(task: Task, revision: number | null = null): Promise<void> {
    await this.#apply(this.#api.deleteTask(task.id, revision), t('notices.taskDeleted', { title: task.title }));
  }

  async setBalanceWindow(from: string, to: string): Promise<void> {
    await this.#apply(this.#api.setBalanceWindow(from, to), t('notices.balancing', { from, to }));
  }

  /**
   * Applies the changes of the plan Rust holds under `plan`: those of
   * `tasks`, or with `allBut` every proposed one except those; `count` is how
   * many that is, for the status line.
   */
  async applyBalance(plan: number, tasks: string[], allBut: boolean, count: number): Promise<void> {
    await this.#apply(this.#api.applyBalance(plan, tasks, allBut), t('notices.moved', { count }));
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
          if (!scope) throw new ApiError('invalid', t('notices.noCalendar'));
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
    if (name !== null) this.say(t('notices.savedFile', { file: name }));
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
    await this.#apply(this.#api.importRepsCsv(), t('notices.importedPeople', { count: n, file: pick.file }));
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
    this.say(t('notices.importedTeam', { file: pick.file }));
  }

  /** Picks an .ics file and previews it as a rep's busy times; `null` when cancelled. */
  async openIcsBusy(rep: string): Promise<IcsPick | null> {
    try {
      return await this.#api.openIcsBusy(rep);
    } catch (e) {
      throw ApiError.from(e);
    }
  }
  async importIcsBusy(pick: IcsPick, skipBad: boolean, repName: string = pick.rep): Promise<void> {
    const n = pick.preview.events.length;
    await this.#apply(this.#api.importIcsBusy(pick.rep, skipBad), t('notices.importedBusy', { count: n, name: repName }));
  }

  /** Forgets a picked file whose preview was closed. */
  async cancelImport(): Promise<void> {
    try {
      await this.#api.cancelImport();
    } catch {
      // Nothing was stored; a file left pending is replaced by the next pick.
    }
  }

  teamName(id: string | null): string | null {
    if (id === null) return null;
    return this.teams.find((team) => team.id === id)?.name ?? id;
  }
  officeName(id: string | null): string | null {
    if (id === null) return null;
    return this.offices.find((o) => o.id === id)?.name ?? id;
  }

  say(message: string, offers: 'undo' | 'redo' | null = null): void {
    this.notice = message;
    this.noticeOffers = offers;
    clearTimeout(this.#noticeTimer);
    // A notice with a button stays longer: there is something to do with it.
    this.#noticeTimer = setTimeout(() => {
      this.notice = null;
      this.noticeOffers = null;
    }, offers === null ? 5000 : NOTICE_WITH_ACTION_MS);
  }

  /** Asks Rust what the next undo and redo would do; `null` when it cannot say. */
  async refreshUndo(): Promise<void> {
    try {
      this.undoState = await this.#api.undoState();
    } catch {
      this.undoState = null;
    }
  }

  /** Reverts the app's newest change (Ctrl+Z, the toast's Undo); a refusal is said, not thrown. */
  async undo(): Promise<void> {
    await this.#step(this.#api.undo(), 'redo');
  }

  /** Makes the change undone last again (Ctrl+Shift+Z, the toast's Redo). */
  async redo(): Promise<void> {
    await this.#step(this.#api.redo(), 'undo');
  }

  async #step(run: Promise<UndoStep>, then: 'undo' | 'redo'): Promise<void> {
    let done = '';
    try {
      await this.commit(
        run.then((s) => {
          done = s.done;
          return s.changes;
        }),
        null,
      );
    } catch (e) {
      // Nothing changed: Rust says why (another writer changed an item since).
      this.say(ApiError.from(e).message);
      await this.refreshUndo();
      return;
    }
    await this.refreshUndo();
    this.say(done, then);
  }

  #hold(directory: Directory): void {
    this.directory = directory;
    this.counter = Math.max(this.counter, directory.counter);
  }

  /**
   * Runs a write, then holds its counter and reads the directory again (a
   * write may change teams, offices, the policy or counts); says `message`.
   * Screen states with their own writes use it too.
   */
  async commit(run: Promise<Changes>, message: string | null): Promise<Changes> {
    let changes: Changes;
    try {
      changes = await run;
    } catch (e) {
      throw ApiError.from(e);
    }
    try {
      this.#hold(await this.#api.directory());
    } catch {
      // The write is stored; the directory is read again on the next change.
    }
    this.counter = Math.max(this.counter, changes.counter);
    this.status = 'ready';
    this.loadError = null;
    if (message !== null) {
      await this.refreshUndo();
      // Only this write's own entry: a setting, or a write that changed
      // nothing, records none, and Undo would then revert an older change.
      const own = this.undoState?.undo && this.undoState.undo_seq === changes.counter;
      this.say(message, own ? 'undo' : null);
    }
    return changes;
  }

  async #apply(run: Promise<Changes>, message: string): Promise<void> {
    await this.commit(run, message);
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
