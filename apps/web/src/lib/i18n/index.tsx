import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { formatDate, formatDateTime, formatRelative } from './format.ts';
import { currentLocale, type Locale, storeLocale } from './locale-state.ts';
import { coreZh, type MessageKey } from './zh-CN.ts';

export type { Locale } from './locale-state.ts';
export { LOCALES } from './locale-state.ts';
export type { MessageKey } from './zh-CN.ts';

/**
 * The catalogues arrive in parts, so the first load carries only what the page shows: the zh-CN
 * core at once, the English core when English is chosen, and the features' strings (staff screens,
 * mediation, field) with the pages that use them (see `loadFeatureMessages`, awaited by the router).
 */
const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { 'zh-CN': { ...coreZh }, en: {} };
let englishLoad: Promise<void> | null = null;
let featuresLoad: Promise<void> | null = null;
let englishReady = false;
let revision = 0;
const listeners = new Set<() => void>();
const changed = () => {
  revision++;
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Loads a locale's core strings (zh-CN is always there). */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'zh-CN') return Promise.resolve();
  englishLoad ??= import('./en.ts').then((m) => {
    Object.assign(catalogues.en, m.coreEn);
    englishReady = true;
    changed();
  });
  return englishLoad;
}

/** Loads every feature's strings in both locales; pages that use them wait for it. */
export function loadFeatureMessages(): Promise<void> {
  featuresLoad ??= import('./features.ts').then((m) => {
    Object.assign(catalogues['zh-CN'], m.featureZh);
    Object.assign(catalogues.en, m.featureEn);
    changed();
  });
  return featuresLoad;
}

/** Adds one feature's strings at once: a light page that needs only its own (the portal's mediation pages). */
export function addMessages(
  zh: Partial<Record<MessageKey, string>>,
  en: Partial<Record<MessageKey, string>>,
): void {
  Object.assign(catalogues['zh-CN'], zh);
  Object.assign(catalogues.en, en);
  changed();
}

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
  const version = useSyncExternalStore(subscribe, () => revision);
  const ready = locale === 'zh-CN' || englishReady;
  useEffect(() => {
    void loadLocale(locale);
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    void loadLocale(next).then(() => {
      storeLocale(next);
      document.documentElement.lang = next;
      setLocaleState(next);
    });
  }, []);
  const value = useMemo<I18n>(() => {
    void version; // the catalogues grew: new strings for every t
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
  }, [locale, setLocale, version]);
  // English is chosen but its strings are still on the way (a few ms): show nothing rather than Chinese
  if (!ready) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
