import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en } from './en.ts';
import { formatDate, formatDateTime, formatRelative } from './format.ts';
import { currentLocale, type Locale, storeLocale } from './locale-state.ts';
import { type MessageKey, type Messages, zhCN } from './zh-CN.ts';

export type { Locale } from './locale-state.ts';
export { LOCALES } from './locale-state.ts';
export type { MessageKey } from './zh-CN.ts';

const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

type Vars = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const template = catalogues[locale][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export interface I18n {
  locale: Locale;
  setLocale: (next: Locale) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Label of an enumerated value, e.g. te('status', 'closed'); unknown values show as they are. */
  te: (group: string, value: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
  relative: (iso: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(currentLocale);
  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const messages = catalogues[locale] as Record<string, string>;
    return {
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      te: (group, v) => (v ? (messages[`${group}.${v}`] ?? v) : ''),
      dateTime: (iso) => formatDateTime(iso, locale),
      date: (iso) => formatDate(iso, locale),
      relative: (iso) => formatRelative(iso, locale),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
