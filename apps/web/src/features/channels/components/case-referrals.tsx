import { Alert, Button, Card, Form, Input, List, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../../lib/errors.ts';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';
import { type Referral, useCaseChannels } from '../api.ts';

type Step = { kind: 'refer' } | { kind: 'receipt' | 'result'; referral: Referral };
const OUTCOMES = ['resolved', 'declined', 'returned', 'filed'];

/** Referrals to the police (110) or a court, with the partner's receipt and result. */
export function CaseReferrals({ caseId, canRefer }: { caseId: string; canRefer: boolean }) {
  const { t, dateTime } = useI18n();
  const errorText = useErrorText();
  const { referrals, refer, reply } = useCaseChannels(caseId);
  const [step, setStep] = useState<Step | null>(null);
  const [form] = Form.useForm();
  const busy = refer.isPending || reply.isPending;
  const error = refer.error ?? reply.error;
  const onOk = async () => {
    const v = await form.validateFields();
    const close = { onSuccess: () => setStep(null) };
    if (step?.kind === 'refer') refer.mutate(v, close);
    else if (step) reply.mutate({ id: step.referral.id, stage: step.kind, ...v }, close);
  };
  const title =
    step?.kind === 'refer'
      ? t('channels.case.refer')
      : step?.kind === 'receipt'
        ? t('channels.case.receipt')
        : t('channels.case.result');
  return (
    <Card
      size="small"
      title={t('channels.case.referrals')}
      extra={
        canRefer ? (
          <Button size="small" onClick={() => setStep({ kind: 'refer' })}>
            {t('channels.case.refer')}
          </Button>
        ) : null
      }
    >
      <List
        size="small"
        loading={referrals.isLoading}
        dataSource={referrals.data?.items ?? []}
        locale={{ emptyText: t('channels.case.none') }}
        renderItem={(r) => (
          <List.Item
            actions={
              canRefer && r.status !== 'concluded'
                ? [
                    r.status === 'sent' ? (
                      <Button
                        key="receipt"
                        size="small"
                        onClick={() => setStep({ kind: 'receipt', referral: r })}
                      >
                        {t('channels.case.receipt')}
                      </Button>
                    ) : null,
                    <Button
                      key="result"
                      size="small"
                      onClick={() => setStep({ kind: 'result', referral: r })}
                    >
                      {t('channels.case.result')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {t(`channels.case.partner.${r.partner}` as MessageKey)}
                  <Tag>{t(`channels.case.refStatus.${r.status}` as MessageKey)}</Tag>
                  {r.outcome ? (
                    <Tag color="green">{t(`channels.case.outcome.${r.outcome}` as MessageKey)}</Tag>
                  ) : null}
                </Space>
              }
              description={`${dateTime(r.createdAt)} · ${r.externalRef}${r.outcomeNote ? ` · ${r.outcomeNote}` : ''}`}
            />
          </List.Item>
        )}
      />
      <Modal
        open={!!step}
        title={title}
        okText={t('channels.case.ok')}
        confirmLoading={busy}
        onOk={onOk}
        onCancel={() => setStep(null)}
        destroyOnHidden
      >
        {error ? <Alert type="error" title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" preserve={false}>
          {step?.kind === 'refer' ? (
            <Form.Item name="partner" label={t('channels.case.partner')} rules={[{ required: true }]}>
              <Select
                options={['police', 'court'].map((p) => ({
                  value: p,
                  label: t(`channels.case.partner.${p}` as MessageKey),
                }))}
              />
            </Form.Item>
          ) : null}
          {step?.kind === 'result' ? (
            <Form.Item name="outcome" label={t('channels.case.outcome')} rules={[{ required: true }]}>
              <Select
                options={OUTCOMES.map((o) => ({
                  value: o,
                  label: t(`channels.case.outcome.${o}` as MessageKey),
                }))}
              />
            </Form.Item>
          ) : null}
          {step?.kind !== 'result' ? (
            <Form.Item name="externalRef" label={t('channels.case.externalRef')}>
              <Input maxLength={100} />
            </Form.Item>
          ) : null}
          <Form.Item
            name="note"
            label={t('channels.case.note')}
            rules={step?.kind === 'receipt' ? [] : [{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
