/**
 * The "Try a policy" form as the changes Rust plans (`PolicyChanges`), and
 * Rust's problems placed back at the form row they name.
 *
 * Only what differs from the stored team is sent: an office row whose desks
 * and open days are as stored is left out. Rust checks every value and
 * every id; these helpers only build the request and read the paths.
 */
import { t } from '../i18n';
import type { Office, OfficeChange, PolicyChanges, Problem, RepChange, Team, TeamChange, Weekday } from '../api';

export type OfficeDraft = { id: string; desks: string; open_days: Weekday[] };
export type TeamDraft = { id: string; anchor_days: Weekday[]; office: string };
/** A rep picked for the what-if; `office` '' keeps the stored one. */
export type RepDraft = { id: string; name: string; preferred_office_days: Weekday[]; office: string };

export type Draft = {
  from: string;
  weeks: string;
  min: string;
  max: string;
  offices: OfficeDraft[];
  teams: TeamDraft[];
  reps: RepDraft[];
};

function sameDays(a: readonly Weekday[], b: readonly Weekday[]): boolean {
  return a.length === b.length && a.every((d) => b.includes(d));
}

/** A whole number typed in a box; anything else is sent as typed for Rust to refuse (NaN becomes -1). */
function count(text: string): number {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : -1;
}

/** The draft as the stored team's values: nothing changed yet. */
export function draftOf(policy: { min: number; max: number }, offices: Office[], teams: Team[]): Draft {
  return {
    from: '',
    weeks: '',
    min: String(policy.min),
    max: String(policy.max),
    offices: offices.map((o) => ({ id: o.id, desks: String(o.desks), open_days: [...o.open_days] })),
    teams: teams.map((t) => ({ id: t.id, anchor_days: [...t.anchor_days], office: '' })),
    reps: [],
  };
}

/** The changes a draft asks for, against the stored policy, offices and teams. */
export function changesOf(
  draft: Draft,
  policy: { min: number; max: number },
  offices: Office[],
  teams: Team[],
): PolicyChanges {
  const min = count(draft.min);
  const max = count(draft.max);
  const officeChanges: OfficeChange[] = [];
  for (const d of draft.offices) {
    const o = offices.find((x) => x.id === d.id);
    if (!o) continue;
    const desks = count(d.desks);
    const c: OfficeChange = { id: d.id, desks: null, open_days: null };
    if (desks !== o.desks) c.desks = desks;
    if (!sameDays(d.open_days, o.open_days)) c.open_days = d.open_days;
    if (c.desks !== null || c.open_days !== null) officeChanges.push(c);
  }
  const teamChanges: TeamChange[] = [];
  for (const d of draft.teams) {
    const t = teams.find((x) => x.id === d.id);
    if (!t) continue;
    const c: TeamChange = { id: d.id, anchor_days: null, office: d.office === '' ? null : d.office };
    if (!sameDays(d.anchor_days, t.anchor_days)) c.anchor_days = d.anchor_days;
    if (c.anchor_days !== null || c.office !== null) teamChanges.push(c);
  }
  const repChanges: RepChange[] = draft.reps.map((r) => ({
    id: r.id,
    preferred_office_days: r.preferred_office_days,
    office: r.office === '' ? null : r.office,
  }));
  const weeks = draft.weeks.trim();
  return {
    from: draft.from === '' ? null : draft.from,
    weeks: weeks === '' ? null : count(weeks) < 0 ? 0 : count(weeks),
    policy:
      min === policy.min && max === policy.max
        ? null
        : { office_days_per_week: { min: Math.max(min, 0), max: Math.max(max, 0) } },
    offices: officeChanges,
    teams: teamChanges,
    reps: repChanges,
  };
}

/**
 * Boxes that do not hold a whole number, by form row: they cannot be sent
 * at all (Rust takes numbers), so they are said here; every other rule is
 * Rust's.
 */
export function notNumbers(draft: Draft): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const whole = (t: string) => /^\d+$/.test(t.trim());
  const add = (row: string, message: string) => out.set(row, [...(out.get(row) ?? []), message]);
  if (!whole(draft.min) || !whole(draft.max)) add('policy', t('rotation.whatif.minMaxNumbers'));
  if (draft.weeks.trim() !== '' && !whole(draft.weeks)) add('window', t('rotation.whatif.weeksNumber'));
  for (const o of draft.offices) if (!whole(o.desks)) add(`office:${o.id}`, t('rotation.whatif.desksNumber'));
  return out;
}

/**
 * The form row a problem's path names in the changes that were sent:
 * `policy`, `window`, `office:<id>`, `team:<id>`, `rep:<id>`, or `''` for
 * the form as a whole.
 */
export function rowOf(problem: Problem, sent: PolicyChanges): string {
  const p = problem.path;
  if (p.startsWith('policy')) return 'policy';
  if (p === 'from' || p === 'weeks') return 'window';
  const m = /^(offices|teams|reps)\[(\d+)\]/.exec(p);
  if (!m) return '';
  const i = Number(m[2]);
  const list = m[1] === 'offices' ? sent.offices : m[1] === 'teams' ? sent.teams : sent.reps;
  const item = list[i];
  if (!item) return '';
  return `${m[1] === 'offices' ? 'office' : m[1] === 'teams' ? 'team' : 'rep'}:${item.id}`;
}

/** Problems by form row (see {@link rowOf}). */
export function problemsByRow(problems: readonly Problem[], sent: PolicyChanges): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    const key = rowOf(p, sent);
    const list = out.get(key) ?? [];
    list.push(p.message);
    out.set(key, list);
  }
  return out;
}

/** "3 → 4" for a desk cell; closed days show "closed". */
export function deskText(before: number | null, after: number | null): string {
  const show = (n: number | null) => (n === null ? t('rotation.whatif.closed') : String(n));
  return before === after ? show(after) : `${show(before)} → ${show(after)}`;
}
