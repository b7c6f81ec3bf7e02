import { Alert, Button, Flex, List, Typography } from 'antd';
import type { Geometry } from 'geojson';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type Grid, type MapFeature, useSaveOutline } from '../api/org-api.ts';
import type { Position } from './outline-layer.ts';

/** The outer ring of a grid's current outline (the first polygon of a multipolygon), open. */
export function ringOf(f: MapFeature | undefined): Position[] {
  const g = f?.geometry as Geometry | null | undefined;
  const ring =
    g?.type === 'Polygon' ? g.coordinates[0] : g?.type === 'MultiPolygon' ? g.coordinates[0][0] : [];
  const open = ring.slice(0, -1).map(([lon, lat]) => [lon, lat] as Position);
  return open;
}

/**
 * Draw or edit the selected grid's outline on the map: click to add points, drag a point to move
 * it, double-click a point to remove it; saving closes the ring and the server checks it.
 */
export function OutlinePanel({
  grid,
  ring,
  editing,
  onStart,
  onChange,
  onStop,
}: {
  grid: Grid | undefined;
  ring: Position[];
  editing: boolean;
  onStart: (fresh: boolean) => void;
  onChange: (ring: Position[]) => void;
  onStop: () => void;
}) {
  const { t } = useI18n();
  const save = useSaveOutline();
  if (!grid) return <Typography.Text type="secondary">{t('admin.pickGrid')}</Typography.Text>;
  const report = save.data?.report;
  const submit = () =>
    save.mutate(
      { id: grid.id, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } },
      { onSuccess: (r) => (!r.report || r.report.applied) && onStop() },
    );
  return (
    <Flex vertical gap={12}>
      <Typography.Text strong>
        {t('adminOrg.outline.grid', { name: grid.name, code: grid.code, v: String(grid.version) })}
      </Typography.Text>
      <Typography.Text type="secondary">{t('adminOrg.outline.help')}</Typography.Text>
      {editing ? (
        <Flex gap={8} wrap>
          <Button type="primary" disabled={ring.length < 3} loading={save.isPending} onClick={submit}>
            {t('adminOrg.outline.save')}
          </Button>
          <Button disabled={!ring.length} onClick={() => onChange(ring.slice(0, -1))}>
            {t('adminOrg.outline.undo')}
          </Button>
          <Button onClick={onStop}>{t('adminOrg.cancel')}</Button>
          <Typography.Text type="secondary">
            {t('adminOrg.outline.points', { n: String(ring.length) })}
          </Typography.Text>
        </Flex>
      ) : (
        <Flex gap={8} wrap>
          <Button type="primary" disabled={!grid.hasGeometry} onClick={() => onStart(false)}>
            {t('adminOrg.outline.edit')}
          </Button>
          <Button onClick={() => onStart(true)}>{t('adminOrg.outline.draw')}</Button>
        </Flex>
      )}
      {save.data && !report?.problems.length && (!report || report.applied) ? (
        <Alert
          type="success"
          showIcon
          message={t('adminOrg.outline.saved', { v: String(save.data.grid.version) })}
        />
      ) : null}
      {save.error ? <Alert type="error" showIcon message={(save.error as Error).message} /> : null}
      {report && !report.applied ? (
        <Alert
          type="error"
          showIcon
          message={t('adminOrg.outline.refused')}
          description={
            <List
              size="small"
              dataSource={report.problems}
              renderItem={(p) => <List.Item>{p.message}</List.Item>}
            />
          }
        />
      ) : null}
    </Flex>
  );
}
