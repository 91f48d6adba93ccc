import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { ja, type MessageKey } from './ja.ts';
import { setApiLanguage } from '../api/client.ts';

export type Locale = 'ja' | 'en';
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { ja, en };
const STORAGE_KEY = 'anshin.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = DICTIONARIES[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage may be unavailable (private mode); Japanese is the default anyway
  }
  return 'ja';
}

interface I18nValue {
  locale: Locale;
  t: Translate;
  /** Changes the UI language; `remember` stores it in localStorage (used when signed out). */
  setLocale: (locale: Locale, remember?: boolean) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initialLocale();
    setApiLanguage(first);
    document.documentElement.lang = first;
    return first;
  });

  const setLocale = useCallback((next: Locale, remember = false) => {
    setApiLanguage(next);
    document.documentElement.lang = next;
    if (remember) {
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // ignore: the choice still applies to this page view
      }
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside I18nProvider');
  return value;
}

/** The translate function for the current UI language. */
export function useT(): Translate {
  return useI18n().t;
}
