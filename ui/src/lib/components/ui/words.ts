/** How a noun passed in by a screen reads inside a sentence: English lowers it ("Add holiday"), German keeps it ("Feiertag hinzufügen"). */
import { LANGUAGE } from '../../i18n';

export function inSentence(noun: string): string {
  return LANGUAGE === 'de' ? noun : noun.toLowerCase();
}
