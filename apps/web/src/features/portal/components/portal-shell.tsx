import { PhoneOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { LocaleSwitch } from '../../../components/locale-switch.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import './portal.css';

interface Props {
  children: ReactNode;
  homeHref: string;
  staffHref: string;
  onHome: () => void;
}

export function PortalShell({ children, homeHref, staffHref, onHome }: Props) {
  const { t } = useI18n();
  return (
    <div style={{ minHeight: '100vh', background: '#f6f3ef' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="portal-header">
        <div className="portal-header-inner">
          <a
            className="portal-brand"
            href={homeHref}
            onClick={(e) => {
              e.preventDefault();
              onHome();
            }}
          >
            <img
              src="/favicon.svg"
              alt=""
              width={28}
              height={28}
              style={{ border: '1px solid #fff', borderRadius: 8 }}
            />
            <strong>{t('app.name')}</strong>
            <span>{t('portal.title')}</span>
          </a>
          <LocaleSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="portal-main">
        {children}
      </main>
      <footer className="portal-footer">
        <span>
          <PhoneOutlined /> {t('portal.hotline')}
        </span>
        <a href={staffHref}>{t('portal.staff')}</a>
      </footer>
    </div>
  );
}
