/**
 * The one typed gateway from the UI to the Rust core.
 *
 * Rules: nothing else in the UI imports `./bindings` values or calls `invoke`;
 * every command's `Result` is unwrapped here and a failure becomes an
 * {@link ApiError} whose `code` the UI switches on (never its text).
 */
import { commands, events } from './bindings';
import { t } from '../i18n';
import type {
  About,
  Backup,
  Board,
  FairnessPage,
  FairnessQuery,
  BoardQuery,
  PlanSummary,
  PolicyChanges,
  WhatIfView,
  RepWeek,
  Directory,
  ItemKind,
  Page,
  PeopleQuery,
  PersonRow,
  TeamMembers,
  DateWindow,
  Stored,
  Window,
  NewBooking,
  Meeting,
  MeetingForm,
  MeetingsPage,
  MeetingsQuery,
  Changes,
  ExternalChanges,
  ImportSummary,
  CommandError,
  ListOrder,
  MeetingAnswer,
  MeetingRequest,
  Office,
  Policy,
  Problem,
  Rep,
  Scenario,
  Team,
  Task,
  BalanceChange,
  ChangeFilter,
  PlannedBalance,
  TaskQuery,
  TaskRow,
  WorkloadPage,
  WorkloadQuery,
  WorkloadSettings,
  CalendarView,
  MyWeek,
  TeamWeek,
  TeamWeekQuery,
  Weekday,
  DocumentPick,
  IcsPick,
  IcsScope,
  RepsCsvPick,
  FollowAnswer,
  FollowReport,
  FollowedPage,
  FollowedReps,
  FollowedWeek,
  Include,
  PasswordKept,
  PublishActivity,
  PublishPreview,
  PublishReport,
  PublishingPage,
  Resolution,
  RegionInfo,
  RegionPreview,
  DeskReport,
  TeamReport,
  PeopleReport,
  ReportQuery,
  ReportExport,
  UndoState,
  UndoStep,
} from './bindings';

export type {
  About,
  Backup,
  FairnessPage,
  FairnessQuery,
  FairnessSort,
  LedgerRow,
  Holiday,
  HolidayMark,
  RegionInfo,
  RegionPreview,
  Counts,
  Directory,
  FormLimits,
  OfficeRow,
  Page,
  PeopleQuery,
  PersonRow,
  TeamFilter,
  TeamMember,
  TeamMembers,
  DateWindow,
  TeamRow,
  Window,
  BackupCounts,
  ChangedItem,
  Changes,
  ExternalChanges,
  ItemKind,
  RepDate,
  Stored,
  AttendeeSlot,
  NewBooking,
  AttendeeName,
  MeetingForm,
  MeetingRow,
  MeetingWhen,
  MeetingsPage,
  MeetingsQuery,
  CommandError,
  DayRibbon,
  FairPlan,
  Meeting,
  ListOrder,
  MeetingAnswer,
  MeetingRequest,
  Occurrence,
  RibbonKind,
  RibbonSegment,
  Status,
  Suggestion,
  DateRange,
  DayRange,
  Interval,
  Office,
  Policy,
  Problem,
  Rep,
  Scenario,
  Team,
  Trip,
  Weekday,
  DayWhy,
  Lock,
  OfficeDay,
  RepWeek,
  RotationObjective,
  RotationRequest,
  PolicyChanges,
  OfficeChange,
  TeamChange,
  RepChange,
  WhatIfView,
  OfficeDesks,
  DeskPair,
  RepDiff,
  Blocked,
  Board,
  BoardCell,
  BoardDay,
  BoardQuery,
  BoardRow,
  BoardWeek,
  CellState,
  DeskDay,
  ObjectiveTerm,
  PlanSummary,
  Task,
  BalanceBounds,
  BalanceChange,
  BalanceObjective,
  BalanceRequest,
  BalanceSummary,
  ChangeFilter,
  LoadBand,
  LoadFigures,
  PlannedBalance,
  TaskOwner,
  TaskQuery,
  TaskRow,
  UnassignableRow,
  WorkloadPage,
  WorkloadQuery,
  WorkloadRow,
  WorkloadSettings,
  WorkloadSort,
  WorkloadTotals,
  AttendeeTime,
  CalendarEvent,
  CalendarResource,
  CalendarView,
  HourMark,
  MeetingBlock,
  MyDay,
  MyWeek,
  OfficeMark,
  Span,
  TeamWeek,
  TeamWeekGroup,
  TeamWeekLine,
  TeamWeekQuery,
  TeamWeekRep,
  TravelMark,
  WeekDay,
  EventKind,
  CsvProblem,
  DocumentPick,
  IcsPick,
  IcsPreview,
  IcsProblem,
  IcsScope,
  ImportedBusy,
  ImportSummary,
  RepsCsvPick,
  RepsCsvPreview,
  RepsCsvRow,
  FollowAnswer,
  FollowReport,
  FollowedCalendar,
  FollowedDay,
  FollowedPage,
  FollowedRep,
  FollowedReps,
  FollowedRow,
  FollowedWeek,
  Include,
  PasswordKept,
  PublishActivity,
  PublishConflict,
  PublishPreview,
  PublishProgress,
  PublishReport,
  PublishRow,
  PublishTarget,
  PublishingPage,
  Resolution,
  ComplianceRepWeek,
  ComplianceStatus,
  ComplianceTotals,
  ComplianceWeek,
  DeskReport,
  DeskUse,
  DeskUseDay,
  PeopleReport,
  PresenceFigures,
  PresenceWeek,
  RepCompliance,
  ReportExport,
  ReportFormat,
  ReportKind,
  ReportQuery,
  ReportWeek,
  ReportWindow,
  TeamCompliance,
  TeamPresence,
  TeamRef,
  TeamReport,
  TeamReportRow,
  UndoState,
  UndoStep,
  UseLevel,
} from './bindings';

