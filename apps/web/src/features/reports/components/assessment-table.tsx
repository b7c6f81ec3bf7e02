import { TrophyOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, List, Modal, Select, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type MetricKey, type Range, type Ranking, type Subject, useExplain, useRanking } from '../api.ts';
import { TrainingModal } from './training-modal.tsx';

type Item = Ranking['items'][number];
const pct = (r: number | null) => (r === null ? null : `${(r * 100).toFixed(1)}%`);

/** The ranking of towns, departments or grid workers, each metric explainable down to its cases. */
export function AssessmentTable({ onOpenCase }: { onOpenCase: (id: string) => void }) {
  const { t, date } = useI18n();
  const [subject, setSubject] = useState<Subject>('town');
  const [dates, setDates] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(90, 'day'), dayjs()]);
  const range: Range = {
    from: dates[0].startOf('day').toISOString(),
    to: dates[1].endOf('day').toISOString(),
  };
  const ranking = useRanking(subject, range);
  const [training, setTraining] = useState(false);
  const [explain, setExplain] = useState<{ id: string; name: string; metric: MetricKey } | null>(null);
  const cases = useExplain(explain && { subject, id: explain.id, metric: explain.metric }, range);
  const data = ranking.data;
  const label = (k: MetricKey) => data?.metrics.find((m) => m.key === k)?.label ?? k;

  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('reports.subject')}</Typography.Text>
        <Select<Subject>
          aria-label={t('reports.subject')}
          style={{ width: 160 }}
          value={subject}
          onChange={setSubject}
          options={(['town', 'department', 'grid_worker'] as const).map((s) => ({
            value: s,
            label: t(`reports.subject.${s}`),
          }))}
        />
        <Typography.Text>{t('reports.range')}</Typography.Text>
        <DatePicker.RangePicker
          allowClear={false}
          value={dates}
          onChange={(v) => v?.[0] && v[1] && setDates([v[0], v[1]])}
        />
        <Button icon={<TrophyOutlined />} onClick={() => setTraining(true)}>
          {t('reports.training.record')}
        </Button>
      </Flex>
      <TrainingModal
        open={training}
        subject={subject}
        subjects={data?.items ?? []}
        onClose={() => setTraining(false)}
      />
      {data ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('reports.formula')}</Typography.Text>{' '}
          <Typography.Text>{data.formula}</Typography.Text>
        </Card>
      ) : null}
      <Table<Item>
        size="small"
        rowKey="id"
        className="assessment-table"
        loading={ranking.isLoading || ranking.isPlaceholderData}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowClassName={(r) => (r.flagged ? 'assessment-flagged' : '')}
        columns={[
          { title: t('reports.rank'), dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
          {
            title: t('reports.name'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <Flex gap={4} align="center">
                {name}
                {r.flagged ? <Tag color="red">{t('reports.flagged')}</Tag> : null}
                {r.score === null ? (
                  <Typography.Text type="secondary">{t('reports.unscored')}</Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          { title: t('reports.cases'), dataIndex: 'cases', width: 80, align: 'right' },
          ...(data?.metrics ?? []).map((m) => ({
            key: m.key,
            title: (
              <Tooltip title={t('reports.metricHint', { formula: m.formula, weight: m.weight })}>
                <span>{m.label}</span>
              </Tooltip>
            ),
            width: 130,
            align: 'right' as const,
            render: (_: unknown, r: Item) => {
              const x = r.metrics.find((y) => y.key === m.key);
              if (!x || x.rate === null) return '—';
              return (
                <Typography.Link onClick={() => setExplain({ id: r.id, name: r.name, metric: m.key })}>
                  {pct(x.rate)}
                </Typography.Link>
              );
            },
          })),
          { title: t('reports.training'), dataIndex: 'trainingPoints', width: 100, align: 'right' },
          {
            title: t('reports.score'),
            dataIndex: 'score',
            width: 90,
            align: 'right',
            render: (s: number | null) =>
              s === null ? '—' : <Typography.Text strong>{s.toFixed(1)}</Typography.Text>,
          },
        ]}
      />
      <Modal
        open={!!explain}
        footer={null}
        onCancel={() => setExplain(null)}
        title={explain ? t('reports.explain', { name: explain.name, metric: label(explain.metric) }) : null}
      >
        <Typography.Paragraph type="secondary">
          {explain ? data?.metrics.find((m) => m.key === explain.metric)?.formula : null} · {date(range.from)}{' '}
          – {date(range.to)}
        </Typography.Paragraph>
        <List
          size="small"
          loading={cases.isLoading}
          dataSource={cases.data ?? []}
          style={{ maxHeight: 420, overflow: 'auto' }}
          renderItem={(c) => (
            <List.Item
              extra={
                <Tag color={c.counted ? 'green' : 'default'}>
                  {c.counted ? t('reports.explain.counted') : t('reports.explain.notCounted')}
                </Tag>
              }
            >
              <Typography.Link onClick={() => onOpenCase(c.caseId)}>{c.trackingCode}</Typography.Link>
            </List.Item>
          )}
        />
      </Modal>
    </>
  );
}
