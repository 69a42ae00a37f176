/**
 * Publishing wording. Rust decides what is waiting, what conflicts, where a
 * password is and when the next retry is; these only put it in words.
 */
import type { Include, PasswordKept, PublishConflict, PublishPreview, PublishReport, PublishRow } from '../../api';
import { formatCreated } from '../../domain/backups';
import { t } from '../../i18n';

/** Changes a preview would send. */
export function waiting(p: PublishPreview | null): number {
  return p ? p.create + p.update + p.delete : 0;
}

/** "3 changes waiting to publish · retrying at 10:31", or "Up to date". */
export function waitingText(row: PublishRow): string {
  const n = waiting(row.preview);
  const parts = [n === 0 ? t('publishing.words.upToDate') : t('publishing.words.waiting', { count: n })];
  if (row.retry_at) parts.push(t('publishing.words.retrying', { time: row.retry_at }));
  return parts.join(' · ');
}

/** "2 to create · 1 to update · 0 to delete · 40 unchanged". */
export function previewText(p: PublishPreview): string {
  return t('publishing.words.preview', { create: p.create, update: p.update, delete: p.delete, unchanged: p.unchanged });
}

/** "Last published 2026-12-04 19:02 UTC", or never. */
export function lastPublishedText(lastOk: string | null): string {
  return lastOk ? t('publishing.words.lastPublished', { when: formatCreated(lastOk) }) : t('publishing.words.neverPublished');
}

/** What the calendar holds: "Office days, meetings, Away". */
export function includesText(i: Include): string {
  const parts = [
    i.office_days && t('publishing.words.includeOfficeDays'),
    i.meetings && t('publishing.words.includeMeetings'),
    i.away && t('publishing.words.includeAway'),
  ].filter((p): p is string => !!p);
  if (parts.length === 0) return t('publishing.words.nothingIncluded');
  const text = parts.join(', ');
  return text[0].toUpperCase() + text.slice(1);
}

/** Where the account's password is, when that matters to the lead. */
export function passwordText(kept: PasswordKept): string | null {
  switch (kept) {
    case 'session':
      return t('publishing.words.passwordSession');
    case 'missing':
      return t('publishing.words.passwordMissing');
    default:
      return null;
  }
}

/** The note shown when passwords cannot be kept past this session (the language is fixed per window load). */
export const NO_KEYRING = t('publishing.words.noKeyring');

/** "Changed on the server" / "Deleted on the server". */
export function conflictText(c: PublishConflict): string {
  return c.kind === 'deleted' ? t('publishing.conflicts.deleted') : t('publishing.conflicts.changed');
}

/** The result of a publish in one line: "3 created, 1 updated, 0 deleted, 40 unchanged". */
export function reportText(r: PublishReport): string {
  const sent = t('publishing.words.report', { created: r.created, updated: r.updated, deleted: r.deleted, unchanged: r.unchanged });
  return r.made_calendar ? t('publishing.words.madeCalendar', { sent }) : sent;
}
