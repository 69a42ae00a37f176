/**
 * The "Office days" board as a pure model: which weeks and days it shows, the
 * reps grouped by office then team, each cell's state (in / remote /
 * unavailable, and the lead's lock), desks used per office and day, and the
 * lock cycle a click walks through.
 *
 * Rust plans and validates; this module only arranges what Rust returned (a
 * fresh plan or the accepted `office_days`) for display. The rule-1 reasons a
 * cell is unavailable mirror the contract so the board can say why before the
 * lead clicks; Rust stays the authority and refuses a lock with its own reason.
 */
import type {
  Lock,
  Office,
  OfficeDay,
  RepWeek,
  Rep,
  RotationAnswer,
  RotationObjective,
  Scenario,
  Team,
  Weekday,
} from '../api';
import { isDate } from './clock';
import { WEEKDAYS } from './weekdays';

const DAY_MS = 86_400_000;

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return iso(new Date(utc(date).getTime() + n * DAY_MS));
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(utc(date).getUTCDay() + 6) % 7];
}

/** The Monday of the ISO week that contains `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
}

/** The ISO week label Rust uses in explanations, e.g. `2026-W49`. */
export function isoWeek(date: string): string {
  // The ISO year is the year of the week's Thursday.
  const thursday = utc(addDays(mondayOf(date), 3));
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** `Tue 1 Dec` */
export function shortDate(date: string): string {
  const d = utc(date);
  const wd = d.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
  const md = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return `${wd} ${md}`;
}

/** What the board plans over: whole ISO weeks from the Monday of `from`. */
export type RotationWindow = { from: string; weeks: number };

export const MAX_WEEKS = 104;
export const DEFAULT_WEEKS = 4;

/**
 * The window the board starts with: the stored one, else next Monday for
 * four weeks (a lead plans ahead; the current week is usually settled).
 */
export function defaultWindow(scenario: Scenario | null, today: string): RotationWindow {
  const stored = scenario?.requests.rotation;
  if (stored) return { from: mondayOf(stored.from), weeks: stored.weeks };
  return { from: addDays(mondayOf(today), 7), weeks: DEFAULT_WEEKS };
}

/** The window form's text, checked; `null` with a message when it is not usable. */
export function parseWindow(from: string, weeks: string): { window: RotationWindow } | { error: string } {
  const f = from.trim();
  if (!isDate(f)) return { error: 'enter the first week as a date YYYY-MM-DD' };
  const w = weeks.trim();
  if (!/^\d+$/.test(w) || Number(w) < 1 || Number(w) > MAX_WEEKS) {
    return { error: `enter 1 to ${MAX_WEEKS} weeks` };
  }
  return { window: { from: mondayOf(f), weeks: Number(w) } };
}

export function sameWindow(a: RotationWindow | null, b: RotationWindow | null): boolean {
  return !!a && !!b && mondayOf(a.from) === mondayOf(b.from) && a.weeks === b.weeks;
}

/** The stored window, if any (the board's locks live in it). */
export function storedWindow(scenario: Scenario | null): RotationWindow | null {
  const r = scenario?.requests.rotation;
  return r ? { from: mondayOf(r.from), weeks: r.weeks } : null;
}

/** Every date of the window's weeks, Monday to Sunday. */
export function windowDates(w: RotationWindow): string[] {
  const start = mondayOf(w.from);
  return Array.from({ length: w.weeks * 7 }, (_, i) => addDays(start, i));
}

/** One week of the board: its label and the dates shown. */
export type BoardWeek = { week: string; dates: string[] };

/**
 * The window's weeks with the weekdays worth a column: those on which one of
 * `offices` opens (a weekend nobody can come in on would be a grey column).
 */
export function boardWeeks(w: RotationWindow, offices: readonly Office[]): BoardWeek[] {
  const open = new Set<Weekday>(offices.flatMap((o) => o.open_days));
  const shown = open.size > 0 ? open : new Set<Weekday>(WEEKDAYS.slice(0, 5));
  const out: BoardWeek[] = [];
  const dates = windowDates(w);
  for (let k = 0; k < w.weeks; k++) {
    const week = dates.slice(k * 7, k * 7 + 7);
    out.push({ week: isoWeek(week[0]), dates: week.filter((d) => shown.has(weekdayOf(d))) });
  }
  return out;
}

export function isOpen(office: Office, date: string): boolean {
  return office.open_days.includes(weekdayOf(date)) && !office.closed_dates.includes(date);
}

export function onTimeOff(rep: Rep, date: string): boolean {
  return rep.time_off.some((r) => r.start <= date && date <= r.end);
}

export type Unavailable = 'closed' | 'time off' | 'no-office day';

/** Why rule 1 keeps `rep` out of `office` on `date`, or null when they may come in. */
export function unavailable(rep: Rep, office: Office, date: string): Unavailable | null {
  if (!isOpen(office, date)) return 'closed';
  if (onTimeOff(rep, date)) return 'time off';
  if (rep.no_office_days.includes(weekdayOf(date))) return 'no-office day';
  return null;
}

export type LockState = boolean | null;

/** A click's next lock: none → locked in → locked out → none. */
export function nextLock(current: LockState): LockState {
  if (current === null) return true;
  if (current) return false;
  return null;
}

export function dayKey(rep: string, date: string): string {
  return `${rep}|${date}`;
}

export function lockMap(locks: readonly Lock[]): Map<string, boolean> {
  return new Map(locks.map((l) => [dayKey(l.rep, l.date), l.in_office]));
}

/** Where a board's office days come from. */
export type Source = 'plan' | 'accepted';

/** Whether a plan covers `rep` (a one-office plan covers only that office's reps). */
export function planCovers(plan: RotationAnswer, rep: Rep): boolean {
  return plan.office === null || plan.office === rep.office;
}

export type CellKind = 'in' | 'remote' | 'unavailable';

export type Cell = {
  rep: string;
  date: string;
  kind: CellKind;
  /** Set when kind is `unavailable`. */
  why: Unavailable | null;
  lock: LockState;
  /** A lock the shown days do not follow yet (re-plan to apply it). */
  pending: boolean;
  source: Source;
  anchor: boolean;
  preferred: boolean;
};

export type BoardRep = { rep: Rep; cells: Cell[] };
export type BoardTeam = { team: Team | null; label: string; anchorDays: Weekday[]; reps: BoardRep[] };
export type DeskDay = { date: string; used: number; desks: number; closed: boolean; over: boolean };
export type BoardOffice = { office: Office; desks: DeskDay[]; teams: BoardTeam[] };

export type Board = {
  weeks: BoardWeek[];
  dates: string[];
  offices: BoardOffice[];
  /** Reps with no home office: always remote, listed apart. */
  remote: Rep[];
  /** Whether any cell shows a fresh plan (else every cell is accepted days). */
  showsPlan: boolean;
};

export type BoardInput = {
  scenario: Scenario;
  window: RotationWindow;
  /** Office id to show, or null for all. */
  office: string | null;
  /** A fresh plan to show; infeasible plans are not shown (their days are empty). */
  plan: RotationAnswer | null;
};

/** Arranges the team, its locks and the shown office days as the board. */
export function buildBoard({ scenario, window, office, plan }: BoardInput): Board {
  const offices = scenario.offices.filter((o) => office === null || o.id === office);
  const weeks = boardWeeks(window, offices);
  const dates = weeks.flatMap((w) => w.dates);
  const usable = plan && plan.infeasible_reason === null ? plan : null;
  const planned = new Set((usable?.assignments ?? []).map((a) => dayKey(a.rep, a.date)));
  const accepted = new Set(scenario.office_days.map((d: OfficeDay) => dayKey(d.rep, d.date)));
  const locks = lockMap(scenario.requests.rotation?.locks ?? []);
  const teamOf = new Map(scenario.teams.map((t) => [t.id, t]));
  let showsPlan = false;

  const byName = (a: Rep, b: Rep) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

  const boardOffices = offices.map((o) => {
    const reps = scenario.reps.filter((r) => r.office === o.id).sort(byName);
    const rows: BoardRep[] = reps.map((rep) => {
      const source: Source = usable && planCovers(usable, rep) ? 'plan' : 'accepted';
      if (source === 'plan') showsPlan = true;
      const inSet = source === 'plan' ? planned : accepted;
      const anchors = (rep.team && teamOf.get(rep.team)?.anchor_days) || [];
      return {
        rep,
        cells: dates.map((date) => {
          const why = unavailable(rep, o, date);
          const key = dayKey(rep.id, date);
          const lock = locks.get(key) ?? null;
          const kind: CellKind = why ? 'unavailable' : inSet.has(key) ? 'in' : 'remote';
          const wd = weekdayOf(date);
          return {
            rep: rep.id,
            date,
            kind,
            why,
            lock,
            pending: lock !== null && (kind === 'in') !== lock,
            source,
            anchor: anchors.includes(wd),
            preferred: rep.preferred_office_days.includes(wd),
          };
        }),
      };
    });

    const teams: BoardTeam[] = [];
    for (const row of rows) {
      const id = row.rep.team;
      let group = teams.find((t) => (t.team?.id ?? null) === id);
      if (!group) {
        const team = id ? (teamOf.get(id) ?? null) : null;
        group = { team, label: team?.name ?? (id ? id : 'No team'), anchorDays: team?.anchor_days ?? [], reps: [] };
        teams.push(group);
      }
      group.reps.push(row);
    }
    // Named teams alphabetically, reps without a team last.
    teams.sort((a, b) => (a.team === null ? 1 : 0) - (b.team === null ? 1 : 0) || a.label.localeCompare(b.label));

    const desks: DeskDay[] = dates.map((date, i) => {
      const used = rows.filter((r) => r.cells[i].kind === 'in').length;
      const closed = !isOpen(o, date);
      return { date, used, desks: o.desks, closed, over: used > o.desks };
    });
    return { office: o, desks, teams };
  });

  return {
    weeks,
    dates,
    offices: boardOffices,
    remote: office === null ? scenario.reps.filter((r) => r.office === null).sort(byName) : [],
    showsPlan,
  };
}

/** The fraction of a desk bar to fill, 0..1 (a full office is 1). */
export function deskFill(d: DeskDay): number {
  if (d.desks <= 0) return d.used > 0 ? 1 : 0;
  return Math.min(1, d.used / d.desks);
}

export function explanationMap(plan: RotationAnswer | null): Map<string, RepWeek> {
  return new Map((plan?.explanations ?? []).map((e) => [`${e.rep}|${e.week}`, e]));
}

export function explanationFor(map: Map<string, RepWeek>, rep: string, date: string): RepWeek | null {
  return map.get(`${rep}|${isoWeek(date)}`) ?? null;
}

/** The reasons a rep-week explanation gives for one date (empty when they are not in). */
export function reasonsOn(week: RepWeek | null, date: string): string[] {
  return week?.days.find((d) => d.date === date)?.reasons ?? [];
}

const KIND_WORDS: Record<CellKind, string> = { in: 'in the office', remote: 'remote', unavailable: 'cannot come in' };

/** The cell in words, for its accessible name and tooltip. */
export function cellText(cell: Cell, repName: string, reasons: readonly string[] = []): string {
  const parts = [`${repName}, ${shortDate(cell.date)}: ${cell.kind === 'unavailable' ? `${cell.why}` : KIND_WORDS[cell.kind]}`];
  if (cell.kind !== 'unavailable') parts.push(cell.source === 'plan' ? 'planned' : 'accepted');
  if (cell.lock !== null) parts.push(cell.lock ? 'locked in' : 'locked out');
  if (cell.pending) parts.push('re-plan to apply the lock');
  if (reasons.length > 0) parts.push(reasons.join(', '));
  return parts.join('; ');
}

export type ObjectiveTerm = { key: keyof Omit<RotationObjective, 'total'>; label: string; weight: string; value: number };

/** The objective's terms with the contract's weights, for the breakdown. */
export function objectiveTerms(o: RotationObjective): ObjectiveTerm[] {
  return [
    { key: 'co_presence', label: 'Teammates together', weight: '1 point per pair-day', value: o.co_presence },
    { key: 'anchor', label: 'Team anchor days', weight: '2 points per rep-day', value: o.anchor },
    { key: 'preference', label: 'Preferred days', weight: '2 points per rep-day', value: o.preference },
    { key: 'in_person', label: 'In-person meetings', weight: '3 points per attendee', value: o.in_person },
  ];
}

/** How far the plan may be from optimal: the gap to the upper bound, and as a share of it. */
export function optimalityGap(plan: RotationAnswer): { gap: number; percent: number; proven: boolean } | null {
  if (!plan.objective || plan.upper_bound === null) return null;
  const gap = Math.max(0, plan.upper_bound - plan.objective.total);
  const percent = plan.upper_bound > 0 ? (gap / plan.upper_bound) * 100 : 0;
  return { gap, percent, proven: gap === 0 };
}

/** The cell a key press moves to, clamped to the grid; null for other keys. */
export function moveFocus(
  key: string,
  row: number,
  col: number,
  rows: number,
  cols: number,
): { row: number; col: number } | null {
  switch (key) {
    case 'ArrowUp':
      return { row: Math.max(0, row - 1), col };
    case 'ArrowDown':
      return { row: Math.min(rows - 1, row + 1), col };
    case 'ArrowLeft':
      return { row, col: Math.max(0, col - 1) };
    case 'ArrowRight':
      return { row, col: Math.min(cols - 1, col + 1) };
    case 'Home':
      return { row, col: 0 };
    case 'End':
      return { row, col: cols - 1 };
    default:
      return null;
  }
}

/** The calendar date `YYYY-MM-DD` of `d` on this computer's clock. */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
