/**
 * The "Backups" screen's state: the snapshots Rust lists beside the database,
 * taking one now, and restoring one.
 *
 * Rules: the page only ever holds a backup's file *name* (Rust resolves it in
 * the backups folder; the page never sees a path). A restore replaces the
 * whole team after Rust snapshots the current data, so the team is read
 * again through AppState and the list is read again too (it now holds that
 * snapshot).
 */
import { getContext, setContext } from 'svelte';
import { ApiError, type Api, type Backup } from '../api';
import { api as defaultApi } from '../api';
import type { AppState } from './app.svelte';
import { t } from '../i18n';

export class BackupsState {
  list = $state<Backup[]>([]);
  loading = $state(false);
  busy = $state(false);
  error = $state<ApiError | null>(null);

  readonly #app: AppState;
  readonly #api: Api;

  constructor(app: AppState, gateway: Api = defaultApi) {
    this.#app = app;
    this.#api = gateway;
  }

  async refresh(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.list = await this.#api.listBackups();
    } catch (e) {
      this.error = ApiError.from(e);
    } finally {
      this.loading = false;
    }
  }

  /** Writes a snapshot now; the error is kept for the page to show. */
  async backUp(): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      const file = await this.#api.createBackup();
      this.#app.say(t('backups.notices.backedUp', { file }));
    } catch (e) {
      this.error = ApiError.from(e);
    } finally {
      this.busy = false;
    }
    await this.refresh();
  }

  /** Restores the backup named `file`; throws the `ApiError` (the dialog shows it). */
  async restore(file: string): Promise<void> {
    this.busy = true;
    try {
      await this.#api.restoreBackup(file);
    } catch (e) {
      throw ApiError.from(e);
    } finally {
      this.busy = false;
    }
    await this.#app.reload();
    this.#app.say(t('backups.notices.restored', { file }));
    await this.refresh();
  }
}

const KEY = Symbol('meridian.backups-state');

export function provideBackupsState(state: BackupsState): BackupsState {
  return setContext(KEY, state);
}

export function useBackupsState(): BackupsState {
  const state = getContext<BackupsState | undefined>(KEY);
  if (!state) throw new Error('useBackupsState() outside of a BackupsState provider');
  return state;
}
