import { Select } from 'antd';
import { useMemo } from 'react';
import { useCategories } from '../lib/reference.ts';
import { categoryOptions } from './category-options.ts';

export { categoryOptions };

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
