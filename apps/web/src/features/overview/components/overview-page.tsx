import { ReloadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Row, Spin, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useHotTopics, useWarnings } from '../../analysis/api.ts';
import { TopicCompactList } from '../../analysis/components/topic-list.tsx';
import { WarningCompactList } from '../../analysis/components/warning-list.tsx';
import { type Child, type NodeRef, OVERVIEW_REFRESH_MS, useFigures } from '../api.ts';
import { DrillDrawer } from './drill-drawer.tsx';
import {
  CategoryBars,
  ChannelPie,
  type Drill,
  OpenColourPie,
  OpenStatusBars,
  TrendChart,
} from './figure-charts.tsx';
import { KpiRow } from './kpi-row.tsx';
import { RegionMap } from './region-map.tsx';

const H = 230;

/** 一屏观全貌: the figures of the viewer's region (or a region or grid inside it), refreshed on their own. */
export function OverviewPage({
  node,
  onNode,
  onOpenCase,
  onAllWarnings,
}: {
  node: NodeRef;
  onNode: (next: NodeRef) => void;
  onOpenCase: (id: string) => void;
  onAllWarnings: () => void;
}) {
  const { t, dateTime } = useI18n();
  const figures = useFigures(node);
  const topics = useHotTopics(7, node.regionId);
  // the warnings routed to the node's region or below (a grid: its region)
  const place = node.regionId ?? figures.data?.node.path.at(-1)?.id;
  const warnings = useWarnings({ state: 'open', regionId: place, limit: 8 });
  const [drill, setDrill] = useState<Drill | null>(null);
  const f = figures.data;
  if (!f) return <Spin style={{ display: 'block', margin: 48 }} />;

  const crumbs = [
    ...f.node.path.map((p) => ({
      key: p.id,
      title:
        p.id === f.node.id ? (
          p.name
        ) : (
          <Typography.Link onClick={() => onNode({ regionId: p.id })}>{p.name}</Typography.Link>
        ),
    })),
    ...(f.node.kind === 'grid' ? [{ key: f.node.id, title: f.node.name }] : []),
  ];
  const drillTo = (c: Child) => onNode(c.kind === 'grid' ? { gridId: c.id } : { regionId: c.id });

  return (
    <div className="overview-page">
      <PageHeader
        title={t('overview.title')}
        subtitle={t('overview.subtitle', {
          name: f.node.name,
          seconds: OVERVIEW_REFRESH_MS / 1000,
          time: dateTime(f.generatedAt),
        })}
        extra={
          <Button icon={<ReloadOutlined />} loading={figures.isFetching} onClick={() => figures.refetch()}>
            {t('overview.refresh')}
          </Button>
        }
      />
      <Breadcrumb className="overview-path" items={crumbs} style={{ marginBottom: 12 }} />
      <KpiRow figures={f} onDrill={setDrill} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('overview.regions')} className="overview-regions-card">
            <RegionMap figures={f} onDrill={drillTo} />
          </Card>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} md={12}>
              <Card size="small" title={t('overview.channels')}>
                <ChannelPie figures={f} height={H - 50} />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title={t('overview.openColour')}>
                <OpenColourPie figures={f} height={H - 50} onDrill={setDrill} />
              </Card>
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('overview.trend')}>
            <TrendChart figures={f} height={H} />
          </Card>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} md={12}>
              <Card size="small" title={t('overview.openStatus')}>
                <OpenStatusBars figures={f} height={H + 60} onDrill={setDrill} />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title={t('overview.categories')}>
                <CategoryBars figures={f} height={H + 60} onDrill={setDrill} />
              </Card>
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={7}>
          <Card
            size="small"
            title={t('overview.warnings')}
            extra={<Typography.Link onClick={onAllWarnings}>{t('overview.warnings.more')}</Typography.Link>}
          >
            <WarningCompactList
              items={(warnings.data ?? []).slice(0, 5)}
              loading={warnings.isLoading}
              onOpenCase={onOpenCase}
            />
          </Card>
          <Card size="small" title={t('overview.hotTopics')} style={{ marginTop: 12 }}>
            <TopicCompactList
              items={(topics.data ?? []).slice(0, 4)}
              loading={topics.isLoading}
              onOpenCase={onOpenCase}
            />
          </Card>
        </Col>
      </Row>
      <DrillDrawer
        node={node}
        nodeName={f.node.name}
        drill={drill}
        onClose={() => setDrill(null)}
        onOpen={onOpenCase}
      />
    </div>
  );
}
