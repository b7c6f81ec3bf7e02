import { useMemo } from 'react';
import { categoryOptions } from '../../../components/category-options.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useCategories, useRegions } from '../../../lib/reference.ts';

interface NativeSelectProps {
  id: string;
  value: string;
  onChange: (v: string) => void;
  describedBy?: Record<string, unknown>;
}

function NativeSelect({
  id,
  value,
  onChange,
  describedBy,
  options,
  loading,
}: NativeSelectProps & { options: { value: string; label: string }[]; loading: boolean }) {
  const { t } = useI18n();
  return (
    <select
      id={id}
      name={id}
      className="portal-input"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-busy={loading || undefined}
      {...describedBy}
    >
      <option value="">{loading ? t('common.loading') : t('portal.form.choose')}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Towns and villages as one list, in the phone's own picker. */
export function PlaceSelect(props: NativeSelectProps) {
  const regions = useRegions();
  const { locale } = useI18n();
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
      .sort((a, b) => a.label.localeCompare(b.label, locale));
  }, [regions.data, locale]);
  return <NativeSelect {...props} options={options} loading={regions.isLoading} />;
}

/** The categories a kind of matter may have, in the phone's own picker. */
export function CategoryPicker({ kind, ...props }: NativeSelectProps & { kind?: string }) {
  const categories = useCategories();
  const options = useMemo(() => categoryOptions(categories.data ?? [], kind), [categories.data, kind]);
  return <NativeSelect {...props} options={options} loading={categories.isLoading} />;
}
