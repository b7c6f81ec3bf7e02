import { Empty, Flex, Segmented, Table, Typography } from 'antd';
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { FeatureCollection } from 'geojson';
import { useMemo, useState } from 'react';
import { Chart, type ChartOption } from '../../../components/chart.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type Child, type Figures, type OutlineLevel, useOutlines } from '../api.ts';

echarts.use([MapChart, VisualMapComponent]);

type Metric = 'open' | 'overdue' | 'total';
const EMPTY_GRID: Child = {
  kind: 'grid',
  id: '',
  name: '',
  level: 'grid',
  total: 0,
  open: 0,
  overdue: 0,
  dueSoon: 0,
};
const METRIC_COLOURS: Record<Metric, string[]> = {
  open: ['#d6e4ff', '#4096ff', '#003eb3'],
  overdue: ['#ffd8d6', '#ff7875', '#a8071a'],
  total: ['#d9f7be', '#73d13d', '#135200'],
};

/** The outline level of a node's children: towns of the county, villages of a town, micro-grids of a village. */
function childLevel(f: Figures): OutlineLevel | null {
  if (f.node.kind === 'grid') return null;
  return f.node.level === 'county' ? 'town' : f.node.level === 'town' ? 'village' : 'micro';
}

/**
 * The outlines inside the node: its sub-regions (by parent code) or, in a village, its micro-grids
 * (by region code); shown when (nearly) every child with figures has one.
 */
function outlinesOf(all: FeatureCollection | undefined, f: Figures): FeatureCollection | null {
  if (!all || !f.children.length) return null;
  const code = f.node.id.replace(/^r-/, '');
  const inside = (p: Record<string, unknown> | null) =>
    f.node.level === 'village' ? p?.region_code === code : p?.parent_code === code;
  const features = all.features.filter((x) => x.geometry && inside(x.properties));
  const ids = new Set(features.map((x) => String(x.properties?.unit_id)));
  const covered = f.children.filter((c) => ids.has(c.id)).length;
  return covered >= Math.ceil(f.children.length * 0.8) ? { type: 'FeatureCollection', features } : null;
}

export function RegionMap({ figures, onDrill }: { figures: Figures; onDrill: (child: Child) => void }) {
  const { t } = useI18n();
  const [metric, setMetric] = useState<Metric>('open');
  const [view, setView] = useState<'map' | 'list'>('map');
  const outlines = useOutlines(childLevel(figures));
  const children = figures.children;
  const shape = useMemo(() => outlinesOf(outlines.data, figures), [outlines.data, figures]);
  const mapName = `hewei-${figures.node.id}-${shape?.features.length ?? 0}`;

  const option = useMemo<ChartOption | null>(() => {
    if (!shape) return null;
    // one registered map per node: the outlines of its children, framed to their extent
    echarts.registerMap(mapName, shape as never);
    // every outline is named (a grid without cases too); the node's name is left out of its children's
    const names = new Map<string, string>();
    for (const x of shape.features)
      names.set(
        String(x.properties?.unit_id),
        String(x.properties?.name ?? '').replace(figures.node.name, ''),
      );
    for (const c of children) names.set(c.id, c.name.replace(figures.node.name, '') || c.name);
    const max = Math.max(1, ...children.map((c) => c[metric]));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) =>
          `${names.get(p.name) ?? p.name}<br/>${t(`overview.regions.metric.${metric}`)}: ${Number.isFinite(p.value) ? p.value : 0}`,
      },
      visualMap: {
        min: 0,
        max,
        left: 8,
        bottom: 8,
        calculable: true,
        itemHeight: 90,
        inRange: { color: METRIC_COLOURS[metric] },
      },
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'unit_id',
          roam: true,
          selectedMode: false,
          label: {
            show: figures.node.level !== 'village' && shape.features.length <= 16,
            fontSize: 11,
            color: '#1f1f1f',
            formatter: (p: { name: string }) => names.get(p.name) ?? '',
          },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd666' } },
          itemStyle: { borderColor: '#fff', borderWidth: 1, areaColor: '#d6e4ff' },
          data: children.map((c) => ({ name: c.id, value: c[metric] })),
        },
      ],
    };
  }, [shape, mapName, children, metric, t, figures.node.name, figures.node.level]);

  const list = (
    <Table<Child>
      size="small"
      rowKey="id"
      className="overview-regions"
      dataSource={[...children].sort((a, b) => b[metric] - a[metric])}
      pagination={false}
      scroll={{ y: 300 }}
      onRow={(row) => ({ onClick: () => onDrill(row), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: t('overview.regions.name'),
          dataIndex: 'name',
          render: (name: string, row) => (
            <Typography.Link onClick={() => onDrill(row)}>{name}</Typography.Link>
          ),
        },
        { title: t('overview.regions.metric.open'), dataIndex: 'open', width: 70, align: 'right' },
        { title: t('overview.regions.metric.overdue'), dataIndex: 'overdue', width: 70, align: 'right' },
        { title: t('overview.regions.metric.total'), dataIndex: 'total', width: 80, align: 'right' },
      ]}
    />
  );

  if (!children.length) return <Empty description={t('overview.regions.none')} />;
  const showMap = view === 'map' && option;
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Segmented
          size="small"
          value={metric}
          onChange={(m) => setMetric(m as Metric)}
          options={(['open', 'overdue', 'total'] as const).map((m) => ({
            value: m,
            label: t(`overview.regions.metric.${m}`),
          }))}
        />
        {option ? (
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'map' | 'list')}
            options={[
              { value: 'map', label: t('overview.regions.map') },
              { value: 'list', label: t('overview.regions.list') },
            ]}
          />
        ) : null}
      </Flex>
      {showMap ? (
        <>
          <Chart
            option={option}
            height={330}
            label={t('overview.regions')}
            onClick={(p) => {
              const child = children.find((c) => c.id === p.name);
              const outline = shape?.features.find((x) => x.properties?.unit_id === p.name);
              if (child) onDrill(child);
              // a grid without cases has no figures yet, but may still be opened
              else if (figures.node.level === 'village' && outline)
                onDrill({ ...EMPTY_GRID, id: p.name, name: String(outline.properties?.name) });
            }}
          />
          <Typography.Text type="secondary">{t('overview.regions.clickHint')}</Typography.Text>
        </>
      ) : (
        list
      )}
    </>
  );
}
