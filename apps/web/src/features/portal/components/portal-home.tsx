import {
  EditOutlined,
  MessageOutlined,
  SearchOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';

interface Entry {
  to: string;
  icon: ReactNode;
  title: string;
  sub: string;
}

export function PortalHome({ signedIn, onGo }: { signedIn: boolean; onGo: (to: string) => void }) {
  const { t } = useI18n();
  const entries: Entry[] = [
    { to: 'submit', icon: <EditOutlined />, title: t('portal.submit'), sub: t('portal.submitSub') },
    { to: 'track', icon: <SearchOutlined />, title: t('portal.track'), sub: t('portal.trackSub') },
    signedIn
      ? { to: 'mine', icon: <UnorderedListOutlined />, title: t('portal.mine'), sub: t('portal.signInSub') }
      : { to: 'login', icon: <MessageOutlined />, title: t('portal.signIn'), sub: t('portal.signInSub') },
    { to: 'mediation', icon: <TeamOutlined />, title: t('portal.mediate'), sub: t('portal.mediateSub') },
  ];
  return (
    <>
      <div className="portal-hero">
        <h1>{t('portal.hero')}</h1>
        <p>{t('portal.heroSub')}</p>
      </div>
      <Row gutter={[12, 12]}>
        {entries.map((e) => (
          <Col xs={24} sm={12} md={6} key={e.to}>
            <button type="button" className="portal-entry" onClick={() => onGo(e.to)} data-entry={e.to}>
              <div className="icon" aria-hidden>
                {e.icon}
              </div>
              <h3>{e.title}</h3>
              <span className="portal-muted">{e.sub}</span>
            </button>
          </Col>
        ))}
      </Row>
    </>
  );
}
