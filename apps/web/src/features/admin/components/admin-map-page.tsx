import { Card, Col, Flex, Input, Row, Select, Tabs, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type Grid, useGrids, useMapLevel, useRegions } from '../api/org-api.ts';
import { ImportPanel } from './import-panel.tsx';
import { PeoplePanel, ResponsibilityPanel } from './lists-panel.tsx';
import { OrgMap } from './org-map.tsx';
import type { Position } from './outline-layer.ts';
import { OutlinePanel, ringOf } from './outline-panel.tsx';
import { PlacePanel } from './place-panel.tsx';

const TILE_KEY = 'hewei.admin.tileUrl';
const LEVELS = ['town', 'village', 'big', 'medium', 'small', 'micro'];

interface Node {
  key: string;
  title: string;
  children?: Node[];
}

/** Towns with their grid trees (big > medium > small > micro). */
function gridTree(regions: { id: string; name: string; level: string }[], grids: Grid[]): Node[] {
  const children = new Map<string, Grid[]>();
  for (const g of grids) {
    const parent = g.parentId ?? g.regionId;
    children.set(parent, [...(children.get(parent) ?? []), g]);
  }
  const node = (g: Grid): Node => {
    const kids = children.get(g.id) ?? [];
    return { key: g.id, title: `${g.name} ${g.code}`, ...(kids.length ? { children: kids.map(node) } : {}) };
  };
  return regions
    .filter((r) => r.level === 'town')
    .map((r) => ({
      key: r.id,
      title: r.name,
      children: (children.get(r.id) ?? []).filter((g) => g.level === 'big').map(node),
    }));
}

export function AdminMapPage() {
  const { t } = useI18n();
  const [level, setLevel] = useState('village');
  const [tileUrl, setTileUrl] = useState(() => localStorage.getItem(TILE_KEY) ?? '');
  const [selected, setSelected] = useState<string | null>(null);
  const [point, setPoint] = useState<{ lat: number; lon: number } | null>(null);
  const [tab, setTab] = useState('place');
  const [ring, setRing] = useState<Position[] | null>(null);
  const edit = useMemo(() => (ring ? { ring, onChange: setRing } : null), [ring]);
  const outlines = useMapLevel(level);
  const grids = useGrids();
  const regions = useRegions();
  const tree = useMemo(
    () => gridTree(regions.data?.items ?? [], grids.data?.items ?? []),
    [regions.data, grids.data],
  );
  const selectedGrid = grids.data?.items.find((g) => g.id === selected);
  return (
    <>
      <PageHeader
        title={t('admin.map.title')}
        subtitle={t('admin.map.subtitle')}
        extra={
          <Flex gap={8}>
            <Select
              value={level}
              onChange={setLevel}
              style={{ width: 140 }}
              options={LEVELS.map((l) => ({ value: l, label: t(`admin.level.${l}` as never) }))}
            />
            <Input
              style={{ width: 320 }}
              placeholder={t('admin.tileUrl')}
              defaultValue={tileUrl}
              onBlur={(e) => {
                localStorage.setItem(TILE_KEY, e.target.value.trim());
                setTileUrl(e.target.value.trim());
              }}
            />
          </Flex>
        }
      />
      <Row gutter={12}>
        <Col xs={24} lg={5}>
          <Card size="small" title={t('admin.tree')} styles={{ body: { maxHeight: 560, overflow: 'auto' } }}>
            <Tree
              treeData={tree}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => {
                const id = String(keys[0] ?? '');
                const g = grids.data?.items.find((x) => x.id === id);
                setSelected(id || null);
                setRing(null);
                if (g) setLevel(g.level);
                setTab(tab === 'outline' ? 'outline' : 'people');
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <OrgMap
            features={outlines.data?.features ?? []}
            selectedId={selected}
            tileUrl={tileUrl}
            point={point}
            edit={edit}
            onPick={(p) => {
              setPoint(p);
              setTab('place');
            }}
          />
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small">
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                { key: 'place', label: t('admin.tab.place'), children: <PlacePanel point={point} /> },
                {
                  key: 'people',
                  label: selectedGrid
                    ? `${t('admin.tab.people')} · ${selectedGrid.name}`
                    : t('admin.tab.people'),
                  children: <PeoplePanel gridId={selectedGrid?.id ?? null} />,
                },
                {
                  key: 'outline',
                  label: t('adminOrg.outline.tab'),
                  children: (
                    <OutlinePanel
                      grid={selectedGrid}
                      ring={ring ?? []}
                      editing={ring !== null}
                      onStart={(fresh) =>
                        setRing(
                          fresh
                            ? []
                            : ringOf(outlines.data?.features.find((f) => f.properties.unit_id === selected)),
                        )
                      }
                      onChange={setRing}
                      onStop={() => setRing(null)}
                    />
                  ),
                },
                { key: 'resp', label: t('admin.tab.responsibilities'), children: <ResponsibilityPanel /> },
                { key: 'import', label: t('admin.tab.import'), children: <ImportPanel /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