/** What booking a found time sends: Rust makes the meeting's id from the title. */
export type Booking = NewBooking;

/** The codes Rust sends, plus `unexpected` for a failure that carried no code. */
export type ApiErrorCode = CommandError['code'] | 'unexpected';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly problems: Problem[];

  constructor(code: ApiErrorCode, message: string, problems: Problem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.problems = problems;
  }

  /** Any rejection or error value, as an ApiError. */
  static from(e: unknown): ApiError {
    if (e instanceof ApiError) return e;
    if (isCommandError(e)) return new ApiError(e.code, e.message, e.problems ?? []);
    if (e instanceof Error) return new ApiError('unexpected', e.message);
    return new ApiError('unexpected', typeof e === 'string' ? e : t('notices.commandFailed'));
  }
}

function isCommandError(e: unknown): e is CommandError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as CommandError).code === 'string' &&
    typeof (e as CommandError).message === 'string'
  );
}

/** A command's success value, whether the command is fallible (`Result`) or not. */
type Unwrapped<R> = R extends { status: 'error'; error: unknown }
  ? never
  : R extends { status: 'ok'; data: infer T }
    ? T
    : R;

function isResult(r: unknown): r is { status: 'ok'; data: unknown } | { status: 'error'; error: unknown } {
  return (
    typeof r === 'object' &&
    r !== null &&
    'status' in r &&
    (((r as { status: unknown }).status === 'ok' && 'data' in r) ||
      ((r as { status: unknown }).status === 'error' && 'error' in r))
  );
}

/** Calls to Rust in flight, and who wants to know when the number moves. */
let inflight = 0;
const activityListeners = new Set<(inflight: number) => void>();
function moved(by: number): void {
  inflight += by;
  for (const listener of activityListeners) listener(inflight);
}

async function call<R>(run: () => Promise<R>): Promise<Unwrapped<R>> {
  let r: R;
  moved(1);
  try {
    r = await run();
  } catch (e) {
    throw ApiError.from(e);
  } finally {
    moved(-1);
  }
  if (isResult(r)) {
    if (r.status === 'ok') return r.data as Unwrapped<R>;
    throw ApiError.from(r.error);
  }
  return r as Unwrapped<R>;
}

