import { Select } from 'antd';
import { useMemo } from 'react';
import { useRegions } from '../../../lib/reference.ts';

/** A light region picker for phones: towns and villages as one searchable list. */
export function PlaceSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const regions = useRegions();
  const options = useMemo(() => {
    const all = regions.data ?? [];
    const byId = new Map(all.map((r) => [r.id, r]));
    return all
      .filter((r) => r.level !== 'county')
      .map((r) => {
        const parent = r.parentId ? byId.get(r.parentId) : undefined;
        const label = r.level === 'village' && parent ? `${parent.name} / ${r.name}` : r.name;
        return { value: r.id, label };
      })
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }, [regions.data]);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      loading={regions.isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      size="large"
    />
  );
}
