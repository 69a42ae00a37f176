/**
 * A form's problems, from the client checks or from Rust, mapped to its fields.
 * `errors(key)` gives the messages for one field; `unmapped` the rest.
 */
import { tick } from 'svelte';
import { ApiError, type Problem } from '../../api';
import { assignProblems } from '../../domain/problems';
import { t } from '../../i18n';

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

  /** A save is under way: the submit button waits, a second submit is ignored. */
  saving = $state(false);

  /**
   * Every form's submit, in one place: the client's own checks, then `save`;
   * problems from either land on their fields and focus moves to the first
   * invalid one. A save that throws leaves the form open with Rust's words.
   */
  async submit(
    e: SubmitEvent,
    root: HTMLElement | undefined,
    check: () => Problem[],
    save: () => Promise<unknown>,
  ): Promise<void> {
    e.preventDefault();
    if (this.saving) return;
    const local = check();
    if (local.length > 0) {
      this.local(local);
      focusFirstInvalid(root);
      return;
    }
    this.clear();
    this.saving = true;
    try {
      await save();
    } catch (err) {
      this.fromError(err);
      focusFirstInvalid(root);
    } finally {
      this.saving = false;
    }
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
    this.message = t('ui.form.notSavedYet');
  }

  fromError(e: unknown): void {
    const err = ApiError.from(e);
    let problems = err.problems;
    if (problems.length === 0 && err.code === 'duplicate_id') problems = [{ path: 'id', message: err.message }];
    this.problems = problems;
    this.conflict = err.code === 'conflict';
    // A conflict's message is Rust's whole sentence: who changed it, and what to do.
    this.message = this.conflict ? err.message : t('ui.form.notSaved', { message: err.message });
  }
}

/** Moves focus to the first invalid control inside `root` (after the DOM updated). */
export function focusFirstInvalid(root: HTMLElement | undefined): void {
  void tick().then(() => {
    root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
