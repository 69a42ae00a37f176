/**
 * The words the office-days, workload and reports helpers build, with the UI
 * in German: whole sentences come from the catalogue (no English glued
 * around German words), German nouns keep their capitals, and hours use a
 * decimal comma that the task form also accepts.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Domain = {
  rotation: typeof import('./rotation');
  workload: typeof import('./workload');
  reports: typeof import('./reports');
};
let d: Domain;

beforeAll(async () => {
  // The language is fixed when the catalogue loads: load it again with German chosen.
  localStorage.setItem('meridian.language', 'de');
  vi.resetModules();
  d = {
    rotation: await import('./rotation'),
    workload: await import('./workload'),
    reports: await import('./reports'),
  };
});

describe('in German', () => {
  it('says which box of the week form is wrong, whatever the language of the message', () => {
    expect(d.rotation.parseWindow('3. Dez.', '4', 104)).toEqual({
      error: 'Geben Sie die erste Woche als Datum JJJJ-MM-TT ein',
      field: 'from',
    });
    expect(d.rotation.parseWindow('2026-12-03', '5', 4)).toEqual({ error: 'Geben Sie 1 bis 4 Wochen ein', field: 'weeks' });
  });

  it('counts with German plurals and keeps Rust’s unit word', () => {
    const term = { key: 'k', label: 'L', value: 0, weight: 1, unit: 'rep-day' };
    expect(d.rotation.termWeight(term as never)).toBe('1 Punkt pro rep-day');
    expect(d.rotation.termWeight({ ...term, weight: 2 } as never)).toBe('2 Punkte pro rep-day');
    expect(d.rotation.lockWords(true)).toBe('im Büro festgelegt');
  });

  it('writes hours with a decimal comma and reads one back from the task form', () => {
    expect(d.workload.hoursText(450)).toBe('7,5 Std.');
    expect(d.workload.hoursText(20)).toBe('20 Min.');
    const draft = { ...d.workload.newTaskDraft(), id: 'a', title: 'A', hours: '1,5' };
    expect(d.workload.validateTaskDraft(draft)).toEqual([]);
    expect(d.workload.draftToTask(draft).hours).toBe(1.5);
  });

  it('keeps the capitals of the policy status inside a sentence', () => {
    const week = { week: '2026-W49', monday: '2026-11-30', office_days: 1, min: 2, max: 3, available: 4, required: 2, status: 'below' as const };
    expect(d.reports.repWeekText(week as never)).toBe(
      '2026-W49: 1 Bürotag, Büroregel 2–3 (2 nötig von 4 Öffnungstagen): unter der Büroregel',
    );
    expect(d.reports.STATUS_WORDS.below).toBe('Unter der Büroregel');
  });
});
