import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishRow } from '../../api';
import { conflictText, includesText, lastPublishedText, passwordText, previewText, reportText, waitingText } from './words';

function row(create: number, update: number, del: number, retry: string | null): PublishRow {
  return {
    target: {
      team: 't',
      team_name: 'T',
      url: 'https://x/',
      user: 'u',
      include: { office_days: true, meetings: true, away: true },
      last_run: null,
      last_ok: null,
      last_error: null,
      failures: 0,
    },
    preview: { create, update, delete: del, unchanged: 4, conflicts: [] },
    preview_error: null,
    password: 'keyring',
    retry_at: retry,
    publishing: false,
  };
}

describe('publishing wording', () => {
  it('counts what waits and names the retry time Rust chose', () => {
    expect(waitingText(row(0, 0, 0, null))).toBe('Up to date');
    expect(waitingText(row(1, 0, 0, null))).toBe('1 change waiting to publish');
    expect(waitingText(row(2, 0, 1, '10:31'))).toBe('3 changes waiting to publish · retrying at 10:31');
  });

  it('puts previews, reports and states in words', () => {
    expect(previewText({ create: 2, update: 1, delete: 0, unchanged: 40, conflicts: [] })).toBe('2 to create · 1 to update · 0 to delete · 40 unchanged');
    expect(lastPublishedText(null)).toBe('Never published');
    expect(lastPublishedText('2026-12-04T19:02:11Z')).toBe('Last published 2026-12-04 19:02 UTC');
    expect(includesText({ office_days: false, meetings: true, away: true })).toBe('Meetings, Away');
    expect(includesText({ office_days: false, meetings: false, away: false })).toBe('Nothing included');
    expect(passwordText('keyring')).toBeNull();
    expect(passwordText('missing')).toBe('Password needed to publish');
    expect(conflictText({ uid: 'a', summary: 's', kind: 'deleted', found: '' })).toBe('Deleted on the server');
    const r = { team: 't', url: 'u', made_calendar: true, created: 3, updated: 1, deleted: 0, unchanged: 2, conflicts: [], pending: 0, error: null, retry: false };
    expect(reportText(r)).toBe('Made the calendar · 3 created, 1 updated, 0 deleted, 2 unchanged');
  });
});

describe('publishing wording in German', () => {
  beforeAll(() => i18next.changeLanguage('de'));
  afterAll(() => i18next.changeLanguage('en'));

  it('counts with German plurals and keeps the values Rust gave', () => {
    expect(waitingText(row(1, 0, 0, null))).toBe('1 Änderung wartet auf Veröffentlichung');
    expect(waitingText(row(2, 0, 1, '10:31'))).toBe('3 Änderungen warten auf Veröffentlichung · neuer Versuch um 10:31');
    expect(includesText({ office_days: true, meetings: false, away: true })).toBe('Bürotage, Abwesend');
    expect(conflictText({ uid: 'a', summary: 's', kind: 'changed', found: '' })).toBe('Auf dem Server geändert');
  });
});
