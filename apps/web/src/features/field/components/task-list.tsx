import { ClockCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { ColourTag, DueTag } from '../../../components/tags.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { FieldCase, FollowUp, QueuedAction, Screening, Today } from '../api/types.ts';
import { RiskTag } from './household-list.tsx';

const { Text, Paragraph } = Typography;

function CaseCard({
  item,
  waiting,
  onVerify,
  onSettle,
}: {
  item: FieldCase;
  waiting: boolean;
  onVerify?: () => void;
  onSettle?: () => void;
}) {
  const { t, dateTime } = useI18n();
  return (
    <Card size="small" className="field-case" data-case={item.id}>
      <Flex justify="space-between" align="center" gap={8}>
        <Text strong>{item.trackingCode}</Text>
        <Flex gap={4}>
          <ColourTag colour={item.colour} />
          {waiting ? <Tag color="processing">{t('fieldApp.waiting')}</Tag> : null}
        </Flex>
      </Flex>
      <Text type="secondary">{item.categoryName}</Text>
      <Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
        {item.description}
      </Paragraph>
      {item.address ? (
        <Text type="secondary">
          <EnvironmentOutlined /> {item.address}
        </Text>
      ) : null}
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Text type="secondary">
          {item.dueAt ? (
            <>
              <ClockCircleOutlined /> {dateTime(item.dueAt)}
            </>
          ) : null}
        </Text>
        {onVerify && !waiting ? (
          <Button type="primary" size="small" onClick={onVerify} className="field-verify">
            {t('fieldApp.verify.open')}
          </Button>
        ) : null}
        {onSettle && !waiting ? (
          <Button type="primary" size="small" onClick={onSettle} className="field-settle">
            {t('fieldApp.settle.open')}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}

function FollowUpCard({ item, onVisit }: { item: FollowUp; onVisit: () => void }) {
  const { t } = useI18n();
  return (
    <Card size="small">
      <Flex justify="space-between" align="center">
        <Text strong>{item.headName ?? item.householdId}</Text>
        <Flex gap={4}>
          <RiskTag level={item.level} />
          <DueTag state={item.dueState} />
        </Flex>
      </Flex>
      <Text type="secondary">{item.address}</Text>
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Text type="secondary">{t('fieldApp.followUp.due', { date: item.dueDate })}</Text>
        <Button size="small" onClick={onVisit}>
          {t('fieldApp.visit.record')}
        </Button>
      </Flex>
    </Card>
  );
}

export function TaskList({
  today,
  queue,
  onVerify,
  onSettle,
  onScreen,
  onVisit,
}: {
  today: Today;
  queue: QueuedAction[];
  onVerify: (c: FieldCase) => void;
  onSettle: (c: FieldCase) => void;
  onScreen: (s: Screening) => void;
  onVisit: (f: FollowUp) => void;
}) {
  const { t } = useI18n();
  const waiting = new Set(
    queue.filter((a) => a.kind === 'case.act' && a.state === 'pending').map((a) => String(a.payload.caseId)),
  );
  const section = (title: string, n: number) => (
    <Typography.Title level={5} style={{ margin: '12px 0 8px' }}>
      {title} <Text type="secondary">({n})</Text>
    </Typography.Title>
  );
  return (
    <div>
      {section(t('fieldApp.tasks.verify'), today.verifications.length)}
      <Flex vertical gap={8}>
        {today.verifications.map((c) => (
          <CaseCard key={c.id} item={c} waiting={waiting.has(c.id)} onVerify={() => onVerify(c)} />
        ))}
        {today.verifications.length ? null : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fieldApp.tasks.none')} />
        )}
      </Flex>
      {section(t('fieldApp.tasks.followUps'), today.followUps.length)}
      <Flex vertical gap={8}>
        {today.followUps.map((f) => (
          <FollowUpCard key={f.id} item={f} onVisit={() => onVisit(f)} />
        ))}
        {today.followUps.length ? null : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fieldApp.tasks.none')} />
        )}
      </Flex>
      {today.screenings?.length ? (
        <>
          {section(t('fieldApp.tasks.screenings'), today.screenings.length)}
          <Flex vertical gap={8}>
            {today.screenings.map((s) => (
              <Card size="small" key={s.id} className="field-screening">
                <Flex justify="space-between" align="center" gap={8}>
                  <div>
                    <Text strong>{s.title}</Text>
                    <div>
                      <Text type="secondary">
                        {t('fieldApp.screening.period', { from: s.startsOn, to: s.endsOn })}
                      </Text>
                    </div>
                  </div>
                  <Button size="small" onClick={() => onScreen(s)} className="field-screen">
                    {t('fieldApp.screening.open')}
                  </Button>
                </Flex>
              </Card>
            ))}
          </Flex>
        </>
      ) : null}
      {today.onSpot.length ? (
        <>
          {section(t('fieldApp.tasks.onSpot'), today.onSpot.length)}
          <Flex vertical gap={8}>
            {today.onSpot.map((c) => (
              <CaseCard key={c.id} item={c} waiting={waiting.has(c.id)} onSettle={() => onSettle(c)} />
            ))}
          </Flex>
        </>
      ) : null}
    </div>
  );
}
