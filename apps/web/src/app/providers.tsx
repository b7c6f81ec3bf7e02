import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect, useRef } from 'react';
import { I18nProvider, useI18n } from '../lib/i18n/index.tsx';
import { queryClient } from './query-client.ts';
import { theme } from './theme.ts';

function LocaleBridge({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const qc = useQueryClient();
  const first = useRef(true);
  useEffect(() => {
    document.documentElement.lang = locale;
    if (first.current) {
      first.current = false;
      return;
    }
    // Server text (category names, error messages) is localised: fetch it again.
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'ref' });
  }, [locale, qc]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme}>
      {children}
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocaleBridge>{children}</LocaleBridge>
      </I18nProvider>
    </QueryClientProvider>
  );
}
