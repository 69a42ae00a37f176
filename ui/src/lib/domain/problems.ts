/**
 * Puts validation problems next to the form fields they are about.
 *
 * Rust reports the edited entity's problems with paths relative to it
 * (`time_zone`, `working_hours.mon[0]`, `time_off[1].end`, `""` for the entity
 * as a whole) and every other problem document-wide (`reps[3].team`,
 * `meetings[0].attendees[1]`). Each problem goes to the longest field key that
 * is a path prefix of it (at a `.` or `[` boundary); document-wide and whole-
 * entity problems match no field and are shown at form level.
 */
import type { Problem } from '../api';


function covers(key: string, path: string): boolean {
  if (path === key) return true;
  if (!path.startsWith(key)) return false;
  const next = path[key.length];
  return next === '.' || next === '[';
}

export type ProblemAssignment = {
  byField: Map<string, string[]>;
  unmapped: Problem[];
};

export function assignProblems(problems: readonly Problem[], fieldKeys: readonly string[]): ProblemAssignment {
  const byField = new Map<string, string[]>();
  const unmapped: Problem[] = [];
  for (const problem of problems) {
    const path = problem.path.trim();
    if (path === '') {
      unmapped.push(problem);
      continue;
    }
    let best: string | null = null;
    for (const key of fieldKeys) {
      if (covers(key, path) && (best === null || key.length > best.length)) best = key;
    }
    if (best === null) {
      unmapped.push(problem);
    } else {
      const list = byField.get(best) ?? [];
      list.push(problem.message);
      byField.set(best, list);
    }
  }
  return { byField, unmapped };
}
