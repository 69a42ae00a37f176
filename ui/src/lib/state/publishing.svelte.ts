/**
 * The "Publishing" screen's state: each team's calendar on a CalDAV server
 * as Rust reports it (what is waiting, conflicts, where the password is, the
 * next retry), the add/edit form's save, and one publish at a time through
 * its dialog: preview → progress (Rust's `publish-activity` events) → result.
 *
 * Rules: Rust decides what changed, what conflicts and when to retry; this
 * class only asks and holds the answers. A password typed here goes to Rust
 * once and is not kept in the page.
 */
import { getContext, setContext } from 'svelte';
import {
  ApiError,
  api as defaultApi,
  type Api,
  type Include,
  type PasswordKept,
  type PublishPreview,
  type PublishProgress,
  type PublishReport,
  type PublishRow,
  type PublishingPage,
  type Resolution,
} from '../api';
import type { AppState } from './app.svelte';
import { t } from '../i18n';

/** What the add/edit form sends. */
export type TargetDraft = {
  team: string;
  url: string;
  user: string;
  include: Include;
  /** Empty: keep the password this computer has. */
  password: string;
  remember: boolean;
};

/** The publish dialog of one team. */
export type PublishRun = {
  team: string;
  teamName: string;
  stage: 'preview' | 'running' | 'done';
  preview: PublishPreview | null;
  /** The page must ask for the password before publishing. */
  needsPassword: boolean;
  progress: PublishProgress | null;
  report: PublishReport | null;
  error: ApiError | null;
};

export class PublishingState {
  page = $state<PublishingPage | null>(null);
  loading = $state(false);
  error = $state<ApiError | null>(null);
  /** The open publish dialog, if any. */
  run = $state<PublishRun | null>(null);
  /** Progress of publishes the page did not start (background retries), by team. */
  activity = $state<Record<string, PublishProgress>>({});
  /** Conflicts being settled now, by uid. */
  settling = $state<Record<string, boolean>>({});

  readonly #app: AppState;
  readonly #api: Api;
  #unlisten: (() => void) | null = null;
  #listening: Promise<void> | null = null;
  #seq = 0;

  constructor(app: AppState, gateway: Api = defaultApi) {
    this.#app = app;
    this.#api = gateway;
  }

  get rows(): PublishRow[] {
    return this.page?.targets ?? [];
  }

  /** Whether passwords can be kept past this session on this computer. */
  get keyring(): boolean {
    return this.page?.keyring ?? true;
  }

  row(team: string): PublishRow | null {
    return this.rows.find((r) => r.target.team === team) ?? null;
  }

  /** Reads every team's target again; a newer call wins. */
  async refresh(): Promise<void> {
    const seq = ++this.#seq;
    this.loading = true;
    try {
      const page = await this.#api.publishTargets();
      if (seq !== this.#seq) return;
      this.page = page;
      this.error = null;
    } catch (e) {
      if (seq === this.#seq) this.error = ApiError.from(e);
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  /** Follows Rust's publish events (once); stopped by {@link dispose}. */
  listen(): Promise<void> {
    this.#listening ??= this.#api
      .onPublishActivity((a) => {
        if (this.run && this.run.team === a.team) {
          // The dialog's own publish (an event may come after its answer).
          if (this.run.stage === 'running') this.run = { ...this.run, progress: a.progress };
        } else if (!a.finished) {
          this.activity = { ...this.activity, [a.team]: a.progress };
        }
        if (a.finished) {
          this.activity = without(this.activity, a.team);
          // A background retry finished: show what it left.
          if (!this.run || this.run.team !== a.team) void this.refresh();
        }
      })
      .then((stop) => {
        this.#unlisten = stop;
      });
    return this.#listening;
  }

  dispose(): void {
    this.#unlisten?.();
    this.#unlisten = null;
    this.#listening = null;
  }

  /** Saves a team's calendar; throws the ApiError (the form shows it). */
  async saveTarget(draft: TargetDraft): Promise<PasswordKept> {
    let kept: PasswordKept;
    try {
      kept = await this.#api.setPublishTarget(
        draft.team,
        draft.url.trim(),
        draft.user.trim(),
        draft.include,
        draft.password === '' ? null : draft.password,
        draft.remember,
      );
    } catch (e) {
      throw ApiError.from(e);
    }
    await this.refresh();
    return kept;
  }

  /** Stops publishing a team; throws the ApiError (the dialog shows it). */
  async removeTarget(team: string, teamName: string): Promise<void> {
    try {
      await this.#api.removePublishTarget(team);
    } catch (e) {
      throw ApiError.from(e);
    }
    this.#app.say(t('publishing.notices.stopped', { team: teamName }));
    await this.refresh();
  }

  /** Opens the publish dialog on what Rust says is waiting. */
  open(team: string): void {
    const row = this.row(team);
    if (!row) return;
    this.run = {
      team,
      teamName: row.target.team_name,
      stage: 'preview',
      preview: row.preview,
      needsPassword: row.password === 'missing',
      progress: null,
      report: null,
      error: row.preview_error ? new ApiError('unexpected', row.preview_error) : null,
    };
  }

  close(): void {
    if (this.run?.stage === 'running') return;
    this.run = null;
    void this.refresh();
  }

  /** Publishes the dialog's team; the report (server errors included) ends the dialog. */
  async publish(password: string | null, remember: boolean): Promise<void> {
    const run = this.run;
    if (!run || run.stage === 'running') return;
    this.run = { ...run, stage: 'running', progress: null, error: null };
    await this.listen();
    try {
      const report = await this.#api.publishTeam(run.team, password === '' ? null : password, remember);
      this.run = { ...run, stage: 'done', progress: this.run?.progress ?? null, report, error: null };
    } catch (e) {
      const error = ApiError.from(e);
      // A password Rust does not have: back to the form, asking for it.
      const needsPassword = run.needsPassword || error.problems.some((p) => p.path === 'password');
      this.run = { ...run, stage: 'preview', needsPassword, error };
    }
    await this.refresh();
  }

  /** Stops the running publish after the requests in flight. */
  async cancel(): Promise<void> {
    try {
      await this.#api.cancelPublish();
    } catch (e) {
      if (this.run) this.run = { ...this.run, error: ApiError.from(e) };
    }
  }

  /** Settles one conflict; the team's waiting count follows from Rust's answer. */
  async resolve(team: string, uid: string, resolution: Resolution): Promise<void> {
    this.settling = { ...this.settling, [uid]: true };
    try {
      const preview = await this.#api.resolvePublishConflict(team, uid, resolution);
      if (this.page) {
        this.page = {
          ...this.page,
          targets: this.page.targets.map((r) => (r.target.team === team ? { ...r, preview, preview_error: null } : r)),
        };
      }
      this.error = null;
      this.#app.say(resolution === 'keep_theirs' ? t('publishing.notices.keptTheirs') : t('publishing.notices.useMeridian'));
    } catch (e) {
      this.error = ApiError.from(e);
    } finally {
      this.settling = without(this.settling, uid);
    }
  }
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

const KEY = Symbol('meridian.publishing-state');

export function providePublishingState(state: PublishingState): PublishingState {
  return setContext(KEY, state);
}

export function usePublishingState(): PublishingState {
  const state = getContext<PublishingState | undefined>(KEY);
  if (!state) throw new Error('usePublishingState() outside of a PublishingState provider');
  return state;
}
