import { Card, Checkbox, Flex, Form, Input, Radio } from 'antd';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { MediationBundle } from '../api.ts';
import { Confirmations, ConfirmationWindowNote } from './confirmation-decision.tsx';
import { ActionForm } from './form-modal.tsx';
import { SignaturePad } from './signature-pad.tsx';

interface ConfirmValues {
  courtName: string;
  factsAndReasons: string;
  declarationAccepted: boolean;
  sig: Record<string, string | null>;
  phones?: Record<string, string>;
}

/** After the mediation: the outcome, one step up the ladder, the referral on failure, judicial confirmation. */
export function CourtPanel({ data, isMediator }: { data: MediationBundle; isMediator: boolean }) {
  const { t, te } = useI18n();
  const { m, agreement } = data;
  const can = (a: string) => m.allowedActions.includes(a);
  const r = [{ required: true, whitespace: true, message: t('common.required') }];
  const effective = agreement?.status === 'effective';
  const confirmations = data.documents.confirmations;
  // one live application per version: another only once the court has turned it down
  const pending = confirmations.some(
    (c) => c.agreementId === agreement?.id && c.status !== 'not_accepted' && c.status !== 'dismissed',
  );
  if (!can('recordOutcome') && !(isMediator && effective) && !confirmations.length) return null;
  return (
    <Card title={t('mediation.court.title')} data-testid="court-panel">
      <Flex gap={8} wrap>
        {can('recordOutcome') ? (
          <ActionForm<{ outcome: string; note: string }>
            label={t('mediation.outcome.record')}
            title={t('mediation.outcome.record')}
            action="outcome"
            path={`/mediations/${m.id}/outcome`}
            initialValues={{ outcome: effective ? 'agreement' : 'failed' }}
          >
            <Form.Item name="outcome" label={t('mediation.outcome.label')}>
              <Radio.Group
                options={(['agreement', 'failed'] as const).map((o) => ({
                  value: o,
                  label: te('mediation.e.mediationOutcome', o),
                }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('mediation.outcome.note')} rules={r}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
            </Form.Item>
          </ActionForm>
        ) : null}
        {can('escalateStep') ? (
          <ActionForm<{ reason: string }>
            label={t('mediation.escalate')}
            title={t('mediation.escalate')}
            action="escalate-step"
            path={`/mediations/${m.id}/escalate-step`}
          >
            <Form.Item name="reason" label={t('mediation.escalate.reason')} rules={r}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </ActionForm>
        ) : null}
        {can('refer') ? (
          <ActionForm<{ to: string; receivingBody: string; failureReason: string; claims?: string }>
            label={t('mediation.refer')}
            title={t('mediation.refer')}
            action="refer"
            danger
            path={`/mediations/${m.id}/referral`}
            initialValues={{ to: 'court' }}
          >
            <Form.Item name="to" label={t('mediation.refer.to')}>
              <Radio.Group
                options={(['court', 'arbitration'] as const).map((o) => ({
                  value: o,
                  label: te('mediation.e.referTo', o),
                }))}
              />
            </Form.Item>
            <Form.Item name="receivingBody" label={t('mediation.refer.body')} rules={r}>
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item name="failureReason" label={t('mediation.refer.reason')} rules={r}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
            </Form.Item>
            <Form.Item name="claims" label={t('mediation.refer.claims')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
            </Form.Item>
          </ActionForm>
        ) : null}
        {isMediator && effective && agreement && !pending ? (
          <ActionForm<ConfirmValues>
            label={t('mediation.confirm.apply')}
            title={t('mediation.confirm.apply')}
            action="confirmation"
            width={640}
            path={`/mediation/agreements/${agreement.id}/confirmation`}
            initialValues={{ declarationAccepted: false }}
            toBody={(v) => ({
              court: { id: `court:${v.courtName.trim()}`, name: v.courtName.trim() },
              courtBasis: 'mediation_organisation_seat',
              factsAndReasons: v.factsAndReasons,
              declarationAccepted: v.declarationAccepted === true,
              phones: Object.fromEntries(
                Object.entries(v.phones ?? {})
                  .map(([k, x]) => [k, x?.trim()] as const)
                  .filter(([, x]) => !!x),
              ),
              signatures: Object.entries(v.sig ?? {})
                .filter(([, png]) => !!png)
                .map(([partyId, png]) => ({ partyId, imagePngBase64: png })),
            })}
          >
            <Form.Item name="courtName" label={t('mediation.confirm.court')} rules={r}>
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item name="factsAndReasons" label={t('mediation.confirm.facts')} rules={r}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={8000} />
            </Form.Item>
            {agreement.text.parties.map((p) => (
              <Form.Item
                key={`phone-${p.id}`}
                name={['phones', p.id]}
                label={t('mediation.confirm.phone', { name: p.name })}
                rules={p.phone ? [] : r}
              >
                <Input maxLength={30} placeholder={typeof p.phone === 'string' ? p.phone : undefined} />
              </Form.Item>
            ))}
            {agreement.text.parties.map((p) => (
              <Form.Item
                key={p.id}
                name={['sig', p.id]}
                label={t('mediation.confirm.signature', { name: p.name })}
              >
                <SignaturePad onChange={() => {}} height={120} testId={`confirm-pad-${p.id}`} />
              </Form.Item>
            ))}
            <Form.Item name="declarationAccepted" valuePropName="checked">
              <Checkbox>{t('mediation.confirm.declaration')}</Checkbox>
            </Form.Item>
          </ActionForm>
        ) : null}
      </Flex>
      {effective && agreement && !pending ? <ConfirmationWindowNote agreementId={agreement.id} /> : null}
      <Confirmations items={confirmations} isMediator={isMediator} mediationId={m.id} />
    </Card>
  );
}
