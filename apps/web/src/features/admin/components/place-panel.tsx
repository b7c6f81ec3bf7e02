import { Alert, Descriptions, Empty, List, Tag } from 'antd';
import type { ApiError } from '../../../lib/api/client.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useLocate } from '../api/org-api.ts';

/** Whose grid a clicked point is, and who answers for which category there. */
export function PlacePanel({ point }: { point: { lat: number; lon: number } | null }) {
  const { t } = useI18n();
  const q = useLocate(point);
  if (!point) return <Empty description={t('admin.clickHint')} />;
  if (q.error) return <Alert type="warning" showIcon message={(q.error as ApiError).message} />;
  const x = q.data;
  if (!x) return null;
  const unit = (u?: { name: string; code: string }) =>
    u ? t('admin.unit', { name: u.name, code: u.code }) : '—';
  return (
    <>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item
          label={t('admin.point')}
        >{`${x.point.lat.toFixed(6)}, ${x.point.lon.toFixed(6)}`}</Descriptions.Item>
        <Descriptions.Item label={t('admin.level.micro')}>{unit(x.grids.micro)}</Descriptions.Item>
        <Descriptions.Item label={t('admin.level.small')}>{unit(x.grids.small)}</Descriptions.Item>
        <Descriptions.Item label={t('admin.level.medium')}>{unit(x.grids.medium)}</Descriptions.Item>
        <Descriptions.Item label={t('admin.level.big')}>{unit(x.grids.big)}</Descriptions.Item>
        <Descriptions.Item label={t('admin.level.village')}>{unit(x.regions.village)}</Descriptions.Item>
        <Descriptions.Item label={t('admin.level.town')}>{unit(x.regions.town)}</Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        header={t('admin.gridWorkers')}
        dataSource={[...x.gridWorkers, ...x.mediators]}
        renderItem={(p) => (
          <List.Item>
            {p.name}{' '}
            <Tag>
              {t(
                p.kind === 'grid_worker'
                  ? (`admin.employment.${p.employment ?? 'full_time'}` as never)
                  : 'admin.villageMediator',
              )}
            </Tag>
            {p.phone ?? ''}
          </List.Item>
        )}
      />
      <List
        size="small"
        header={t('admin.responsibilities')}
        dataSource={x.responsibilities}
        renderItem={(r) => (
          <List.Item>
            {r.categoryCode} {r.categoryName} → {r.departmentName}{' '}
            <Tag color={r.role === 'lead' ? 'blue' : 'default'}>{t(`admin.role.${r.role}` as never)}</Tag>
            <span style={{ color: '#888' }}>{r.regionName}</span>
          </List.Item>
        )}
      />
    </>
  );
}
