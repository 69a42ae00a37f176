/**
 * Which language the UI speaks and which locale its dates and times follow.
 *
 * Both are fixed when the window loads: a change of language in Settings is
 * stored and the window reloads, so every label, formatter and calendar is
 * made once in the new language instead of each screen tracking it.
 */

/** The languages with a complete catalogue. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the lead picked in Settings: a language, or the system's. */
export type LanguageChoice = Language | 'system';

/**
 * Kept in the webview's own storage, per computer: the language is how this
 * person reads the app, not part of the team (a database shared with a
 * colleague must not switch their language).
 */
const STORAGE_KEY = 'meridian.language';

function isLanguage(s: string): s is Language {
  return (LANGUAGES as readonly string[]).includes(s);
}

/** The system's locales, most preferred first (WebKitGTK reads LANGUAGE/LC_ALL/LANG). */
function systemLocales(): string[] {
  if (typeof navigator === 'undefined') return [];
  const list = navigator.languages?.length ? navigator.languages : [navigator.language];
  return list.filter((l): l is string => typeof l === 'string' && l.length > 0);
}

/** The first system locale whose language has a catalogue, else English. */
export function systemLanguage(locales: readonly string[] = systemLocales()): Language {
  for (const tag of locales) {
    const lang = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(lang)) return lang;
  }
  return 'en';
}

export function storedChoice(): LanguageChoice {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v && isLanguage(v) ? v : 'system';
  } catch {
    // Storage can be refused (private mode, tests); the system's language then.
    return 'system';
  }
}

export function storeChoice(choice: LanguageChoice): void {
  if (choice === 'system') globalThis.localStorage?.removeItem(STORAGE_KEY);
  else globalThis.localStorage?.setItem(STORAGE_KEY, choice);
}

export function resolveLanguage(choice: LanguageChoice, locales: readonly string[] = systemLocales()): Language {
  return choice === 'system' ? systemLanguage(locales) : choice;
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-').split('.')[0])[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The locale dates and times are written in: the system's own (en-GB keeps
 * day-month order and 24 h, en-US month-day and 12 h) when it speaks the UI's
 * language; else the UI's language in the system's region (English on a
 * French computer is en-FR: day-month order and 24 h, as the person is used
 * to, never the US order a bare `en` would give).
 */
export function formatLocale(language: Language, locales: readonly string[] = systemLocales()): string {
  const own = locales.find((tag) => tag.toLowerCase().split(/[-_]/)[0] === language);
  if (own) return canonical(own) ?? language;
  const first = locales.length > 0 ? canonical(locales[0]) : null;
  if (first) {
    try {
      const region = new Intl.Locale(first).maximize().region;
      if (region) return canonical(`${language}-${region}`) ?? language;
    } catch {
      // An odd tag: the language's own default below.
    }
  }
  return language;
}

export const LANGUAGE_CHOICE: LanguageChoice = storedChoice();
export const LANGUAGE: Language = resolveLanguage(LANGUAGE_CHOICE);
export const FORMAT_LOCALE: string = formatLocale(LANGUAGE);
