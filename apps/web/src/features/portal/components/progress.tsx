import { Steps, Timeline } from 'antd';
import type { CaseStatus } from '../../../lib/api/types.ts';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';

const STAGE: Partial<Record<CaseStatus, number>> = {
  submitted: 0,
  accepted: 1,
  triaged: 1,
  in_pool: 1,
  dispatched: 1,
  objected: 1,
  in_progress: 2,
  extension_requested: 2,
  in_mediation: 2,
  resolved: 3,
  verified: 3,
  called_back: 3,
  closed: 4,
};

export function ProgressSteps({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  const stage = STAGE[status];
  const labels: MessageKey[] = [
    'step.submitted',
    'step.accepted',
    'step.handling',
    'step.resolved',
    'step.closed',
  ];
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={stage ?? 0}
      status={stage === undefined ? 'error' : stage === 4 ? 'finish' : 'process'}
      items={labels.map((key) => ({ title: t(key) }))}
    />
  );
}

export function PublicTimeline({
  events,
}: {
  events: { type: string; at: string; toStatus?: string | null }[];
}) {
  const { t, te, dateTime } = useI18n();
  return (
    <Timeline
      items={events.map((e, i) => {
        const actor =
          e.type === 'case.submitted' || e.type === 'case.rated' ? t('event.resident') : t('event.staff');
        const key = `event.${e.type}` as MessageKey;
        const text = t(key, { actor });
        return {
          key: `${e.type}-${e.at}-${i}`,
          title: <span className="portal-muted">{dateTime(e.at)}</span>,
          content: text !== key ? text : e.toStatus ? te('status', e.toStatus) : e.type,
        };
      })}
    />
  );
}
