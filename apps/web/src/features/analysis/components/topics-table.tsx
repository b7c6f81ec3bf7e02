import { Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../../components/chart.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type HotTopic, useHotTopics } from '../api.ts';

function Spark({ daily, label }: { daily: HotTopic['daily']; label: string }) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 2, right: 2, top: 4, bottom: 2 },
      xAxis: { type: 'category', show: false, data: daily.map((d) => d.day) },
      yAxis: { type: 'value', show: false, minInterval: 1 },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'bar', data: daily.map((d) => d.n), color: '#fa541c', barMaxWidth: 8 }],
    }),
    [daily],
  );
  return <Chart option={option} height={36} label={label} />;
}

export function TopicsTable({ days, onOpenCase }: { days: number; onOpenCase: (id: string) => void }) {
  const { t } = useI18n();
  const topics = useHotTopics(days);
  return (
    <Table<HotTopic>
      size="small"
      rowKey="key"
      className="topics-table"
      loading={topics.isLoading}
      dataSource={topics.data ?? []}
      pagination={false}
      locale={{ emptyText: t('analysis.topic.empty') }}
      expandable={{
        expandedRowRender: (x) => (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {x.samples.map((c) => (
              <li key={c.id}>
                <Typography.Link onClick={() => onOpenCase(c.id)}>{c.trackingCode}</Typography.Link>{' '}
                <Typography.Text type="secondary">{c.description}</Typography.Text>
              </li>
            ))}
          </ul>
        ),
      }}
      columns={[
        { title: t('analysis.topic.region'), dataIndex: 'regionName', width: 140 },
        { title: t('analysis.topic.category'), dataIndex: 'categoryName', width: 140 },
        {
          title: t('analysis.topic.keywords'),
          dataIndex: 'keywords',
          render: (k: string[]) => (
            <Space size={2} wrap>
              {k.map((w) => (
                <Tag key={w}>{w}</Tag>
              ))}
            </Space>
          ),
        },
        { title: t('analysis.topic.count'), dataIndex: 'count', width: 80, align: 'right' },
        { title: t('analysis.topic.previous'), dataIndex: 'previousCount', width: 80, align: 'right' },
        { title: t('analysis.topic.open'), dataIndex: 'open', width: 80, align: 'right' },
        {
          title: t('analysis.topic.trend'),
          width: 160,
          render: (_: unknown, x) => <Spark daily={x.daily} label={t('analysis.topic.trend')} />,
        },
      ]}
    />
  );
}
