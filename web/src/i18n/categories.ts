// The names of the incident categories, from the one vocabulary the server uses too
// (src/vocabulary/incident-categories.ts): category.<code> is the short name, category.<code>.hint the plain-words hint.
import { CATEGORY_NAMES, INCIDENT_CATEGORIES, type IncidentCategory } from '../../../src/vocabulary/incident-categories.ts';
import type { Translate } from './i18n.ts';
import type { MessageKey } from './resources.ts';

type CategoryKey = `category.${IncidentCategory}` | `category.${IncidentCategory}.hint`;

export function categoryMessages(locale: 'ja' | 'en'): Record<CategoryKey, string> {
  const messages = {} as Record<CategoryKey, string>;
  for (const code of INCIDENT_CATEGORIES) {
    messages[`category.${code}`] = CATEGORY_NAMES[code][locale].name;
    messages[`category.${code}.hint`] = CATEGORY_NAMES[code][locale].hint;
  }
  return messages;
}

/** The short name of a category code (lists, headings, charts). */
export const categoryLabel = (t: Translate, code: string): string => t(`category.${code}` as MessageKey);

/** The name with its plain-words hint, for choosing in a form: "ランサムウェア（ファイルが暗号化された…）". */
export const categoryChoice = (t: Translate, locale: 'ja' | 'en', code: string): string =>
  locale === 'ja' ? `${categoryLabel(t, code)}（${t(`category.${code}.hint` as MessageKey)}）` : `${categoryLabel(t, code)} (${t(`category.${code}.hint` as MessageKey)})`;
