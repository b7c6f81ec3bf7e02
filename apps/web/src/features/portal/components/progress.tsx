import type { CaseStatus } from '../../../lib/api/types.ts';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';
import './portal.css';

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

const LABELS: MessageKey[] = [
  'step.submitted',
  'step.accepted',
  'step.handling',
  'step.resolved',
  'step.closed',
];

/** Where the matter is, in five plain steps (a light list, not antd Steps: the portal stays small). */
export function ProgressSteps({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  const stage = STAGE[status] ?? 0;
  const finished = stage === 4;
  return (
    <ol className="portal-steps">
      {LABELS.map((key, i) => {
        const state = i < stage || (finished && i === stage) ? 'done' : i === stage ? 'current' : undefined;
        return (
          <li key={key} className={state} aria-current={state === 'current' ? 'step' : undefined}>
            {t(key)}
          </li>
        );
      })}
    </ol>
  );
}

export function PublicTimeline({
  events,
}: {
  events: { type: string; at: string; toStatus?: string | null }[];
}) {
  const { t, te, dateTime } = useI18n();
  return (
    <ol className="portal-timeline">
      {events.map((e, i) => {
        const actor =
          e.type === 'case.submitted' || e.type === 'case.rated' ? t('event.resident') : t('event.staff');
        const key = `event.${e.type}` as MessageKey;
        const text = t(key, { actor });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the timeline only grows at its end; type + time may repeat
          <li key={`${e.type}-${e.at}-${i}`}>
            <span className="portal-muted">{dateTime(e.at)}</span>
            <div>{text !== key ? text : e.toStatus ? te('status', e.toStatus) : e.type}</div>
          </li>
        );
      })}
    </ol>
  );
}
