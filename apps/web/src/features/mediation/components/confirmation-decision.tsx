import { Alert, Descriptions, Flex, Form, Input, Radio, Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { Documents } from '../api.ts';
import {
  daysBetween,
  shanghaiToday,
  useAgreementVersions,
  useConfirmationWindow,
} from './aftercare-queries.ts';
import { ActionForm } from './form-modal.tsx';

type Confirmation = Documents['confirmations'][number];

/** What the court may answer next: first whether it takes the application, then its ruling. */
const NEXT: Record<string, string[]> = {
  submitted: ['accepted', 'not_accepted'],
  accepted: ['confirmed', 'dismissed'],
};
const COLOUR: Record<string, string> = {
  submitted: 'blue',
  accepted: 'cyan',
  confirmed: 'green',
  not_accepted: 'red',
  dismissed: 'red',
};

const Nowrap = ({ children }: { children: string }) => (
  <span style={{ whiteSpace: 'nowrap' }}>{children}</span>
);

/** The 30 days from the agreement taking effect in which the parties may apply, with the days left. */
export function ConfirmationWindowNote({ agreementId }: { agreementId: string }) {
  const { t, te, date } = useI18n();
  const q = useConfirmationWindow(agreementId);
  const w = q.data;
  if (!w?.dueDate) return null;
  return (
    <Alert
      type={!w.open ? 'warning' : (w.daysLeft ?? 0) <= 5 ? 'warning' : 'info'}
      showIcon
      data-testid="confirmation-window"
      data-open={w.open ? 'yes' : 'no'}
      data-days-left={w.daysLeft ?? ''}
      title={
        w.open
          ? t('mediation.decision.windowOpen', { date: date(w.dueDate), n: w.daysLeft ?? 0 })
          : te('mediation.decision.windowShut', w.reason)
      }
      description={t('mediation.decision.windowFrom', { date: date(w.effectiveDate) })}
      style={{ marginTop: 12 }}
    />
  );
}

function DecisionForm({ c }: { c: Confirmation }) {
  const { t, te } = useI18n();
  const options = NEXT[c.status] ?? [];
  const r = [{ required: true, message: t('common.required') }];
  return (
    <ActionForm<{ status: string; decidedOn: string; caseNumber?: string; note?: string }>
      label={t('mediation.decision.record')}
      title={t('mediation.decision.record')}
      action="court-decision"
      path={`/mediation/confirmations/${c.id}/decision`}
      initialValues={{ status: options[0], decidedOn: shanghaiToday(), caseNumber: c.caseNumber ?? '' }}
      toBody={(v) => ({
        status: v.status,
        decidedOn: v.decidedOn.trim(),
        caseNumber: v.caseNumber?.trim() || undefined,
        note: v.note?.trim() || undefined,
      })}
    >
      <Form.Item name="status" label={t('mediation.decision.status')} rules={r}>
        <Radio.Group
          options={options.map((o) => ({ value: o, label: te('mediation.e.confirmationStatus', o) }))}
        />
      </Form.Item>
      <Form.Item
        name="decidedOn"
        label={t('mediation.decision.date')}
        rules={[
          ...r,
          { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('mediation.datePattern') },
          {
            validator: (_, v: string) =>
              v && v > shanghaiToday()
                ? Promise.reject(new Error(t('mediation.decision.notFuture')))
                : Promise.resolve(),
          },
        ]}
      >
        <Input maxLength={10} placeholder={t('mediation.datePattern')} />
      </Form.Item>
      <Form.Item name="caseNumber" label={t('mediation.decision.caseNumber')}>
        <Input maxLength={80} placeholder={t('mediation.decision.caseNumberHint')} />
      </Form.Item>
      <Form.Item name="note" label={t('mediation.decision.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </ActionForm>
  );
}

/** Each application for judicial confirmation: its window, the court's decision, and the form to record it. */
export function Confirmations({
  items,
  isMediator,
  mediationId,
}: {
  items: Confirmation[];
  isMediator: boolean;
  mediationId: string;
}) {
  const { t, te, date } = useI18n();
  const versions = useAgreementVersions(mediationId).data ?? [];
  const today = shanghaiToday();
  return (
    <Flex vertical gap={12} style={{ marginTop: 12 }}>
      {items.map((c) => {
        const left = daysBetween(today, c.windowDueDate);
        return (
          <div key={c.id} data-testid="confirmation" data-status={c.status} data-confirmation-id={c.id}>
            <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
              <Tag color={COLOUR[c.status]} data-testid="confirmation-status">
                {te('mediation.e.confirmationStatus', c.status)}
              </Tag>
              <Tag>
                {t('mediation.versions.version', {
                  v: versions.find((v) => v.id === c.agreementId)?.version ?? '?',
                })}
              </Tag>
              <span>{t('mediation.confirm.window', { date: date(c.windowDueDate) })}</span>
              {c.status === 'submitted' && left >= 0 ? (
                <Tag color={left <= 5 ? 'orange' : 'default'}>
                  {t('mediation.decision.daysLeft', { n: left })}
                </Tag>
              ) : null}
              {isMediator && NEXT[c.status] ? <DecisionForm c={c} /> : null}
            </Flex>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: 'applied',
                  label: t('mediation.decision.appliedOn'),
                  children: <Nowrap>{date(c.createdAt)}</Nowrap>,
                },
                {
                  key: 'number',
                  label: t('mediation.decision.caseNumber'),
                  children: c.caseNumber ?? t('common.none'),
                },
                ...(c.decidedAt
                  ? [
                      {
                        key: 'decided',
                        label: t('mediation.decision.date'),
                        children: <Nowrap>{date(c.decidedAt)}</Nowrap>,
                      },
                    ]
                  : []),
                ...(c.decisionNote
                  ? [{ key: 'note', label: t('mediation.decision.note'), children: c.decisionNote }]
                  : []),
              ]}
            />
          </div>
        );
      })}
    </Flex>
  );
}
