import { Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { DueTag } from '../../../components/tags.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { RiskTag } from '../../field/components/household-list.tsx';
import { type DateRange, useWorkerDays } from '../api.ts';
import { PatrolMap } from './patrol-map.tsx';

/** One grid worker's day or week: patrols on a map, visits done, follow-ups due and done. */
export function WorkerDay({ workerId, range }: { workerId: string; range: DateRange }) {
  const { t, te, dateTime } = useI18n();
  const q = useWorkerDays(workerId, range);
  const d = q.data;
  if (!d) return <Card loading style={{ marginTop: 16 }} />;
  const points = d.patrols.reduce((n, p) => n + p.points.length, 0);
  const done = d.followUps.filter((f) => f.status === 'done').length;
  const due = d.followUps.filter((f) => f.status !== 'cancelled').length;
  return (
    <Card
      style={{ marginTop: 16 }}
      className="field-supervision-worker"
      title={t('fieldSupervision.worker.title', { name: d.worker.name })}
    >
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('fieldSupervision.col.patrols')} value={d.patrols.length} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('fieldSupervision.col.points')} value={points} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('fieldSupervision.col.visits')} value={d.visits.length} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('fieldSupervision.col.followUps')} value={done} suffix={`/ ${due}`} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          {d.patrols.length || d.visits.length ? (
            <PatrolMap
              patrols={d.patrols}
              visits={d.visits}
              labels={{
                point: (p) => `${dateTime(p.at)}${p.note ? ` · ${p.note}` : ''}`,
                visit: (v) => `${te('fieldApp.visitKind', v.kind)} · ${dateTime(v.at)}`,
              }}
            />
          ) : (
            <Empty description={t('fieldSupervision.noPatrols')} />
          )}
          <Typography.Text type="secondary">{t('fieldSupervision.legend')}</Typography.Text>
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Title level={5}>{t('fieldSupervision.visits')}</Typography.Title>
          <List
            size="small"
            bordered
            className="field-supervision-visits"
            dataSource={d.visits}
            locale={{ emptyText: t('fieldSupervision.none') }}
            renderItem={(v) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <>
                      <Tag>{te('fieldApp.visitKind', v.kind)}</Tag>
                      {dateTime(v.at)}
                    </>
                  }
                  description={v.note}
                />
              </List.Item>
            )}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('fieldSupervision.followUps')}
          </Typography.Title>
          <List
            size="small"
            bordered
            className="field-supervision-followups"
            dataSource={d.followUps}
            locale={{ emptyText: t('fieldSupervision.none') }}
            renderItem={(f) => (
              <List.Item
                extra={
                  f.status === 'done' ? (
                    <Tag color="success">{t('fieldSupervision.done')}</Tag>
                  ) : (
                    <DueTag state={f.dueState} />
                  )
                }
              >
                <List.Item.Meta
                  title={
                    <>
                      <RiskTag level={f.level} /> {f.address ?? f.householdId}
                    </>
                  }
                  description={t('fieldSupervision.dueOn', { date: f.dueDate })}
                />
              </List.Item>
            )}
          />
        </Col>
      </Row>
    </Card>
  );
}
