import { Card, Col, Row, Statistic, Typography } from 'antd';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCaseList } from '../../../lib/api/case-queries.ts';
import type { User } from '../../../lib/api/types.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { QUEUES, type Queue } from './queues.ts';

const toneColour = { danger: '#cf1322', warning: '#d46b08' } as const;

function QueueCard({ queue, onNavigate }: { queue: Queue; onNavigate: (to: string) => void }) {
  const { t } = useI18n();
  const list = useCaseList(queue.filters, { limit: 50 });
  const value = list.hasNextPage ? `${list.items.length}+` : list.items.length;
  return (
    <Card
      hoverable
      role="link"
      tabIndex={0}
      onClick={() => onNavigate(queue.to)}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onNavigate(queue.to)}
    >
      <Statistic
        title={t(queue.label)}
        value={value}
        loading={list.isLoading}
        styles={queue.tone ? { content: { color: toneColour[queue.tone] } } : undefined}
      />
    </Card>
  );
}

export function RoleHome({ user, onNavigate }: { user: User; onNavigate: (to: string) => void }) {
  const { t, te } = useI18n();
  const queues = QUEUES[user.role] ?? [];
  const scope = [user.regionName, user.departmentName].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: user.displayName })}
        subtitle={t('home.scope', { role: te('role', user.role), region: scope || t('common.none') })}
      />
      <Typography.Title level={5}>{t('home.queues')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {queues.map((queue) => (
          <Col key={queue.key} xs={12} md={8} xl={6}>
            <QueueCard queue={queue} onNavigate={onNavigate} />
          </Col>
        ))}
      </Row>
    </>
  );
}
