import { App, Button, Drawer, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { newIdempotencyKey } from '../../../lib/api/client.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { enqueue } from '../offline/queue.ts';

export const VISIT_KINDS = ['routine', 'appointment', 'follow_up'] as const;

export interface VisitTarget {
  householdId: string;
  label: string;
  taskId?: string;
}

interface Values {
  kind: (typeof VISIT_KINDS)[number];
  note: string;
}

/** A home visit, recorded on the phone (the household is always named) and sent when there is a signal. */
export function VisitDrawer({
  target,
  onClose,
  onQueued,
}: {
  target: VisitTarget | null;
  onClose: () => void;
  onQueued: () => void;
}) {
  const { t, te } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    if (!target) return;
    setBusy(true);
    try {
      await enqueue('visit.record', {
        id: `v-${newIdempotencyKey()}`,
        householdId: target.householdId,
        kind: v.kind,
        note: v.note.trim(),
        at: new Date().toISOString(),
        ...(target.taskId ? { taskId: target.taskId } : {}),
      });
      message.success(t('fieldApp.queued'));
      form.resetFields();
      onQueued();
      onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      placement="bottom"
      size={480}
      title={t('fieldApp.visit.title')}
      destroyOnHidden
    >
      {target ? (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: target.taskId ? 'follow_up' : 'routine' }}
          onFinish={submit}
        >
          <Typography.Paragraph type="secondary">{target.label}</Typography.Paragraph>
          <Form.Item name="kind" label={t('fieldApp.visit.kind')}>
            <Radio.Group
              optionType="button"
              options={VISIT_KINDS.map((k) => ({ value: k, label: te('fieldApp.visitKind', k) }))}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('fieldApp.visit.note')}
            rules={[{ required: true, whitespace: true, message: t('fieldApp.required') }]}
          >
            <Input.TextArea id="visit-note" rows={3} maxLength={4000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} id="visit-submit">
            {t('fieldApp.visit.submit')}
          </Button>
        </Form>
      ) : null}
    </Drawer>
  );
}
