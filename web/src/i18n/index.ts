export { changeLocale, isLocale, useI18n, useT } from './i18n.ts';
export type { Locale, Params, Translate } from './i18n.ts';
export type { MessageKey } from './resources.ts';
export { categoryChoice, categoryLabel } from './categories.ts';
