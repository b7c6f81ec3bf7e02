import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../../components/chart.tsx';
import { useCaseList } from '../../../lib/api/case-queries.ts';
import type { CaseSummary } from '../../../lib/api/types.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';

function byRegion(items: CaseSummary[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of items) m.set(c.regionName ?? '', (m.get(c.regionName ?? '') ?? 0) + 1);
  return m;
}

export function SuperviseSummary() {
  const { t } = useI18n();
  const overdue = useCaseList({ due: 'overdue' }, { limit: 100, poll: true });
  const dueSoon = useCaseList({ due: 'due_soon' }, { limit: 100, poll: true });
  const count = (l: typeof overdue) =>
    l.hasNextPage ? t('common.countMore', { count: l.items.length }) : l.items.length;

  const option = useMemo<ChartOption>(() => {
    const a = byRegion(overdue.items);
    const b = byRegion(dueSoon.items);
    const regions = [...new Set([...a.keys(), ...b.keys()])].sort(
      (x, y) => (a.get(y) ?? 0) - (a.get(x) ?? 0),
    );
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('supervise.overdue'), t('supervise.dueSoon')] },
      grid: { left: 40, right: 16, top: 40, bottom: 60 },
      xAxis: {
        type: 'category',
        data: regions,
        axisLabel: { interval: 0, rotate: regions.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('supervise.overdue'),
          type: 'bar',
          stack: 'due',
          data: regions.map((r) => a.get(r) ?? 0),
          color: '#cf1322',
        },
        {
          name: t('supervise.dueSoon'),
          type: 'bar',
          stack: 'due',
          data: regions.map((r) => b.get(r) ?? 0),
          color: '#fa8c16',
        },
      ],
    };
  }, [overdue.items, dueSoon.items, t]);

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={12} lg={6}>
        <Card>
          <Statistic
            title={t('supervise.overdue')}
            value={count(overdue)}
            loading={overdue.isLoading}
            styles={{ content: { color: '#cf1322' } }}
          />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card>
          <Statistic
            title={t('supervise.dueSoon')}
            value={count(dueSoon)}
            loading={dueSoon.isLoading}
            styles={{ content: { color: '#d46b08' } }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('supervise.chart')}>
          <Chart option={option} height={220} label={t('supervise.chart')} />
          <Typography.Text type="secondary">{t('supervise.loadedHint')}</Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
