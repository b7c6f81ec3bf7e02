import { App, Button, Collapse, Drawer, Form, Input, Radio, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { FieldCase } from '../api/types.ts';
import { enqueue } from '../offline/queue.ts';
import { PhotoInput } from './photo-input.tsx';

interface Values {
  passed: boolean;
  note: string;
  photo?: string;
}

/** On-site verification: a photo and a note, kept on the phone and sent as the `verify` step. */
export function VerifyDrawer({
  item,
  details,
  onClose,
  onQueued,
}: {
  item: FieldCase | null;
  /** the full case (timeline, parties, the desk's actions), shown when there is a signal */
  details?: ReactNode;
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
          action: 'verify',
          version: item.version,
          payload: { passed: v.passed, note: v.note.trim() },
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
      size="88vh"
      title={t('fieldApp.verify.title')}
      destroyOnHidden
    >
      {item ? (
        <>
          <Typography.Paragraph type="secondary">
            {item.trackingCode} · {item.categoryName}
          </Typography.Paragraph>
          <Typography.Paragraph ellipsis={{ rows: 3 }}>{item.description}</Typography.Paragraph>
          <Form<Values> form={form} layout="vertical" initialValues={{ passed: true }} onFinish={submit}>
            <Form.Item name="passed" label={t('fieldApp.verify.passed')}>
              <Radio.Group
                id="verify-passed"
                optionType="button"
                options={[
                  { value: true, label: t('fieldApp.verify.yes') },
                  { value: false, label: t('fieldApp.verify.no') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('fieldApp.verify.note')}
              rules={[{ required: true, whitespace: true, message: t('fieldApp.required') }]}
            >
              <Input.TextArea id="verify-note" rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="photo" label={t('fieldApp.photo')}>
              <PhotoInput id="verify-photo" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} id="verify-submit">
              {t('fieldApp.verify.submit')}
            </Button>
          </Form>
          {details ? (
            <Collapse
              ghost
              style={{ marginTop: 12 }}
              items={[{ key: 'details', label: t('fieldApp.verify.details'), children: details }]}
            />
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
