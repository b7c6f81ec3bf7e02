import { Card, Table, Typography } from 'antd';
import { LineChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../../components/chart.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type CategoryTrends as Trends, useCategoryTrends } from '../api.ts';

echarts.use([LineChart]);

type Item = Trends['items'][number];

export function CategoryTrends({ days }: { days: number }) {
  const { t } = useI18n();
  const trends = useCategoryTrends(Math.max(days, 14));
  const data = trends.data;
  const option = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    const top = data.items.slice(0, 8);
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0, data: top.map((i) => i.name) },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', boundaryGap: false, data: data.days.map((d) => d.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: top.map((i) => ({
        name: i.name,
        type: 'line',
        smooth: true,
        showSymbol: false,
        data: i.daily,
      })),
    };
  }, [data]);
  const change = (i: Item) =>
    i.previous7 ? Math.round(((i.last7 - i.previous7) / i.previous7) * 100) : null;
  return (
    <>
      <Card size="small" title={t('analysis.trend.chart')} style={{ marginBottom: 12 }}>
        {option ? <Chart option={option} height={300} label={t('analysis.trend.chart')} /> : null}
      </Card>
      <Table<Item>
        size="small"
        rowKey="code"
        loading={trends.isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('analysis.trend.category'), dataIndex: 'name' },
          { title: t('analysis.trend.total'), dataIndex: 'total', align: 'right', width: 100 },
          { title: t('analysis.trend.last7'), dataIndex: 'last7', align: 'right', width: 100 },
          { title: t('analysis.trend.previous7'), dataIndex: 'previous7', align: 'right', width: 100 },
          {
            title: t('analysis.trend.change'),
            align: 'right',
            width: 100,
            render: (_: unknown, i) => {
              const c = change(i);
              if (c === null) return t('common.none');
              return (
                <Typography.Text
                  type={c > 0 ? 'danger' : 'success'}
                >{`${c > 0 ? '+' : ''}${c}%`}</Typography.Text>
              );
            },
          },
        ]}
      />
    </>
  );
}
