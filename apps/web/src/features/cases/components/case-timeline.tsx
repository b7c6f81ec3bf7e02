import { Alert, Skeleton, Timeline, Typography } from 'antd';
import { useCaseTimeline } from '../../../lib/api/case-queries.ts';
import type { TimelineEvent } from '../../../lib/api/types.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { type I18n, type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';

const RED = ['rejected', 'objected', 'overdue', 'verification_failed', 'reopened', 'escalated'];
const GREEN = ['closed', 'verified', 'called_back', 'resolved_on_spot', 'result_reported', 'resolved'];

function colourOf(type: string): string {
  const short = type.replace(/^case\./, '');
  if (RED.includes(short)) return 'red';
  if (GREEN.includes(short)) return 'green';
  return 'blue';
}

export function sentence(e: TimelineEvent, i18n: I18n): string {
  const { t, te } = i18n;
  const actor = e.actor
    ? t('event.actor', { name: e.actor.name, role: te('role', e.actor.role) })
    : t('event.system');
  const key = `event.${e.type}` as MessageKey;
  const text = t(key, { actor });
  if (text !== key) return text;
  if (e.toStatus && e.fromStatus && e.toStatus !== e.fromStatus) {
    return t('event.statusChange', { actor, from: te('status', e.fromStatus), to: te('status', e.toStatus) });
  }
  return t('event.generic', { actor, type: e.type });
}

const DETAIL_KEYS = [
  'note',
  'result',
  'satisfaction',
  'colour',
  'complexity',
  'outcome',
  'workingDays',
] as const;

function details(e: TimelineEvent, i18n: I18n): string[] {
  const lines: string[] = [];
  if (e.reason) lines.push(i18n.t('common.labelValue', { label: i18n.t('form.reason'), value: e.reason }));
  const data = e.data ?? {};
  for (const k of DETAIL_KEYS) {
    const v = data[k];
    if (v === undefined || v === null || v === '') continue;
    const label = i18n.t(`form.${k}` as MessageKey);
    const value = typeof v === 'string' ? i18n.te(k, v) : String(v);
    lines.push(i18n.t('common.labelValue', { label, value }));
  }
  return lines;
}

export function CaseTimeline({ caseId }: { caseId: string }) {
  const i18n = useI18n();
  const errorText = useErrorText();
  const timeline = useCaseTimeline(caseId);
  if (timeline.isLoading) return <Skeleton active />;
  if (timeline.error) return <Alert type="error" title={errorText(timeline.error)} />;
  const items = [...(timeline.data ?? [])].sort((a, b) => a.seq - b.seq);
  return (
    <Timeline
      items={items.map((e) => ({
        key: e.id ?? `${e.seq}-${e.type}`,
        color: colourOf(e.type),
        title: <Typography.Text type="secondary">{i18n.dateTime(e.at)}</Typography.Text>,
        content: (
          <>
            <Typography.Text strong>{sentence(e, i18n)}</Typography.Text>
            {details(e, i18n).map((line) => (
              <Typography.Paragraph key={line} type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {line}
              </Typography.Paragraph>
            ))}
          </>
        ),
      }))}
    />
  );
}
