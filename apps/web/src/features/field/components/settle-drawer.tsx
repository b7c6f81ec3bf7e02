import { App, Button, Drawer, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { FieldCase } from '../api/types.ts';
import { enqueue } from '../offline/queue.ts';
import { PhotoInput } from './photo-input.tsx';

interface Values {
  note: string;
  photo?: string;
}

/**
 * On-the-spot resolution of a green matter: a note (and a photo), kept on the phone and sent as the
 * `resolveOnSpot` step through the same queue as verification, with its own idempotency key.
 */
export function SettleDrawer({
  item,
  onClose,
  onQueued,
}: {
  item: FieldCase | null;
  onClose: () => void;
  onQueued: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    if (!item) return;
    setBusy(true);
    try {
      await enqueue(
        'case.act',
        {
          caseId: item.id,
          action: 'resolveOnSpot',
          version: item.version,
          payload: { note: v.note.trim() },
          ...(v.photo ? { photos: [v.photo] } : {}),
          base: {
            status: item.status,
            colour: item.colour,
            description: item.description,
            categoryCode: item.categoryCode,
          },
        },
        v.photo ? [v.photo] : [],
      );
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
      open={!!item}
      onClose={onClose}
      placement="bottom"
      size="80vh"
      title={t('fieldApp.settle.title')}
      destroyOnHidden
    >
      {item ? (
        <>
          <Typography.Paragraph type="secondary">
            {item.trackingCode} · {item.categoryName}
          </Typography.Paragraph>
          <Typography.Paragraph ellipsis={{ rows: 3 }}>{item.description}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('fieldApp.settle.hint')}</Typography.Paragraph>
          <Form<Values> form={form} layout="vertical" onFinish={submit}>
            <Form.Item
              name="note"
              label={t('fieldApp.settle.note')}
              rules={[{ required: true, whitespace: true, message: t('fieldApp.required') }]}
            >
              <Input.TextArea id="settle-note" rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="photo" label={t('fieldApp.photo')}>
              <PhotoInput id="settle-photo" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} id="settle-submit">
              {t('fieldApp.settle.submit')}
            </Button>
          </Form>
        </>
      ) : null}
    </Drawer>
  );
}
