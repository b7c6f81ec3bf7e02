import { Tag } from 'antd';
import type { CaseStatus, Colour, DueState } from '../lib/api/types.ts';
import { useI18n } from '../lib/i18n/index.tsx';

const colourTag: Record<Colour, string> = { red: 'red', orange: 'orange', yellow: 'gold', green: 'green' };

export function ColourTag({ colour }: { colour: Colour | null | undefined }) {
  const { te } = useI18n();
  if (!colour) return null;
  return (
    <Tag color={colourTag[colour]} variant="solid">
      {te('colour', colour)}
    </Tag>
  );
}

const statusTag: Partial<Record<CaseStatus, string>> = {
  submitted: 'blue',
  accepted: 'geekblue',
  triaged: 'geekblue',
  in_pool: 'purple',
  dispatched: 'cyan',
  objected: 'magenta',
  in_progress: 'processing',
  extension_requested: 'warning',
  resolved: 'lime',
  verified: 'green',
  called_back: 'green',
  in_mediation: 'purple',
  closed: 'default',
  rejected: 'default',
  withdrawn: 'default',
  merged: 'default',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  const { te } = useI18n();
  return <Tag color={statusTag[status]}>{te('status', status)}</Tag>;
}

export function DueTag({ state }: { state: DueState | null | undefined }) {
  const { te } = useI18n();
  if (!state || state === 'on_time') return null;
  return <Tag color={state === 'overdue' ? 'error' : 'warning'}>{te('due', state)}</Tag>;
}
