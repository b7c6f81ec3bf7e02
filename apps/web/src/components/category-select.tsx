import { Select } from 'antd';
import { useMemo } from 'react';
import type { Category } from '../lib/api/types.ts';
import { useCategories } from '../lib/reference.ts';

export function categoryOptions(categories: Category[], kind?: string) {
  const names = new Map(categories.map((c) => [c.code, c.name]));
  const parents = new Set(categories.map((c) => c.parentCode).filter(Boolean));
  return categories
    .filter((c) => !parents.has(c.code))
    .filter((c) => !kind || c.kinds.length === 0 || c.kinds.includes(kind))
    .map((c) => {
      const parent = c.parentCode ? names.get(c.parentCode) : undefined;
      return { value: c.code, label: parent ? `${parent} / ${c.name}` : c.name };
    });
}

interface Props {
  id?: string;
  kind?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  size?: 'large' | 'middle';
}

export function CategorySelect({ id, kind, value, onChange, placeholder, size }: Props) {
  const categories = useCategories();
  const options = useMemo(() => categoryOptions(categories.data ?? [], kind), [categories.data, kind]);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      loading={categories.isLoading}
      placeholder={placeholder}
      showSearch={{ optionFilterProp: 'label' }}
      size={size}
      allowClear
    />
  );
}
