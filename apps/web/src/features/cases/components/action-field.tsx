import { Input, InputNumber, Radio } from 'antd';
import { DepartmentSelect } from '../../../components/department-select.tsx';
import { COLOURS } from '../../../lib/api/types.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { ActionField } from './action-config.ts';
import { CaseRefSelect } from './case-ref-select.tsx';

interface Props {
  id?: string;
  field: ActionField;
  value?: unknown;
  onChange?: (value: unknown) => void;
  excludeCaseId: string;
}

export function ActionFieldInput({ id, field, value, onChange, excludeCaseId }: Props) {
  const { t, te } = useI18n();
  const radio = (options: { value: string | boolean; label: string }[]) => (
    <Radio.Group
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
      optionType="button"
      buttonStyle="solid"
      options={options}
    />
  );
  switch (field.kind) {
    case 'text':
      return (
        <Input.TextArea
          id={id}
          value={value as string}
          onChange={(e) => onChange?.(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
        />
      );
    case 'number':
      return (
        <InputNumber
          id={id}
          value={value as number}
          onChange={(v) => onChange?.(v)}
          min={1}
          max={60}
          precision={0}
        />
      );
    case 'department':
      return (
        <DepartmentSelect
          id={id}
          value={value as string}
          onChange={onChange}
          placeholder={t('form.selectDepartment')}
        />
      );
    case 'departments':
      return (
        <DepartmentSelect
          id={id}
          multiple
          value={value as string[]}
          onChange={onChange}
          placeholder={t('form.selectDepartment')}
        />
      );
    case 'colour':
      return radio(
        COLOURS.map((c) => ({ value: c, label: `${te('colour', c)} · ${t(`colour.${c}.hint`)}` })),
      );
    case 'complexity':
      return radio((['simple', 'complex'] as const).map((c) => ({ value: c, label: te('complexity', c) })));
    case 'passed':
      return radio([
        { value: true, label: t('form.passed.yes') },
        { value: false, label: t('form.passed.no') },
      ]);
    case 'satisfaction':
      return radio(
        (['satisfied', 'partly', 'dissatisfied'] as const).map((s) => ({
          value: s,
          label: te('satisfaction', s),
        })),
      );
    case 'outcome':
      return radio(
        (['agreement', 'failed', 'referred'] as const).map((o) => ({ value: o, label: te('outcome', o) })),
      );
    case 'caseRef':
      return <CaseRefSelect id={id} value={value as string} onChange={onChange} excludeId={excludeCaseId} />;
  }
}