export const api = {
  /** Tells `listener` how many calls are in flight whenever that changes; returns the unsubscribe. */
  onActivity: (listener: (inflight: number) => void): (() => void) => {
    activityListeners.add(listener);
    return () => activityListeners.delete(listener);
  },
  about: (): Promise<About> => call(() => commands.about()),
  /** The window's language, for the texts Rust writes (explanations, problems, errors). */
  setLanguage: (language: string): Promise<void> => call(() => commands.setLanguage(language)).then(() => undefined),
  /** What the app's next undo and redo would do, in Rust's words ("Undo: delete meeting Weekly sync"). */
  undoState: (): Promise<UndoState> => call(() => commands.undoState()),
  /** Reverts the app's newest change; a `conflict` when another writer changed its items since. */
  undo: (): Promise<UndoStep> => call(() => commands.undo()),
  /** Makes the change undone last again; a `conflict` as for undo. */
  redo: (): Promise<UndoStep> => call(() => commands.redo()),
  directory: (): Promise<Directory> => call(() => commands.directory()),
  peoplePage: (query: PeopleQuery, window: Window): Promise<Page<PersonRow>> => call(() => commands.peoplePage(query, window)),
  /** One page of a team's fairness ledger, sorted by Rust, with the chart's values for its rows. */
  fairnessPage: (query: FairnessQuery, window: Window): Promise<FairnessPage> => call(() => commands.fairnessPage(query, window)),
  teamMembers: (team: string): Promise<TeamMembers> => call(() => commands.teamMembers(team)),
  findTimeWindow: (today: string): Promise<DateWindow> => call(() => commands.findTimeWindow(today)),
  getRep: (id: string): Promise<Stored<Rep>> => call(() => commands.getRep(id)),
  freeId: (kind: ItemKind, base: string): Promise<string | null> => call(() => commands.freeId(kind, base)),
  zoneNames: (): Promise<string[]> => call(() => commands.zoneNames()),
  /** Holidays regions matching what the lead typed (searched in Rust). */
  searchRegions: (query: string, limit: number): Promise<RegionInfo[]> =>
    call(() => commands.searchRegions(query, limit)),
  /** A region's name and next holidays from `from` (YYYY-MM-DD). */
  regionPreview: (code: string, from: string): Promise<RegionPreview> =>
    call(() => commands.regionPreview(code, from)),
  loadSampleTeam: (): Promise<Changes> => call(() => commands.loadSampleTeam()),
  createRep: (rep: Rep): Promise<Changes> => call(() => commands.createRep(rep)),
  updateRep: (rep: Rep, revision: number | null): Promise<Changes> => call(() => commands.updateRep(rep, revision)),
  deleteRep: (id: string, revision: number | null): Promise<Changes> => call(() => commands.deleteRep(id, revision)),
  createTeam: (team: Team): Promise<Changes> => call(() => commands.createTeam(team)),
  updateTeam: (team: Team, revision: number | null): Promise<Changes> => call(() => commands.updateTeam(team, revision)),
  deleteTeam: (id: string, revision: number | null): Promise<Changes> => call(() => commands.deleteTeam(id, revision)),
  createOffice: (office: Office): Promise<Changes> => call(() => commands.createOffice(office)),
  updateOffice: (office: Office, revision: number | null): Promise<Changes> =>
    call(() => commands.updateOffice(office, revision)),
  deleteOffice: (id: string, revision: number | null): Promise<Changes> => call(() => commands.deleteOffice(id, revision)),
  updatePolicy: (policy: Policy): Promise<Changes> => call(() => commands.updatePolicy(policy)),
  suggestMeeting: (request: MeetingRequest, order: ListOrder): Promise<MeetingAnswer> => call(() => commands.suggestMeeting(request, order)),
  bookMeeting: (booking: Booking): Promise<Changes> => call(() => commands.bookMeeting(booking)),
  meetingsPage: (query: MeetingsQuery, window: Window): Promise<MeetingsPage> => call(() => commands.meetingsPage(query, window)),
  meetingForm: (id: string): Promise<MeetingForm> => call(() => commands.meetingForm(id)),
  updateMeeting: (meeting: Meeting, revision: number | null): Promise<Changes> =>
    call(() => commands.updateMeeting(meeting, revision)),
  deleteMeeting: (id: string, revision: number | null): Promise<Changes> => call(() => commands.deleteMeeting(id, revision)),
  planRotation: (from: string | null, weeks: number | null, office: string | null): Promise<PlanSummary> =>
    call(() => commands.planRotation(from, weeks, office)),
  cancelPlanning: (): Promise<null> => call(() => commands.cancelPlanning()),
  discardRotation: (plan: number): Promise<null> => call(() => commands.discardRotation(plan)),
  rotationBoard: (query: BoardQuery, window: Window, plan: number | null): Promise<Board> =>
    call(() => commands.rotationBoard(query, window, plan)),
  rotationExplanation: (plan: number, rep: string, date: string): Promise<RepWeek | null> =>
    call(() => commands.rotationExplanation(plan, rep, date)),
  setRotationWindow: (from: string, weeks: number): Promise<Changes> => call(() => commands.setRotationWindow(from, weeks)),
  setRotationLock: (rep: string, date: string, inOffice: boolean | null): Promise<Changes> =>
    call(() => commands.setRotationLock(rep, date, inOffice)),
  acceptRotation: (plan: number): Promise<Changes> => call(() => commands.acceptRotation(plan)),
  whatIfPolicy: (changes: PolicyChanges, offices: Window, reps: Window): Promise<WhatIfView> =>
    call(() => commands.whatIfPolicy(changes, offices, reps)),
  whatIfPage: (token: number, offices: Window, reps: Window): Promise<WhatIfView | null> =>
    call(() => commands.whatIfPage(token, offices, reps)),
  adoptWhatIf: (token: number): Promise<Changes> => call(() => commands.adoptWhatIf(token)),
  createTask: (task: Task): Promise<Changes> => call(() => commands.createTask(task)),
  updateTask: (task: Task, revision: number | null): Promise<Changes> => call(() => commands.updateTask(task, revision)),
  deleteTask: (id: string, revision: number | null): Promise<Changes> => call(() => commands.deleteTask(id, revision)),
  workloadSettings: (): Promise<WorkloadSettings> => call(() => commands.workloadSettings()),
  workloadPage: (from: string, to: string, query: WorkloadQuery, window: Window, plan: number | null): Promise<WorkloadPage> =>
    call(() => commands.workloadPage(from, to, query, window, plan)),
  workloadTasks: (from: string, to: string, query: TaskQuery, window: Window): Promise<Page<TaskRow>> =>
    call(() => commands.workloadTasks(from, to, query, window)),
  getTask: (id: string): Promise<Stored<Task>> => call(() => commands.getTask(id)),
  planBalance: (from: string | null, to: string | null): Promise<PlannedBalance> =>
    call(() => commands.planBalance(from, to)),
  cancelBalance: (): Promise<null> => call(() => commands.cancelBalance()),
  balanceChanges: (plan: number, filter: ChangeFilter, window: Window): Promise<Page<BalanceChange>> =>
    call(() => commands.balanceChanges(plan, filter, window)),
  discardBalance: (plan: number): Promise<null> => call(() => commands.discardBalance(plan)),
  setBalanceWindow: (from: string, to: string): Promise<Changes> => call(() => commands.setBalanceWindow(from, to)),
  applyBalance: (plan: number, tasks: string[], allBut: boolean): Promise<Changes> =>
    call(() => commands.applyBalance(plan, tasks, allBut)),
  teamWeek: (query: TeamWeekQuery, window: Window): Promise<TeamWeek> => call(() => commands.teamWeek(query, window)),
  myWeek: (rep: string, date: string, firstDay: Weekday): Promise<MyWeek | null> => call(() => commands.myWeek(rep, date, firstDay)),
  calendarView: (reps: string[], from: string, to: string, zone: string, hours: boolean, tasks: boolean): Promise<CalendarView> =>
    call(() => commands.calendarView(reps, from, to, zone, hours, tasks)),
  exportIcs: (scope: IcsScope): Promise<string | null> => call(() => commands.exportIcs(scope)),
  exportDocument: (): Promise<string | null> => call(() => commands.exportDocument()),
  exportRepsCsv: (): Promise<string | null> => call(() => commands.exportRepsCsv()),
  saveRepsCsvTemplate: (): Promise<string | null> => call(() => commands.saveRepsCsvTemplate()),
  exportRotationCsv: (): Promise<string | null> => call(() => commands.exportRotationCsv()),
  exportReport: (request: ReportExport): Promise<string | null> => call(() => commands.exportReport(request)),
  deskReport: (query: ReportQuery, window: Window): Promise<DeskReport> => call(() => commands.deskReport(query, window)),
  teamReport: (query: ReportQuery, window: Window): Promise<TeamReport> => call(() => commands.teamReport(query, window)),
  peopleReport: (query: ReportQuery, window: Window): Promise<PeopleReport> => call(() => commands.peopleReport(query, window)),
  setLeadTeam: (team: string | null): Promise<Changes> => call(() => commands.setLeadTeam(team)),
  openRepsCsv: (): Promise<RepsCsvPick | null> => call(() => commands.openRepsCsv()),
  importRepsCsv: (): Promise<Changes> => call(() => commands.importRepsCsv()),
  openDocument: (): Promise<DocumentPick | null> => call(() => commands.openDocument()),
  importDocument: (): Promise<ImportSummary> => call(() => commands.importDocument()),
  openIcsBusy: (rep: string): Promise<IcsPick | null> => call(() => commands.openIcsBusy(rep)),
  importIcsBusy: (rep: string, skipBad: boolean): Promise<Changes> => call(() => commands.importIcsBusy(rep, skipBad)),
  cancelImport: (): Promise<null> => call(() => commands.cancelImport()),
  listBackups: (): Promise<Backup[]> => call(() => commands.listBackups()),
  createBackup: (): Promise<string> => call(() => commands.createBackup()),
  restoreBackup: (file: string): Promise<ImportSummary> => call(() => commands.restoreBackup(file)),
  publishTargets: (): Promise<PublishingPage> => call(() => commands.publishTargets()),
  setPublishTarget: (team: string, url: string, user: string, include: Include, password: string | null, remember: boolean): Promise<PasswordKept> =>
    call(() => commands.setPublishTarget(team, url, user, include, password, remember)),
  removePublishTarget: (team: string): Promise<null> => call(() => commands.removePublishTarget(team)),
  publishTeam: (team: string, password: string | null, remember: boolean): Promise<PublishReport> =>
    call(() => commands.publishTeam(team, password, remember)),
  cancelPublish: (): Promise<null> => call(() => commands.cancelPublish()),
  resolvePublishConflict: (team: string, uid: string, resolution: Resolution): Promise<PublishPreview> =>
    call(() => commands.resolvePublishConflict(team, uid, resolution)),
  followCalendar: (url: string, user: string, password: string, remember: boolean): Promise<FollowAnswer> =>
    call(() => commands.followCalendar(url, user, password, remember)),
  refreshFollowed: (url: string, password: string | null, remember: boolean): Promise<FollowReport> =>
    call(() => commands.refreshFollowed(url, password, remember)),
  unfollowCalendar: (url: string): Promise<null> => call(() => commands.unfollowCalendar(url)),
  followedCalendars: (): Promise<FollowedPage> => call(() => commands.followedCalendars()),
  followedReps: (search: string, limit: number): Promise<FollowedReps> => call(() => commands.followedReps(search, limit)),
  followedWeek: (rep: string, date: string, firstDay: Weekday): Promise<FollowedWeek | null> =>
    call(() => commands.followedWeek(rep, date, firstDay)),
  /**
   * Calls `handler` as a publish goes (progress, then once `finished`),
   * also for the app's own retries; resolves to the function that stops
   * listening. Never rejects: without events the page still gets the report.
   */
  onPublishActivity: (handler: (activity: PublishActivity) => void): Promise<() => void> =>
    listenSafely((h) => events.publishActivity.listen((e) => h(e.payload)), handler),
  /**
   * Calls `handler` whenever another process (the command line) changed the
   * database; resolves to the function that stops listening. Never rejects:
   * without events the app still works, it only does not notice others.
   */
  onDbChanged: async (handler: (changes: ExternalChanges) => void): Promise<() => void> => {
    let stop: () => unknown;
    try {
      stop = await events.dbChanged.listen((e) => handler(e.payload));
    } catch {
      return () => {};
    }
    // Stopping may reject (the window is closing, or no event system in
    // tests); there is nothing left to stop then.
    return () => {
      try {
        const done = stop();
        if (done instanceof Promise) done.catch(() => {});
      } catch {
        // Already gone.
      }
    };
  },
};

export type Api = typeof api;

/** Subscribes through `listen`; a failure to subscribe or to stop is harmless. */
async function listenSafely<T>(
  listen: (handler: (payload: T) => void) => Promise<() => unknown>,
  handler: (payload: T) => void,
): Promise<() => void> {
  let stop: () => unknown;
  try {
    stop = await listen(handler);
  } catch {
    return () => {};
  }
  return () => {
    try {
      const done = stop();
      if (done instanceof Promise) done.catch(() => {});
    } catch {
      // Already gone.
    }
  };
}
