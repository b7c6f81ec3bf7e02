import { Select } from 'antd';
import { useState } from 'react';
import { useCaseSearch } from '../api/case-actions.ts';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  excludeId: string;
}

export function CaseRefSelect({ id, value, onChange, excludeId }: Props) {
  const [q, setQ] = useState('');
  const search = useCaseSearch(q);
  const options = (search.data ?? [])
    .filter((c) => c.id !== excludeId)
    .map((c) => ({ value: c.id, label: `${c.trackingCode} · ${c.description.slice(0, 40)}` }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      loading={search.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      notFoundContent={null}
    />
  );
}
