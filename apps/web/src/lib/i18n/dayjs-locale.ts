import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import type { Locale } from './locale-state.ts';

/** Keeps dayjs (used by antd's date and time pickers) in the UI locale. */
export function useDayjsLocale(locale: Locale): void {
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
}
