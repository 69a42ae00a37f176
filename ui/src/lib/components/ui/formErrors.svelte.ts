/**
 * A form's problems, from the client checks or from Rust, mapped to its fields.
 * `errors(key)` gives the messages for one field; `unmapped` the rest.
 */
import { tick } from 'svelte';
import { ApiError, type Problem } from '../../api';
import { assignProblems } from '../../domain/problems';

export class FormErrors {
  problems = $state<Problem[]>([]);
  message = $state<string | null>(null);
  /** The item changed or was removed elsewhere since the form opened: offer Reload. */
  conflict = $state(false);
  #keys: () => string[];

  constructor(keys: () => string[]) {
    this.#keys = keys;
  }

  assigned = $derived.by(() => assignProblems(this.problems, this.#keys()));

  errors = (key: string): string[] => this.assigned.byField.get(key) ?? [];

  get unmapped(): Problem[] {
    return this.assigned.unmapped;
  }

  get any(): boolean {
    return this.problems.length > 0 || this.message !== null;
  }

  clear(): void {
    this.problems = [];
    this.message = null;
    this.conflict = false;
  }

  local(problems: Problem[]): void {
    this.problems = problems;
    this.message = 'Not saved yet: check the highlighted fields.';
  }

  fromError(e: unknown): void {
    const err = ApiError.from(e);
    let problems = err.problems;
    if (problems.length === 0 && err.code === 'duplicate_id') problems = [{ path: 'id', message: err.message }];
    this.problems = problems;
    this.conflict = err.code === 'conflict';
    // A conflict's message is Rust's whole sentence: who changed it, and what to do.
    this.message = this.conflict ? err.message : `Not saved: ${err.message}`;
  }
}

/** Moves focus to the first invalid control inside `root` (after the DOM updated). */
export function focusFirstInvalid(root: HTMLElement | undefined): void {
  void tick().then(() => {
    root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
