/**
 * The UI's message catalogue (i18next). Every string a screen shows comes
 * from `t("area.key", values)`; the catalogues are `en/*.json` and
 * `de/*.json`, one file per area (the file name is the key's first part).
 * `catalogue.test.ts` keeps them complete and the components free of
 * hard-coded text.
 */
import i18next from 'i18next';
import { LANGUAGE, type Language } from './language';

type Catalogue = Record<string, unknown>;

function byArea(files: Record<string, { default: Catalogue }>): Catalogue {
  const out: Catalogue = {};
  for (const [path, mod] of Object.entries(files)) {
    const area = path.replace(/^.*\//, '').replace(/\.json$/, '');
    out[area] = mod.default;
  }
  return out;
}

export const CATALOGUES: Record<Language, Catalogue> = {
  en: byArea(import.meta.glob<{ default: Catalogue }>('./en/*.json', { eager: true })),
  de: byArea(import.meta.glob<{ default: Catalogue }>('./de/*.json', { eager: true })),
};

void i18next.init({
  lng: LANGUAGE,
  fallbackLng: 'en',
  resources: { en: { translation: CATALOGUES.en }, de: { translation: CATALOGUES.de } },
  // Synchronous: the catalogues are bundled, and the first screen needs them.
  initAsync: false,
  // Svelte escapes text it writes; escaping here too would show `&amp;`.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The text of `key` in the UI's language, with `{{name}}` values and `count` plurals. */
export function t(key: string, values: Record<string, unknown> = {}): string {
  return i18next.t(key, values) as string;
}

export { LANGUAGE, LANGUAGE_CHOICE, FORMAT_LOCALE, LANGUAGES } from './language';
export type { Language, LanguageChoice } from './language';
