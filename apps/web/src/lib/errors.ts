import { ApiError } from './api/client.ts';
import { useI18n } from './i18n/index.tsx';

export function useErrorText() {
  const { t } = useI18n();
  return (err: unknown): string => {
    if (err instanceof ApiError) {
      if (err.status === 0) return t('error.network');
      return t('error.generic', { message: err.message });
    }
    return t('error.generic', { message: err instanceof Error ? err.message : String(err) });
  };
}

export function isStale(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409;
}
