import { Empty, Flex } from 'antd';
import { LineChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../../components/chart.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { Count, Figures } from '../api.ts';

echarts.use([LineChart]);

const TERMINAL = new Set(['closed', 'rejected', 'withdrawn', 'merged']);
export const COLOUR_HEX: Record<string, string> = {
  red: '#cf1322',
  orange: '#fa8c16',
  yellow: '#fadb14',
  green: '#52c41a',
  blue: '#1677ff',
  none: '#bfbfbf',
};

export type Drill = { what: string; filter: Record<string, string> };

export function TrendChart({ figures, height }: { figures: Figures; height: number }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('overview.trend.created'), t('overview.trend.closed')], top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', boundaryGap: false, data: figures.trend.map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('overview.trend.created'),
          type: 'line',
          smooth: true,
          areaStyle: { opacity: 0.15 },
          data: figures.trend.map((d) => d.created),
          color: '#1677ff',
        },
        {
          name: t('overview.trend.closed'),
          type: 'line',
          smooth: true,
          data: figures.trend.map((d) => d.closed),
          color: '#52c41a',
        },
      ],
    }),
    [figures.trend, t],
  );
  return <Chart option={option} height={height} label={t('overview.trend')} />;
}

function Pie({
  counts,
  label,
  name,
  height,
  colours,
  onPick,
}: {
  counts: Count[];
  label: string;
  name: (key: string) => string;
  height: number;
  colours?: Record<string, string>;
  onPick?: (key: string) => void;
}) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          center: ['38%', '50%'],
          avoidLabelOverlap: true,
          label: { show: false },
          data: counts.map((c) => ({
            name: name(c.key),
            value: c.n,
            key: c.key,
            itemStyle: colours?.[c.key] ? { color: colours[c.key] } : undefined,
          })),
        },
      ],
    }),
    [counts, name, colours],
  );
  return (
    <Chart
      option={option}
      height={height}
      label={label}
      onClick={(p) => onPick?.((p.data as { key: string }).key)}
    />
  );
}

/** No data: an empty state as tall as the chart it stands for. */
function Blank({ height, text }: { height: number; text?: string }) {
  const { t } = useI18n();
  return (
    <Flex style={{ height }} align="center" justify="center">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text ?? t('overview.none')} />
    </Flex>
  );
}

export function ChannelPie({ figures, height }: { figures: Figures; height: number }) {
  const { t, te } = useI18n();
  const name = useMemo(() => (k: string) => te('channel', k), [te]);
  if (!figures.today.byChannel.length) return <Blank height={height} text={t('overview.channels.empty')} />;
  return <Pie counts={figures.today.byChannel} label={t('overview.channels')} name={name} height={height} />;
}

export function OpenColourPie({
  figures,
  height,
  onDrill,
}: {
  figures: Figures;
  height: number;
  onDrill: (d: Drill) => void;
}) {
  const { t, te } = useI18n();
  const name = useMemo(
    () => (k: string) => (k === 'none' ? t('overview.colour.none') : te('colour', k)),
    [t, te],
  );
  if (!figures.openByColour.length) return <Blank height={height} />;
  return (
    <Pie
      counts={figures.openByColour}
      label={t('overview.openColour')}
      name={name}
      height={height}
      colours={COLOUR_HEX}
      onPick={(key) =>
        key !== 'none' && onDrill({ what: te('colour', key), filter: { colour: key, open: 'true' } })
      }
    />
  );
}

function Bars({
  items,
  label,
  height,
  horizontal,
  onPick,
}: {
  items: { key: string; name: string; n: number }[];
  label: string;
  height: number;
  horizontal?: boolean;
  onPick?: (key: string) => void;
}) {
  const option = useMemo<ChartOption>(() => {
    const cat = { type: 'category', data: items.map((i) => i.name), axisLabel: { interval: 0 } };
    const val = { type: 'value', minInterval: 1, splitNumber: horizontal ? 3 : 5 };
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: horizontal
        ? { left: 8, right: 24, top: 8, bottom: 8, containLabel: true }
        : { left: 40, right: 8, top: 16, bottom: 48 },
      xAxis: horizontal ? val : { ...cat, axisLabel: { interval: 0, rotate: items.length > 5 ? 30 : 0 } },
      yAxis: horizontal ? { ...cat, inverse: true } : val,
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: items.map((i) => ({ value: i.n, key: i.key })),
          color: '#1677ff',
          label: { show: true, position: horizontal ? 'right' : 'top' },
        },
      ],
    };
  }, [items, horizontal]);
  return (
    <Chart
      option={option}
      height={height}
      label={label}
      onClick={(p) => onPick?.((p.data as { key: string }).key)}
    />
  );
}

export function OpenStatusBars({
  figures,
  height,
  onDrill,
}: {
  figures: Figures;
  height: number;
  onDrill: (d: Drill) => void;
}) {
  const { t, te } = useI18n();
  const items = figures.byStatus
    .filter((s) => !TERMINAL.has(s.key))
    .map((s) => ({ key: s.key, name: te('status', s.key), n: s.n }));
  if (!items.length) return <Blank height={height} />;
  return (
    <Bars
      items={items}
      label={t('overview.openStatus')}
      height={height}
      horizontal
      onPick={(key) => onDrill({ what: te('status', key), filter: { status: key } })}
    />
  );
}

export function CategoryBars({
  figures,
  height,
  onDrill,
}: {
  figures: Figures;
  height: number;
  onDrill: (d: Drill) => void;
}) {
  const { t } = useI18n();
  const items = figures.byCategory.slice(0, 10).map((c) => ({ key: c.code, name: c.name, n: c.n }));
  return (
    <Bars
      items={items}
      label={t('overview.categories')}
      height={height}
      horizontal
      onPick={(key) =>
        onDrill({ what: items.find((i) => i.key === key)?.name ?? key, filter: { categoryCode: key } })
      }
    />
  );
}
