import { App, Button, Drawer, Form, Input, InputNumber, Radio, Switch } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api/client.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { fieldApi } from '../api/field-api.ts';
import type { RegisterInput } from '../api/types.ts';

const KINDS = ['person', 'building', 'place', 'organisation'] as const;
const FIELDS = ['name', 'address', 'phone', 'idNumber', 'concern', 'visitsPerWeek'] as const;
type Values = RegisterInput & { watched?: boolean };

/** Adds a person, building, place or organisation to the grid register (online); the server's coded errors show under the field. */
export function RegisterAdd({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t, te } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const watched = Form.useWatch('watched', form);
  const submit = async (v: Values) => {
    setBusy(true);
    const opt = (s?: string) => (s?.trim() ? s.trim() : undefined);
    try {
      await fieldApi.addEntry({
        kind: v.kind,
        name: v.name.trim(),
        address: opt(v.address),
        ...(v.kind === 'person'
          ? {
              phone: opt(v.phone),
              idNumber: opt(v.idNumber),
              ...(v.watched ? { concern: opt(v.concern), visitsPerWeek: v.visitsPerWeek } : {}),
            }
          : {}),
      });
      message.success(t('fieldApp.reg.added'));
      form.resetFields();
      onAdded();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const name = FIELDS.find((f) => e.field === f || e.field?.endsWith(`.${f}`));
      if (name) form.setFields([{ name, errors: [e.message] }]);
      else message.error(e.message);
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, whitespace: true, message: t('fieldApp.required') }];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="bottom"
      size="88vh"
      title={t('fieldApp.reg.addTitle')}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'person', visitsPerWeek: 3 }}
        onFinish={submit}
      >
        <Form.Item name="kind" label={t('fieldApp.reg.kindLabel')}>
          <Radio.Group
            optionType="button"
            id="reg-kind"
            options={KINDS.map((k) => ({ value: k, label: te('fieldApp.reg.kind', k) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('fieldApp.reg.name')} rules={required}>
          <Input id="reg-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="address" label={t('fieldApp.reg.address')}>
          <Input id="reg-address" maxLength={300} />
        </Form.Item>
        {kind === 'person' ? (
          <>
            <Form.Item name="phone" label={t('fieldApp.reg.phone')}>
              <Input id="reg-phone" inputMode="tel" maxLength={20} />
            </Form.Item>
            <Form.Item name="idNumber" label={t('fieldApp.reg.idNumber')}>
              <Input id="reg-id-number" maxLength={18} />
            </Form.Item>
            <Form.Item name="watched" label={t('fieldApp.reg.watched')} valuePropName="checked">
              <Switch id="reg-watched" />
            </Form.Item>
            {watched ? (
              <>
                <Form.Item name="concern" label={t('fieldApp.reg.concern')} rules={required}>
                  <Input.TextArea id="reg-concern" rows={2} maxLength={500} />
                </Form.Item>
                <Form.Item
                  name="visitsPerWeek"
                  label={t('fieldApp.reg.perWeek')}
                  rules={[{ required: true, message: t('fieldApp.required') }]}
                >
                  <InputNumber id="reg-per-week" min={1} max={14} />
                </Form.Item>
              </>
            ) : null}
          </>
        ) : null}
        <Button type="primary" htmlType="submit" block loading={busy} id="reg-submit">
          {t('fieldApp.reg.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
