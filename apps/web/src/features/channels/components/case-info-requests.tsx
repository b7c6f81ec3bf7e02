import { Alert, Button, Card, Form, Input, InputNumber, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../../lib/errors.ts';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';
import { useCaseChannels } from '../api.ts';

const STATE_COLOUR = { open: 'blue', answered: 'green', expired: 'default' } as const;

/** The handler or dispatcher asks the resident for more information through an expiring link. */
export function CaseInfoRequests({ caseId, canAsk }: { caseId: string; canAsk: boolean }) {
  const { t, dateTime } = useI18n();
  const errorText = useErrorText();
  const { info, ask } = useCaseChannels(caseId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ question: string; expiresInHours: number }>();
  const onOk = async () => {
    const v = await form.validateFields();
    ask.mutate(v, { onSuccess: () => setOpen(false) });
  };
  const items = info.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('channels.case.info')}
      extra={
        canAsk ? (
          <Button size="small" onClick={() => setOpen(true)}>
            {t('channels.case.ask')}
          </Button>
        ) : null
      }
    >
      {ask.data ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <span>
              {t('channels.case.linkOnce')} <Typography.Text copyable>{ask.data.link}</Typography.Text>{' '}
              {t(ask.data.smsSent ? 'channels.case.smsSent' : 'channels.case.smsNotSent')}
            </span>
          }
        />
      ) : null}
      {ask.error && !open ? <Alert type="error" title={errorText(ask.error)} /> : null}
      <List
        size="small"
        loading={info.isLoading}
        dataSource={items}
        locale={{ emptyText: t('channels.case.none') }}
        renderItem={(q) => (
          <List.Item
            extra={
              <Tag color={STATE_COLOUR[q.state]}>{t(`channels.case.state.${q.state}` as MessageKey)}</Tag>
            }
          >
            <List.Item.Meta
              title={q.question}
              description={`${dateTime(q.requestedAt)} → ${dateTime(q.expiresAt)}`}
            />
          </List.Item>
        )}
      />
      <Modal
        open={open}
        title={t('channels.case.ask')}
        okText={t('channels.case.ok')}
        confirmLoading={ask.isPending}
        onOk={onOk}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {ask.error ? <Alert type="error" title={errorText(ask.error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" initialValues={{ expiresInHours: 72 }}>
          <Form.Item name="question" label={t('channels.case.question')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={4} maxLength={1000} />
          </Form.Item>
          <Form.Item name="expiresInHours" label={t('channels.case.hours')} rules={[{ required: true }]}>
            <InputNumber min={1} max={720} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
