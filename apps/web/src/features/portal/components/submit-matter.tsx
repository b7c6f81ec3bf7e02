import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { CategorySelect } from '../../../components/category-select.tsx';
import { newIdempotencyKey } from '../../../lib/api/client.ts';
import type { Case, CaseKind, NewCase } from '../../../lib/api/types.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useSubmitMatter } from '../api/portal-api.ts';
import { TrackingCode } from './copy-code.tsx';
import { PHONE_RE } from './phone.ts';
import { PlaceSelect } from './place-select.tsx';
import { Panel } from './ui.tsx';

const KINDS: CaseKind[] = ['dispute', 'complaint', 'suggestion', 'consultation', 'hazard'];

interface Values {
  kind: CaseKind;
  categoryCode: string;
  description: string;
  address?: string;
  regionId?: string;
  name?: string;
  phone?: string;
}

/** Signed-in residents are the applicant already; an anonymous one leaves at least a phone. */
export function toResidentCase(
  v: Values,
  channel: 'web' | 'app',
  anonymousName: string,
  signedIn: boolean,
): NewCase {
  const name = v.name?.trim() || anonymousName;
  const applicant = signedIn ? [] : [{ role: 'applicant' as const, name, phone: v.phone }];
  return {
    kind: v.kind,
    channel,
    categoryCode: v.categoryCode,
    description: v.description.trim(),
    place: {
      ...(v.address?.trim() ? { address: v.address.trim() } : {}),
      ...(v.regionId ? { regionId: v.regionId } : {}),
    },
    ...(applicant.length ? { parties: applicant } : {}),
  };
}

export function SubmitMatter({ onTrack, signedIn }: { onTrack: (code: string) => void; signedIn: boolean }) {
  const { t, te } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [key, setKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<Case | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmitMatter();
  const standalone =
    typeof window !== 'undefined' && window.matchMedia?.('(display-mode: standalone)').matches;

  const onFinish = async (values: Values) => {
    setError(null);
    try {
      setDone(
        await submit.mutateAsync({
          body: toResidentCase(values, standalone ? 'app' : 'web', t('portal.form.anonymousName'), signedIn),
          key,
        }),
      );
      setKey(newIdempotencyKey());
    } catch (err) {
      setError(errorText(err));
    }
  };

  if (done) {
    return (
      <Panel testId="submit-done">
        <div className="portal-done">
          <CheckCircleFilled style={{ fontSize: 48, color: '#389e0d' }} aria-hidden />
          <h2>{t('portal.done.title')}</h2>
          <p className="portal-muted">{t('portal.done.sub')}</p>
          <TrackingCode code={done.trackingCode} />
          <Button
            type="primary"
            size="large"
            style={{ marginTop: 16 }}
            onClick={() => onTrack(done.trackingCode)}
          >
            {signedIn ? t('portal.mine') : t('portal.done.track')}
          </Button>
        </div>
      </Panel>
    );
  }

  return (
    <Panel title={t('portal.submit')}>
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        onFinish={onFinish}
        initialValues={{ kind: 'dispute' }}
        onValuesChange={(changed) => changed.kind && form.setFieldValue('categoryCode', undefined)}
      >
        <Form.Item name="kind" label={t('portal.form.kind')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={KINDS.map((k) => ({ value: k, label: te('kind', k) }))} />
        </Form.Item>
        <Form.Item
          name="categoryCode"
          label={t('portal.form.category')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <CategorySelect kind={kind} size="large" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('portal.form.description')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { min: 5, message: t('portal.form.descriptionShort') },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 8 }}
            maxLength={2000}
            showCount
            placeholder={t('portal.form.descriptionPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="regionId" label={t('portal.form.region')}>
          <PlaceSelect />
        </Form.Item>
        <Form.Item name="address" label={t('portal.form.address')}>
          <Input maxLength={200} />
        </Form.Item>
        {signedIn ? (
          <Alert type="info" showIcon title={t('portal.form.signedInAs')} style={{ marginBottom: 16 }} />
        ) : (
          <>
            <Form.Item name="name" label={t('portal.form.name')}>
              <Input maxLength={50} placeholder={t('portal.form.namePlaceholder')} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('portal.form.phone')}
              extra={t('portal.form.phoneHint')}
              rules={[{ required: true, pattern: PHONE_RE, message: t('portal.form.phoneInvalid') }]}
            >
              <Input inputMode="tel" maxLength={11} autoComplete="tel" />
            </Form.Item>
          </>
        )}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={submit.isPending}>
          {t('portal.form.submit')}
        </Button>
      </Form>
    </Panel>
  );
}
