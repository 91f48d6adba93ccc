// The UI's translations on i18next: Japanese by default, English; the choice made while signed out is remembered in
// this browser, a signed-in user's comes from their account (session-context.tsx).
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { setApiLanguage } from '../api/client.ts';
import { I18NEXT_OPTIONS } from './i18n-options.ts';
import type { MessageKey } from './resources.ts';

export type Locale = 'ja' | 'en';
export type Params = Record<string, string | number>;
/** `t` with the project's keys: a missing or misspelt key fails the type check. */
export type Translate = (key: MessageKey, params?: Params) => string;

const STORAGE_KEY = 'anshin.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}

function storedLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage may be unavailable (private mode); Japanese is the default anyway
  }
  return 'ja';
}

/** The server answers (errors, mails) and the page's `lang` follow the UI language. */
function applyLocale(locale: string): void {
  const next = isLocale(locale) ? locale : 'ja';
  setApiLanguage(next);
  document.documentElement.lang = next;
}

i18next.on('languageChanged', applyLocale);
void i18next.use(initReactI18next).init({ ...I18NEXT_OPTIONS, lng: storedLocale() });
applyLocale(i18next.language);

/** Changes the UI language; `remember` stores it in this browser (used when signed out). */
export function changeLocale(locale: Locale, remember = false): void {
  if (remember) {
    try {
      window.localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // ignore: the choice still applies to this page view
    }
  }
  void i18next.changeLanguage(locale);
}

/** The translate function and the language of the UI (react-i18next re-renders on a change). */
export function useI18n(): { t: Translate; locale: Locale } {
  const { t, i18n } = useTranslation();
  return { t: t as Translate, locale: isLocale(i18n.language) ? i18n.language : 'ja' };
}

export function useT(): Translate {
  return useI18n().t;
}
