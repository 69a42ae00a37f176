/**
 * The one typed gateway from the UI to the Rust core.
 *
 * Rules: nothing else in the UI imports `./bindings` values or calls `invoke`;
 * every command's `Result` is unwrapped here and a failure becomes an
 * {@link ApiError} whose `code` the UI switches on (never its text).
 */
import { commands } from './bindings';
import type {
  About,
  Booking,
  CommandError,
  MeetingAnswer,
  MeetingRequest,
  Office,
  Policy,
  Problem,
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
} from './bindings';

export type {
  About,
  AttendeeSlot,
  Booking,
  CommandError,
  DayRibbon,
  FairPlan,
  Meeting,
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
  Weekday,
  Assignment,
  DayWhy,
  Lock,
  OfficeDay,
  RepWeek,
  RotationAnswer,
  RotationObjective,
  RotationRequest,
  Task,
  AcceptedMove,
  BalanceAnswer,
  BalanceAssignment,
  BalanceBounds,
  BalanceObjective,
  BalanceRequest,
  RepWorkload,
  Unassignable,
  AttendeeTime,
  CalendarEvent,
  CalendarResource,
  CalendarView,
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
} from './bindings';

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
    return new ApiError('unexpected', typeof e === 'string' ? e : 'the command failed');
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

async function call<R>(run: () => Promise<R>): Promise<Unwrapped<R>> {
  let r: R;
  try {
    r = await run();
  } catch (e) {
    throw ApiError.from(e);
  }
  if (isResult(r)) {
    if (r.status === 'ok') return r.data as Unwrapped<R>;
    throw ApiError.from(r.error);
  }
  return r as Unwrapped<R>;
}

export const api = {
  about: (): Promise<About> => call(() => commands.about()),
  loadTeam: (): Promise<Scenario> => call(() => commands.loadTeam()),
  zoneNames: (): Promise<string[]> => call(() => commands.zoneNames()),
  loadSampleTeam: (): Promise<Scenario> => call(() => commands.loadSampleTeam()),
  createRep: (rep: Rep): Promise<Scenario> => call(() => commands.createRep(rep)),
  updateRep: (rep: Rep): Promise<Scenario> => call(() => commands.updateRep(rep)),
  deleteRep: (id: string): Promise<Scenario> => call(() => commands.deleteRep(id)),
  createTeam: (team: Team): Promise<Scenario> => call(() => commands.createTeam(team)),
  updateTeam: (team: Team): Promise<Scenario> => call(() => commands.updateTeam(team)),
  deleteTeam: (id: string): Promise<Scenario> => call(() => commands.deleteTeam(id)),
  createOffice: (office: Office): Promise<Scenario> => call(() => commands.createOffice(office)),
  updateOffice: (office: Office): Promise<Scenario> => call(() => commands.updateOffice(office)),
  deleteOffice: (id: string): Promise<Scenario> => call(() => commands.deleteOffice(id)),
  updatePolicy: (policy: Policy): Promise<Scenario> => call(() => commands.updatePolicy(policy)),
  suggestMeeting: (request: MeetingRequest): Promise<MeetingAnswer> => call(() => commands.suggestMeeting(request)),
  bookMeeting: (booking: Booking): Promise<Scenario> => call(() => commands.bookMeeting(booking)),
  deleteMeeting: (id: string): Promise<Scenario> => call(() => commands.deleteMeeting(id)),
  planRotation: (from: string | null, weeks: number | null, office: string | null): Promise<RotationAnswer> =>
    call(() => commands.planRotation(from, weeks, office)),
  setRotationWindow: (from: string, weeks: number): Promise<Scenario> => call(() => commands.setRotationWindow(from, weeks)),
  setRotationLock: (rep: string, date: string, inOffice: boolean | null): Promise<Scenario> =>
    call(() => commands.setRotationLock(rep, date, inOffice)),
  acceptRotation: (plan: RotationAnswer): Promise<Scenario> => call(() => commands.acceptRotation(plan)),
  createTask: (task: Task): Promise<Scenario> => call(() => commands.createTask(task)),
  updateTask: (task: Task): Promise<Scenario> => call(() => commands.updateTask(task)),
  deleteTask: (id: string): Promise<Scenario> => call(() => commands.deleteTask(id)),
  planBalance: (from: string | null, to: string | null): Promise<BalanceAnswer> =>
    call(() => commands.planBalance(from, to)),
  setBalanceWindow: (from: string, to: string): Promise<Scenario> => call(() => commands.setBalanceWindow(from, to)),
  applyBalance: (moves: AcceptedMove[]): Promise<Scenario> => call(() => commands.applyBalance(moves)),
  calendarView: (reps: string[], from: string, to: string, zone: string, hours: boolean, tasks: boolean): Promise<CalendarView> =>
    call(() => commands.calendarView(reps, from, to, zone, hours, tasks)),
  exportIcs: (scope: IcsScope): Promise<string | null> => call(() => commands.exportIcs(scope)),
  exportDocument: (): Promise<string | null> => call(() => commands.exportDocument()),
  exportRepsCsv: (): Promise<string | null> => call(() => commands.exportRepsCsv()),
  saveRepsCsvTemplate: (): Promise<string | null> => call(() => commands.saveRepsCsvTemplate()),
  exportRotationCsv: (): Promise<string | null> => call(() => commands.exportRotationCsv()),
  openRepsCsv: (): Promise<RepsCsvPick | null> => call(() => commands.openRepsCsv()),
  importRepsCsv: (): Promise<Scenario> => call(() => commands.importRepsCsv()),
  openDocument: (): Promise<DocumentPick | null> => call(() => commands.openDocument()),
  importDocument: (): Promise<Scenario> => call(() => commands.importDocument()),
  openIcsBusy: (rep: string): Promise<IcsPick | null> => call(() => commands.openIcsBusy(rep)),
  importIcsBusy: (rep: string, skipBad: boolean): Promise<Scenario> => call(() => commands.importIcsBusy(rep, skipBad)),
  cancelImport: (): Promise<null> => call(() => commands.cancelImport()),
};

export type Api = typeof api;
