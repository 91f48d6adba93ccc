export { I18nProvider, isLocale, translate, useI18n, useT } from './i18n-context.tsx';
export type { Locale, Params, Translate } from './i18n-context.tsx';
export type { MessageKey } from './ja.ts';
export { categoryChoice, categoryLabel } from './categories.ts';
