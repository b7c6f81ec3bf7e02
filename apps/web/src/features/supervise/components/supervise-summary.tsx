import { Card, Col, List, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../../components/chart.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type Group, useBoard } from '../api.ts';

const byId = (gs: Group[] | undefined) => new Map((gs ?? []).map((g) => [g.id ?? '', g]));

/** Counts from the server (the whole region, not only the loaded page), by owning center and lead department. */
export function SuperviseSummary() {
  const { t } = useI18n();
  const overdue = useBoard('overdue');
  const dueSoon = useBoard('due_soon');

  const option = useMemo<ChartOption>(() => {
    const a = byId(overdue.data?.byRegion);
    const b = byId(dueSoon.data?.byRegion);
    const ids = [...new Set([...a.keys(), ...b.keys()])].sort(
      (x, y) => (a.get(y)?.count ?? 0) - (a.get(x)?.count ?? 0),
    );
    const names = ids.map((id) => a.get(id)?.name ?? b.get(id)?.name ?? id);
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('supervise.overdue'), t('supervise.dueSoon')] },
      grid: { left: 40, right: 16, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('supervise.overdue'),
          type: 'bar',
          stack: 'due',
          data: ids.map((id) => a.get(id)?.count ?? 0),
          color: '#cf1322',
        },
        {
          name: t('supervise.dueSoon'),
          type: 'bar',
          stack: 'due',
          data: ids.map((id) => b.get(id)?.count ?? 0),
          color: '#fa8c16',
        },
      ],
    };
  }, [overdue.data, dueSoon.data, t]);

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={12} lg={4}>
        <Card>
          <Statistic
            title={t('supervise.overdue')}
            value={overdue.data?.total ?? 0}
            loading={overdue.isLoading}
            styles={{ content: { color: '#cf1322' } }}
            data-testid="overdue-total"
          />
        </Card>
        <Card style={{ marginTop: 16 }}>
          <Statistic
            title={t('supervise.dueSoon')}
            value={dueSoon.data?.total ?? 0}
            loading={dueSoon.isLoading}
            styles={{ content: { color: '#d46b08' } }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('supervise.chart')}>
          <Chart option={option} height={220} label={t('supervise.chart')} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={`${t('supervise.overdue')} · ${t('supervise.board.byDepartment')}`}>
          <List
            size="small"
            dataSource={(overdue.data?.byDepartment ?? []).slice(0, 6)}
            locale={{ emptyText: t('supervise.board.none') }}
            renderItem={(g) => (
              <List.Item extra={<Typography.Text strong>{g.count}</Typography.Text>}>{g.name}</List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
