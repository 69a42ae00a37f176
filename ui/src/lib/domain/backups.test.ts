import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCounts } from './backups';

const counts = { reps: 1, teams: 2, offices: 0, meetings: 0, tasks: 5 };

describe('what a backup holds, in words', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it('names each non-empty list with its plural, and says when there is nothing', () => {
    expect(describeCounts(counts)).toBe('1 rep, 2 teams, 5 tasks');
    expect(describeCounts({ reps: 0, teams: 0, offices: 0, meetings: 0, tasks: 0 })).toBe('empty');
  });

  it('says the same in German', async () => {
    await i18next.changeLanguage('de');
    expect(describeCounts(counts)).toBe('1 Person, 2 Teams, 5 Aufgaben');
    expect(describeCounts({ reps: 0, teams: 0, offices: 0, meetings: 0, tasks: 0 })).toBe('leer');
  });
});
