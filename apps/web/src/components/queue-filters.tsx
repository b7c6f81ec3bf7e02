import { Input, Select, Space } from 'antd';
import type { CaseFilters } from '../lib/api/case-queries.ts';
import { CASE_KINDS, COLOURS, STATUSES } from '../lib/api/types.ts';
import { useI18n } from '../lib/i18n/index.tsx';
import { RegionSelect } from './region-select.tsx';

export type FilterKey = 'status' | 'colour' | 'due' | 'region' | 'kind' | 'q';

interface Props {
  keys: FilterKey[];
  value: CaseFilters;
  onChange: (next: CaseFilters) => void;
}

export function QueueFilters({ keys, value, onChange }: Props) {
  const { t, te } = useI18n();
  const set = (patch: Partial<CaseFilters>) => onChange({ ...value, ...patch });
  return (
    <Space wrap size={8}>
      {keys.includes('q') ? (
        <Input.Search
          aria-label={t('filter.q')}
          placeholder={t('filter.q')}
          allowClear
          defaultValue={value.q}
          onSearch={(q) => set({ q: q || undefined })}
          style={{ width: 240 }}
        />
      ) : null}
      {keys.includes('status') ? (
        <Select
          aria-label={t('filter.status')}
          placeholder={t('filter.status')}
          allowClear
          value={value.status}
          onChange={(status) => set({ status })}
          options={STATUSES.map((s) => ({ value: s, label: te('status', s) }))}
          style={{ width: 140 }}
        />
      ) : null}
      {keys.includes('kind') ? (
        <Select
          aria-label={t('filter.kind')}
          placeholder={t('filter.kind')}
          allowClear
          value={value.kind}
          onChange={(kind) => set({ kind })}
          options={CASE_KINDS.map((k) => ({ value: k, label: te('kind', k) }))}
          style={{ width: 130 }}
        />
      ) : null}
      {keys.includes('colour') ? (
        <Select
          aria-label={t('filter.colour')}
          placeholder={t('filter.colour')}
          allowClear
          value={value.colour}
          onChange={(colour) => set({ colour })}
          options={COLOURS.map((c) => ({ value: c, label: te('colour', c) }))}
          style={{ width: 100 }}
        />
      ) : null}
      {keys.includes('due') ? (
        <Select
          aria-label={t('filter.due')}
          placeholder={t('filter.due')}
          allowClear
          value={value.due}
          onChange={(due) => set({ due })}
          options={(['overdue', 'due_soon'] as const).map((d) => ({ value: d, label: te('due', d) }))}
          style={{ width: 110 }}
        />
      ) : null}
      {keys.includes('region') ? (
        <RegionSelect
          aria-label={t('filter.region')}
          placeholder={t('filter.region')}
          value={value.regionId}
          onChange={(regionId) => set({ regionId })}
        />
      ) : null}
    </Space>
  );
}
