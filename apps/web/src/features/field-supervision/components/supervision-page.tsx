import { DatePicker, Empty, Flex, Segmented, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type DateRange, useWorkerRecords, type WorkerRecord } from '../api.ts';
import { WorkerDay } from './worker-day.tsx';
import './supervision.css';

export type Span = 'day' | 'week';

const DAY = 'YYYY-MM-DD';
/** The day itself, or its week from Monday to Sunday. */
export function rangeOf(span: Span, d: Dayjs): DateRange {
  if (span === 'day') return { from: d.format(DAY), to: d.format(DAY) };
  const monday = d.subtract((d.day() + 6) % 7, 'day');
  return { from: monday.format(DAY), to: monday.add(6, 'day').format(DAY) };
}

export const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** Supervisors see each grid worker's day and week: the records, then one worker's patrols and visits. */
export function SupervisionPage() {
  const { t } = useI18n();
  const [span, setSpan] = useState<Span>('day');
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const [workerId, setWorkerId] = useState<string | null>(null);
  const range = rangeOf(span, day);
  const records = useWorkerRecords(range);
  // the workers with something recorded first, then by name
  const active = (r: WorkerRecord) => r.patrols + r.visits + r.reports + r.followUpsDue;
  const items = [...(records.data?.items ?? [])].sort(
    (a, b) => active(b) - active(a) || a.name.localeCompare(b.name),
  );
  const selected = workerId ?? items[0]?.workerId ?? null;

  return (
    <>
      <PageHeader
        title={t('fieldSupervision.title')}
        subtitle={t('fieldSupervision.subtitle')}
        extra={
          <Flex gap={8} align="center">
            <Segmented<Span>
              className="field-supervision-span"
              value={span}
              onChange={setSpan}
              options={[
                { value: 'day', label: t('fieldSupervision.span.day') },
                { value: 'week', label: t('fieldSupervision.span.week') },
              ]}
            />
            <DatePicker
              allowClear={false}
              value={day}
              onChange={(d) => d && setDay(d)}
              aria-label={t('fieldSupervision.date')}
            />
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary" className="field-supervision-period">
        {t('fieldSupervision.range', { from: range.from, to: range.to })}
      </Typography.Paragraph>
      <Table<WorkerRecord>
        size="small"
        rowKey="workerId"
        loading={records.isLoading}
        dataSource={items}
        pagination={{ pageSize: 8, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
        className="field-supervision-records"
        locale={{ emptyText: <Empty description={t('fieldSupervision.noWorkers')} /> }}
        onRow={(r) => ({ onClick: () => setWorkerId(r.workerId), style: { cursor: 'pointer' } })}
        rowClassName={(r) => (r.workerId === selected ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('fieldSupervision.col.worker'), dataIndex: 'name' },
          { title: t('fieldSupervision.col.patrols'), dataIndex: 'patrols' },
          { title: t('fieldSupervision.col.points'), dataIndex: 'patrolPoints' },
          { title: t('fieldSupervision.col.coverage'), render: (_, r) => pct(r.coverage) },
          { title: t('fieldSupervision.col.visits'), dataIndex: 'visits' },
          {
            title: t('fieldSupervision.col.followUps'),
            render: (_, r) => (
              <>
                {r.followUpsDone}/{r.followUpsDue}
                {r.followUpsOverdue ? (
                  <Tag color="red" style={{ marginLeft: 6 }}>
                    {t('fieldSupervision.overdue', { n: r.followUpsOverdue })}
                  </Tag>
                ) : null}
              </>
            ),
          },
          {
            title: t('fieldSupervision.col.watched'),
            render: (_, r) => `${r.watchedVisitsDone}/${r.watchedVisitsExpected}`,
          },
          { title: t('fieldSupervision.col.reports'), dataIndex: 'reports' },
          { title: t('fieldSupervision.col.onSpot'), dataIndex: 'onSpotResolutions' },
          {
            title: t('fieldSupervision.col.verifications'),
            render: (_, r) => `${r.verificationsOnTime}/${r.verifications}`,
          },
        ]}
      />
      {selected ? <WorkerDay workerId={selected} range={range} /> : null}
    </>
  );
}
