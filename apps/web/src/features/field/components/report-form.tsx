import { AimOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { Today } from '../api/types.ts';
import { locate, type Position } from '../offline/locate.ts';
import { enqueue } from '../offline/queue.ts';
import { PhotoInput } from './photo-input.tsx';

const KINDS = ['hazard', 'dispute', 'complaint'] as const;

interface Values {
  kind: (typeof KINDS)[number];
  categoryCode: string;
  description: string;
  address?: string;
  urgent?: boolean;
  photo?: string;
}

/** A matter found in the field: photo, position, category, description; it becomes a case when sent. */
export function ReportForm({ today, onQueued }: { today: Today; onQueued: () => void }) {
  const { t, te } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'hazard';
  const [where, setWhere] = useState<Position | null>(null);
  const [locating, setLocating] = useState(false);
  const [busy, setBusy] = useState(false);

  const findMe = async () => {
    setLocating(true);
    try {
      setWhere(await locate());
    } catch {
      message.warning(t('fieldApp.report.noPosition'));
    } finally {
      setLocating(false);
    }
  };

  const submit = async (v: Values) => {
    if (!where) {
      message.warning(t('fieldApp.report.needPosition'));
      return;
    }
    setBusy(true);
    try {
      await enqueue(
        'case.report',
        {
          kind: v.kind,
          categoryCode: v.categoryCode,
          description: v.description.trim(),
          lat: where.lat,
          lon: where.lon,
          ...(v.address?.trim() ? { address: v.address.trim() } : {}),
          ...(v.urgent ? { urgent: true } : {}),
          ...(v.photo ? { photos: [v.photo] } : {}),
        },
        v.photo ? [v.photo] : [],
      );
      message.success(t('fieldApp.queued'));
      form.resetFields();
      setWhere(null);
      onQueued();
    } finally {
      setBusy(false);
    }
  };

  const categories = today.categories.filter((c) => !c.kinds?.length || c.kinds.includes(kind));
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ kind: 'hazard' }}
      onFinish={submit}
      id="field-report"
    >
      <Form.Item name="kind" label={t('fieldApp.report.kind')}>
        <Select id="report-kind" options={KINDS.map((k) => ({ value: k, label: te('kind', k) }))} />
      </Form.Item>
      <Form.Item
        name="categoryCode"
        label={t('fieldApp.report.category')}
        rules={[{ required: true, message: t('fieldApp.required') }]}
      >
        <Select
          id="report-category"
          showSearch={{ optionFilterProp: 'label' }}
          options={categories.map((c) => ({ value: c.code, label: c.name }))}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('fieldApp.report.description')}
        rules={[{ required: true, whitespace: true, min: 5, message: t('fieldApp.report.descriptionRule') }]}
      >
        <Input.TextArea id="report-description" rows={4} maxLength={4000} />
      </Form.Item>
      <Form.Item name="address" label={t('fieldApp.report.address')}>
        <Input id="report-address" maxLength={300} />
      </Form.Item>
      <Form.Item label={t('fieldApp.report.position')} required>
        <Space wrap>
          <Button icon={<AimOutlined />} loading={locating} onClick={findMe} id="report-locate">
            {t('fieldApp.report.locate')}
          </Button>
          {where ? (
            <Typography.Text type="secondary" id="report-position">
              {where.lat.toFixed(5)}, {where.lon.toFixed(5)}
            </Typography.Text>
          ) : null}
        </Space>
      </Form.Item>
      <Form.Item name="photo" label={t('fieldApp.photo')}>
        <PhotoInput id="report-photo" />
      </Form.Item>
      <Form.Item name="urgent" label={t('fieldApp.report.urgent')} valuePropName="checked">
        <Switch id="report-urgent" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} id="report-submit">
        {t('fieldApp.report.submit')}
      </Button>
    </Form>
  );
}
