import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { Region } from '../lib/api/types.ts';
import { useRegions } from '../lib/reference.ts';

interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}

export function buildRegionTree(regions: Region[]): TreeNode[] {
  const byParent = new Map<string | null, Region[]>();
  const ids = new Set(regions.map((r) => r.id));
  for (const r of regions) {
    const parent = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), r]);
  }
  const build = (parent: string | null): TreeNode[] =>
    (byParent.get(parent) ?? []).map((r) => {
      const children = build(r.id);
      return { value: r.id, title: r.name, ...(children.length ? { children } : {}) };
    });
  return build(null);
}

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

export function RegionSelect({ id, value, onChange, placeholder, allowClear = true, style, ...rest }: Props) {
  const regions = useRegions();
  const tree = useMemo(() => buildRegionTree(regions.data ?? []), [regions.data]);
  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={tree}
      loading={regions.isLoading}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll={tree.length <= 1}
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
