import { Select } from 'antd';
import { useDepartments } from '../lib/reference.ts';

interface Props<M extends boolean> {
  id?: string;
  multiple?: M;
  value?: M extends true ? string[] : string;
  onChange?: (value: M extends true ? string[] : string) => void;
  exclude?: string[];
  placeholder?: string;
}

export function DepartmentSelect<M extends boolean = false>({
  id,
  multiple,
  value,
  onChange,
  exclude = [],
  placeholder,
}: Props<M>) {
  const departments = useDepartments();
  const options = (departments.data ?? [])
    .filter((d) => !exclude.includes(d.id))
    .map((d) => ({ value: d.id, label: d.name }));
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value as never}
      onChange={onChange as never}
      options={options}
      loading={departments.isLoading}
      placeholder={placeholder}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
    />
  );
}
