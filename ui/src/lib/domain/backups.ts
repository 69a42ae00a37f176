/** Display helpers for the Backups screen (no rules: Rust counts and names). */
import type { BackupCounts } from '../api';
import { t } from '../i18n';

/** "25 reps, 3 teams, 2 offices, 12 meetings, 40 tasks" (lists that are empty are left out). */
export function describeCounts(c: BackupCounts): string {
  const parts = [
    c.reps > 0 && t('backups.counts.reps', { count: c.reps }),
    c.teams > 0 && t('backups.counts.teams', { count: c.teams }),
    c.offices > 0 && t('backups.counts.offices', { count: c.offices }),
    c.meetings > 0 && t('backups.counts.meetings', { count: c.meetings }),
    c.tasks > 0 && t('backups.counts.tasks', { count: c.tasks }),
  ].filter((p): p is string => typeof p === 'string');
  return parts.length === 0 ? t('backups.counts.empty') : parts.join(', ');
}

/** A file size in bytes as people read it: "812 B", "96 KB", "1.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "2026-12-04T19:02:11Z" → "2026-12-04 19:02 UTC". */
export function formatCreated(created: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(created);
  return m ? `${m[1]} ${m[2]} UTC` : created;
}
