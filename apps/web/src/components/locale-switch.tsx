import { Segmented } from 'antd';
import { LOCALES, type Locale, useI18n } from '../lib/i18n/index.tsx';

export function LocaleSwitch({ size }: { size?: 'small' | 'middle' }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      aria-label={t('locale.label')}
      size={size ?? 'small'}
      value={locale}
      onChange={setLocale}
      options={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
    />
  );
}
