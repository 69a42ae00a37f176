/**
 * Publishing wording. Rust decides what is waiting, what conflicts, where a
 * password is and when the next retry is; these only put it in words.
 */
import type { Include, PasswordKept, PublishConflict, PublishPreview, PublishReport, PublishRow } from '../../api';
import { formatCreated } from '../../domain/backups';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Changes a preview would send. */
export function waiting(p: PublishPreview | null): number {
  return p ? p.create + p.update + p.delete : 0;
}

/** "3 changes waiting to publish · retrying at 10:31", or "Up to date". */
export function waitingText(row: PublishRow): string {
  const n = waiting(row.preview);
  const parts = [n === 0 ? 'Up to date' : `${plural(n, 'change', 'changes')} waiting to publish`];
  if (row.retry_at) parts.push(`retrying at ${row.retry_at}`);
  return parts.join(' · ');
}

/** "2 to create · 1 to update · 0 to delete · 40 unchanged". */
export function previewText(p: PublishPreview): string {
  return `${p.create} to create · ${p.update} to update · ${p.delete} to delete · ${p.unchanged} unchanged`;
}

/** "Last published 2026-12-04 19:02 UTC", or never. */
export function lastPublishedText(lastOk: string | null): string {
  return lastOk ? `Last published ${formatCreated(lastOk)}` : 'Never published';
}

/** What the calendar holds: "Office days, meetings, Away". */
export function includesText(i: Include): string {
  const parts = [i.office_days && 'office days', i.meetings && 'meetings', i.away && 'Away'].filter((p): p is string => !!p);
  if (parts.length === 0) return 'Nothing included';
  const text = parts.join(', ');
  return text[0].toUpperCase() + text.slice(1);
}

/** Where the account's password is, when that matters to the lead. */
export function passwordText(kept: PasswordKept): string | null {
  switch (kept) {
    case 'session':
      return 'Password kept until Meridian closes';
    case 'missing':
      return 'Password needed to publish';
    default:
      return null;
  }
}

/** The note shown when passwords cannot be kept past this session. */
export const NO_KEYRING = 'No keyring on this computer: Meridian will ask for the password again next time';

/** "Changed on the server" / "Deleted on the server". */
export function conflictText(c: PublishConflict): string {
  return c.kind === 'deleted' ? 'Deleted on the server' : 'Changed on the server';
}

/** The result of a publish in one line: "3 created, 1 updated, 0 deleted, 40 unchanged". */
export function reportText(r: PublishReport): string {
  const sent = `${r.created} created, ${r.updated} updated, ${r.deleted} deleted, ${r.unchanged} unchanged`;
  return r.made_calendar ? `Made the calendar · ${sent}` : sent;
}
