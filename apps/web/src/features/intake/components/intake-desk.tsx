import { App, Button, Card, Col, Form, Input, Radio, Result, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { CategorySelect } from '../../../components/category-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { RegionSelect } from '../../../components/region-select.tsx';
import { newIdempotencyKey } from '../../../lib/api/client.ts';
import {
  CASE_KINDS,
  type Case,
  type CaseKind,
  type NewCase,
  type PartyRole,
} from '../../../lib/api/types.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { DuplicateCheck } from '../../cases/components/duplicate-suggestions.tsx';
import { useRegisterCase } from '../api/intake-api.ts';
import { PartiesField } from './parties-field.tsx';

const DESK_CHANNELS = ['hotline', 'walk_in', 'letter'] as const;

interface Values {
  channel: (typeof DESK_CHANNELS)[number];
  kind: CaseKind;
  categoryCode: string;
  description: string;
  address?: string;
  regionId?: string;
  parties?: { role: PartyRole; name: string; phone?: string; idNumber?: string }[];
}

export function toNewCase(v: Values): NewCase {
  const parties = (v.parties ?? [])
    .filter((p) => p?.name?.trim())
    .map((p) => ({
      role: p.role,
      name: p.name.trim(),
      ...(p.phone?.trim() ? { phone: p.phone.trim() } : {}),
      ...(p.idNumber?.trim() ? { idNumber: p.idNumber.trim() } : {}),
    }));
  return {
    kind: v.kind,
    channel: v.channel,
    categoryCode: v.categoryCode,
    description: v.description.trim(),
    place: {
      ...(v.address?.trim() ? { address: v.address.trim() } : {}),
      ...(v.regionId ? { regionId: v.regionId } : {}),
    },
    ...(parties.length ? { parties } : {}),
  };
}

/** The draft the duplicate check needs; null until category, description and region are filled in. */
function duplicateDraft(v: Values) {
  if (!v.categoryCode || !v.description?.trim() || !v.regionId) return null;
  const c = toNewCase(v);
  return {
    kind: c.kind,
    description: c.description,
    categoryCode: c.categoryCode,
    place: { regionId: v.regionId, address: v.address?.trim() || null },
    parties: (c.parties ?? []).map((p) => ({ name: p.name, phone: p.phone ?? null })),
  };
}

export function IntakeDesk({ onOpenCase }: { onOpenCase: (id: string) => void }) {
  const { t, te } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [key, setKey] = useState(newIdempotencyKey);
  const [created, setCreated] = useState<Case | null>(null);
  const register = useRegisterCase();

  const submit = async (values: Values) => {
    try {
      setCreated(await register.mutateAsync({ body: toNewCase(values), key }));
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const again = () => {
    setCreated(null);
    setKey(newIdempotencyKey());
    form.resetFields();
  };

  if (created) {
    return (
      <Card>
        <Result
          status="success"
          title={t('desk.success')}
          subTitle={t('desk.successHint')}
          extra={[
            <Button key="open" type="primary" onClick={() => onOpenCase(created.id)}>
              {t('desk.openCase')}
            </Button>,
            <Button key="again" onClick={again}>
              {t('desk.another')}
            </Button>,
          ]}
        >
          <Typography.Title level={2} copyable className="tracking-code" style={{ textAlign: 'center' }}>
            {created.trackingCode}
          </Typography.Title>
        </Result>
      </Card>
    );
  }

  return (
    <>
      <PageHeader title={t('desk.title')} subtitle={t('desk.subtitle')} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ channel: 'hotline', kind: 'dispute', parties: [{ role: 'applicant' }] }}
          onValuesChange={(changed) => changed.kind && form.setFieldValue('categoryCode', undefined)}
          style={{ maxWidth: 960 }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label={t('desk.channel')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={DESK_CHANNELS.map((c) => ({ value: c, label: te('channel', c) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={t('desk.kind')} rules={[{ required: true }]}>
                <Select options={CASE_KINDS.map((k) => ({ value: k, label: te('kind', k) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="categoryCode"
            label={t('desk.category')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <CategorySelect kind={kind} placeholder={t('desk.categoryPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('desk.description')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 4, maxRows: 10 }}
              maxLength={4000}
              showCount
              placeholder={t('desk.descriptionPlaceholder')}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item name="address" label={t('desk.address')}>
                <Input maxLength={200} placeholder={t('desk.addressPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="regionId" label={t('desk.region')}>
                <RegionSelect placeholder={t('desk.regionPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('desk.parties')}</Typography.Title>
          <PartiesField />
          <DuplicateCheck getDraft={() => duplicateDraft(form.getFieldsValue())} />
          <Form.Item style={{ marginTop: 24 }}>
            <Button type="primary" htmlType="submit" size="large" loading={register.isPending}>
              {t('desk.submit')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
