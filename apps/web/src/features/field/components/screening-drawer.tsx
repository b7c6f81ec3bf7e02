import { App, Button, Drawer, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { Household, Screening } from '../api/types.ts';
import { enqueue } from '../offline/queue.ts';

type Values = { householdId: string } & Record<string, string | boolean | undefined>;

/** A dispute screening form answered for one household, kept on the phone and sent with the queue. */
export function ScreeningDrawer({
  campaign,
  households,
  onClose,
  onQueued,
}: {
  campaign: Screening | null;
  households: Household[];
  onClose: () => void;
  onQueued: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ householdId, ...rest }: Values) => {
    if (!campaign) return;
    setBusy(true);
    try {
      const answers: Record<string, string | boolean> = {};
      for (const f of campaign.form) {
        const v = rest[`a_${f.key}`];
        if (typeof v === 'boolean' || (typeof v === 'string' && v.trim())) answers[f.key] = v;
      }
      await enqueue('screening.respond', {
        campaignId: campaign.id,
        householdId,
        answers,
        at: new Date().toISOString(),
      });
      message.success(t('fieldApp.queued'));
      form.resetFields();
      onQueued();
      onClose();
    } finally {
      setBusy(false);
    }
  };
  const required = (yes?: boolean) =>
    yes ? [{ required: true, message: t('fieldApp.required') }] : undefined;
  return (
    <Drawer
      open={!!campaign}
      onClose={onClose}
      placement="bottom"
      size="88vh"
      title={campaign?.title ?? t('fieldApp.screening.title')}
      destroyOnHidden
    >
      {campaign ? (
        <Form<Values> form={form} layout="vertical" onFinish={submit} id="field-screening">
          <Typography.Paragraph type="secondary">
            {t('fieldApp.screening.period', { from: campaign.startsOn, to: campaign.endsOn })}
          </Typography.Paragraph>
          <Form.Item name="householdId" label={t('fieldApp.screening.household')} rules={required(true)}>
            <Select
              id="screening-household"
              showSearch
              optionFilterProp="label"
              options={households.map((h) => ({ value: h.id, label: `${h.headName} · ${h.address}` }))}
            />
          </Form.Item>
          {campaign.form.map((f) => (
            <Form.Item
              key={f.key}
              name={`a_${f.key}`}
              label={locale === 'en' ? f.labelEn : f.label}
              rules={required(f.required)}
            >
              {f.type === 'yes_no' ? (
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: true, label: t('fieldApp.screening.yes') },
                    { value: false, label: t('fieldApp.screening.no') },
                  ]}
                />
              ) : f.type === 'choice' ? (
                <Select options={(f.options ?? []).map((o) => ({ value: o, label: o }))} />
              ) : (
                <Input.TextArea rows={2} maxLength={2000} />
              )}
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" block loading={busy} id="screening-submit">
            {t('fieldApp.screening.submit')}
          </Button>
        </Form>
      ) : null}
    </Drawer>
  );
}
